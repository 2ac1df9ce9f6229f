package dev.capstan.audit.entity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Stands in for a secret value in the audit trail: HMAC-SHA256 under a key only the server
 * holds. An auditor who holds a value can ask whether it matches; nobody can read it back, and
 * without the key nobody can test guesses against an export.
 */
public final class SecretDigest {

    public static final String PREFIX = "hmac-sha256:";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public SecretDigest(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The audit HMAC key needs at least 32 bytes.");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    public String of(char[] secret) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
    }

    public boolean matches(char[] candidate, String digest) {
        return java.security.MessageDigest.isEqual(of(candidate).getBytes(StandardCharsets.US_ASCII),
                digest.getBytes(StandardCharsets.US_ASCII));
    }
}
