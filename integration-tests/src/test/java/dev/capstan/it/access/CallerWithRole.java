package dev.capstan.it.access;

import jakarta.annotation.security.PermitAll;

import java.util.concurrent.Callable;

/** Runs a piece of test code as a caller holding one role (EJB run-as), inside the server. */
public abstract class CallerWithRole {

    @PermitAll
    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
