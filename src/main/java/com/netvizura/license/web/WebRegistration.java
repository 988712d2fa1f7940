package com.netvizura.license.web;

import com.netvizura.license.service.LicenseService;
import jakarta.servlet.ServletContext;

/** Adds the plugin's listeners and filters to the application in code (see {@link LicenseInitializer} for why). */
final class WebRegistration {

    private WebRegistration() {
    }

    static void register(ServletContext context, LicenseService service) {
        // Filters and listeners are registered here as they are built.
    }
}
