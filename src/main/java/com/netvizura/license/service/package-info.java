/**
 * The application-scoped facade that the web layer and the host application call; reads the settings.
 * May import: every other part except web and issuer.
 */
package com.netvizura.license.service;
