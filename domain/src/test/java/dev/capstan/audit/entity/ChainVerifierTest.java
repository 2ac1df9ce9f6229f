package dev.capstan.audit.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChainVerifierTest {

    /** A chain of {@code length} entries, linked as the server links them. */
    static List<AuditRecord> chain(int length) {
        List<AuditRecord> chain = new ArrayList<>();
        String previous = AuditRecord.GENESIS;
        for (long sequence = 1; sequence <= length; sequence++) {
            AuditEvent event = AuditEvent.of("user.created").on("user", sequence, "user-" + sequence);
            AuditRecord record = AuditRecord.next(sequence, previous, Instant.parse("2026-11-22T10:00:00Z").plusSeconds(sequence),
                    Actor.user("admin", List.of("ADMIN")), event, AuditOutcome.SUCCEEDED, RequestOrigin.NONE, "{}");
            chain.add(record);
            previous = record.hash();
        }
        return chain;
    }

    private static ChainVerification verify(List<AuditRecord> chain, CheckpointMark... checkpoints) {
        return new ChainVerifier(List.of(checkpoints)).verify(chain.iterator());
    }

    /** The same entry with another target name and its old hash: an edit in place. */
    static AuditRecord edited(AuditRecord record, String targetName) {
        return new AuditRecord(record.sequence(), record.time(), record.actorKind(), record.actorName(), record.actorRoles(),
                record.action(), record.targetType(), record.targetId(), targetName, record.project(), record.environment(),
                record.outcome(), record.clientAddress(), record.userAgent(), record.requestId(), record.details(),
                record.previousHash(), record.hash());
    }

    @Test
    void anUntouchedChainIsIntact() {
        ChainVerification result = verify(chain(50), new CheckpointMark(20, chain(50).get(19).hash()));
        assertTrue(result.isIntact(), result.explanation());
        assertEquals(50, result.entriesChecked());
    }

    @Test
    void anEmptyChainIsIntact() {
        assertTrue(verify(List.of()).isIntact());
    }

    @Test
    void anEntryEditedInPlaceIsNamed() {
        List<AuditRecord> chain = chain(20);
        chain.set(6, edited(chain.get(6), "someone-else"));
        ChainVerification result = verify(chain);
        assertEquals(ChainDamage.EDITED, result.damage());
        assertEquals(7, result.firstBadSequence());
    }

    @Test
    void anEntryReplacedTogetherWithItsHashIsNamedByTheEntryAfterIt() {
        List<AuditRecord> chain = chain(20);
        AuditRecord forged = edited(chain.get(6), "someone-else");
        chain.set(6, forged.withHash(forged.computeHash()));
        ChainVerification result = verify(chain);
        assertEquals(ChainDamage.EDITED, result.damage());
        assertEquals(7, result.firstBadSequence());
    }

    @Test
    void aGapIsADeletion() {
        List<AuditRecord> chain = chain(20);
        chain.remove(9);
        chain.remove(9);
        ChainVerification result = verify(chain);
        assertEquals(ChainDamage.DELETED, result.damage());
        assertEquals(10, result.firstBadSequence());
        assertTrue(result.explanation().contains("10 to 11"), result.explanation());
    }

    @Test
    void aDeletionClosedByRenumberingIsStillADeletion() {
        List<AuditRecord> chain = chain(20);
        chain.remove(9);
        for (int i = 9; i < chain.size(); i++) {
            chain.set(i, chain.get(i).withSequence(i + 1));
        }
        ChainVerification result = verify(chain);
        assertEquals(ChainDamage.DELETED, result.damage());
        assertEquals(10, result.firstBadSequence());
    }

    @Test
    void swappedEntriesAreAReordering() {
        List<AuditRecord> chain = chain(20);
        AuditRecord twelve = chain.get(11);
        AuditRecord thirteen = chain.get(12);
        chain.set(11, thirteen.withSequence(12));
        chain.set(12, twelve.withSequence(13));
        ChainVerification result = verify(chain);
        assertEquals(ChainDamage.REORDERED, result.damage());
        assertEquals(12, result.firstBadSequence());
    }

    @Test
    void aTailCutOffBelowACheckpointIsATruncation() {
        List<AuditRecord> chain = chain(30);
        CheckpointMark checkpoint = new CheckpointMark(25, chain.get(24).hash());
        List<AuditRecord> truncated = new ArrayList<>(chain.subList(0, 21));
        ChainVerification result = verify(truncated, checkpoint);
        assertEquals(ChainDamage.TRUNCATED, result.damage());
        assertEquals(22, result.firstBadSequence());
        assertEquals(25, result.checkpoint());
    }

    @Test
    void aTailCutOffAfterTheNewestCheckpointCannotBeSeen() {
        List<AuditRecord> chain = chain(30);
        assertTrue(verify(chain.subList(0, 26), new CheckpointMark(25, chain.get(24).hash())).isIntact());
    }

    @Test
    void aChainRewrittenWithFreshHashesIsCaughtByTheCheckpoint() {
        List<AuditRecord> original = chain(30);
        List<AuditRecord> rewritten = new ArrayList<>(original.subList(0, 9));
        String previous = rewritten.get(8).hash();
        for (AuditRecord record : original.subList(9, 30)) {
            AuditRecord changed = edited(record, record.sequence() == 10 ? "someone-else" : record.targetName());
            AuditRecord relinked = new AuditRecord(changed.sequence(), changed.time(), changed.actorKind(), changed.actorName(),
                    changed.actorRoles(), changed.action(), changed.targetType(), changed.targetId(), changed.targetName(),
                    changed.project(), changed.environment(), changed.outcome(), changed.clientAddress(), changed.userAgent(),
                    changed.requestId(), changed.details(), previous, null);
            relinked = relinked.withHash(relinked.computeHash());
            rewritten.add(relinked);
            previous = relinked.hash();
        }
        assertTrue(verify(rewritten).isIntact(), "without a checkpoint a full rewrite looks like a chain");
        ChainVerification result = verify(rewritten, new CheckpointMark(20, original.get(19).hash()));
        assertEquals(ChainDamage.EDITED, result.damage());
        assertEquals(20, result.checkpoint());
    }

    @Test
    void entriesMovedFurtherThanTheWindowShowAsEdited() {
        List<AuditRecord> chain = chain(40);
        Collections.swap(chain, 5, 5 + ChainVerifier.WINDOW + 3);
        chain.set(5, chain.get(5).withSequence(6));
        chain.set(5 + ChainVerifier.WINDOW + 3, chain.get(5 + ChainVerifier.WINDOW + 3).withSequence(5 + ChainVerifier.WINDOW + 4));
        ChainVerification result = verify(chain);
        assertEquals(ChainDamage.EDITED, result.damage());
        assertEquals(6, result.firstBadSequence());
    }

    @Test
    void anEntryDatedBeforeTheOneItFollowsIsBackdated() {
        List<AuditRecord> chain = chain(10);
        AuditRecord tenth = chain.get(9);
        AuditRecord yesterday = AuditRecord.next(11, tenth.hash(), tenth.time().minusSeconds(86_400),
                Actor.user("admin", List.of("ADMIN")), AuditEvent.of("user.created"), AuditOutcome.SUCCEEDED,
                RequestOrigin.NONE, "{}");
        chain.add(yesterday);
        ChainVerification result = verify(chain);
        assertEquals(ChainDamage.BACKDATED, result.damage());
        assertEquals(11, result.firstBadSequence());
        assertTrue(result.explanation().contains("back-dated"), result.explanation());
        assertEquals(ChainDamage.BACKDATED, ChainVerifier.verifyExcerpt(chain.iterator(), List.of(), Witness.NONE, List.of()).damage(),
                "an excerpt checks times as well");
    }
}
