package com.netvizura.license.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops what the plugin started when the application stops (undeploy, redeploy, Tomcat shutdown), so that a
 * redeploy leaves no copy of the application in memory. {@link LicenseInitializer} registers it in code, so it runs
 * in an overlay too. Each step is a named action; a step that fails is logged and the next one still runs. A part
 * that starts something (a thread, a scheduler, a native resource) adds its stop here with {@link #then}, or, when
 * the service owns it, in {@code LicenseService.stop()}.
 */
public final class LicenseShutdown implements ServletContextListener {

    private record Step(String name, Runnable action) {
    }

    private final ServletContext context;
    private final List<Step> steps = new ArrayList<>();

    LicenseShutdown(ServletContext context) {
        this.context = context;
    }

    /** Adds {@code action}, run after the steps added before it; {@code name} says what it does, for the log. */
    LicenseShutdown then(String name, Runnable action) {
        steps.add(new Step(name, action));
        return this;
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        for (Step step : steps) {
            try {
                step.action().run();
            } catch (RuntimeException e) {
                context.log(WebRegistration.PREFIX + "could not " + step.name() + " while stopping: " + e, e);
            }
        }
    }
}
