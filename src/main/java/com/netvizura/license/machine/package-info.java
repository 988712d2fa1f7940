/**
 * Hardware probe (OSHI behind an interface), fingerprint, and the Installation Code's encoding and tolerant matching.
 * May import: model.
 */
package com.netvizura.license.machine;
