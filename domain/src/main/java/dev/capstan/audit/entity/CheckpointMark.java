package dev.capstan.audit.entity;

/**
 * A claim that the entry at {@code sequence} had hash {@code entryHash}: a signed checkpoint's, or
 * the chain head the server last saw (its witness). {@code name} says which, in messages.
 */
public record CheckpointMark(long sequence, String entryHash, String name) {

    public CheckpointMark(long sequence, String entryHash) {
        this(sequence, entryHash, "checkpoint " + sequence);
    }

    /** The chain head as the server last wrote it to its witness file. */
    public static CheckpointMark witnessedHead(long sequence, String entryHash) {
        return new CheckpointMark(sequence, entryHash, "the chain head the server last saw (entry " + sequence + ")");
    }
}
