package com.netvizura.license.web.page;

import com.netvizura.license.model.LicenseStatus;
import com.netvizura.license.model.Severity;
import com.netvizura.license.model.Verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Values derived from a verdict are worked out once a verdict and locale, and again for a new verdict. */
class PerVerdictTest {

    private static Verdict verdict() {
        return new Verdict(LicenseStatus.NO_LICENSE, Severity.ERROR, "No license.", Optional.empty(),
                OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    @Test
    void sameVerdictAndLocale_computedOnce_newVerdictOrLocale_computedAgain() {
        PerVerdict<String> kept = new PerVerdict<>();
        AtomicInteger computed = new AtomicInteger();
        Verdict first = verdict();
        Verdict equalButNew = verdict();

        String a = kept.get(first, Locale.ENGLISH, () -> "words " + computed.incrementAndGet());
        String b = kept.get(first, Locale.ENGLISH, () -> "words " + computed.incrementAndGet());
        String c = kept.get(equalButNew, Locale.ENGLISH, () -> "words " + computed.incrementAndGet());
        String d = kept.get(equalButNew, Locale.GERMAN, () -> "words " + computed.incrementAndGet());

        assertSame(a, b);
        assertEquals("words 2", c, "the service made a new verdict: worked out again, even if it looks the same");
        assertEquals("words 3", d);
    }
}
