package com.netvizura.license.web.api;

import com.netvizura.license.web.AdminGate;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Who may read the status API and the metrics: a request with {@code Authorization: Bearer <apiToken>}, or a
 * logged-in user with the admin role. A bearer header decides alone (a wrong token is refused even in an admin's
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

    /** @param apiToken the setting {@code netvizura.license.apiToken}; empty: only admins' sessions are let in */
    ApiAccess(String adminRole, Optional<String> apiToken) {
        this.adminRole = adminRole;
        this.tokenDigest = apiToken.map(ApiAccess::sha256).orElse(null);
    }

    Decision decide(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.length() >= BEARER.length()
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).strip();
            return tokenDigest != null && MessageDigest.isEqual(tokenDigest, sha256(token))
                    ? Decision.ALLOWED : Decision.WRONG_TOKEN;
        }
        return AdminGate.isAdmin(request, adminRole) ? Decision.ALLOWED : Decision.NO_CREDENTIALS;
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
