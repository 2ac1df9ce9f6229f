package dev.capstan.it.audit;

import dev.capstan.access.entity.GlobalRole;
import dev.capstan.it.support.PortalClient;
import dev.capstan.it.support.PortalTest;
import dev.capstan.it.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.capstan.it.audit.Verifications.Verdict;
import static dev.capstan.it.audit.Verifications.offlineVerify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An auditor exports the log; the offline verifier shipped in the server's bin/ checks the export
 * with the server's public key, and rejects a doctored copy naming the entry.
 */
class AuditExportIT extends PortalTest {

    @Test
    void anExportVerifiesOfflineAndADoctoredOneDoesNot() throws Exception {
        PortalClient auditor = signedIn("export-auditor", GlobalRole.AUDITOR);
        auditor.submit("/audit/index.xhtml", "verification", Map.of(), "checkpoint");

        HttpResponse<String> export = auditor.submit("/audit/index.xhtml", "log", Map.of(), "exportJsonl");
        assertEquals(200, export.statusCode());
        assertTrue(export.headers().firstValue("Content-Disposition").orElse("").matches("attachment; filename=\"capstan-audit-\\d{8}T\\d{6}Z\\.jsonl\""),
                export.headers().toString());
        List<String> lines = export.body().lines().toList();
        assertTrue(lines.get(0).contains("\"type\":\"capstan-audit-export\"") && lines.get(0).contains("\"complete\":true"), lines.get(0));
        assertTrue(lines.get(1).contains("\"type\":\"checkpoint\""), "the signed checkpoints come with the entries");

        Path file = Files.writeString(Path.of("target/audit-export.jsonl"), export.body(), StandardCharsets.UTF_8);
        Verdict intact = offlineVerify(file);
        assertEquals(0, intact.exitCode(), intact.output());
        assertTrue(intact.output().contains("the chain is intact"), intact.output());

        String victim = lines.stream().filter(line -> line.contains("\"actorName\":\"export-auditor\"")).findFirst().orElseThrow();
        long sequence = Long.parseLong(victim.replaceAll(".*\"sequence\":(\\d+).*", "$1"));
        Path doctored = Files.writeString(Path.of("target/audit-export-doctored.jsonl"),
                export.body().replace(victim, victim.replace("\"actorName\":\"export-auditor\"", "\"actorName\":\"someone-else\"")));
        Verdict rejected = offlineVerify(doctored);
        assertEquals(1, rejected.exitCode(), rejected.output());
        assertTrue(rejected.output().contains("Entry " + sequence + " was changed after it was written"), rejected.output());

        try (Connection db = TestDatabase.connectToChain(); Statement statement = db.createStatement();
             ResultSet recorded = statement.executeQuery("SELECT count(*) FROM audit_entry WHERE action = 'audit.exported'"
                     + " AND actor_name = 'export-auditor'")) {
            recorded.next();
            assertEquals(1, recorded.getLong(1), "the export itself is recorded");
        }
    }

    @Test
    void theCsvExportHasOneRowPerFilteredEntry() throws Exception {
        PortalClient auditor = signedIn("csv-auditor", GlobalRole.AUDITOR);

        HttpResponse<String> csv = auditor.submit("/audit/index.xhtml", "log", Map.of("actor", "csv-auditor"), "exportCsv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> rows = csv.body().lines().toList();
        assertEquals("sequence,time,actor_kind,actor_name,actor_roles,action,target_type,target_id,target_name,project,"
                + "environment,outcome,client_address,user_agent,request_id,details,previous_hash,hash", rows.get(0));
        assertEquals(3, rows.size(), "the header, csv-auditor's sign-in, and the export itself: " + rows);
        assertTrue(rows.get(1).matches("\\d+,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z,USER,csv-auditor,AUDITOR,signin\\.succeeded,.*"),
                rows.get(1));
        assertTrue(rows.get(2).contains(",audit.exported,") && rows.get(2).contains("\"\"actor\"\":\"\"csv-auditor\"\""),
                "recorded before any entry left, with its filters: " + rows.get(2));
    }
}
