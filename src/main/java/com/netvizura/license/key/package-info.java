/**
 * Armored license key format v1, JWS parse/format and the Ed25519 signature check with the trusted vendor keys.
 * May import: model.
 */
package com.netvizura.license.key;
