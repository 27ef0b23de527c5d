package org.gengbao.server.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.gengbao.server.ServerTestBase;
import org.gengbao.server.documents.DocumentContent.Field;
import org.gengbao.server.evidence.EvidenceStore;
import org.gengbao.spatial.area.AreaMeasure;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues documents of every type and reads them back with poppler ({@code pdftotext}, {@code pdfinfo}, {@code
 * pdffonts}, {@code pdfimages}): the Chinese title, number and case facts are in the text, the CJK font is embedded,
 * numbers count without gaps or duplicates (also under concurrency and rollback), and issued rows cannot change.
 */
class DocumentsTest extends ServerTestBase {
    private static final String LAW = "《中华人民共和国土地管理法》第七十七条";

    @Autowired
    Documents documents;

    @Autowired
    EvidenceStore evidence;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    org.gengbao.server.audit.AuditLog audit;

    @Autowired
    DocumentsProperties documentsProperties;

    private static String caseId() {
        return "case-" + java.util.UUID.randomUUID().toString().substring(0, 18);
    }

    private static int year() {
        return LocalDate.now(Documents.COUNTY_TIME).getYear();
    }

    private String authority() {
        return county().spec().countyName() + "自然资源局";
    }

    private static DocumentContent content(DocumentType type, Geometry outline, List<String> photos) {
        return new DocumentContent(
                List.of(
                        new Field("当事人", "张某某"),
                        new Field("身份证号码", "3701**********1234"),
                        new Field("违法地点", "示范镇东王村村北，耕保路与幸福渠交叉口东南约 200 米"),
                        new Field("占用面积", "1234.5 平方米（约 1.85 亩），其中永久基本农田 800.0 平方米"),
                        new Field("发现日期", "2026年3月2日"),
                        new Field("文书类型", type.titleZh())),
                List.of(
                        "经查，当事人张某某未经批准，于2026年2月擅自占用示范镇东王村集体耕地建设养殖棚舍，占地面积1234.5平方米，" + "违反了" + LAW + "的规定。",
                        "依据" + LAW + "，本机关责令当事人立即停止违法行为，限期十五日内自行拆除新建的建筑物和其他设施，恢复土地原状。"
                                + "当事人如不服本决定，可在收到本文书之日起六十日内依法申请行政复议，或在六个月内向人民法院提起行政诉讼。"),
                outline,
                photos);
    }

    @Test
    void everyTypeRendersItsChineseTitleNumberAndFacts() throws Exception {
        String caseId = caseId();
        List<IssuedDocument> issued = new ArrayList<>();
        for (DocumentType type : DocumentType.values()) {
            IssuedDocument d = documents.issue(caseId, type, content(type, null, List.of()), "t-officer");
            issued.add(d);
            assertThat(d.number())
                    .matches(java.util.regex.Pattern.quote(authority() + type.numberWord() + "字〔" + year() + "〕第")
                            + "\\d+号");
            assertThat(d.title()).isEqualTo(type.titleZh());
            Path pdf = stored(d);
            String text = compact(run("pdftotext", "-layout", pdf.toString(), "-"));
            assertThat(text)
                    .as("text of %s", type)
                    .contains(type.titleZh(), compact(d.number()), "张某某", "1234.5", LAW, authority(), "第1页共1页");
            String info = run("pdfinfo", pdf.toString());
            assertThat(info).containsPattern("Pages:\\s+1\\b");
            assertThat(info).containsPattern("Title:\\s+" + type.titleZh());
            assertThat(info).contains(d.number()).containsPattern("Creator:\\s+Gengbao");
            assertEmbeddedFont(pdf);
            LocalDate today =
                    d.issuedAt().atZoneSameInstant(Documents.COUNTY_TIME).toLocalDate();
            assertThat(text)
                    .contains(today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日");
        }
        assertThat(documents.ofCase(caseId)).containsExactlyElementsOf(issued);
        assertThat(documents.find(issued.get(3).id())).contains(issued.get(3));
        assertThat(documents.find("no-such-document")).isEmpty();
        for (IssuedDocument d : issued) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'DOCUMENT_ISSUED' AND target = ?"
                                    + " AND actor = 't-officer'")
                            .param(d.number())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void surveyRecordDrawsTheOutlineWithItsAreaAndPrintsThePhotos() throws Exception {
        byte[] wkb = jdbc.sql("SELECT ST_AsBinary(geom) FROM farmland_parcel ORDER BY area_m2 DESC, id")
                .query((rs, i) -> rs.getBytes(1))
                .list()
                .get(0);
        Geometry parcel =
                new WKBReader(WorkingPrecision.factory(counties.require().crs())).read(wkb);
        List<String> photos = List.of(putJpeg(Color.GREEN, "现场 1"), putJpeg(Color.ORANGE, "现场 2"));

        IssuedDocument d = documents.issue(
                caseId(), DocumentType.SURVEY_RECORD, content(DocumentType.SURVEY_RECORD, parcel, photos), "t-officer");
        Path pdf = stored(d);
        String layout = run("pdftotext", "-layout", pdf.toString(), "-");
        String text = compact(layout);
        double m2 = AreaMeasure.ellipsoidal(counties.require().crs()).areaM2(parcel);
        assertThat(text)
                .contains("勘测范围示意图", "北", "米", "现场照片", "张某某", LAW)
                .contains(String.format(Locale.ROOT, "%.1f平方米", m2))
                .contains(String.format(Locale.ROOT, "%.2f亩", m2 / (10_000.0 / 15)))
                .contains(photos.get(0), photos.get(1))
                .contains("EPSG:" + counties.require().crs().epsg());
        int pages = Integer.parseInt(run("pdfinfo", pdf.toString())
                .lines()
                .filter(l -> l.startsWith("Pages:"))
                .findFirst()
                .orElseThrow()
                .replaceAll("\\D", ""));
        assertThat(pages).isGreaterThan(1);
        assertThat(text).contains("第1页共" + pages + "页", "第" + pages + "页共" + pages + "页");
        List<String> images = run("pdfimages", "-list", pdf.toString())
                .lines()
                .skip(2)
                .filter(l -> !l.isBlank())
                .toList();
        assertThat(images).hasSize(2);
        assertThat(images).allSatisfy(l -> assertThat(l).contains("jpeg"));
        assertEmbeddedFont(pdf);
    }

    @Test
    void longContentFlowsOverPagesAndCharactersTheFontLacksDoNotStopIt() throws Exception {
        List<Field> fields = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            fields.add(new Field("询问事项" + i, "回答第" + i + "项：地块位于示范镇东王村，当事人张某某称不知道该地块为永久基本农田。"));
        }
        String longAnswer = "当事人陈述：".repeat(1) + "我于2026年2月开始在该地块上建设养殖棚舍，".repeat(60) + "以上属实。";
        fields.add(new Field("完整陈述", longAnswer));
        fields.add(new Field("备注", "表情😀与罕见字𠀀\t及控制字符\u0007均不应中断生成"));
        DocumentContent content =
                new DocumentContent(fields, List.of("依据" + LAW + "，" + "调查工作依法进行。".repeat(200)), null, List.of());

        IssuedDocument d = documents.issue(caseId(), DocumentType.INQUIRY_RECORD, content, "t-officer");
        Path pdf = stored(d);
        String text = compact(run("pdftotext", "-layout", pdf.toString(), "-"));
        for (int i = 1; i <= 40; i++) {
            assertThat(text).contains("回答第" + i + "项");
        }
        assertThat(text).contains("以上属实。", "表情", "均不应中断生成", LAW);
        String pages = run("pdfinfo", pdf.toString())
                .lines()
                .filter(l -> l.startsWith("Pages:"))
                .findFirst()
                .orElseThrow()
                .replaceAll("\\D", "");
        assertThat(Integer.parseInt(pages)).isGreaterThanOrEqualTo(3);
        assertThat(text).contains("第" + pages + "页共" + pages + "页");
    }

    @Test
    void aMissingPhotoOrALonLatOutlineIsRefusedWithoutTakingANumber() {
        String missing = "ab".repeat(32);
        int before = lastNumber(DocumentType.INQUIRY_RECORD);
        assertThatThrownBy(() -> documents.issue(
                        caseId(),
                        DocumentType.INQUIRY_RECORD,
                        content(DocumentType.INQUIRY_RECORD, null, List.of(missing)),
                        "t-officer"))
                .isInstanceOfSatisfying(org.gengbao.server.web.Problem.class, p -> assertThat(p.code())
                        .isEqualTo("DOCUMENT_PHOTO_NOT_FOUND"));
        Geometry lonLat = new org.locationtech.jts.geom.GeometryFactory()
                .toGeometry(new org.locationtech.jts.geom.Envelope(117.1, 117.2, 36.1, 36.2));
        assertThatThrownBy(() -> documents.issue(
                        caseId(),
                        DocumentType.INQUIRY_RECORD,
                        content(DocumentType.INQUIRY_RECORD, lonLat, List.of()),
                        "t-officer"))
                .isInstanceOfSatisfying(org.gengbao.server.web.Problem.class, p -> assertThat(p.code())
                        .isEqualTo("DOCUMENT_OUTLINE_NOT_PROJECTED"));
        assertThat(lastNumber(DocumentType.INQUIRY_RECORD)).isEqualTo(before);
    }

    @Test
    void numbersCountPerTypeAndYearAndARolledBackIssueGivesItsNumberBack() {
        String caseId = caseId();
        int base = lastNumber(DocumentType.DEMAND);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(documents
                    .issue(caseId, DocumentType.DEMAND, content(DocumentType.DEMAND, null, List.of()), "t-officer")
                    .number());
        }
        String prefix = authority() + "催字〔" + year() + "〕第";
        assertThat(numbers)
                .containsExactly(prefix + (base + 1) + "号", prefix + (base + 2) + "号", prefix + (base + 3) + "号");

        TransactionTemplate tx = new TransactionTemplate(transactions);
        String rolledBack = tx.execute(status -> {
            String n = documents
                    .issue(caseId, DocumentType.DEMAND, content(DocumentType.DEMAND, null, List.of()), "t-officer")
                    .number();
            status.setRollbackOnly();
            return n;
        });
        assertThat(rolledBack).isEqualTo(prefix + (base + 4) + "号");
        String next = documents
                .issue(caseId, DocumentType.DEMAND, content(DocumentType.DEMAND, null, List.of()), "t-officer")
                .number();
        assertThat(next).isEqualTo(rolledBack);
        assertThat(documents.ofCase(caseId)).hasSize(4);
    }

    @Test
    void concurrentIssuesGetDistinctConsecutiveNumbers() throws Exception {
        int threads = 8;
        int base = lastNumber(DocumentType.ENFORCEMENT_APPLICATION);
        String caseId = caseId();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<IssuedDocument>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return tx.execute(status -> documents.issue(
                            caseId,
                            DocumentType.ENFORCEMENT_APPLICATION,
                            content(DocumentType.ENFORCEMENT_APPLICATION, null, List.of()),
                            "t-officer"));
                }));
            }
            start.countDown();
            List<Integer> seqs = new ArrayList<>();
            for (Future<IssuedDocument> f : futures) {
                String number = f.get(120, TimeUnit.SECONDS).number();
                seqs.add(Integer.parseInt(number.replaceAll(".*第(\\d+)号$", "$1")));
            }
            assertThat(seqs)
                    .containsExactlyInAnyOrderElementsOf(
                            java.util.stream.IntStream.rangeClosed(base + 1, base + threads)
                                    .boxed()
                                    .toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(documents.ofCase(caseId)).hasSize(threads);
    }

    /**
     * Issues documents of a year without a counter row yet, from {@code threads} threads; {@code first} (optional)
     * runs in the first thread's transaction after its issue and before its commit.
     */
    private List<Integer> firstOfYearFromThreads(
            DocumentType type, int year, int threads, java.util.function.Consumer<Integer> first) throws Exception {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document_counter WHERE doc_type = ? AND doc_year = ?")
                        .params(type.name(), year)
                        .query(Integer.class)
                        .single())
                .as("no counter of %s in %d yet", type, year)
                .isZero();
        // one minute into 1 January, county time (still the 31st in UTC)
        Clock clock = Clock.fixed(
                java.time.LocalDateTime.of(year, 1, 1, 0, 1)
                        .atZone(Documents.COUNTY_TIME)
                        .toInstant(),
                ZoneOffset.UTC);
        Documents inThatYear = new Documents(jdbc, counties, evidence, audit, documentsProperties, transactions, clock);
        String caseId = caseId();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch firstIssued = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<IssuedDocument>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                boolean isFirst = i == 0 && first != null;
                futures.add(pool.submit(() -> {
                    if (!isFirst && first != null) {
                        firstIssued.await();
                    }
                    start.await();
                    return tx.execute(status -> {
                        IssuedDocument d = inThatYear.issue(caseId, type, content(type, null, List.of()), "t-officer");
                        if (isFirst) {
                            firstIssued.countDown();
                            first.accept(threads - 1);
                        }
                        return d;
                    });
                }));
            }
            start.countDown();
            List<IssuedDocument> issued = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (Future<IssuedDocument> f : futures) {
                try {
                    issued.add(f.get(120, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    StringBuilder chain = new StringBuilder();
                    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                        chain.append(" <- ").append(t);
                    }
                    failures.add(chain.toString());
                }
            }
            assertThat(failures).as("issues that failed").isEmpty();
            List<Integer> seqs = new ArrayList<>();
            String prefix = authority() + type.numberWord() + "字〔" + year + "〕第";
            for (IssuedDocument d : issued) {
                assertThat(d.number()).startsWith(prefix).endsWith("号");
                assertThat(d.issuedAt().atZoneSameInstant(Documents.COUNTY_TIME).getYear())
                        .isEqualTo(year);
                seqs.add(Integer.parseInt(
                        d.number().substring(prefix.length(), d.number().length() - 1)));
            }
            assertThat(jdbc.sql("SELECT seq FROM document WHERE case_id = ? AND doc_year = ?")
                            .params(caseId, year)
                            .query(Integer.class)
                            .list())
                    .containsExactlyInAnyOrderElementsOf(seqs);
            assertThat(jdbc.sql("SELECT last_no FROM document_counter WHERE doc_type = ? AND doc_year = ?")
                            .params(type.name(), year)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(threads);
            return seqs;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A year after every year that has a document counter (and after this one). */
    private int unusedYear() {
        int last = jdbc.sql("SELECT COALESCE(MAX(doc_year), 0) FROM document_counter")
                .query(Integer.class)
                .single();
        return Math.max(year(), last) + 1;
    }

    @Test
    void theFirstDocumentsOfANewYearFromManyThreadsCountFromOne() throws Exception {
        int threads = 8;
        assertThat(firstOfYearFromThreads(DocumentType.PENALTY_NOTICE, unusedYear(), threads, null))
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, threads)
                        .boxed()
                        .toList());
    }

    /**
     * The insert race made certain: the first issue of the year holds its new counter row uncommitted until every
     * other thread is inside its insert of the counter row (they all found no committed row), where the database makes
     * them wait for the first; when it commits, each insert fails as a duplicate in its savepoint and the issue goes on
     * with the row made by the first.
     */
    @Test
    void issuesThatFindNoCounterRowWhileTheFirstIsUncommittedContinueAfterTheDuplicateInsert() throws Exception {
        int threads = 5;
        List<Integer> seqs = firstOfYearFromThreads(DocumentType.PENALTY_DECISION, unusedYear(), threads, waiting -> {
            long until = System.currentTimeMillis() + 30_000;
            while (insertingTheCounter() < waiting) {
                if (System.currentTimeMillis() > until) {
                    throw new AssertionError(
                            "the other " + waiting + " issues did not reach the insert of the counter");
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        assertThat(seqs).first().isEqualTo(1);
        assertThat(seqs)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, threads)
                        .boxed()
                        .toList());
    }

    /** Threads now inside the insert of a counter row (which waits while another transaction holds the row). */
    private static long insertingTheCounter() {
        return Thread.getAllStackTraces().values().stream()
                .filter(stack -> java.util.Arrays.stream(stack)
                        .anyMatch(f -> f.getClassName().equals(Documents.class.getName())
                                && f.getMethodName().startsWith("lambda$ensureCounter")))
                .count();
    }

    @Test
    void issuedDocumentsCannotBeChangedOrDeleted() {
        IssuedDocument d = documents.issue(
                caseId(), DocumentType.STOP_ORDER, content(DocumentType.STOP_ORDER, null, List.of()), "t-officer");
        assertThatThrownBy(() -> jdbc.sql("UPDATE document SET title = 'forged' WHERE id = ?")
                        .param(d.id())
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM document WHERE id = ?")
                        .param(d.id())
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThat(documents.find(d.id())).contains(d);
    }

    // ---------------------------------------------------------------- helpers

    private int lastNumber(DocumentType type) {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM document WHERE doc_type = ? AND doc_year = ?")
                .params(type.name(), year())
                .query(Integer.class)
                .single();
    }

    /** Writes the stored PDF to a temporary file, checking its size and hash on the way. */
    private Path stored(IssuedDocument d) throws Exception {
        byte[] bytes;
        try (InputStream in = documents.open(d)) {
            bytes = in.readAllBytes();
        }
        assertThat(bytes).hasSize((int) d.sizeBytes());
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo(d.sha256());
        Path file = Files.createTempFile("gengbao-doc-", ".pdf");
        file.toFile().deleteOnExit();
        Files.write(file, bytes);
        return file;
    }

    private static void assertEmbeddedFont(Path pdf) throws Exception {
        List<String> fonts = run("pdffonts", pdf.toString()).lines().skip(2).toList();
        assertThat(fonts).isNotEmpty();
        assertThat(fonts).allSatisfy(l -> {
            String[] c = l.trim().split("\\s+");
            // name type… encoding emb sub uni object-id generation
            assertThat(c[c.length - 5]).as("emb of %s", l).isEqualTo("yes");
            assertThat(c[c.length - 4]).as("sub of %s", l).isEqualTo("yes");
            assertThat(c[c.length - 3]).as("uni of %s", l).isEqualTo("yes");
        });
    }

    private String putJpeg(Color color, String label) throws IOException {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.BLACK);
        g.drawString(label + " " + System.nanoTime(), 20, 120);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, "jpeg", out)).isTrue();
        return evidence.put(new ByteArrayInputStream(out.toByteArray()));
    }

    /** The text without whitespace, so that wrapped lines and layout columns do not split the phrases sought. */
    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), out).isZero();
        return out;
    }
}
