package org.gengbao.server.layers;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A stored layer version as listed by {@code GET /api/v1/layers}. */
public record LayerVersionInfo(
        String id,
        String kind,
        LocalDate effectiveFrom,
        int featureCount,
        OffsetDateTime importedAt,
        String importedBy,
        String sourceName,
        String sha256) {}
