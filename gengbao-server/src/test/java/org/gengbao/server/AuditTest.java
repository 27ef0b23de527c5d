package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.audit.AuditVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The audit log records logins, imports, analyses and account changes with who, when, what, result and client. */
class AuditTest extends ServerTestBase {
    @Autowired
    AuditVerifier verifier;

    @Autowired
    AuditLog audit;

    record Entry(String actor, String action, String target, String result, String client) {}

    private List<Entry> entries(String action) {
        return jdbc.sql("SELECT actor, action, target, result, client FROM audit_entry WHERE action = ? ORDER BY seq")
                .param(action)
                .query((rs, i) ->
                        new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    @Test
    void loginsImportsAnalysesAndAccountChangesAreAudited() throws Exception {
        mvc.perform(post("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("username", username(Role.COURT), "password", "nope-nope"))));
        String token = token(Role.COURT);
        assertThat(token).isNotBlank();
        assertThat(entries("LOGIN"))
                .contains(new Entry(username(Role.COURT), "LOGIN", username(Role.COURT), "REJECTED", "127.0.0.1"))
                .contains(new Entry(username(Role.COURT), "LOGIN", username(Role.COURT), "OK", "127.0.0.1"));
        assertThat(entries("LAYER_IMPORT"))
                .anySatisfy(e -> assertThat(e.target()).isEqualTo("dltb dltb.shp"))
                .allSatisfy(e -> assertThat(e.actor()).isNotBlank());
        assertThat(entries("ACCOUNT_ADDED"))
                .anySatisfy(e -> assertThat(e.target()).isEqualTo(username(Role.ADMIN)));
        mvc.perform(post("/api/v1/analyses")
                .header("Authorization", bearer(token(Role.TOWN)))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[117.21,36.06],[117.211,36.06],"
                        + "[117.211,36.061],[117.21,36.06]]]}}"));
        assertThat(entries("ANALYSIS")).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(username(Role.TOWN));
            assertThat(e.client()).isEqualTo("127.0.0.1");
        });
        AuditVerifier.Verification v = verifier.verify();
        assertThat(v.problems()).isEmpty();
        assertThat(v.entries()).isGreaterThan(10);
        Long seq = jdbc.sql("SELECT MIN(seq) FROM audit_entry WHERE at IS NOT NULL")
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT at FROM audit_entry WHERE seq = ?")
                        .param(seq)
                        .query(java.time.OffsetDateTime.class)
                        .single()
                        .getOffset())
                .isEqualTo(java.time.ZoneOffset.UTC);
    }

    /** Appends from many threads at once, outside any transaction, all land in one unbroken chain. */
    @Test
    void concurrentAppendsKeepOneChain() throws Exception {
        int threads = 8;
        int each = 15;
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'CONCURRENCY_PROBE'")
                .query(Long.class)
                .single();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        audit.record("CONCURRENCY_PROBE", thread + "/" + i, AuditLog.Result.OK, null);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'CONCURRENCY_PROBE'")
                        .query(Long.class)
                        .single())
                .isEqualTo(before + threads * each);
        assertThat(verifier.verify().problems()).isEmpty();
    }

    @Test
    void theDatabaseRefusesToEditOrRemoveEntries() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'x' WHERE seq = 1")
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(
                        () -> jdbc.sql("DELETE FROM audit_entry WHERE seq = 1").update())
                .hasMessageContaining("append-only");
    }
}
