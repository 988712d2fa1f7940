/**
 * The facade that the web layer and the host application call ({@code LicenseService}), the three parts behind it
 * (active license, key application, details sender), and the settings with their reader.
 * May import: every other part except web and issuer.
 */
package com.netvizura.license.service;
