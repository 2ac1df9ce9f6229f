package dev.capstan.audit.entity;

import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the chain in sequence order and stops at the first damaged entry. Entries stream through
 * a small look-ahead window, so a chain of millions never sits in memory.
 *
 * <p>What it can tell apart: an entry edited in place (its hash no longer matches), an entry
 * replaced together with its hash (the next entry vouches for a different one), entries deleted
 * (a gap, or later entries renumbered to close it), entries swapped within {@value #WINDOW}
 * places, entries dated before the entry they follow, and a tail cut off below a signed checkpoint
 * or below the chain head the server last saw (its witness, written every minute). What the
 * chain alone cannot show, checkpoints deleted from the database, the witness does.
 */
public final class ChainVerifier {

    static final int WINDOW = 8;

    private final List<CheckpointMark> checkpoints;

    public ChainVerifier(List<CheckpointMark> checkpoints) {
        this.checkpoints = checkpoints.stream().sorted(Comparator.comparingLong(CheckpointMark::sequence)).toList();
    }

    /**
     * Checks every checkpoint's signature with the server's public keys (the current one and those
     * rotated out), that every checkpoint the witness holds is still in the database, then the
     * chain against all of them and the witnessed head. A checkpoint that does not verify is
     * reported first: nothing it claims can be used.
     */
    public static ChainVerification verify(Iterator<AuditRecord> entries, List<CheckpointRecord> checkpoints, Witness witness,
                                           Collection<PublicKey> keys) {
        ChainVerification refused = checkCheckpoints(checkpoints, witness, keys);
        if (refused != null) {
            return refused;
        }
        List<CheckpointMark> marks = new ArrayList<>();
        checkpoints.forEach(checkpoint -> marks.add(checkpoint.mark()));
        if (witness.head() != null) {
            marks.add(witness.head());
        }
        return new ChainVerifier(marks).verify(entries);
    }

    /**
     * Checks a filtered excerpt of the chain: every entry against its own hash, the links between
     * entries that follow each other, that times never go backwards, and the checkpoints whose
     * entries are in the excerpt. Gaps are expected (the filter left entries out), so deletions
     * and truncation cannot be told: an excerpt never proves completeness.
     */
    public static ChainVerification verifyExcerpt(Iterator<AuditRecord> entries, List<CheckpointRecord> checkpoints,
                                                  Witness witness, Collection<PublicKey> keys) {
        ChainVerification refused = checkCheckpoints(checkpoints, witness, keys);
        if (refused != null) {
            return refused;
        }
        Map<Long, String> signedHashes = new HashMap<>();
        checkpoints.forEach(checkpoint -> signedHashes.put(checkpoint.sequence(), checkpoint.entryHash()));
        AuditRecord previous = null;
        long checked = 0;
        while (entries.hasNext()) {
            AuditRecord entry = entries.next();
            if (!entry.isSelfConsistent()) {
                return ChainVerification.damaged(checked, entry.sequence(), ChainDamage.EDITED, null,
                        "Entry " + entry.sequence() + " was changed after it was written: its fields no longer match its hash.");
            }
            if (previous != null && previous.sequence() + 1 == entry.sequence() && !entry.previousHash().equals(previous.hash())) {
                return ChainVerification.damaged(checked, previous.sequence(), ChainDamage.EDITED, null,
                        "Entry " + previous.sequence() + " was replaced: entry " + entry.sequence() + " vouches for a different one.");
            }
            if (previous != null && entry.time().isBefore(previous.time())) {
                return backdated(checked, entry, previous);
            }
            String signed = signedHashes.get(entry.sequence());
            if (signed != null && !signed.equals(entry.hash())) {
                return ChainVerification.damaged(checked, entry.sequence(), ChainDamage.EDITED, entry.sequence(),
                        "Entry " + entry.sequence() + " differs from what checkpoint " + entry.sequence() + " signed.");
            }
            previous = entry;
            checked++;
        }
        return ChainVerification.intact(checked);
    }

    /** Forged or altered checkpoints first, then checkpoints the witness holds but the database lost. */
    private static ChainVerification checkCheckpoints(List<CheckpointRecord> checkpoints, Witness witness,
                                                      Collection<PublicKey> keys) {
        List<CheckpointRecord> all = new ArrayList<>(checkpoints);
        all.addAll(witness.checkpoints());
        for (CheckpointRecord checkpoint : all) {
            if (!checkpoint.verifiesWithAny(keys)) {
                return ChainVerification.damaged(0, checkpoint.sequence(), ChainDamage.CHECKPOINT_INVALID, checkpoint.sequence(),
                        "The checkpoint at entry " + checkpoint.sequence() + " (signed " + AuditRecord.formatTime(checkpoint.signedAt())
                                + ") does not verify with the public key: it was forged or altered.");
            }
        }
        Set<CheckpointRecord> stored = new HashSet<>(checkpoints);
        return witness.checkpoints().stream().filter(witnessed -> !stored.contains(witnessed))
                .min(Comparator.comparingLong(CheckpointRecord::sequence))
                .map(missing -> ChainVerification.damaged(0, missing.sequence(), ChainDamage.CHECKPOINT_MISSING, missing.sequence(),
                        "The checkpoint at entry " + missing.sequence() + " (signed " + AuditRecord.formatTime(missing.signedAt())
                                + ") is missing from the database, though the server's witness file holds it:"
                                + " checkpoints were deleted, which can hide a rewritten chain."))
                .orElse(null);
    }

    private static ChainVerification backdated(long checked, AuditRecord entry, AuditRecord previous) {
        return ChainVerification.damaged(checked, entry.sequence(), ChainDamage.BACKDATED, null,
                "Entry " + entry.sequence() + " is dated " + AuditRecord.formatTime(entry.time()) + ", before entry "
                        + previous.sequence() + " (" + AuditRecord.formatTime(previous.time())
                        + "): it was back-dated or inserted out of order.");
    }

    /** @param entries the chain in ascending sequence order */
    public ChainVerification verify(Iterator<AuditRecord> entries) {
        Deque<AuditRecord> window = new ArrayDeque<>();
        fill(window, entries);
        long expected = 1;
        String previousHash = AuditRecord.GENESIS;
        AuditRecord previous = null;
        long checked = 0;
        int nextCheckpoint = 0;
        while (!window.isEmpty()) {
            AuditRecord entry = window.removeFirst();
            fill(window, entries);
            ChainVerification damage = inspect(entry, expected, previousHash, window, checked);
            if (damage != null) {
                return damage;
            }
            if (previous != null && entry.time().isBefore(previous.time())) {
                return backdated(checked, entry, previous);
            }
            while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).sequence() <= entry.sequence()) {
                CheckpointMark mark = checkpoints.get(nextCheckpoint++);
                if (mark.sequence() == entry.sequence() && !mark.entryHash().equals(entry.hash())) {
                    return ChainVerification.damaged(checked, entry.sequence(), ChainDamage.EDITED, mark.sequence(),
                            "Entries up to " + entry.sequence() + " were rewritten with new hashes: " + mark.name()
                                    + (mark.name().startsWith("checkpoint") ? " signed" : " had") + " a different hash.");
                }
            }
            previousHash = entry.hash();
            previous = entry;
            expected = entry.sequence() + 1;
            checked++;
        }
        long last = expected - 1;
        if (nextCheckpoint < checkpoints.size()) {
            CheckpointMark newest = checkpoints.get(checkpoints.size() - 1);
            return ChainVerification.damaged(checked, last + 1, ChainDamage.TRUNCATED, newest.sequence(),
                    "The chain ends at " + last + " but " + newest.name()
                            + " vouches for entries up to " + newest.sequence() + ": entries after " + last + " were cut off.");
        }
        return ChainVerification.intact(checked);
    }

    private static ChainVerification inspect(AuditRecord entry, long expected, String previousHash,
                                             Deque<AuditRecord> ahead, long checked) {
        if (entry.sequence() > expected) {
            return ChainVerification.damaged(checked, expected, ChainDamage.DELETED, null,
                    "Entries " + range(expected, entry.sequence() - 1) + " are missing.");
        }
        if (!entry.isSelfConsistent()) {
            Long original = originalSequence(entry);
            if (original == null) {
                return ChainVerification.damaged(checked, entry.sequence(), ChainDamage.EDITED, null,
                        "Entry " + entry.sequence() + " was changed after it was written: its fields no longer match its hash.");
            }
            if (original > entry.sequence() && !vouchedForAhead(entry.previousHash(), ahead)) {
                return ChainVerification.damaged(checked, entry.sequence(), ChainDamage.DELETED, null,
                        "Entries " + range(entry.sequence(), original - 1) + " were deleted and later entries renumbered.");
            }
            return ChainVerification.damaged(checked, entry.sequence(), ChainDamage.REORDERED, null,
                    "Entry " + entry.sequence() + " was written as entry " + original + ": entries changed places.");
        }
        if (!entry.previousHash().equals(previousHash)) {
            return ChainVerification.damaged(checked, entry.sequence() - 1, ChainDamage.EDITED, null,
                    "Entry " + (entry.sequence() - 1) + " was replaced: entry " + entry.sequence()
                            + " vouches for a different one.");
        }
        return null;
    }

    /** The sequence number an entry was written with, if it is near its present place. */
    private static Long originalSequence(AuditRecord entry) {
        for (long distance = 1; distance <= WINDOW; distance++) {
            for (long candidate : new long[]{entry.sequence() + distance, entry.sequence() - distance}) {
                if (candidate > 0 && entry.withSequence(candidate).isSelfConsistent()) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** Whether the entry this one vouches for is still further on, i.e. moved rather than deleted. */
    private static boolean vouchedForAhead(String previousHash, Deque<AuditRecord> ahead) {
        return ahead.stream().anyMatch(later -> later.hash().equals(previousHash));
    }

    private static void fill(Deque<AuditRecord> window, Iterator<AuditRecord> entries) {
        while (window.size() < WINDOW && entries.hasNext()) {
            window.addLast(entries.next());
        }
    }

    private static String range(long from, long to) {
        return from == to ? String.valueOf(from) : from + " to " + to;
    }
}
