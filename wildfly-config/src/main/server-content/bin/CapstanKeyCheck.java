import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Checks the audit trail's key files before WildFly starts, so that a missing or mismatched key
 * stops the start with one line naming the file (the server checks again, against the database,
 * when it deploys: docs/audit.md#keys). Run by capstan.sh in source-file mode with the key
 * directory as its argument; exits 0 when the keys can be used or made.
 */
public class CapstanKeyCheck {

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        Path privateFile = directory.resolve("audit-checkpoint.key");
        Path publicFile = directory.resolve("audit-checkpoint.pub");
        Path hmacFile = directory.resolve("audit-hmac.key");
        // The server writes the witnessed head once the trail has an entry: keys made now would not vouch for it.
        boolean trailHasEntries = Files.exists(directory.resolve("audit-witness-head.json"));
        boolean rotate = Boolean.parseBoolean(System.getenv("CAPSTAN_AUDIT_ROTATE_KEYS"));
        boolean hasPrivate = Files.exists(privateFile);
        boolean hasPublic = Files.exists(publicFile);
        if (rotate) {
            return;
        }
        if (trailHasEntries && !Files.exists(hmacFile)) {
            fail("the audit key " + hmacFile + " is missing, but the audit trail has entries: restore it from your backup"
                    + " (or set CAPSTAN_AUDIT_ROTATE_KEYS=true once to make a new one; docs/audit.md#keys).");
        }
        if (!hasPrivate && !hasPublic && trailHasEntries) {
            fail("the audit signing key " + privateFile + " and " + publicFile + " are missing, but the audit trail has"
                    + " entries: restore them from your backup (or set CAPSTAN_AUDIT_ROTATE_KEYS=true once to make a new pair;"
                    + " docs/audit.md#keys).");
        }
        if (hasPrivate && !hasPublic) {
            fail("the audit public key " + publicFile + " is missing (its private key " + privateFile
                    + " is there): restore it from your backup or an auditor's copy.");
        }
        if (!hasPrivate && hasPublic) {
            fail("the audit signing key " + privateFile + " is missing (its public key " + publicFile
                    + " is there): restore it from your backup, or set CAPSTAN_AUDIT_ROTATE_KEYS=true once to rotate.");
        }
        if (hasPrivate && !pair(privateFile, publicFile)) {
            fail("the audit public key " + publicFile + " does not belong to the signing key " + privateFile
                    + ": restore the matching pair from your backup.");
        }
    }

    private static boolean pair(Path privateFile, Path publicFile) {
        try {
            KeyFactory keys = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(Files.readString(privateFile, StandardCharsets.US_ASCII).strip())));
            PublicKey publicKey = keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(
                    Files.readString(publicFile, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))));
            byte[] probe = "pair-check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(probe);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signer.sign());
        } catch (Exception unreadable) {
            return false;
        }
    }

    private static void fail(String message) {
        System.err.println("Capstan cannot start: " + message);
        System.exit(2);
    }
}
