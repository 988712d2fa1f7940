package com.netvizura.license.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Properties;

/**
 * The version and release date of this build, written by Maven into {@code com/netvizura/license/build.properties}.
 *
 * @param version     the product version, e.g. {@code 1.0.0}
 * @param releaseDate the day this build was released; a perpetual license covers it when maintenance had not ended then
 */
public record BuildInfo(String version, LocalDate releaseDate) {

    static final String RESOURCE = "/com/netvizura/license/build.properties";
    static final String ERROR_MISSING = "build.properties is missing from the classpath: build with Maven, which writes it";

    public BuildInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(releaseDate, "releaseDate");
    }

    /** Reads the build's own resource; fails loudly when the build did not write it. */
    public static BuildInfo current() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ERROR_MISSING);
            }
            Properties p = new Properties();
            p.load(in);
            return new BuildInfo(p.getProperty("version"), LocalDate.parse(p.getProperty("releaseDate")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
