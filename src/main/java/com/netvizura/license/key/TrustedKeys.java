package com.netvizura.license.key;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.InvalidKeyException;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The vendor public keys whose signatures make a license key valid, by key id ({@code kid}).
 *
 * <p>The product trusts only {@link #builtIn()}: the keys the build wrote into the classpath resource
 * {@value #RESOURCE} from {@code -Dnetvizura.license.publicKey=FILE[,FILE...]}, never a key from the data
 * directory or any other place an admin can write at run time. A build without that property trusts only a
 * generated development key and says so through {@link #isDevelopmentOnly()}.
 */
public final class TrustedKeys {

    /** Classpath resource written at build time by {@code com.netvizura.license.issuer.TrustedKeysBuildStep}. */
    public static final String RESOURCE = "com/netvizura/license/key/trusted-keys.properties";

    static final String ERROR_NOT_BUILT = "ERROR_TRUSTED_KEYS_NOT_BUILT: " + RESOURCE
            + " is missing from the classpath; build with Maven (the process-classes phase writes it)";
    static final String ERROR_DAMAGED = "ERROR_TRUSTED_KEYS_DAMAGED: " + RESOURCE
            + " is not as the build writes it; rebuild with Maven";

    private static final String DEVELOPMENT = "development";
    private static final String KEYS = "keys";

    private final Map<String, VendorPublicKey> byKid;
    private final Map<String, Ed25519Verifier> verifiers;
    private final boolean developmentOnly;

    private TrustedKeys(Collection<VendorPublicKey> keys, boolean developmentOnly) {
        Map<String, VendorPublicKey> keyMap = new LinkedHashMap<>();
        Map<String, Ed25519Verifier> verifierMap = new LinkedHashMap<>();
        for (VendorPublicKey key : keys) {
            keyMap.put(key.kid(), key);
            try {
                verifierMap.put(key.kid(), new Ed25519Verifier(key));
            } catch (InvalidKeyException e) {
                throw new IllegalArgumentException("not a usable Ed25519 public key: " + key, e);
            }
        }
        if (keyMap.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted key is needed");
        }
        this.byKid = Collections.unmodifiableMap(keyMap);
        this.verifiers = Collections.unmodifiableMap(verifierMap);
        this.developmentOnly = developmentOnly;
    }

    /** Trusts exactly the given keys (tests, the issuer's {@code inspect}). */
    public static TrustedKeys of(VendorPublicKey... keys) {
        return new TrustedKeys(List.of(keys), false);
    }

    /** The keys built into this build; fails loudly when the build did not write them. */
    public static TrustedKeys builtIn() {
        try (InputStream in = TrustedKeys.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ERROR_NOT_BUILT);
            }
            Properties p = new Properties();
            p.load(in);
            return fromProperties(p);
        } catch (IOException e) {
            throw new UncheckedIOException(ERROR_DAMAGED, e);
        }
    }

    static TrustedKeys fromProperties(Properties p) {
        String development = p.getProperty(DEVELOPMENT);
        String keys = p.getProperty(KEYS, "");
        if (!"true".equals(development) && !"false".equals(development) || keys.isBlank()) {
            throw new IllegalStateException(ERROR_DAMAGED);
        }
        List<VendorPublicKey> list = new java.util.ArrayList<>();
        for (String der : keys.split(",")) {
            try {
                list.add(VendorPublicKey.fromSubjectPublicKeyInfo(Base64.getDecoder().decode(der.strip())));
            } catch (InvalidKeyException | IllegalArgumentException e) {
                throw new IllegalStateException(ERROR_DAMAGED, e);
            }
        }
        return new TrustedKeys(list, Boolean.parseBoolean(development));
    }

    /**
     * The text of the {@value #RESOURCE} resource for the given keys, as the build writes it.
     *
     * @param developmentOnly whether the keys are generated development keys rather than the vendor's
     */
    public static String resourceText(List<VendorPublicKey> keys, boolean developmentOnly) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted key is needed");
        }
        StringBuilder sb = new StringBuilder()
                .append("# Vendor public keys this build trusts to sign license keys. Written by the build; do not edit.\n")
                .append("# Each key: base64 of its DER SubjectPublicKeyInfo. kids:");
        keys.forEach(k -> sb.append(' ').append(k.kid()));
        sb.append('\n').append(DEVELOPMENT).append('=').append(developmentOnly).append('\n').append(KEYS).append('=');
        for (int i = 0; i < keys.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(Base64.getEncoder().encodeToString(keys.get(i).subjectPublicKeyInfo()));
        }
        return sb.append('\n').toString();
    }

    /**
     * Whether these keys are only the development key of a build made without
     * {@code -Dnetvizura.license.publicKey}: no license key from the vendor verifies with such a build.
     */
    public boolean isDevelopmentOnly() {
        return developmentOnly;
    }

    public Optional<VendorPublicKey> find(String kid) {
        return Optional.ofNullable(byKid.get(kid));
    }

    /** The key ids, in the order the build listed them. */
    public Set<String> kids() {
        return byKid.keySet();
    }

    Optional<Ed25519Verifier> verifier(String kid) {
        return Optional.ofNullable(verifiers.get(kid));
    }

    @Override
    public String toString() {
        return "TrustedKeys" + kids() + (developmentOnly ? " (development only)" : "");
    }
}
