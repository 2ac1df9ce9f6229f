package dev.capstan.audit.control;

import dev.capstan.audit.entity.CheckpointSignature;
import dev.capstan.audit.entity.SecretDigest;
import dev.capstan.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import javax.sql.DataSource;
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
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The audit trail's keys, kept in files outside the database (CAPSTAN_AUDIT_KEY_DIR, by default
 * the data directory's {@code capstan/keys}): whoever can edit the database must not also hold
 * them. Made at first start, readable by the server's user only. Every node of one installation
 * needs the same files.
 *
 * <p>Keys are made only for an empty trail. A missing, mismatched or half-deleted key on a trail
 * that has entries stops the start ({@link KeyProblem}): a silently new key would sign over what
 * it cannot vouch for. Replacing the signing pair on purpose is a rotation
 * (CAPSTAN_AUDIT_ROTATE_KEYS=true for one start): the old public key moves to {@code retired/},
 * where verification still finds it, and {@code AuditKeyCheck} records the rotation in the trail.
 */
@ApplicationScoped
public class AuditKeys {

    private static final Logger LOG = Logger.getLogger(AuditKeys.class.getName());
    static final String HMAC_KEY_FILE = "audit-hmac.key";
    static final String CHECKPOINT_KEY_FILE = "audit-checkpoint.key";
    /** The public half, for auditors and the offline verifier. */
    public static final String CHECKPOINT_PUBLIC_KEY_FILE = "audit-checkpoint.pub";
    /** Public keys of rotated-out pairs, kept to verify the checkpoints they signed. */
    public static final String RETIRED_DIRECTORY = "retired";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Why the keys cannot be used; the message is the one line the start stops with. */
    public static class KeyProblem extends IllegalStateException {
        KeyProblem(String message) {
            super(message);
        }
    }

    /** A rotation that happened at this start: the old and new public keys, for the trail. */
    public record Rotation(String retiredFile, String oldFingerprint, String newFingerprint) {
    }

    @Resource(lookup = "java:jboss/datasources/CapstanDS")
    DataSource dataSource;

    private SecretDigest secretDigest;
    private PrivateKey checkpointKey;
    private PublicKey checkpointPublicKey;
    private List<PublicKey> retiredPublicKeys;
    private Rotation rotation;

    @PostConstruct
    void load() {
        Path directory = directory();
        boolean trailHasEntries = trailHasEntries();
        boolean rotate = Settings.text("capstan.audit.rotate-keys").map(Boolean::parseBoolean).orElse(false);
        secretDigest = new SecretDigest(loadHmacKey(directory.resolve(HMAC_KEY_FILE), trailHasEntries, rotate));
        loadCheckpointKeys(directory, trailHasEntries, rotate);
        retiredPublicKeys = readRetired(directory.resolve(RETIRED_DIRECTORY));
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

    /** The current public key first, then those rotated out: any of them may have signed a stored checkpoint. */
    public List<PublicKey> verificationKeys() {
        List<PublicKey> keys = new ArrayList<>();
        keys.add(checkpointPublicKey);
        keys.addAll(retiredPublicKeys);
        return keys;
    }

    /** The rotation this start made, if CAPSTAN_AUDIT_ROTATE_KEYS asked for one. */
    public Optional<Rotation> rotation() {
        return Optional.ofNullable(rotation);
    }

    public static Path directory() {
        return Settings.text("capstan.audit.key-dir").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("jboss.server.data.dir", "."), "capstan", "keys"));
    }

    /** Entries in the chain, or recorded and waiting to be linked into it. */
    private boolean trailHasEntries() {
        if (dataSource == null) {
            return false;
        }
        for (String table : new String[]{"audit_entry", "audit_pending"}) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT 1 FROM " + table + " FETCH FIRST 1 ROWS ONLY")) {
                if (rows.next()) {
                    return true;
                }
            } catch (SQLException noTrailYet) {
                // the migrator has not made the table: nothing was recorded in it
            }
        }
        return false;
    }

    private static byte[] loadHmacKey(Path file, boolean trailHasEntries, boolean rotate) {
        try {
            if (!Files.exists(file)) {
                if (trailHasEntries && !rotate) {
                    throw new KeyProblem("the audit key " + file + " is missing, but the audit trail has entries: restore it"
                            + " from your backup (or set CAPSTAN_AUDIT_ROTATE_KEYS=true once to make a new one; docs/audit.md#keys).");
                }
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                writePrivate(file, Base64.getEncoder().encodeToString(key));
                LOG.info(() -> "Created the audit trail's HMAC key in " + file);
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the audit key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new KeyProblem("the audit key " + file + " is not a base64 key: restore it from your backup.");
        }
    }

    private void loadCheckpointKeys(Path directory, boolean trailHasEntries, boolean rotate) {
        Path privateFile = directory.resolve(CHECKPOINT_KEY_FILE);
        Path publicFile = directory.resolve(CHECKPOINT_PUBLIC_KEY_FILE);
        boolean hasPrivate = Files.exists(privateFile);
        boolean hasPublic = Files.exists(publicFile);
        try {
            if (rotate && (hasPrivate || hasPublic)) {
                retire(directory, privateFile, publicFile);
                hasPrivate = false;
                hasPublic = false;
            } else if (!hasPrivate && !hasPublic && trailHasEntries && !rotate) {
                throw new KeyProblem("the audit signing key " + privateFile + " and " + publicFile + " are missing, but the audit"
                        + " trail has entries: restore them from your backup (or set CAPSTAN_AUDIT_ROTATE_KEYS=true once to make"
                        + " a new pair; docs/audit.md#keys).");
            } else if (hasPrivate && !hasPublic) {
                throw new KeyProblem("the audit public key " + publicFile + " is missing (its private key " + privateFile
                        + " is there): restore it from your backup or an auditor's copy.");
            } else if (!hasPrivate && hasPublic) {
                throw new KeyProblem("the audit signing key " + privateFile + " is missing (its public key " + publicFile
                        + " is there): restore it from your backup, or set CAPSTAN_AUDIT_ROTATE_KEYS=true once to rotate.");
            }
            if (!hasPrivate) {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                writePrivate(privateFile, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                Files.writeString(publicFile, CheckpointSignature.toPem(pair.getPublic()), StandardCharsets.US_ASCII);
                LOG.info(() -> "Created the audit checkpoint signing key in " + privateFile + "; public key: " + publicFile);
            }
            checkpointKey = readPrivate(privateFile);
            checkpointPublicKey = readPublic(publicFile);
            if (!pairs(checkpointKey, checkpointPublicKey)) {
                throw new KeyProblem("the audit public key " + publicFile + " does not belong to the signing key " + privateFile
                        + ": restore the matching pair from your backup.");
            }
            if (rotation != null) {
                rotation = new Rotation(rotation.retiredFile(), rotation.oldFingerprint(), fingerprint(checkpointPublicKey));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the audit checkpoint key in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new KeyProblem("the audit signing key " + privateFile + " is not an Ed25519 key: restore it from your backup.");
        }
    }

    /** Moves the public key to retired/ (to verify old checkpoints) and destroys the private key. */
    private void retire(Path directory, Path privateFile, Path publicFile) throws IOException {
        String oldFingerprint = "none";
        String retiredName = "none";
        if (Files.exists(publicFile)) {
            Path retired = directory.resolve(RETIRED_DIRECTORY).resolve("audit-checkpoint-" + STAMP.format(Instant.now()) + ".pub");
            Files.createDirectories(retired.getParent());
            oldFingerprint = fingerprint(readPublic(publicFile));
            Files.move(publicFile, retired);
            retiredName = retired.toString();
        }
        Files.deleteIfExists(privateFile);
        rotation = new Rotation(retiredName, oldFingerprint, null);
        String moved = retiredName;
        LOG.warning(() -> "Rotating the audit checkpoint signing key as CAPSTAN_AUDIT_ROTATE_KEYS asks; the old public key is kept as "
                + moved + ". Unset CAPSTAN_AUDIT_ROTATE_KEYS before the next start.");
    }

    private static List<PublicKey> readRetired(Path retired) {
        if (!Files.isDirectory(retired)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(retired)) {
            return files.filter(file -> file.toString().endsWith(".pub")).sorted().map(file -> {
                try {
                    return readPublic(file);
                } catch (IOException | IllegalArgumentException e) {
                    throw new KeyProblem("the retired audit public key " + file + " cannot be read: " + e.getMessage());
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + retired, e);
        }
    }

    private static PrivateKey readPrivate(Path file) throws IOException, GeneralSecurityException {
        try {
            byte[] encoded = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static PublicKey readPublic(Path file) throws IOException {
        try {
            return CheckpointSignature.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new KeyProblem("the audit public key " + file + " is not an Ed25519 public key: restore it from your backup.");
        }
    }

    private static boolean pairs(PrivateKey privateKey, PublicKey publicKey) {
        Instant probe = Instant.EPOCH;
        return CheckpointSignature.verify(publicKey, 0, "pair-check", probe, CheckpointSignature.sign(privateKey, 0, "pair-check", probe));
    }

    /** SHA-256 of the encoded public key, hex: what the trail records of a key. */
    public static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
