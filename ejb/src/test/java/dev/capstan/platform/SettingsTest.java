package dev.capstan.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Settings as the server reads them; here through system properties, which come before the environment. */
class SettingsTest {

    @AfterEach
    void forget() {
        System.clearProperty("capstan.test.secret");
        System.clearProperty("capstan.test.secret-file");
    }

    @Test
    void aSecretHandedOverInAFileIsReadOnceAndTheFileIsGone(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), " owner password ");
        System.setProperty("capstan.test.secret-file", file.toString());
        System.setProperty("capstan.test.secret", "not this one: the file comes first");

        assertEquals(Optional.of(" owner password "), Settings.secretOnce("capstan.test.secret"), "exactly as written");
        assertFalse(Files.exists(file), "deleted once read");
        assertEquals(Optional.empty(), Settings.secretOnce("capstan.test.secret"), "a second reading finds it used up");
    }

    @Test
    void withoutAFileTheSecretIsTheSettingItselfEvenEmpty() {
        assertEquals(Optional.empty(), Settings.secretOnce("capstan.test.secret"));
        System.setProperty("capstan.test.secret", "");
        assertEquals(Optional.of(""), Settings.secretOnce("capstan.test.secret"), "an empty password is one (trust authentication)");
    }
}
