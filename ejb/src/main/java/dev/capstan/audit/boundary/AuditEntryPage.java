package dev.capstan.audit.boundary;

import java.util.List;

/**
 * A page of the log, newest first. {@code olderThan} is the sequence number to ask for the next
 * (older) page with, or null at the oldest entry matching.
 */
public record AuditEntryPage(List<AuditEntryView> entries, Long olderThan) {
}
