/**
 * Faces backing beans, servlet filters, listeners and the initializer.
 * May import: service and model.
 */
package com.netvizura.license.web;
