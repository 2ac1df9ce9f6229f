package dev.capstan.audit.entity;

/** A signed checkpoint's claim: the entry at {@code sequence} had hash {@code entryHash}. */
public record CheckpointMark(long sequence, String entryHash) {
}
