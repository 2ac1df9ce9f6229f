package dev.capstan.it.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Hands the schema owner's password to the test server the way bin/capstan.sh does, before
 * Arquillian starts it: in a file only this user can read, which the server deletes once read
 * (arquillian.xml names the file), not in the environment the server inherits.
 */
public class MigrationPasswordHandover implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String file = System.getProperty("capstan.test.migration-password-file");
        if (file == null) {
            return;
        }
        Path path = Path.of(file);
        try {
            Files.deleteIfExists(path);
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(path, TestDatabase.password());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand the owner's password over in " + path, e);
        }
    }
}
