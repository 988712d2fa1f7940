package com.netvizura.license.store;

import java.io.IOException;

/** Test hook: told when an apply reaches a step; an exception thrown here acts like a failure at that point. */
@FunctionalInterface
interface ApplyStepListener {

    ApplyStepListener NONE = step -> { };

    void reached(ApplyStep step) throws IOException;
}
