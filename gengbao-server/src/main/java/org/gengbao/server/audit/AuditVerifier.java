package org.gengbao.server.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Checks the whole audit chain: sequence without gaps, every link, every hash, and the head. */
@Service
public class AuditVerifier {
    private static final String ZERO = "0".repeat(64);

    /**
     * The outcome.
     *
     * @param problems what is wrong, in chain order (empty when the chain is intact)
     */
    public record Verification(long entries, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private final JdbcClient jdbc;

    AuditVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Verification verify() {
        List<String> problems = new ArrayList<>();
        long[] count = {0};
        long[] expectedSeq = {1};
        String[] prev = {ZERO};
        jdbc.sql("SELECT seq, at, actor, action, target, result, client, details, prev_hash, hash FROM audit_entry"
                        + " ORDER BY seq")
                .query(rs -> {
                    AuditEntry e = new AuditEntry(
                            rs.getLong(1),
                            rs.getObject(2, OffsetDateTime.class),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10));
                    count[0]++;
                    if (e.seq() != expectedSeq[0]) {
                        problems.add("entry " + expectedSeq[0]
                                + (e.seq() > expectedSeq[0]
                                        ? " to " + (e.seq() - 1) + " missing (removed)"
                                        : " appears out of order"));
                    }
                    if (!e.prevHash().equals(prev[0])) {
                        problems.add("entry " + e.seq() + " is not linked to the entry before it (removed or"
                                + " reordered entries)");
                    }
                    if (!e.computeHash().equals(e.hash())) {
                        problems.add("entry " + e.seq() + " was edited (its content does not match its hash)");
                    }
                    expectedSeq[0] = e.seq() + 1;
                    prev[0] = e.hash();
                });
        String head = jdbc.sql("SELECT hash FROM audit_head WHERE id = 1")
                .query(String.class)
                .single();
        if (!head.equals(prev[0])) {
            problems.add("the last entry is not the head of the chain (entries removed from the end)");
        }
        return new Verification(count[0], problems);
    }
}
