/**
 * The vendor's command-line tool (keygen, issue, inspect); never used by the web application.
 * May import: key, model and machine (decode only).
 */
package com.netvizura.license.issuer;
