package org.gengbao.server.patrol;

/** Why a task exists: the routine coverage round, hot spots, re-checks of open clues, or an officer's own task. */
public enum TaskKind {
    ROUTINE,
    HOTSPOT,
    RECHECK,
    MANUAL
}
