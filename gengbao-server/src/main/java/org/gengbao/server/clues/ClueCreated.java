package org.gengbao.server.clues;

import java.time.OffsetDateTime;

/**
 * Published (as a Spring application event) when a clue is created, inside the creating transaction; listeners that
 * act outside the database should wait for the commit ({@code @TransactionalEventListener}).
 *
 * @param clueId the new clue
 * @param source PATROL (later also PUBLIC, IMAGERY, …)
 * @param gridCode the village it lies in, or null
 * @param verdict the verdict code of its analysis, or null when it has no outline yet
 * @param needsOutline true for a clue made from a point, to be outlined on site
 * @param areaM2 the analysed area, or null
 * @param lon longitude of a representative point (CGCS2000)
 * @param lat latitude of a representative point (CGCS2000)
 * @param firstEvidenceAt when the first evidence was seen
 * @param createdAt when the clue was created
 */
public record ClueCreated(
        String clueId,
        String source,
        String gridCode,
        String verdict,
        boolean needsOutline,
        Double areaM2,
        double lon,
        double lat,
        OffsetDateTime firstEvidenceAt,
        OffsetDateTime createdAt) {}
