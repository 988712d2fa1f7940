package com.netvizura.license.model;

/** How urgently a verdict needs the admin's attention; the UI colours by it. */
public enum Severity {
    OK, INFO, WARNING, ERROR
}
