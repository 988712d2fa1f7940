/**
 * The License Details text, the mailto link and the SMTP sender.
 * May import: model.
 */
package com.netvizura.license.mail;
