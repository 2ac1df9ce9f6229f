package dev.capstan.audit.control;

import dev.capstan.audit.entity.CheckpointSignature;
import dev.capstan.audit.entity.SecretDigest;
import dev.capstan.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The audit trail's keys, kept in files outside the database (CAPSTAN_AUDIT_KEY_DIR, by default
 * the data directory's {@code capstan/keys}): whoever can edit the database must not also hold
 * them. Made at first start, readable by the server's user only. Every node of one installation
 * needs the same files.
 */
@ApplicationScoped
public class AuditKeys {

    private static final Logger LOG = Logger.getLogger(AuditKeys.class.getName());
    static final String HMAC_KEY_FILE = "audit-hmac.key";
    static final String CHECKPOINT_KEY_FILE = "audit-checkpoint.key";
    /** The public half, for auditors and the offline verifier. */
    public static final String CHECKPOINT_PUBLIC_KEY_FILE = "audit-checkpoint.pub";

    private SecretDigest secretDigest;
    private PrivateKey checkpointKey;
    private PublicKey checkpointPublicKey;

    @PostConstruct
    void load() {
        Path directory = directory();
        secretDigest = new SecretDigest(readOrCreate(directory.resolve(HMAC_KEY_FILE)));
        loadCheckpointKeys(directory);
    }

    @Produces
    public SecretDigest secretDigest() {
        return secretDigest;
    }

    public PrivateKey checkpointKey() {
        return checkpointKey;
    }

    public PublicKey checkpointPublicKey() {
        return checkpointPublicKey;
    }

    private void loadCheckpointKeys(Path directory) {
        Path privateFile = directory.resolve(CHECKPOINT_KEY_FILE);
        Path publicFile = directory.resolve(CHECKPOINT_PUBLIC_KEY_FILE);
        try {
            if (!Files.exists(privateFile)) {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                writePrivate(privateFile, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                Files.writeString(publicFile, CheckpointSignature.toPem(pair.getPublic()), StandardCharsets.US_ASCII);
                LOG.info(() -> "Created the audit checkpoint signing key in " + privateFile + "; public key: " + publicFile);
            }
            byte[] encoded = Base64.getDecoder().decode(Files.readString(privateFile, StandardCharsets.US_ASCII).strip());
            checkpointKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(encoded));
            checkpointPublicKey = CheckpointSignature.fromPem(Files.readString(publicFile, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the audit checkpoint key in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The audit checkpoint key in " + privateFile + " is not an Ed25519 key", e);
        }
    }

    public static Path directory() {
        return Settings.text("capstan.audit.key-dir").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("jboss.server.data.dir", "."), "capstan", "keys"));
    }

    private static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the audit key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        writePrivate(file, Base64.getEncoder().encodeToString(key));
        LOG.info(() -> "Created the audit trail's HMAC key in " + file);
    }

    /** Writes a new key file readable by the server's user only; a file another node just wrote wins. */
    private static void writePrivate(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.writeString(file, "", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException anotherNodeWasFaster) {
            // Two servers sharing the directory started together: use the one that won.
        }
    }
}
