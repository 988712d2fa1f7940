/**
 * The data directory
 * May import:  atomic apply, history, audit log, epoch and the clock high-water mark.:model and key.
 */
package com.netvizura.license.store;
