package dev.capstan.audit.entity;

import java.util.List;

/**
 * What the server wrote outside the database: every checkpoint it signed, and the chain head it
 * last saw. A database superuser can delete checkpoint rows or cut the chain's tail, but cannot
 * reach this file; verification holds the database to it.
 *
 * @param checkpoints signed checkpoints, in the order they were signed
 * @param head the newest head seen, or null when none was written yet
 */
public record Witness(List<CheckpointRecord> checkpoints, CheckpointMark head) {

    public static final Witness NONE = new Witness(List.of(), null);

    public Witness {
        checkpoints = List.copyOf(checkpoints);
    }
}
