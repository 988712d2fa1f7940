package com.netvizura.license.web.page;

import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorKeyPair;
import com.netvizura.license.machine.MachineFacts;
import com.netvizura.license.model.BuildInfo;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.service.Settings;
import com.netvizura.license.service.SettingsReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A view-scoped bean lives in the session (and so does the session-scoped {@link HeldKey}), which Tomcat writes to disk on a restart (and a cluster replicates): it
 * must serialize without the service, which is no state of the view and is not serializable.
 */
class ViewScopedSerializationTest {

    private static final MachineFacts HERE = new MachineFacts(null, null, "BFEBFBFF000906EA",
            "3d1219c7c4c5404aaa1f6d2a48adfda4", List.of("02:fc:00:00:00:01"), null, "nv1", "Debian GNU/Linux 12");

    @TempDir
    Path home;

    private LicenseService started;

    private LicenseService service() throws Exception {
        Properties sys = new Properties();
        sys.setProperty(Settings.HOME, home.toString());
        started = LicenseService.start(new SettingsReader(sys, Map.of(), name -> null).read(), () -> HERE,
                TrustedKeys.of(VendorKeyPair.generate().publicKey()), new BuildInfo("1.0.0", LocalDate.now()),
                Clock.systemUTC(), "test");
        return started;
    }

    /** The probe's thread reads the data directory after the start: it must end before the directory is removed. */
    @AfterEach
    void stopService() {
        if (started != null) {
            started.stop();
        }
    }

    @Test
    void keyApply_serializesWithoutTheServiceAndKeepsItsState() throws Exception {
        KeyApply apply = new KeyApply();
        apply.service = service();
        apply.held = new HeldKey();

        byte[] bytes = serialize(apply);
        KeyApply back = (KeyApply) deserialize(bytes);

        assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains(LicenseService.class.getName()),
                "the service's class is not in the stream");
        assertNull(back.service, "looked up again on first use, not carried along");
        assertEquals(apply.getWarnings(), back.getWarnings());
    }

    @Test
    void heldKey_serializesWithoutTheService() throws Exception {
        HeldKey held = new HeldKey();
        held.service = service();

        byte[] bytes = serialize(held);
        HeldKey back = (HeldKey) deserialize(bytes);

        assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains(LicenseService.class.getName()),
                "the service's class is not in the stream");
        assertNull(back.service, "looked up again on first use, not carried along");
        assertFalse(back.isWaiting());
    }

    private static byte[] serialize(Serializable bean) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(bean);
        }
        return out.toByteArray();
    }

    private static Object deserialize(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
