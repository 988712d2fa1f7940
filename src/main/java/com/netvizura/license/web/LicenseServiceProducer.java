package com.netvizura.license.web;

import com.netvizura.license.service.LicenseService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

/** Makes the one {@link LicenseService} that {@link LicenseInitializer} started injectable as an application-scoped bean. */
@ApplicationScoped
public class LicenseServiceProducer {

    @Inject
    ServletContext context;

    @Produces
    @ApplicationScoped
    LicenseService licenseService() {
        return LicenseInitializer.service(context);
    }
}
