package org.gengbao.server.layers;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.county.Counties;
import org.gengbao.server.county.County;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.io.FeatureFiles;
import org.gengbao.spatial.io.FeatureSource;
import org.gengbao.spatial.layer.FeatureIssue;
import org.gengbao.spatial.layer.FieldMapping;
import org.gengbao.spatial.layer.ImportReport;
import org.gengbao.spatial.layer.ImportResult;
import org.gengbao.spatial.layer.LayerImporter;
import org.gengbao.spatial.layer.LayerKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a delivered file as a new layer version: read and validate every feature ({@link LayerImporter}), then store
 * version and features in one transaction, audit, and index at once. A file that cannot be read, has no importable
 * feature, or (with {@code strict}) any rejected feature leaves nothing behind.
 */
@Service
public class LayerImports {
    /** The options of an import (api.md: --crs, --encoding, --effective-from, plus a field mapping and layer name). */
    public record Request(
            LayerKind kind,
            Path file,
            String sourceName,
            Crs crs,
            Charset encoding,
            LocalDate effectiveFrom,
            FieldMapping mapping,
            String layer,
            boolean strict) {}

    private final LayerStore store;
    private final Counties counties;
    private final ReferenceLayers layers;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    LayerImports(LayerStore store, Counties counties, ReferenceLayers layers, AuditLog audit, TransactionTemplate tx) {
        this.store = store;
        this.counties = counties;
        this.layers = layers;
        this.audit = audit;
        this.tx = tx;
    }

    /** Imports; returns the report as JSON-ready map (see {@link #reportJson}). */
    public Map<String, Object> importLayer(Request r) {
        County county = counties.require();
        String target = r.kind().id() + " " + r.sourceName();
        ImportResult result;
        try (FeatureSource source =
                FeatureFiles.open(r.file(), new FeatureFiles.ReadOptions(r.encoding(), r.layer()))) {
            LayerImporter.Options options = new LayerImporter.Options(
                    r.effectiveFrom() != null ? r.effectiveFrom() : LocalDate.now(),
                    r.crs(),
                    r.mapping() != null ? r.mapping() : FieldMapping.STANDARD,
                    r.strict());
            result = new LayerImporter(county.crs()).read(r.kind(), source, FeatureFiles.impliedCrs(r.file()), options);
        } catch (SpatialInputException e) {
            audit.record("LAYER_IMPORT", target, AuditLog.Result.REJECTED, e.code() + ": " + e.getMessage());
            throw Problem.of(e);
        } catch (IOException e) {
            audit.record("LAYER_IMPORT", target, AuditLog.Result.FAILED, e.getMessage());
            throw Problem.badRequest(
                    "FILE_UNREADABLE",
                    "无法读取文件 " + r.sourceName() + "：" + e.getMessage(),
                    "The file " + r.sourceName() + " cannot be read: " + e.getMessage());
        }
        if (store.exists(result.version().id())) {
            audit.record(
                    "LAYER_IMPORT",
                    target,
                    AuditLog.Result.REJECTED,
                    "already imported as " + result.version().id());
            throw Problem.conflict(
                    "LAYER_VERSION_EXISTS",
                    "相同内容、相同生效日期的图层版本已导入：" + result.version().id(),
                    "A version with the same content and effective date is already imported: "
                            + result.version().id());
        }
        Map<String, Object> report = reportJson(result);
        String reportText = JsonText.write(report);
        try {
            tx.executeWithoutResult(s -> store.insert(
                    result.version(),
                    r.mapping() != null ? r.mapping() : FieldMapping.STANDARD,
                    r.sourceName(),
                    auditActor(),
                    reportText));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw Problem.conflict(
                    "LAYER_VERSION_EXISTS",
                    "相同内容、相同生效日期的图层版本刚刚已由他人导入：" + result.version().id(),
                    "A version with the same content and effective date was just imported: "
                            + result.version().id());
        }
        audit.record(
                "LAYER_IMPORT",
                target,
                AuditLog.Result.OK,
                result.version().id() + " features=" + result.version().featureCount() + " sha256="
                        + result.version().sha256());
        layers.refresh();
        return report;
    }

    private static String auditActor() {
        var a = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return a == null ? "cli" : a.getName();
    }

    /** The import report of api.md: features read, imported, repaired and rejected with reasons. */
    static Map<String, Object> reportJson(ImportResult result) {
        ImportReport r = result.report();
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("id", result.version().id());
        version.put("kind", result.version().kind().id());
        version.put("effectiveFrom", result.version().effectiveFrom().toString());
        version.put("featureCount", result.version().featureCount());
        version.put("sha256", result.version().sha256());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("read", r.read());
        m.put("imported", r.imported());
        m.put("repaired", r.repairedCount());
        m.put("rejected", r.rejectedCount());
        m.put("sourceCrs", r.sourceCrs());
        m.put("repairs", issues(r.repaired()));
        m.put("rejections", issues(r.rejected()));
        return m;
    }

    private static List<Map<String, Object>> issues(List<FeatureIssue> issues) {
        return issues.stream()
                .map(i -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("record", i.record());
                    m.put("featureId", i.featureId());
                    m.put("code", i.code());
                    m.put("zh", i.zh());
                    m.put("en", i.en());
                    return m;
                })
                .toList();
    }

    /** Whether any layer version is stored (the county's zone is then fixed). */
    public boolean anyLayers() {
        return store.any();
    }

    public List<LayerVersionInfo> list() {
        return store.list();
    }

    /** The charset named on the command line or in a request ("GBK" means GB18030, its superset); null: none. */
    public static Charset charset(String encoding) {
        if (encoding == null || encoding.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(
                    encoding.trim().toUpperCase(Locale.ROOT).equals("GBK") ? "GB18030" : encoding.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw Problem.badRequest(
                    "ENCODING_UNKNOWN",
                    "未知的字符编码“" + encoding + "”，常用的有 GBK 和 UTF-8",
                    "Unknown encoding \"" + encoding + "\"; GBK and UTF-8 are the common ones");
        }
    }

    /** A YYYY-MM-DD date; null for none. */
    public static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(
                    "DATE_INVALID", "日期“" + text + "”应写成 YYYY-MM-DD", "The date \"" + text + "\" must be YYYY-MM-DD");
        }
    }
}
