package dev.capstan.audit.control;

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
import java.security.SecureRandom;
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

    private SecretDigest secretDigest;

    @PostConstruct
    void load() {
        Path directory = directory();
        secretDigest = new SecretDigest(readOrCreate(directory.resolve(HMAC_KEY_FILE)));
    }

    @Produces
    public SecretDigest secretDigest() {
        return secretDigest;
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
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
            LOG.info(() -> "Created the audit trail's HMAC key in " + file);
        } catch (FileAlreadyExistsException anotherNodeWasFaster) {
            // Two servers sharing the directory started together: use the one that won.
        }
    }
}
