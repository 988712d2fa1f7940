/**
 * The vendor's command-line tool (keygen, issue, inspect; picocli) and the build step that writes the trusted keys.
 * Never used by the web application and left out of the WAR (built into netvizura-license-issuer.jar instead).
 * May import: key, model and machine (decode only).
 */
package com.netvizura.license.issuer;
