package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.InitialLicense;
import com.netvizura.license.it.NetVizuraIT;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The deployed plugin starts on the data directory its context parameter names (as a site sets
 * {@code netvizura.home}), and takes the key that was already there as the active one.
 */
class DataHomeIT extends NetVizuraIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(DataHomeIT.class, InitialLicense.VALID);
    }

    @Test
    @Tag(NetVizuraIT.SMOKE)
    void start_usesConfiguredDataDirectory_andTakesTheKeyFoundThereAsActive() throws Exception {
        Path state = dataHome().resolve("license/state.properties");
        assertTrue(Files.isRegularFile(state), "the service did not open " + dataHome());

        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(state)) {
            p.load(in);
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(activeKeyFile())));

        assertEquals(sha, p.getProperty("activeKeySha256"));
        assertTrue(Files.readString(activeKeyFile()).contains("BEGIN NETVIZURA LICENSE KEY"));
    }
}
