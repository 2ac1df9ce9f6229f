package dev.capstan.access.control;

import dev.capstan.access.entity.LockoutPolicy;
import dev.capstan.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Five failures lock an account for 15 minutes. The duration can be set with
 * {@code capstan.signin.lockout-duration} / {@code CAPSTAN_SIGNIN_LOCKOUT_DURATION} (ISO-8601),
 * which the integration tests use to watch a lock run out.
 */
@ApplicationScoped
public class LockoutPolicyProducer {

    @Produces
    LockoutPolicy lockoutPolicy() {
        return new LockoutPolicy(LockoutPolicy.STANDARD.maxFailures(),
                Settings.duration("capstan.signin.lockout-duration", LockoutPolicy.STANDARD.duration()));
    }
}
