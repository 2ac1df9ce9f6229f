package dev.capstan.platform;

/** One input that was not acceptable, and why, written for the person who typed it. */
public record FieldError(String field, String message) {
}
