/**
 * Pure evaluation of a verified license against this machine, a clock and the build's release date to a Verdict.
 * May import: model.
 */
package com.netvizura.license.policy;
