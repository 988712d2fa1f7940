/**
 * Start-up (initializer, registration, shutdown, the CDI producer) and the request rules every room shares: admin
 * gate, same origin, redirect target, partial response, paths, security headers, plain pages.
 * May import: service and model; only the start-up classes (LicenseInitializer, WebRegistration) import the rooms.
 */
package com.netvizura.license.web;
