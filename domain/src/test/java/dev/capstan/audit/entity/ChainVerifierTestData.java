package dev.capstan.audit.entity;

import java.util.List;

/** Chains for tests in other packages (the offline verifier's). */
public final class ChainVerifierTestData {

    private ChainVerifierTestData() {
    }

    public static List<AuditRecord> chain(int length) {
        return ChainVerifierTest.chain(length);
    }
}
