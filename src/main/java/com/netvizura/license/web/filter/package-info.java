/**
 * The servlet filters, one job each, and the session epoch they share.
 * May import: web (its request rules), service and model.
 */
package com.netvizura.license.web.filter;
