/**
 * The status API, its metrics and the endpoints that take usage reports and keys.
 * May import: web (its request rules), service and model.
 */
package com.netvizura.license.web.api;
