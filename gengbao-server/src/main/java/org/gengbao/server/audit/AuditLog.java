package org.gengbao.server.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends audit entries. An append joins the caller's transaction (an entry exists exactly when the work it records
 * was committed; a refused operation is audited after its rollback) and takes the chain head row {@code FOR UPDATE},
 * so entries from several server nodes line up in one chain.
 */
@Service
public class AuditLog {
    /** The outcome of an audited action. */
    public enum Result {
        OK,
        REJECTED,
        FAILED
    }

    private static final ThreadLocal<String> COMMAND_ACTOR = new ThreadLocal<>();

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs a command-line action as {@code actor} ("cli:username"); its entries name that actor and client "cli". */
    public static void asCommandLine(String actor, Runnable action) {
        COMMAND_ACTOR.set(actor);
        try {
            action.run();
        } finally {
            COMMAND_ACTOR.remove();
        }
    }

    /**
     * Records an action by the current user (or command-line actor). Transactional itself (not only through the
     * overload it calls, which a call within this class would bypass), so that the head row stays locked from reading
     * the chain's end to writing the new one.
     */
    @Transactional
    public void record(String action, String target, Result result, String details) {
        record(currentActor(), action, target, result, details);
    }

    /**
     * Records an action by a named actor (a login attempt names the account tried). The entry joins the caller's
     * transaction, so it commits with the work it records and disappears with work that is rolled back; callers record
     * a refused operation after its rollback.
     */
    @Transactional
    public void record(String actor, String action, String target, Result result, String details) {
        long[] seq = new long[1];
        String prev = jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, i) -> {
                    seq[0] = rs.getLong(1);
                    return rs.getString(2);
                })
                .single();
        AuditEntry e = new AuditEntry(
                seq[0] + 1,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS),
                truncate(actor, 64),
                action,
                truncate(target, 500),
                result.name(),
                truncate(currentClient(), 100),
                details,
                prev,
                null);
        String hash = e.computeHash();
        jdbc.sql("INSERT INTO audit_entry (seq, at, actor, action, target, result, client, details, prev_hash, hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        e.seq(),
                        e.at(),
                        e.actor(),
                        e.action(),
                        e.target(),
                        e.result(),
                        e.client(),
                        e.details(),
                        prev,
                        hash)
                .update();
        jdbc.sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")
                .params(e.seq(), hash)
                .update();
    }

    static String currentActor() {
        String cli = COMMAND_ACTOR.get();
        if (cli != null) {
            return cli;
        }
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || a instanceof AnonymousAuthenticationToken || !a.isAuthenticated()) {
            return null;
        }
        return a.getName();
    }

    static String currentClient() {
        if (COMMAND_ACTOR.get() != null) {
            return "cli";
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest r = attrs.getRequest();
            return r.getRemoteAddr();
        }
        return "system";
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
