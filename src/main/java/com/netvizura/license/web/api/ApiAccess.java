package com.netvizura.license.web.api;

import com.netvizura.license.web.AdminGate;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Who may read the status API and the metrics: a request with {@code Authorization: Bearer <apiToken>} or
 * {@code <apiAdminToken>}, or a logged-in user with the admin role. Who may write (usage reports, keys): only a request
 * with {@code Authorization: Bearer <apiAdminToken>}, never a session, so no cross-site request can write. A bearer header decides alone (a wrong token is refused even in an admin's
 * browser); other schemes, such as a host's BASIC login, are left to the container's login. The token is compared
 * as SHA-256 digests with {@link MessageDigest#isEqual}, in time independent of where a guess goes wrong, and is
 * never logged or shown.
 */
public final class ApiAccess {

    /** What the request carries. */
    enum Decision {
        /** The right token, or an admin's login. */
        ALLOWED,
        /** No credentials the API accepts (anonymous, or a user without the admin role). */
        NO_CREDENTIALS,
        /** A bearer token that is not the configured one (or none is configured). */
        WRONG_TOKEN
    }

    private static final String BEARER = "bearer ";

    private final String adminRole;
    private final byte[] tokenDigest;
    private final byte[] adminTokenDigest;

    /**
     * @param apiToken      the setting {@code netvizura.license.apiToken}; empty: only admins' sessions and the admin
     *                      token read
     * @param apiAdminToken the setting {@code netvizura.license.apiAdminToken}; empty: nothing can be written
     */
    ApiAccess(String adminRole, Optional<String> apiToken, Optional<String> apiAdminToken) {
        this.adminRole = adminRole;
        this.tokenDigest = apiToken.map(ApiAccess::sha256).orElse(null);
        this.adminTokenDigest = apiAdminToken.map(ApiAccess::sha256).orElse(null);
    }

    /** Whether {@code request} may read: either token, or an admin's session when it carries no bearer token. */
    Decision decide(HttpServletRequest request) {
        Optional<byte[]> token = bearerDigest(request);
        if (token.isPresent()) {
            return matches(tokenDigest, token.get()) | matches(adminTokenDigest, token.get())
                    ? Decision.ALLOWED : Decision.WRONG_TOKEN;
        }
        return AdminGate.isAdmin(request, adminRole) ? Decision.ALLOWED : Decision.NO_CREDENTIALS;
    }

    /** Whether {@code request} may write: the admin token only; a session or the read token never. */
    Decision decideWrite(HttpServletRequest request) {
        Optional<byte[]> token = bearerDigest(request);
        if (token.isEmpty()) {
            return Decision.NO_CREDENTIALS;
        }
        return matches(adminTokenDigest, token.get()) ? Decision.ALLOWED : Decision.WRONG_TOKEN;
    }

    private static Optional<byte[]> bearerDigest(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.length() >= BEARER.length()
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(sha256(authorization.substring(BEARER.length()).strip()));
        }
        return Optional.empty();
    }

    private static boolean matches(byte[] expected, byte[] given) {
        return expected != null && MessageDigest.isEqual(expected, given);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("ERROR_NO_SHA256: every Java runtime provides SHA-256", e);
        }
    }

    /** The {@code WWW-Authenticate} value of a 401 (RFC 6750: {@code invalid_token} when a token was wrong). */
    static String challenge(Decision decision) {
        return decision == Decision.WRONG_TOKEN ? "Bearer realm=\"NetVizura License\", error=\"invalid_token\""
                : "Bearer realm=\"NetVizura License\"";
    }
}
