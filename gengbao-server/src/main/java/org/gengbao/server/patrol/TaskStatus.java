package org.gengbao.server.patrol;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.gengbao.server.web.Problem;

/**
 * Where a task stands. OPEN → IN_PROGRESS → DONE by the assignee (OPEN → DONE directly too); OPEN or IN_PROGRESS →
 * CANCELLED by an officer. DONE and CANCELLED are final.
 */
public enum TaskStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    CANCELLED;

    /** Whether a task in this status may move to {@code next}. */
    public boolean canMoveTo(TaskStatus next) {
        return switch (this) {
            case OPEN -> next == IN_PROGRESS || next == DONE || next == CANCELLED;
            case IN_PROGRESS -> next == DONE || next == CANCELLED;
            case DONE, CANCELLED -> false;
        };
    }

    public boolean isFinal() {
        return this == DONE || this == CANCELLED;
    }

    static TaskStatus parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            String all = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
            throw Problem.badRequest(
                    "STATUS_UNKNOWN",
                    "未知的任务状态“" + text + "”，可选：" + all,
                    "Unknown task status \"" + text + "\"; one of " + all);
        }
    }
}
