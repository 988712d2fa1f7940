package com.netvizura.license.store;

import com.netvizura.license.model.Actor;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Child process for {@link KillDuringApplyTest}: opens the store (which repairs what the previous child left),
 * says "ready", then applies three keys in turn until it is killed.
 */
public final class ApplyLoop {

    static final String READY = "ready";
    static final String[] IDS = {"NVZ-K1", "NVZ-K2", "NVZ-K3"};

    private ApplyLoop() {
    }

    public static void main(String[] args) throws Exception {
        LicenseStore store = LicenseStore.open(Path.of(args[0]), TestKeys.IDS, Clock.systemUTC());
        Actor actor = new Actor("child", "127.0.0.1");
        System.out.println(READY);
        System.out.flush();
        for (long i = 0; ; i++) {
            String id = IDS[(int) (i % IDS.length)];
            store.apply(TestKeys.key(id), id, actor);
        }
    }
}
