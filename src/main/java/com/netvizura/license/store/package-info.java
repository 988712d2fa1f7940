/**
 * The license data directory: atomic apply of a key, history of previous keys, audit log, epoch and the clock
 * high-water mark. Works on key bytes and license ids only. May import: model and key.
 */
package com.netvizura.license.store;
