package com.netvizura.license.mail;

import com.netvizura.license.mail.SmtpSettings.Security;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmtpSettingsTest {

    @Test
    void of_givesTheDocumentedDefaults() {
        SmtpSettings s = SmtpSettings.of("mail.example.com", "nv01");

        assertEquals(587, s.port());
        assertEquals(Security.STARTTLS, s.security());
        assertEquals("netvizura@nv01", s.from());
        assertEquals(Duration.ofSeconds(10), s.timeout());
        assertEquals(Optional.empty(), s.usernameIfAny());
        assertEquals("netvizura@localhost", SmtpSettings.defaultFrom(null));
    }

    @Test
    void fromSetting_readsTheThreeValuesInAnyCase() {
        assertEquals(Optional.of(Security.NONE), Security.fromSetting("none"));
        assertEquals(Optional.of(Security.STARTTLS), Security.fromSetting(" StartTLS "));
        assertEquals(Optional.of(Security.TLS), Security.fromSetting("TLS"));
        assertEquals(Optional.empty(), Security.fromSetting("ssl"));
        assertEquals(Optional.empty(), Security.fromSetting(null));
    }

    @Test
    void toString_neverShowsThePassword() {
        String text = SmtpSettings.of("mail.example.com", "nv01").withLogin("netvizura", "hunter2-secret").toString();

        assertFalse(text.contains("hunter2-secret"), text);
        assertTrue(text.contains("username=netvizura") && text.contains("password=****"), text);
    }

    @Test
    void withLogin_passwordWithoutUser_isDropped() {
        assertNull(SmtpSettings.of("mail.example.com", "nv01").withLogin("", "pw").password());
    }

    @Test
    void new_badValues_areRefusedWithTheFix() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SmtpSettings.of(" ", "nv01")).getMessage()
                .contains("mailto only"));
        assertThrows(IllegalArgumentException.class, () -> SmtpSettings.of("h", "nv01").withPort(0));
        assertThrows(IllegalArgumentException.class, () -> SmtpSettings.of("h", "nv01").withPort(65536));
        assertThrows(IllegalArgumentException.class, () -> SmtpSettings.of("h", "nv01").withTimeout(Duration.ZERO));
    }
}
