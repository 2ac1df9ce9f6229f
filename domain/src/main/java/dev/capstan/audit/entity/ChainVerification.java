package dev.capstan.audit.entity;

/**
 * The outcome of checking the chain: intact, or the first bad sequence number, the kind of
 * damage and, for a truncation, the checkpoint that shows it.
 */
public record ChainVerification(long entriesChecked, Long firstBadSequence, ChainDamage damage, Long checkpoint,
                                String explanation) {

    public static ChainVerification intact(long entriesChecked) {
        return new ChainVerification(entriesChecked, null, null, null,
                entriesChecked + " entries checked; the chain is intact.");
    }

    static ChainVerification damaged(long entriesChecked, long sequence, ChainDamage damage, Long checkpoint, String explanation) {
        return new ChainVerification(entriesChecked, sequence, damage, checkpoint, explanation);
    }

    public boolean isIntact() {
        return damage == null;
    }
}
