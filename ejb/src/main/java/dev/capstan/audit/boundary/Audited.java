package dev.capstan.audit.boundary;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a boundary operation whose refusals by a business rule are audited as FAILED (the
 * operation records its own success). {@code target} names the type of what the first
 * argument identifies: a number is its id, a text its name.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

    /** The action code, e.g. {@code user.disabled}. */
    @Nonbinding
    String value() default "";

    @Nonbinding
    String target() default "";
}
