package dev.capstan.audit.entity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Ed25519 signatures over a checkpoint: the canonical JSON array
 * {@code [sequence, entryHash, signedAt]} in UTF-8, signedAt written as entries' times are.
 * Public keys travel as PEM ("BEGIN PUBLIC KEY", X.509 SubjectPublicKeyInfo).
 */
public final class CheckpointSignature {

    private static final String ALGORITHM = "Ed25519";

    private CheckpointSignature() {
    }

    public static byte[] message(long sequence, String entryHash, Instant signedAt) {
        return CanonicalJson.write(List.of(sequence, entryHash, AuditRecord.formatTime(signedAt))).getBytes(StandardCharsets.UTF_8);
    }

    public static String sign(PrivateKey key, long sequence, String entryHash, Instant signedAt) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(message(sequence, entryHash, signedAt));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign an audit checkpoint", e);
        }
    }

    public static boolean verify(PublicKey key, long sequence, String entryHash, Instant signedAt, String signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message(sequence, entryHash, signedAt));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String toPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    public static PublicKey fromPem(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key in PEM form", e);
        }
    }
}
