package com.netvizura.license.it;

import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.machine.OshiHardwareProbe;
import com.netvizura.license.model.Actor;
import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.service.AppliedLicense;
import com.netvizura.license.service.LicenseDataException;
import com.netvizura.license.service.LicenseRefusedException;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.service.Settings;
import com.netvizura.license.service.SettingsReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;

/**
 * A second NetVizura node in the test JVM that shares the deployment's data directory: its own
 * {@link LicenseService} on {@code dataHome()}, trusting the development vendor key like the test WAR. Applying a key
 * here is what an admin on another node does; the deployed application must notice within about a second. It is
 * also the way ITs apply a key while Tomcat runs, without depending on the License page.
 */
public final class OtherNode {

    private final LicenseService service;

    private OtherNode(LicenseService service) {
        this.service = service;
    }

    /** A node on the data directory {@code home}. */
    public static OtherNode on(Path home) {
        Properties props = new Properties();
        props.setProperty(Settings.HOME, home.toString());
        Path publicKey = Path.of(System.getProperty("it.devVendorKey", "target/dev-vendor-key/private.pem"))
                .resolveSibling("public.pem");
        try {
            return new OtherNode(LicenseService.start(new SettingsReader(props, Map.of(), name -> null).read(),
                    new OshiHardwareProbe(home), TrustedKeys.of(PemKeys.readPublicKey(publicKey)), BuildInfo.current(),
                    Clock.systemDefaultZone(), "IT other node"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidKeyException | LicenseDataException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Applies {@code key} as an admin on this node would. */
    public AppliedLicense apply(byte[] key) throws LicenseRefusedException {
        return service.apply(key, new Actor("it-admin", "127.0.0.2"));
    }

    public LicenseService service() {
        return service;
    }
}
