package com.netvizura.license.bench;

import com.netvizura.license.key.LicenseKeyException;
import com.netvizura.license.key.LicenseKeySigner;
import com.netvizura.license.key.LicenseKeyVerifier;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.key.VendorKeyPair;
import com.netvizura.license.model.License;
import com.netvizura.license.model.LicenseType;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Parse and verify of a typical license key file (armor, JWS, header, Ed25519 signature, claims), as the product
 * does at start-up and on upload. Target: median at or below 0.2 ms. Run: {@code mvn -B -Pbench test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(3)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LicenseKeyVerifyBenchmark {

    private byte[] keyFile;
    private LicenseKeyVerifier verifier;

    @Setup
    public void issueKey() {
        VendorKeyPair vendor = VendorKeyPair.generate();
        License license = new License("NVZ-2026-000123", Instant.parse("2026-03-15T09:30:00Z"), "ACME Networks d.o.o.",
                "it@acme.example", LicenseType.PERPETUAL, LocalDate.parse("2027-03-14"), null,
                "NVZ1-7K3QD-M2X9P-4HT6W-Q8RZ1-C5N0B", List.of("netflow", "eventlog"), Map.of("devices", 100L), null,
                Map.of());
        keyFile = ("Hello,\r\nyour key:\r\n\r\n" + LicenseKeySigner.sign(license, vendor.privateKey()).replace("\n", "\r\n"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        verifier = new LicenseKeyVerifier(TrustedKeys.of(vendor.publicKey()));
    }

    @Benchmark
    public License parseAndVerify() throws LicenseKeyException {
        return verifier.verify(keyFile);
    }
}
