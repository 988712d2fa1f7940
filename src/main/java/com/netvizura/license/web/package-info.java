/**
 * Faces backing beans, servlet filters, listeners and the initializer.
 * May import: service and model (and the store and mail records the service hands through: Actor, HistoryEntry,
 * StoreException, SendResult).
 */
package com.netvizura.license.web;
