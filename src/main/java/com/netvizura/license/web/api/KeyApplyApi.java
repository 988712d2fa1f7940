package com.netvizura.license.web.api;

import com.netvizura.license.model.Actor;
import com.netvizura.license.model.LogValue;
import com.netvizura.license.model.Messages;
import com.netvizura.license.service.AppliedLicense;
import com.netvizura.license.service.LicenseHeldException;
import com.netvizura.license.service.LicenseRefusedException;
import com.netvizura.license.service.LicenseService;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;

/**
 * {@code PUT /api/license} (DESIGN.md section 12, fixed): applies the key file sent as the body, for scripts that
 * install NetVizura unattended. Only {@code Authorization: Bearer <apiAdminToken>} may (never a session, so no
 * cross-site request can); anything else gets 401, logged at most once a minute per address and never audited. The
 * key goes through the same checks as an upload and is audited with the actor {@value #ACTOR} and the caller's
 * address; an applied key raises the epoch, so every session logs in again as after an apply on the License page.
 * A key that gives less answers 409 with the losses and is applied only when sent again with
 * {@code ?acknowledge=true}, as Elasticsearch's {@code PUT _license}. At most
 * {@value LicenseService#MAX_KEY_FILE_BYTES} + 1 bytes of the body are read, whatever it claims.
 */
final class KeyApplyApi {

    static final String ACTOR = "api-token";
    private static final System.Logger LOG = System.getLogger(KeyApplyApi.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String JSON_TYPE = "application/json;charset=UTF-8";
    private static final int SC_UNPROCESSABLE = 422;

    private final LicenseService service;
    private final ApiAccess access;
    private final RefusedCalls refusedCalls = new RefusedCalls(System::nanoTime);

    KeyApplyApi(LicenseService service, ApiAccess access) {
        this.service = service;
        this.access = access;
    }

    /** Answers one PUT (the caller has set the headers every API answer carries). */
    void put(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiAccess.Decision decision = access.decideWrite(request);
        if (decision != ApiAccess.Decision.ALLOWED) {
            if (refusedCalls.shouldLog(request.getRemoteAddr())) {
                LOG.log(Level.WARNING, "Refused PUT of a license key from {0}: {1} (logged at most once a minute "
                        + "per address)", LogValue.of(request.getRemoteAddr()), decision);
            }
            response.setHeader("WWW-Authenticate", ApiAccess.challenge(decision));
            answer(response, HttpServletResponse.SC_UNAUTHORIZED, JSON.createObjectBuilder()
                    .add("error", "unauthorized").add("message", Messages.get("api.key.unauthorized")).build());
            return;
        }
        Actor actor = new Actor(ACTOR, request.getRemoteAddr());
        if (request.getContentLengthLong() > LicenseService.MAX_KEY_FILE_BYTES) {
            tooLarge(response, actor); // never read: the connection is closed rather than drained
            return;
        }
        byte[] key;
        try (InputStream in = request.getInputStream()) {
            key = in.readNBytes(LicenseService.MAX_KEY_FILE_BYTES + 1);
        } catch (IOException e) {
            answer(response, HttpServletResponse.SC_BAD_REQUEST, refusal(Messages.get("api.key.unreadable")));
            return;
        }
        if (key.length > LicenseService.MAX_KEY_FILE_BYTES) {
            tooLarge(response, actor);
            return;
        }
        apply(key, actor, acknowledged(request), response);
    }

    private void apply(byte[] key, Actor actor, boolean acknowledge, HttpServletResponse response) throws IOException {
        try {
            applied(response, service.apply(key, actor));
        } catch (LicenseHeldException held) {
            if (!acknowledge) {
                JsonArrayBuilder losses = JSON.createArrayBuilder();
                held.change().lossSentences().forEach(losses::add);
                answer(response, HttpServletResponse.SC_CONFLICT, JSON.createObjectBuilder().add("applied", false)
                        .add("acknowledgeRequired", true).add("losses", losses).build());
                return;
            }
            try {
                applied(response, service.applyAnyway(key, held.confirmation(), actor));
            } catch (LicenseRefusedException e) {
                refused(response, e);
            }
        } catch (LicenseRefusedException e) {
            refused(response, e);
        }
    }

    private static void applied(HttpServletResponse response, AppliedLicense applied) throws IOException {
        JsonObjectBuilder body = JSON.createObjectBuilder();
        if (applied.changed()) {
            body.add("applied", true).add("licenseId", applied.license().id()).add("epoch", applied.epoch());
            if (applied.renewal().isPresent()) {
                body.add("renewal", applied.renewal().get());
            } else {
                body.addNull("renewal");
            }
        } else {
            body.add("applied", false).add("alreadyActive", true);
        }
        answer(response, HttpServletResponse.SC_OK, body.build());
    }

    private static void refused(HttpServletResponse response, LicenseRefusedException e) throws IOException {
        String sentence = e.getMessage() + " " + Messages.get("upload.unchanged");
        answer(response, SC_UNPROCESSABLE, refusal(sentence));
    }

    private void tooLarge(HttpServletResponse response, Actor actor) throws IOException {
        String sentence = Messages.get("api.key.tooLarge");
        service.refuseUpload(actor, sentence);
        response.setHeader("Connection", "close");
        answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, refusal(sentence));
    }

    private static JsonObject refusal(String sentence) {
        return JSON.createObjectBuilder().add("applied", false).add("error", sentence).build();
    }

    /** Whether the query string says {@code acknowledge=true} (read by hand: a PUT's body is no form). */
    static boolean acknowledged(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.equalsIgnoreCase("acknowledge=true")) {
                return true;
            }
        }
        return false;
    }

    private static void answer(HttpServletResponse response, int status, JsonObject body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (var writer = JSON.createWriter(out)) {
            writer.writeObject(body);
        }
        response.setStatus(status);
        response.setContentType(JSON_TYPE);
        response.setContentLength(out.size());
        response.getOutputStream().write(out.toByteArray());
    }
}
