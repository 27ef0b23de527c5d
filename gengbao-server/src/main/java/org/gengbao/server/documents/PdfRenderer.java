package org.gengbao.server.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.area.AreaMeasure;
import org.gengbao.spatial.crs.Crs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.springframework.http.HttpStatus;

/**
 * Lays out one document on A4 pages: the issuing authority, the title and the number, the fields as a table, the
 * paragraphs, a map of the outline with north arrow, scale bar and area, the photos with their SHA-256, the date and
 * authority at the end, and "第 n 页 共 N 页" on every page. All text is in the embedded (subset) CJK font.
 */
final class PdfRenderer {
    /** 1 亩 = 1/15 公顷 = 666.67 m². */
    static final double M2_PER_MU = 10_000.0 / 15.0;

    private static final float PAGE_W = PDRectangle.A4.getWidth();
    private static final float PAGE_H = PDRectangle.A4.getHeight();
    private static final float LEFT = 64;
    private static final float RIGHT = 56;
    private static final float TOP = 60;
    private static final float BOTTOM = 64;
    private static final float WIDTH = PAGE_W - LEFT - RIGHT;

    /** What to print. */
    record Input(
            String authority,
            DocumentType type,
            String number,
            DocumentContent content,
            Crs crs,
            OffsetDateTime issuedAt,
            LocalDate date,
            List<Photo> photos) {}

    /** A photo's bytes with its SHA-256. */
    record Photo(String sha256, byte[] bytes) {}

    private final PDDocument doc;
    private final PDType0Font font;
    private final CmapLookup cmap;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private PDPageContentStream cs;
    private float y;

    private PdfRenderer(PDDocument doc, FontLocator.LoadedFont font) throws IOException {
        this.doc = doc;
        this.font = PDType0Font.load(doc, font.font(), true);
        this.cmap = font.font().getUnicodeCmapLookup();
    }

    /** The PDF bytes of the document. */
    static byte[] render(FontLocator.LoadedFont font, Input in) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PdfRenderer r = new PdfRenderer(doc, font);
            r.layOut(in);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(in.type().titleZh());
            info.setSubject(in.number());
            info.setAuthor(in.authority());
            info.setCreator("Gengbao");
            info.setProducer("Gengbao (Apache PDFBox)");
            GregorianCalendar at = new GregorianCalendar(TimeZone.getTimeZone(Documents.COUNTY_TIME), Locale.ROOT);
            at.setTimeInMillis(in.issuedAt().toInstant().toEpochMilli());
            info.setCreationDate(at);
            info.setModificationDate(at);
            doc.getDocumentCatalog().setLanguage("zh-CN");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private void layOut(Input in) throws IOException {
        newPage();
        centered(in.authority(), 15);
        y -= 8;
        centered(in.type().titleZh(), 22);
        y -= 2;
        centered(in.number(), 11);
        y -= 4;
        cs.setStrokingColor(0.75f, 0.1f, 0.1f);
        cs.setLineWidth(1.5f);
        line(LEFT, y, LEFT + WIDTH, y);
        cs.setStrokingColor(0f, 0f, 0f);
        y -= 18;

        if (!in.content().fields().isEmpty()) {
            table(in.content().fields());
            y -= 12;
        }
        for (String p : in.content().paragraphs()) {
            paragraph(p, 12, 20);
            y -= 4;
        }
        if (in.content().outline() != null) {
            map(in.content().outline(), in.crs());
        }
        if (!in.photos().isEmpty()) {
            photos(in.photos());
        }
        signature(in.authority(), in.date());
        cs.close();
        footers(in.number());
    }

    // ---------------------------------------------------------------- pages

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PAGE_H - TOP;
    }

    private void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void footers(String number) throws IOException {
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream footer =
                    new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = "第 " + (i + 1) + " 页 共 " + n + " 页";
                float size = 9;
                text(footer, text, (PAGE_W - width(text, size)) / 2, BOTTOM - 30, size);
                String small = clean(number);
                text(footer, small, LEFT, BOTTOM - 30, 7.5f);
            }
        }
    }

    // ---------------------------------------------------------------- text

    private void centered(String text, float size) throws IOException {
        float leading = size * 1.5f;
        for (String l : TextWrap.wrap(clean(text), WIDTH, WIDTH, s -> width(s, size))) {
            ensure(leading);
            text(cs, l, LEFT + (WIDTH - width(l, size)) / 2, y - size, size);
            y -= leading;
        }
    }

    private void paragraph(String text, float size, float leading) throws IOException {
        float indent = 2 * size;
        List<String> lines = TextWrap.wrap(clean(text), WIDTH - indent, WIDTH, s -> width(s, size));
        for (int i = 0; i < lines.size(); i++) {
            ensure(leading);
            text(cs, lines.get(i), LEFT + (i == 0 ? indent : 0), y - size, size);
            y -= leading;
        }
    }

    private void small(String text, float x, float w, float size) throws IOException {
        float leading = size * 1.4f;
        for (String l : TextWrap.wrap(clean(text), w, w, s -> width(s, size))) {
            ensure(leading);
            text(cs, l, x, y - size, size);
            y -= leading;
        }
    }

    private void text(PDPageContentStream to, String text, float x, float baselineY, float size) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        to.beginText();
        to.setFont(font, size);
        to.newLineAtOffset(x, baselineY);
        to.showText(text);
        to.endText();
    }

    private float width(String s, float size) {
        try {
            return font.getStringWidth(s) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops control characters and replaces characters the font lacks, so that every string can be shown. */
    private String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                b.append('\n');
            } else if (cp == '\t') {
                b.append(' ');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                // dropped
            } else if (Character.isWhitespace(cp) || cp == 0x3000) {
                b.append(cp == 0x3000 && has(cp) ? "\u3000" : " ");
            } else if (has(cp)) {
                b.appendCodePoint(cp);
            } else {
                b.append(has('□') ? '□' : '?');
            }
        });
        return b.toString();
    }

    private boolean has(int cp) {
        return glyphs.computeIfAbsent(cp, c -> cmap.getGlyphId(c) > 0);
    }

    // ---------------------------------------------------------------- table

    private void table(List<DocumentContent.Field> fields) throws IOException {
        float size = 11;
        float leading = 16;
        float pad = 5;
        float labelW = 104;
        float valueW = WIDTH - labelW;
        cs.setLineWidth(0.6f);
        for (DocumentContent.Field f : fields) {
            List<String> label =
                    TextWrap.wrap(clean(f.label()), labelW - 2 * pad, labelW - 2 * pad, s -> width(s, size));
            List<String> value =
                    TextWrap.wrap(clean(f.value()), valueW - 2 * pad, valueW - 2 * pad, s -> width(s, size));
            int rows = Math.max(label.size(), value.size());
            int done = 0;
            while (done < rows) {
                int fit = (int) Math.floor((y - BOTTOM - 2 * pad) / leading);
                if (fit < 1 || (done == 0 && fit < Math.min(rows, 3))) {
                    newPage();
                    cs.setLineWidth(0.6f);
                    continue;
                }
                int chunk = Math.min(fit, rows - done);
                float h = chunk * leading + 2 * pad;
                cs.addRect(LEFT, y - h, labelW, h);
                cs.addRect(LEFT + labelW, y - h, valueW, h);
                cs.stroke();
                for (int i = 0; i < chunk; i++) {
                    float base = y - pad - i * leading - size;
                    int k = done + i;
                    if (k < label.size()) {
                        text(cs, label.get(k), LEFT + pad, base, size);
                    }
                    if (k < value.size()) {
                        text(cs, value.get(k), LEFT + labelW + pad, base, size);
                    }
                }
                y -= h;
                done += chunk;
            }
        }
    }

    // ---------------------------------------------------------------- map

    private void map(Geometry outline, Crs crs) throws IOException {
        float boxW = 320;
        float boxH = 230;
        ensure(boxH + 90);
        heading("勘测范围示意图");
        float x0 = LEFT + (WIDTH - boxW) / 2;
        float y0 = y - boxH;
        cs.setLineWidth(0.8f);
        cs.setStrokingColor(0.3f, 0.3f, 0.3f);
        cs.addRect(x0, y0, boxW, boxH);
        cs.stroke();

        Envelope env = outline.getEnvelopeInternal();
        float pad = 28;
        double ew = Math.max(env.getWidth(), 1e-6);
        double eh = Math.max(env.getHeight(), 1e-6);
        double scale = Math.min((boxW - 2 * pad) / ew, (boxH - 2 * pad) / eh); // points per metre
        double ox = x0 + (boxW - ew * scale) / 2 - env.getMinX() * scale;
        double oy = y0 + (boxH - eh * scale) / 2 - env.getMinY() * scale;

        cs.setLineWidth(1.2f);
        cs.setStrokingColor(0.8f, 0.1f, 0.1f);
        cs.setNonStrokingColor(1f, 0.85f, 0.8f);
        for (int i = 0; i < outline.getNumGeometries(); i++) {
            Geometry g = outline.getGeometryN(i);
            if (g instanceof Polygon p) {
                ring(p.getExteriorRing().getCoordinates(), ox, oy, scale, true);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(p.getInteriorRingN(h).getCoordinates(), ox, oy, scale, true);
                }
                cs.fillAndStrokeEvenOdd();
            } else if (g instanceof LineString l) {
                ring(l.getCoordinates(), ox, oy, scale, false);
                cs.stroke();
            }
        }
        cs.setStrokingColor(0f, 0f, 0f);
        cs.setNonStrokingColor(0f, 0f, 0f);

        // north arrow (grid north of the working projection)
        float ax = x0 + boxW - 22;
        float ay = y0 + boxH - 34;
        cs.moveTo(ax, ay + 22);
        cs.lineTo(ax - 6, ay);
        cs.lineTo(ax, ay + 5);
        cs.lineTo(ax + 6, ay);
        cs.closePath();
        cs.fill();
        text(cs, "北", ax - 5, ay + 25, 10);

        // scale bar: a round length of about a quarter of the box
        double metres = niceLength((boxW / 4) / scale);
        float barLen = (float) (metres * scale);
        float bx = x0 + 12;
        float by = y0 + 12;
        cs.setLineWidth(1.5f);
        line(bx, by, bx + barLen, by);
        cs.setLineWidth(0.8f);
        line(bx, by, bx, by + 4);
        line(bx + barLen / 2, by, bx + barLen / 2, by + 3);
        line(bx + barLen, by, bx + barLen, by + 4);
        text(cs, "0", bx - 2, by + 6, 7);
        String len = formatLength(metres) + " 米";
        text(cs, len, bx + barLen - width(len, 7) / 2, by + 6, 7);

        y = y0 - 6;
        double m2 = AreaMeasure.ellipsoidal(crs).areaM2(outline);
        small(
                String.format(Locale.ROOT, "面积（CGCS2000 椭球面积）：%.1f 平方米，合 %.2f 亩（1 亩 = 666.67 平方米）", m2, m2 / M2_PER_MU),
                LEFT,
                WIDTH,
                10);
        small(
                "坐标系：" + crs.code() + "（" + crs.name() + "），范围 X " + Math.round(env.getMinX()) + "–"
                        + Math.round(env.getMaxX()) + "，Y " + Math.round(env.getMinY()) + "–"
                        + Math.round(env.getMaxY()) + " 米；比例尺约 1:" + Math.round(72 / 0.0254 / scale),
                LEFT,
                WIDTH,
                8);
        y -= 10;
    }

    private void ring(Coordinate[] coords, double ox, double oy, double scale, boolean close) throws IOException {
        for (int i = 0; i < coords.length; i++) {
            float px = (float) (ox + coords[i].x * scale);
            float py = (float) (oy + coords[i].y * scale);
            if (i == 0) {
                cs.moveTo(px, py);
            } else {
                cs.lineTo(px, py);
            }
        }
        if (close) {
            cs.closePath();
        }
    }

    /** 1, 2 or 5 × 10ⁿ, at most {@code max} (at least 1 cm). */
    static double niceLength(double max) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(max, 0.01))));
        for (double f : new double[] {5, 2, 1}) {
            if (f * p <= max) {
                return f * p;
            }
        }
        return p;
    }

    private static String formatLength(double metres) {
        return metres >= 1 ? Long.toString(Math.round(metres)) : String.format(Locale.ROOT, "%.2f", metres);
    }

    // ---------------------------------------------------------------- photos

    private void photos(List<Photo> photos) throws IOException {
        ensure(60);
        heading("现场照片");
        int n = 0;
        for (Photo p : photos) {
            n++;
            PDImageXObject image = image(p);
            float maxW = WIDTH * 0.8f;
            float maxH = 270;
            float s = Math.min(maxW / image.getWidth(), maxH / image.getHeight());
            float w = image.getWidth() * s;
            float h = image.getHeight() * s;
            ensure(h + 36);
            cs.drawImage(image, LEFT + (WIDTH - w) / 2, y - h, w, h);
            y -= h + 4;
            small("照片 " + n + "  SHA-256：" + p.sha256(), LEFT + (WIDTH - w) / 2, Math.max(w, 300), 8);
            y -= 10;
        }
    }

    private PDImageXObject image(Photo p) throws IOException {
        try {
            return JPEGFactory.createFromByteArray(doc, p.bytes());
        } catch (IOException | RuntimeException notJpeg) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(p.bytes()));
            if (img == null) {
                throw new Problem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "DOCUMENT_PHOTO_UNREADABLE",
                        "证据库中的照片 " + p.sha256() + " 不是可读取的图片（JPEG 或 PNG）",
                        "The photo " + p.sha256() + " in the evidence store is not a readable image (JPEG or PNG)");
            }
            return LosslessFactory.createFromImage(doc, img);
        }
    }

    // ---------------------------------------------------------------- end

    private void signature(String authority, LocalDate date) throws IOException {
        ensure(80);
        y -= 24;
        String d = date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        List<String> lines = new ArrayList<>(List.of(clean(authority) + "（印章）", d));
        float size = 12;
        float w = 0;
        for (String l : lines) {
            w = Math.max(w, width(l, size));
        }
        float x = LEFT + WIDTH - w - 12;
        for (String l : lines) {
            text(cs, l, x + (w - width(l, size)) / 2, y - size, size);
            y -= 22;
        }
    }

    private void heading(String text) throws IOException {
        float size = 13;
        ensure(size * 2);
        text(cs, clean(text), LEFT, y - size, size);
        y -= size * 1.8f;
    }

    private void line(float x1, float y1, float x2, float y2) throws IOException {
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
    }
}
