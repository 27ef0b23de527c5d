package org.gengbao.server.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.county.Counties;
import org.gengbao.server.county.County;
import org.gengbao.server.evidence.EvidenceStore;
import org.gengbao.server.web.Problem;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues numbered PDF documents for cases and keeps them. A number is "&lt;county&gt;自然资源局&lt;word&gt;字〔year〕第n号",
 * n counting 1, 2, … per county, document type and year (China time) without gaps: the counter row is locked {@code
 * FOR UPDATE} until the issuing transaction ends, so a rolled-back issue gives its number back. The PDF goes to the
 * evidence store (content-addressed, immutable), the row to the append-only {@code document} table and an entry
 * {@code DOCUMENT_ISSUED} to the audit log, all in the caller's transaction.
 *
 * <p>Lock order: {@link #issue} takes the counter row before the audit chain head (its audit entry comes last). A
 * caller that issues documents in a transaction should do so before recording its own audit entries; recording first
 * and issuing afterwards can deadlock with a concurrent issue of the same type (the database then aborts one of them).
 */
@Service
public class Documents {
    static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");

    private static final Logger log = LoggerFactory.getLogger(Documents.class);

    private final JdbcClient jdbc;
    private final Counties counties;
    private final EvidenceStore evidence;
    private final AuditLog audit;
    private final FontLocator fonts;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    @Autowired
    Documents(
            JdbcClient jdbc,
            Counties counties,
            EvidenceStore evidence,
            AuditLog audit,
            DocumentsProperties properties,
            PlatformTransactionManager transactions) {
        this(jdbc, counties, evidence, audit, properties, transactions, Clock.systemUTC());
    }

    /** With the clock that dates the documents and chooses their year (tests issue in years to come). */
    Documents(
            JdbcClient jdbc,
            Counties counties,
            EvidenceStore evidence,
            AuditLog audit,
            DocumentsProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.counties = counties;
        this.evidence = evidence;
        this.audit = audit;
        this.fonts = new FontLocator(properties.font(), properties.fontName());
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Numbers, renders and stores a document of a case, and records it; joins the caller's transaction (a rolled-back
     * transition leaves no document row; the PDF bytes may stay in the content-addressed store, unreferenced).
     *
     * @throws Problem 503 FONT_MISSING / FONT_UNREADABLE when no usable CJK font is configured or installed; 422 when
     *     a photo is not in the evidence store or the outline is not a polygon in the working system
     */
    @Transactional
    public IssuedDocument issue(String caseId, DocumentType type, DocumentContent content, String actor) {
        if (caseId == null || caseId.isBlank() || type == null || content == null || actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("caseId, type, content and actor are required");
        }
        County county = counties.require();
        checkOutline(content.outline());
        List<PdfRenderer.Photo> photos = readPhotos(content.photoSha256s());
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
        int year = now.atZoneSameInstant(COUNTY_TIME).getYear();
        String authority = authority(county);
        FontLocator.LoadedFont font = fonts.shared(); // before the number: no font, no number taken
        try {
            int seq = nextNumber(county.code(), type, year);
            String number = authority + type.numberWord() + "字〔" + year + "〕第" + seq + "号";
            byte[] pdf = render(
                    font,
                    new PdfRenderer.Input(
                            authority,
                            type,
                            number,
                            content,
                            county.crs(),
                            now,
                            now.atZoneSameInstant(COUNTY_TIME).toLocalDate(),
                            photos));
            String sha256 = evidence.put(new ByteArrayInputStream(pdf));
            IssuedDocument doc = new IssuedDocument(
                    UUID.randomUUID().toString(), caseId, type, number, type.titleZh(), sha256, pdf.length, now, actor);
            jdbc.sql("INSERT INTO document (id, case_id, county_code, doc_type, doc_year, seq, number, title, sha256,"
                            + " size_bytes, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            doc.id(),
                            caseId,
                            county.code(),
                            type.name(),
                            year,
                            seq,
                            number,
                            doc.title(),
                            sha256,
                            doc.sizeBytes(),
                            now,
                            actor)
                    .update();
            audit.record(
                    actor,
                    "DOCUMENT_ISSUED",
                    number,
                    AuditLog.Result.OK,
                    "id=" + doc.id() + " case=" + caseId + " type=" + type.name() + " sha256=" + sha256 + " bytes="
                            + pdf.length);
            return doc;
        } catch (IOException e) {
            log.error("rendering {} of case {} failed", type, caseId, e);
            throw new Problem(
                    HttpStatus.INTERNAL_SERVER_ERROR,
                    "DOCUMENT_RENDER_FAILED",
                    "文书“" + type.titleZh() + "”生成失败，请联系管理员",
                    "Rendering the document \"" + type.name() + "\" failed; please contact the administrator");
        }
    }

    private static byte[] render(FontLocator.LoadedFont font, PdfRenderer.Input input) throws IOException {
        synchronized (font) {
            return PdfRenderer.render(font, input);
        }
    }

    /** The documents of a case, in issue order. */
    public List<IssuedDocument> ofCase(String caseId) {
        return jdbc.sql("SELECT id, case_id, doc_type, number, title, sha256, size_bytes, issued_at, issued_by"
                        + " FROM document WHERE case_id = ? ORDER BY ord")
                .param(caseId)
                .query(Documents::row)
                .list();
    }

    public Optional<IssuedDocument> find(String id) {
        return jdbc.sql("SELECT id, case_id, doc_type, number, title, sha256, size_bytes, issued_at, issued_by"
                        + " FROM document WHERE id = ?")
                .param(id)
                .query(Documents::row)
                .optional();
    }

    /** The PDF bytes. */
    public InputStream open(IssuedDocument document) throws IOException {
        return evidence.open(document.sha256())
                .orElseThrow(() -> new Problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "DOCUMENT_FILE_MISSING",
                        "文书 " + document.number() + " 的文件不在证据库中，请联系管理员",
                        "The file of document " + document.number()
                                + " is missing from the evidence store; please contact the administrator"));
    }

    /** "&lt;county name&gt;自然资源局". */
    static String authority(County county) {
        return county.name() + "自然资源局";
    }

    /** Takes the next number of the county, type and year; the counter row stays locked until the transaction ends. */
    private int nextNumber(String countyCode, DocumentType type, int year) {
        ensureCounter(countyCode, type, year);
        int last = jdbc.sql(
                        "SELECT last_no FROM document_counter WHERE county_code = ? AND doc_type = ? AND doc_year = ?"
                                + " FOR UPDATE")
                .params(countyCode, type.name(), year)
                .query(Integer.class)
                .single();
        jdbc.sql("UPDATE document_counter SET last_no = ? WHERE county_code = ? AND doc_type = ? AND doc_year = ?")
                .params(last + 1, countyCode, type.name(), year)
                .update();
        return last + 1;
    }

    /**
     * Creates the counter row at 0 if missing. The insert runs in a savepoint: when a concurrent issue created the row
     * first, the duplicate key rolls back only the savepoint (PostgreSQL would otherwise abort the whole transaction).
     */
    private void ensureCounter(String countyCode, DocumentType type, int year) {
        if (counterExists(countyCode, type, year)) {
            return;
        }
        try {
            savepoint.executeWithoutResult(s -> jdbc.sql(
                            "INSERT INTO document_counter (county_code, doc_type, doc_year, last_no) VALUES (?, ?, ?, 0)")
                    .params(countyCode, type.name(), year)
                    .update());
        } catch (DuplicateKeyException e) {
            // created meanwhile by a concurrent issue
        }
    }

    private boolean counterExists(String countyCode, DocumentType type, int year) {
        return jdbc.sql("SELECT COUNT(*) FROM document_counter WHERE county_code = ? AND doc_type = ? AND doc_year = ?")
                        .params(countyCode, type.name(), year)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static void checkOutline(Geometry outline) {
        if (outline == null) {
            return;
        }
        if (outline.isEmpty() || !(outline instanceof Polygonal || outline instanceof Lineal)) {
            throw new Problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "DOCUMENT_OUTLINE_INVALID",
                    "文书附图的勘测范围应为非空的面（或线）",
                    "The outline drawn in a document must be a non-empty polygon (or line)");
        }
        Envelope e = outline.getEnvelopeInternal();
        if (Math.abs(e.getMinX()) <= 180 && Math.abs(e.getMaxX()) <= 180 && Math.abs(e.getMaxY()) <= 90) {
            throw new Problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "DOCUMENT_OUTLINE_NOT_PROJECTED",
                    "文书附图的勘测范围应为本县高斯-克吕格工作坐标（米），不能是经纬度",
                    "The outline drawn in a document must be in the county's Gauss-Kruger working system (metres),"
                            + " not longitude/latitude");
        }
    }

    private List<PdfRenderer.Photo> readPhotos(List<String> sha256s) {
        List<PdfRenderer.Photo> photos = new ArrayList<>();
        for (String sha : sha256s) {
            try {
                Optional<InputStream> in = evidence.open(sha);
                if (in.isEmpty()) {
                    throw new Problem(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "DOCUMENT_PHOTO_NOT_FOUND",
                            "照片 " + sha + " 不在证据库中",
                            "The photo " + sha + " is not in the evidence store");
                }
                try (InputStream s = in.get()) {
                    photos.add(new PdfRenderer.Photo(sha.toLowerCase(java.util.Locale.ROOT), s.readAllBytes()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return photos;
    }

    private static IssuedDocument row(ResultSet rs, int i) throws SQLException {
        return new IssuedDocument(
                rs.getString(1),
                rs.getString(2),
                DocumentType.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getLong(7),
                rs.getObject(8, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                rs.getString(9));
    }
}
