package org.gengbao.server.cases;

import java.time.LocalDate;
import java.util.Optional;
import org.gengbao.server.storage.JsonText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Reads of a case's timeline ({@code case_event}): the latest data of an action, sequence numbers, dates of acts. */
@Component
class CaseEvents {
    private final JdbcClient jdbc;

    CaseEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The data of the latest event of this action in the case. */
    Optional<JsonNode> latestData(String caseId, CaseAction action) {
        return jdbc
                .sql("SELECT data FROM case_event WHERE case_id = ? AND action = ? ORDER BY seq DESC")
                .params(caseId, action.name())
                .query((rs, i) -> JsonText.read(rs.getString(1)))
                .list()
                .stream()
                .findFirst();
    }

    /** The number of the latest event of this action in the case, 0 if there is none. */
    int lastSeq(String caseId, CaseAction action) {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM case_event WHERE case_id = ? AND action = ?")
                .params(caseId, action.name())
                .query(Integer.class)
                .single();
    }

    /** The date of an act (the {@code *On} field its workflow row names) and the act. */
    record ActDate(LocalDate date, CaseAction action, int seq) {}

    /** The latest date of the acts recorded so far (the opening of the case has no date of its own). */
    Optional<ActDate> latestActDate(String caseId) {
        ActDate latest = null;
        for (ActDate d : jdbc.sql("SELECT seq, action, data FROM case_event WHERE case_id = ?")
                .param(caseId)
                .query((rs, i) -> {
                    String action = rs.getString("action");
                    int seq = rs.getInt("seq");
                    return Workflow.actDate(action, JsonText.read(rs.getString("data")))
                            .map(on -> new ActDate(on, CaseAction.valueOf(action), seq))
                            .orElse(null);
                })
                .list()) {
            if (d != null
                    && (latest == null
                            || d.date().isAfter(latest.date())
                            || (d.date().equals(latest.date()) && d.seq() > latest.seq()))) {
                latest = d;
            }
        }
        return Optional.ofNullable(latest);
    }
}
