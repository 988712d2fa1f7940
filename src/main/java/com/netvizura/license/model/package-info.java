/**
 * Immutable records and enums of the license domain: licenses, verdicts, installation codes.
 * Imports nothing of the project; every other part may import it.
 */
package com.netvizura.license.model;
