package dev.capstan.audit.entity;

/** What verification found wrong at the first bad entry. */
public enum ChainDamage {
    /** An entry's fields no longer match its hash, or the entry the next one vouches for was replaced. */
    EDITED,
    /** Entries are missing from the middle of the chain (a gap, or the rest renumbered to close it). */
    DELETED,
    /** Entries changed places. */
    REORDERED,
    /** The chain ends before a signed checkpoint: its tail was cut off. */
    TRUNCATED,
    /** A checkpoint's signature does not verify with the server's public key: it was forged or altered. */
    CHECKPOINT_INVALID,
    /** A checkpoint the server signed (its witness file holds it) is missing from the database or differs there. */
    CHECKPOINT_MISSING,
    /** An entry is dated before the entry it follows: it was back-dated or inserted out of order. */
    BACKDATED,
    /** An export claims to be complete, but no signed checkpoint covers its last entry. */
    COMPLETENESS_UNPROVEN
}
