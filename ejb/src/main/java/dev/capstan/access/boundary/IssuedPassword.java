package dev.capstan.access.boundary;

/**
 * A password Capstan generated for a user, to be shown once to the administrator who asked and
 * then forgotten. {@link #toString()} never prints it.
 */
public record IssuedPassword(String username, String password) {

    @Override
    public String toString() {
        return "IssuedPassword[" + username + "]";
    }
}
