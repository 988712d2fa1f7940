package com.netvizura.license.bench;

import com.netvizura.license.machine.InstallationCodeException;
import com.netvizura.license.machine.InstallationCodeMatcher;
import com.netvizura.license.machine.InstallationCodes;
import com.netvizura.license.machine.MachineFacts;
import com.netvizura.license.model.InstallationCode;
import com.netvizura.license.model.MachineMatch;

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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Matching a key's Installation Code against this server's (decode both codes, checksum included, and compare the
 * component hashes), as the evaluation does at start-up, on upload and when the day changes. Cases: a server that
 * reports every component with an unchanged key code, the same server after a disk swap and a new network card, and
 * a small VM with three components. Run: {@code mvn -B -Pbench test-compile exec:exec -Dbench.include=InstallationCode}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(3)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InstallationCodeMatchBenchmark {

    private InstallationCode server;
    private String serverKeyCode;
    private String changedServerKeyCode;
    private InstallationCode smallVm;
    private String smallVmKeyCode;

    @Setup
    public void codes() {
        MachineFacts full = new MachineFacts("4C4C4544-0042-3510-8052-B3C04F4B4E32", "/7XB2KN2/CNFCW0017G0123/",
                "BFEBFBFF000906EA", "3d1219c7c4c5404aaa1f6d2a48adfda4", List.of("02:fc:00:00:00:01", "3c:ec:ef:12:34:56"),
                "S4EWNX0R123456", "nv01", "Linux");
        MachineFacts changed = new MachineFacts("4C4C4544-0042-3510-8052-B3C04F4B4E32", "/7XB2KN2/CNFCW0017G0123/",
                "BFEBFBFF000906EA", "3d1219c7c4c5404aaa1f6d2a48adfda4", List.of("3c:ec:ef:99:88:77"),
                "S4EWNX0R999999", "nv01", "Linux");
        MachineFacts vm = new MachineFacts("unknown", "unknown", "BFEBFBFF000906EA", "3d1219c7c4c5404aaa1f6d2a48adfda4",
                List.of("02:fc:00:00:00:01"), "unknown", "vm", "Linux");
        server = InstallationCodes.of(full);
        serverKeyCode = server.value().toLowerCase(); // as a vendor might have pasted it: not canonical
        changedServerKeyCode = InstallationCodes.of(changed).value();
        smallVm = InstallationCodes.of(vm);
        smallVmKeyCode = smallVm.value();
    }

    @Benchmark
    public MachineMatch serverUnchanged() throws InstallationCodeException {
        return InstallationCodeMatcher.match(serverKeyCode, server);
    }

    @Benchmark
    public MachineMatch serverWithNewDiskAndCard() throws InstallationCodeException {
        return InstallationCodeMatcher.match(changedServerKeyCode, server);
    }

    @Benchmark
    public MachineMatch smallVm() throws InstallationCodeException {
        return InstallationCodeMatcher.match(smallVmKeyCode, smallVm);
    }
}
