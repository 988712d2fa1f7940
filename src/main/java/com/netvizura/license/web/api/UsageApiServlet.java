package com.netvizura.license.web.api;

import com.netvizura.license.model.LogValue;
import com.netvizura.license.model.Messages;
import com.netvizura.license.model.UsageName;
import com.netvizura.license.service.LicenseService;
import com.netvizura.license.web.LicensePaths;
import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Usage reports from other processes (DESIGN.md section 11, fixed): {@code PUT /api/license/usage} with a JSON object
 * of counts, e.g. {@code {"devices":87}}, authorized by {@code Authorization: Bearer <apiAdminToken>} only (never a
 * session, never the read token). 204 when taken; 400 with a sentence for anything but an object of usage names to
 * whole numbers of 0 or more, for more than {@value UsageName#MAX_NAMES} names or a body over
 * {@value #MAX_BODY_BYTES} bytes; nothing of a refused report is kept. 401 with {@code WWW-Authenticate: Bearer}
 * without the admin token.
 *
 * <p>A refused call is logged (at most once a minute per remote address, so a broken collector cannot fill the log);
 * usage reports are not license changes and are not audited.
 */
public final class UsageApiServlet extends HttpServlet {

    /** A report of 64 names of 40 characters with 19-digit counts is about 4 KiB. */
    static final int MAX_BODY_BYTES = 4096;
    private static final long serialVersionUID = 1L;
    private static final String JSON_TYPE = "application/json;charset=UTF-8";
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_ADDRESSES_REMEMBERED = 1024;
    private static final System.Logger LOG = System.getLogger(UsageApiServlet.class.getName());

    private final transient LicenseService service;
    private final transient ApiAccess access;
    private final transient Clock clock = Clock.systemUTC();
    private final transient Map<String, Long> lastLogged = new ConcurrentHashMap<>();

    /** A report that is refused, with the sentence the caller gets. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String key, Object... args) {
            super(Messages.get(key, args));
        }
    }

    public UsageApiServlet(LicenseService service) {
        this.service = service;
        this.access = new ApiAccess(service.settings().adminRole(), service.settings().apiToken(),
                service.settings().apiAdminToken());
    }

    public static void register(ServletContext context, LicenseService service) {
        ServletRegistration.Dynamic registration =
                context.addServlet("NetVizura License usage reports", new UsageApiServlet(service));
        if (registration != null) {
            registration.addMapping(LicensePaths.USAGE_API);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!"PUT".equals(request.getMethod())) {
            response.setHeader("Allow", "PUT");
            StatusApiServlet.answer(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, JSON_TYPE,
                    StatusApiServlet.error("method_not_allowed", Messages.get("api.usage.methodNotAllowed")), false);
            return;
        }
        ApiAccess.Decision decision = access.decideWrite(request);
        if (decision != ApiAccess.Decision.ALLOWED) {
            logRefusal(request, "not authorized (" + decision + ")");
            response.setHeader("WWW-Authenticate", ApiAccess.challenge(decision));
            StatusApiServlet.answer(response, HttpServletResponse.SC_UNAUTHORIZED, JSON_TYPE,
                    StatusApiServlet.error("unauthorized", Messages.get("api.usage.unauthorized")), false);
            return;
        }
        try {
            Map<String, Long> counts = counts(body(request));
            if (!service.acceptsUsageNames(counts.keySet())) {
                throw new Refused("api.usage.tooManyNames", UsageName.MAX_NAMES);
            }
            counts.forEach(service::reportUsage);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (Refused e) {
            logRefusal(request, e.getMessage());
            StatusApiServlet.answer(response, HttpServletResponse.SC_BAD_REQUEST, JSON_TYPE,
                    StatusApiServlet.error("bad_request", e.getMessage()), false);
        }
    }

    private static String body(HttpServletRequest request) throws IOException, Refused {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new Refused("api.usage.tooLarge", MAX_BODY_BYTES);
        }
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new Refused("api.usage.tooLarge", MAX_BODY_BYTES);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused("api.usage.notJson");
        }
    }

    /**
     * The counts of {@code body}, in its order, when it is one JSON object of usage names to whole numbers of 0 or
     * more, each name once, at most {@value UsageName#MAX_NAMES} of them.
     */
    static Map<String, Long> counts(String body) throws Refused {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(new StringReader(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new Refused("api.usage.notObject");
            }
            while (true) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.END_OBJECT) {
                    break;
                }
                String name = parser.getString(); // KEY_NAME: the only other event an object starts a member with
                if (!UsageName.isValid(name)) {
                    throw new Refused("api.usage.badName", LogValue.of(name.length() > 60 ? name.substring(0, 60) : name));
                }
                if (parser.next() != JsonParser.Event.VALUE_NUMBER || !parser.isIntegralNumber()) {
                    throw new Refused("api.usage.badCount", name);
                }
                long count;
                try {
                    count = parser.getBigDecimal().longValueExact();
                } catch (ArithmeticException e) {
                    throw new Refused("api.usage.badCount", name);
                }
                if (count < 0) {
                    throw new Refused("api.usage.badCount", name);
                }
                if (counts.put(name, count) != null) {
                    throw new Refused("api.usage.twice", name);
                }
                if (counts.size() > UsageName.MAX_NAMES) {
                    throw new Refused("api.usage.tooManyNames", UsageName.MAX_NAMES);
                }
            }
            if (parser.hasNext()) {
                throw new Refused("api.usage.notObject");
            }
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw new Refused("api.usage.notJson");
        }
        return counts;
    }

    private void logRefusal(HttpServletRequest request, String reason) {
        String address = String.valueOf(request.getRemoteAddr());
        long now = clock.millis();
        Long last = lastLogged.get(address);
        if (last != null && now - last < LOG_INTERVAL.toMillis()) {
            return;
        }
        if (lastLogged.size() >= MAX_ADDRESSES_REMEMBERED) {
            lastLogged.clear();
        }
        lastLogged.put(address, now);
        LOG.log(Level.WARNING, "Usage report from {0} refused: {1} (further refusals of this address are not logged "
                + "for a minute)", LogValue.of(address), reason);
    }
}
