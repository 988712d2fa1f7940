package com.netvizura.license.stress;

import com.netvizura.license.key.PemKeys;
import com.netvizura.license.key.TrustedKeys;
import com.netvizura.license.model.Actor;
import com.netvizura.license.service.LicenseService;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process {@link KillApplyStress} kills: starts {@link LicenseService} on a data directory (which repairs what
 * the previous process left), says {@value #APPLYING}, applies one key, says {@value #APPLIED}, then waits to be
 * killed. Arguments: home, vendor public key PEM, key file.
 */
public final class KillApplyChild {

    static final String APPLYING = "applying";
    static final String APPLIED = "applied";

    private KillApplyChild() {
    }

    public static void main(String[] args) throws Exception {
        TrustedKeys trusted = TrustedKeys.of(PemKeys.readPublicKey(Path.of(args[1])));
        byte[] key = Files.readAllBytes(Path.of(args[2]));
        LicenseService service = StressWorld.start(Path.of(args[0]), trusted);
        System.out.println(APPLYING);
        System.out.flush();
        service.apply(key, new Actor("stress", "127.0.0.1"));
        System.out.println(APPLIED);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
