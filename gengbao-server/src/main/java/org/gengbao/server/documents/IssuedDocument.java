package org.gengbao.server.documents;

import java.time.OffsetDateTime;

/**
 * A document as issued: immutable once issued.
 *
 * @param number e.g. "耕保示范县自然资源局停字〔2026〕第3号": county, type word, year and a sequence per county, type and year
 * @param sha256 of the PDF bytes in the evidence store
 */
public record IssuedDocument(
        String id,
        String caseId,
        DocumentType type,
        String number,
        String title,
        String sha256,
        long sizeBytes,
        OffsetDateTime issuedAt,
        String issuedBy) {}
