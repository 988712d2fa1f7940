package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netvizura.license.it.NetVizuraIT;
import com.netvizura.license.it.TestLicenses;
import com.netvizura.license.it.TestUser;
import com.netvizura.license.it.WebClient;
import com.netvizura.license.service.Settings;
import com.netvizura.license.store.AuditEntry;
import com.netvizura.license.store.LicenseStore;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code PUT /api/license} on Tomcat (DESIGN.md section 12), as a deployment script calls it with curl: every answer
 * of the contract, who may call it (the admin token only: not the read token, not an admin's login), the audit lines
 * it leaves, and that an applied key makes every older session log in again as an apply on the License page does.
 * The methods run in order: each starts from the license the one before left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyApiIT extends NetVizuraIT {

    static final String ADMIN_TOKEN = "it-admin-token-fedcba9876543210";
    private static final String[] ADMIN_BEARER = {"Authorization", "Bearer " + ADMIN_TOKEN};
    private static final String UNCHANGED = "Your current license is unchanged.";
    private static final byte[] FIRST = TestLicenses.perpetual("NVZ-IT-KEYAPI-1", TestLicenses.IT_LICENSEE,
            TestLicenses.thisMachineCode(), LocalDate.now().plusDays(400));

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return builtWar(KeyApiIT.class, FIRST, Map.of(Settings.API_TOKEN, StatusApiCalls.TOKEN,
                Settings.API_ADMIN_TOKEN, ADMIN_TOKEN));
    }

    private HttpResponse<String> put(String path, byte[] key, String... headers) {
        return new WebClient(url("")).putNoFollow(path, key, headers);
    }

    private List<AuditEntry> audit() throws Exception {
        return LicenseStore.open(dataHome().resolve("license"), b -> Optional.empty(), Clock.systemUTC()).auditLog();
    }

    private AuditEntry lastAudit() throws Exception {
        List<AuditEntry> audit = audit();
        return audit.get(audit.size() - 1);
    }

    @Test
    @Order(1)
    @Tag(SMOKE)
    void readToken_adminSessionWithoutToken_anonymous_get401_andNothingIsAudited() throws Exception {
        int auditLines = audit().size();
        byte[] key = TestLicenses.valid("NVZ-IT-KEYAPI-X", TestLicenses.IT_LICENSEE);
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);

        HttpResponse<String> readToken = put("api/license", key, StatusApiCalls.BEARER);
        HttpResponse<String> adminSession = admin.putNoFollow("api/license", key);
        HttpResponse<String> anonymous = put("api/license", key);
        HttpResponse<String> wrongToken = put("api/license", key, "Authorization", "Bearer guess");

        for (HttpResponse<String> answer : List.of(readToken, adminSession, anonymous, wrongToken)) {
            assertAll(answer.request().headers().toString(),
                    () -> assertEquals(401, answer.statusCode(), answer.body()),
                    () -> assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                            answer.headers().toString()),
                    () -> assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse("")),
                    () -> assertEquals("unauthorized", StatusApiCalls.json(answer.body()).getString("error")));
        }
        assertArrayEquals(FIRST, Files.readAllBytes(activeKeyFile()));
        assertEquals(auditLines, audit().size(), "a refused call is never audited");
    }

    @Test
    @Order(2)
    void tamperedKey_gets422WithTheSentence_audited() throws Exception {
        HttpResponse<String> answer = put("api/license",
                TestLicenses.tampered(TestLicenses.valid("NVZ-IT-KEYAPI-T", TestLicenses.IT_LICENSEE)), ADMIN_BEARER);

        JsonObject body = StatusApiCalls.json(answer.body());
        AuditEntry audited = lastAudit();
        assertAll(
                () -> assertEquals(422, answer.statusCode(), answer.body()),
                () -> assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json")),
                () -> assertEquals(false, body.getBoolean("applied")),
                () -> assertTrue(body.getString("error").endsWith(UNCHANGED), body.getString("error")),
                () -> assertEquals(AuditEntry.Outcome.REFUSED, audited.outcome()),
                () -> assertEquals("api-token", audited.user()),
                () -> assertEquals("127.0.0.1", audited.remoteAddress()),
                () -> assertArrayEquals(FIRST, Files.readAllBytes(activeKeyFile())));
    }

    @Test
    @Order(3)
    void bodyOverTheCap_gets413_neverRead() throws Exception {
        byte[] big = new byte[100 * 1024];
        Arrays.fill(big, (byte) 'A');

        HttpResponse<String> answer = put("api/license", big, ADMIN_BEARER);

        assertAll(
                () -> assertEquals(413, answer.statusCode(), answer.body()),
                () -> assertTrue(StatusApiCalls.json(answer.body()).getString("error").endsWith(UNCHANGED)),
                () -> assertEquals(AuditEntry.Outcome.REFUSED, lastAudit().outcome()),
                () -> assertArrayEquals(FIRST, Files.readAllBytes(activeKeyFile())));
    }

    @Test
    @Order(4)
    @Tag(SMOKE)
    void newKey_gets200Applied_sameKeyAgain200AlreadyActive_andOlderSessionsLogInAgain() throws Exception {
        WebClient admin = new WebClient(url(""));
        admin.logIn(TestUser.ADMIN);
        assertEquals(200, admin.getNoFollow("license/license.xhtml").statusCode());
        byte[] renewal = TestLicenses.perpetual("NVZ-IT-KEYAPI-2", TestLicenses.IT_LICENSEE,
                TestLicenses.thisMachineCode(), LocalDate.now().plusDays(800));

        HttpResponse<String> applied = put("api/license", renewal, ADMIN_BEARER);
        HttpResponse<String> again = put("api/license", renewal, ADMIN_BEARER);
        HttpResponse<String> staleSession = admin.getNoFollow("license/license.xhtml");

        JsonObject body = StatusApiCalls.json(applied.body());
        assertAll(
                () -> assertEquals(200, applied.statusCode(), applied.body()),
                () -> assertEquals(true, body.getBoolean("applied")),
                () -> assertEquals("NVZ-IT-KEYAPI-2", body.getString("licenseId")),
                () -> assertEquals(1, body.getInt("epoch")),
                () -> assertEquals(JsonValue.NULL, body.get("renewal"), "it names no license it renews"),
                () -> assertEquals(200, again.statusCode(), again.body()),
                () -> assertEquals(StatusApiCalls.json("{\"applied\":false,\"alreadyActive\":true}"),
                        StatusApiCalls.json(again.body())),
                () -> assertArrayEquals(renewal, Files.readAllBytes(activeKeyFile())),
                () -> assertEquals(302, staleSession.statusCode(), "the session from before the apply is reset"),
                () -> assertTrue(SessionResetIT.isLoginForm(admin.get("license/license.xhtml")),
                        "log in again, as after Reset"),
                () -> assertEquals(List.of(AuditEntry.Outcome.APPLIED, AuditEntry.Outcome.ALREADY_ACTIVE),
                        audit().subList(audit().size() - 2, audit().size()).stream().map(AuditEntry::outcome)
                                .toList()),
                () -> assertEquals("api-token", lastAudit().user()));
    }

    @Test
    @Order(5)
    void lesserKey_gets409WithTheLosses_andIsAppliedOnlyWithAcknowledge() throws Exception {
        byte[] lesser = TestLicenses.perpetual("NVZ-IT-KEYAPI-3", TestLicenses.IT_LICENSEE,
                TestLicenses.thisMachineCode(), LocalDate.now().plusDays(100));

        HttpResponse<String> held = put("api/license", lesser, ADMIN_BEARER);
        byte[] afterHeld = Files.readAllBytes(activeKeyFile());
        AuditEntry heldAudit = lastAudit();
        HttpResponse<String> acknowledged = put("api/license?acknowledge=true", lesser, ADMIN_BEARER);

        JsonObject body = StatusApiCalls.json(held.body());
        assertAll(
                () -> assertEquals(409, held.statusCode(), held.body()),
                () -> assertEquals(false, body.getBoolean("applied")),
                () -> assertEquals(true, body.getBoolean("acknowledgeRequired")),
                () -> assertTrue(body.getJsonArray("losses").getValuesAs(JsonString::getString).stream()
                        .anyMatch(loss -> loss.contains(LocalDate.now().plusDays(100).toString())), body.toString()),
                () -> assertTrue(!Arrays.equals(lesser, afterHeld), "not applied without acknowledge"),
                () -> assertEquals(AuditEntry.Outcome.HELD, heldAudit.outcome()),
                () -> assertEquals("api-token", heldAudit.user()),
                () -> assertEquals(200, acknowledged.statusCode(), acknowledged.body()),
                () -> assertEquals("NVZ-IT-KEYAPI-3", StatusApiCalls.json(acknowledged.body()).getString("licenseId")),
                () -> assertArrayEquals(lesser, Files.readAllBytes(activeKeyFile())),
                () -> assertEquals(AuditEntry.Outcome.APPLIED, lastAudit().outcome()));
    }

    @Test
    @Order(6)
    void otherMethods_on_theKeyPath_get405_namingPut() {
        HttpResponse<String> delete = new WebClient(url("")).requestNoFollow("DELETE", "api/license", ADMIN_BEARER);

        assertEquals(405, delete.statusCode());
        assertEquals("GET, HEAD, PUT", delete.headers().firstValue("Allow").orElse(""));
    }
}
