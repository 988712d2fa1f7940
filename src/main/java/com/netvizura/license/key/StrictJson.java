package com.netvizura.license.key;

import com.netvizura.license.key.LicenseKeyException.Reason;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonConfig;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads one JSON object from signed or unsigned key parts, strictly: valid UTF-8, exactly one object and nothing
 * after it, no member name twice in any object, nesting at most {@value #MAX_DEPTH} deep.
 *
 * <p>Why not {@code JsonReader} with {@link JsonConfig#KEY_STRATEGY} {@code NONE}: Parsson 1.1.9 rejects
 * duplicate names that way, but its reader ignores text after the first value, and {@code JsonParser.getObject()}
 * ignores the key strategy. Walking the parser's events checks all three in one pass. Numbers are kept as parsed;
 * callers check their text before converting, so {@code 1e999999999} costs nothing.
 */
final class StrictJson {

    /** Deep enough for any claim, shallow enough to stop a stack-exhausting payload early. */
    static final int MAX_DEPTH = 16;

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of(
            JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE,
            "org.eclipse.parsson.maxDepth", MAX_DEPTH + 1));

    private StrictJson() {
    }

    static JsonProvider provider() {
        return PROVIDER;
    }

    /**
     * @param refusal the reason to refuse with when {@code utf8} is not one strict JSON object
     */
    static JsonObject parseObject(byte[] utf8, Reason refusal) throws LicenseKeyException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new LicenseKeyException(refusal);
        }
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new LicenseKeyException(refusal);
            }
            JsonObject object = readObject(parser, 1, refusal);
            if (parser.hasNext()) {
                throw new LicenseKeyException(refusal);
            }
            return object;
        } catch (RuntimeException e) {
            // JsonException for bad syntax, but Parsson reports its nesting limit as a bare RuntimeException and a
            // truncated text as NoSuchElementException: whatever the parser throws, the key is refused.
            throw new LicenseKeyException(refusal);
        }
    }

    private static JsonObject readObject(JsonParser parser, int depth, Reason refusal) throws LicenseKeyException {
        JsonObjectBuilder builder = PROVIDER.createObjectBuilder();
        Set<String> names = new HashSet<>();
        while (true) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_OBJECT) {
                return builder.build();
            }
            String name = parser.getString();
            if (!names.add(name)) {
                throw new LicenseKeyException(refusal, name);
            }
            builder.add(name, readValue(parser, parser.next(), depth, refusal));
        }
    }

    private static JsonValue readValue(JsonParser parser, JsonParser.Event event, int depth, Reason refusal)
            throws LicenseKeyException {
        switch (event) {
            case START_OBJECT:
                checkDepth(depth + 1, refusal);
                return readObject(parser, depth + 1, refusal);
            case START_ARRAY:
                checkDepth(depth + 1, refusal);
                JsonArrayBuilder array = PROVIDER.createArrayBuilder();
                for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_ARRAY; e = parser.next()) {
                    array.add(readValue(parser, e, depth + 1, refusal));
                }
                return array.build();
            case VALUE_STRING:
                return PROVIDER.createValue(parser.getString());
            case VALUE_NUMBER:
                return parser.getValue();
            case VALUE_TRUE:
                return JsonValue.TRUE;
            case VALUE_FALSE:
                return JsonValue.FALSE;
            case VALUE_NULL:
                return JsonValue.NULL;
            default:
                throw new LicenseKeyException(refusal);
        }
    }

    private static void checkDepth(int depth, Reason refusal) throws LicenseKeyException {
        if (depth > MAX_DEPTH) {
            throw new LicenseKeyException(refusal);
        }
    }
}
