package com.netvizura.license.key;

import com.netvizura.license.model.Messages;

import java.util.Objects;
import java.util.Optional;

/**
 * A license key was refused. {@link #getMessage()} is a sentence for the admin (what is wrong and what to do),
 * {@link #reason()} says why in a form code and tests can act on, and {@link #subject()} names the claim or
 * header member at fault when there is one.
 */
public final class LicenseKeyException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final int MAX_SUBJECT_CHARS = 40;

    /** Why a key was refused; each has its sentence in {@code messages.properties}. */
    public enum Reason {
        /** The file is larger than {@link LicenseKeyVerifier#MAX_KEY_FILE_BYTES}. */
        TOO_LARGE("key.tooLarge"),
        /** The file is empty or holds only white space. */
        EMPTY("key.empty"),
        /** The file is not UTF-8 text (binary data, UTF-16, an image ...). */
        NOT_TEXT("key.notText"),
        /** No {@code BEGIN NETVIZURA LICENSE KEY} line. */
        NOT_A_LICENSE_KEY("key.notALicenseKey"),
        /** A {@code BEGIN} line without its {@code END} line. */
        INCOMPLETE("key.incomplete"),
        /** More than one armored key in one file. */
        MORE_THAN_ONE_KEY("key.moreThanOneKey"),
        /** The armored text is not a well-formed JWS compact serialization (or its header is not a JSON object). */
        MALFORMED("key.malformed"),
        /** {@code alg} is missing or not {@code EdDSA}. */
        UNSUPPORTED_ALGORITHM("key.unsupportedAlgorithm"),
        /** The header carries {@code crit} or a key-carrying member ({@code jwk}, {@code jku}, {@code x5c}, {@code x5u}). */
        FORBIDDEN_HEADER("key.forbiddenHeader"),
        /** {@code typ} is missing or not {@code netvizura-license}. */
        WRONG_TYPE("key.wrongType"),
        /** {@code kid} is missing or names no trusted vendor key. */
        UNKNOWN_SIGNER("key.unknownSigner"),
        /** The signature does not verify with the trusted key. */
        BAD_SIGNATURE("key.badSignature"),
        /** The signed payload is not one strict JSON object (duplicate names, too deep, trailing text ...). */
        MALFORMED_PAYLOAD("key.malformedPayload"),
        /** {@code iss} is not {@code NetVizura}. */
        WRONG_ISSUER("key.wrongIssuer"),
        /** {@code product} is not {@code netvizura}. */
        WRONG_PRODUCT("key.wrongProduct"),
        /** A required claim is absent. */
        MISSING_CLAIM("key.missingClaim"),
        /** A claim has the wrong type or an invalid value (or is present where it must not be). */
        INVALID_CLAIM("key.invalidClaim");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }

        /** The key of this reason's sentence in {@code messages.properties}. */
        public String messageKey() {
            return messageKey;
        }
    }

    private final Reason reason;
    private final String subject;

    /** A refusal without a particular claim or header member at fault. */
    public LicenseKeyException(Reason reason) {
        this(reason, null);
    }

    /**
     * @param subject the claim or header member at fault, or an offending value; shortened and cleaned of control
     *                characters because it may come from an attacker's file
     */
    public LicenseKeyException(Reason reason, String subject) {
        this(reason, subject, Objects.requireNonNull(reason, "reason").messageKey());
    }

    /** A refusal for {@code reason} whose sentence says more than the reason's own ({@code messageKey}). */
    LicenseKeyException(Reason reason, String subject, String messageKey) {
        super(Messages.get(messageKey, printable(subject)));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.subject = subject == null ? null : printable(subject);
    }

    public Reason reason() {
        return reason;
    }

    /** The claim or header member at fault (e.g. {@code usage_until}), when the reason concerns one. */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    private static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(MAX_SUBJECT_CHARS)
                .map(c -> Character.isISOControl(c) || Character.isSurrogate((char) c) ? '?' : c)
                .forEach(sb::appendCodePoint);
        return s.codePointCount(0, s.length()) > MAX_SUBJECT_CHARS ? sb.append("...").toString() : sb.toString();
    }
}
