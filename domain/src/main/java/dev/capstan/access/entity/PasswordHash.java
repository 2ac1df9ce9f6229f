package dev.capstan.access.entity;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A salted PBKDF2-HMAC-SHA256 password hash, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64). The iteration count is kept with
 * each hash so that raising it later does not lock out existing users.
 */
public final class PasswordHash {

    /** OWASP Password Storage Cheat Sheet, PBKDF2-HMAC-SHA256, as of 2023-2026. */
    public static final int ITERATIONS = 600_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String encoded;

    private PasswordHash(String encoded) {
        this.encoded = encoded;
    }

    public static PasswordHash of(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, ITERATIONS);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return new PasswordHash(String.join("$", SCHEME, Integer.toString(ITERATIONS),
                base64.encodeToString(salt), base64.encodeToString(hash)));
    }

    public static PasswordHash fromEncoded(String encoded) {
        String[] parts = Objects.requireNonNull(encoded, "encoded").split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            throw new IllegalArgumentException("not a " + SCHEME + " hash");
        }
        Integer.parseInt(parts[1]);
        return new PasswordHash(encoded);
    }

    /** Compares in constant time, so the answer's timing tells nothing about the hash. */
    public boolean matches(char[] candidate) {
        String[] parts = encoded.split("\\$");
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] salt = base64.decode(parts[2]);
        byte[] expected = base64.decode(parts[3]);
        byte[] actual = derive(candidate, salt, Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * Spends the same work as checking a real password, for a user name that does not exist, so
     * that sign-in time does not reveal which user names exist.
     */
    public static void spendComparableWork(char[] candidate) {
        derive(candidate, new byte[SALT_BYTES], ITERATIONS);
    }

    public String encoded() {
        return encoded;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PasswordHash that && encoded.equals(that.encoded);
    }

    @Override
    public int hashCode() {
        return encoded.hashCode();
    }

    /** Never prints the hash: it is not a secret's value, but it is a brute-force target. */
    @Override
    public String toString() {
        return "PasswordHash[" + SCHEME + "]";
    }

}
