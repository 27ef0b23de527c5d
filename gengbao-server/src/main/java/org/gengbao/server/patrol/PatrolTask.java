package org.gengbao.server.patrol;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A patrol task of one village cell for one day.
 *
 * @param area where to patrol, in the county's working Gauss-Krüger system
 * @param targets the places to look at, most urgent first
 */
public record PatrolTask(
        String id,
        String gridCode,
        LocalDate date,
        LocalDate dueDate,
        TaskKind kind,
        TaskStatus status,
        String assignee,
        Geometry area,
        List<TaskTarget> targets,
        String note,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public PatrolTask {
        targets = List.copyOf(targets);
    }
}
