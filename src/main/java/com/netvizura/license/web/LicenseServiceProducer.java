package com.netvizura.license.web;

import com.netvizura.license.service.LicenseService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.ServletContext;

/**
 * Makes the one {@link LicenseService} that {@link LicenseInitializer} started injectable. The producer is
 * {@link Singleton}, a pseudo-scope: beans get the instance itself, no client proxy, so the service can be a
 * {@code final} class without a no-argument constructor. Such an instance is not passivation capable, so a
 * view- or session-scoped bean keeps it in a {@code transient} field and asks {@link #orCurrent} after it was
 * deserialized.
 */
@ApplicationScoped
public class LicenseServiceProducer {

    @Inject
    ServletContext context;

    @Produces
    @Singleton
    public LicenseService licenseService() {
        return LicenseInitializer.service(context);
    }

    /** {@code injected}, or the service when serialization emptied the transient field that held it. */
    public static LicenseService orCurrent(LicenseService injected) {
        return injected != null ? injected : CDI.current().select(LicenseService.class).get();
    }
}
