package org.gengbao.spatial.io.shapefile;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.gengbao.spatial.SpatialInputException;

/**
 * Decodes dBASE text strictly in the {@link ShapefileEncoding.Choice chosen} charset. Bytes that are not valid in it
 * are an {@code ENCODING_MISMATCH} naming the field, the record and the encoding, never replacement characters.
 *
 * <p>Leading and trailing spaces and NUL bytes are removed before decoding. A multi-byte character cut off at the end
 * of a value that fills its whole field is dropped: ArcGIS and others cut long text at the byte width of the field.
 *
 * <p>Before the records are streamed, the reader shows this decoder a sample of the file's text (see {@link #observe})
 * and calls {@link #finishSampling}, which settles detection and reports mismatches early. It also catches the common
 * mojibake case that strict decoding cannot: UTF-8 text read as GBK decodes "successfully" into rare characters. The
 * file is reported as UTF-8 read as GBK when <em>every</em> non-ASCII value sampled is valid UTF-8, at least one of
 * them contains Chinese characters, and at least one would either fail to decode as GBK or decode mostly (a third or
 * more of its double-byte pairs) to characters outside GB2312, where everyday Chinese lives. Real GBK text is valid
 * UTF-8 only by rare accident, so requiring it of all sampled values keeps false alarms away; the cost is that a file
 * with a single, short UTF-8 value is occasionally not recognised.
 */
final class FieldTextDecoder {
    private final ShapefileErrors.Where where;
    private final ShapefileEncoding.Choice choice;
    private final CharsetDecoder utf8 = strictDecoder(StandardCharsets.UTF_8);
    private final CharsetDecoder gbkTrial = strictDecoder(ShapefileEncoding.GB18030);
    private Charset charset;
    private CharsetDecoder decoder;

    private long nonAscii;
    private boolean allUtf8 = true;
    private boolean anyChineseUtf8;
    private long suspectRecord = -1;
    private String suspectField;
    private long failedRecord = -1;
    private String failedField;
    private Charset failedCharset;

    FieldTextDecoder(ShapefileErrors.Where where, ShapefileEncoding.Choice choice) {
        this.where = where;
        this.choice = choice;
        if (choice.charset() != null) {
            lock(choice.charset());
        }
    }

    /** The charset in use, or UTF-8 when nothing non-ASCII has been seen yet. */
    Charset charset() {
        return charset == null ? StandardCharsets.UTF_8 : charset;
    }

    /** Takes a text value of the sample into account; {@code recordNo} is 1-based. */
    void observe(byte[] buf, int off, int len, String field, long recordNo) {
        int start = trimStart(buf, off, len);
        int end = trimEnd(buf, start, off + len);
        if (isAscii(buf, start, end)) {
            return;
        }
        boolean cut = end == off + len;
        nonAscii++;
        String asUtf8 = decode(utf8, buf, start, end, cut);
        boolean chinese = asUtf8 != null && containsChinese(asUtf8);
        allUtf8 &= asUtf8 != null;
        anyChineseUtf8 |= chinese;
        Charset trial = charset != null ? charset : ShapefileEncoding.GB18030;
        String decoded = decode(charset != null ? decoder : gbkTrial, buf, start, end, cut);
        if (decoded == null && failedRecord < 0) {
            failedRecord = recordNo;
            failedField = field;
            failedCharset = trial;
        }
        if (chinese
                && suspectRecord < 0
                && ShapefileEncoding.isGbkFamily(trial)
                && (decoded == null || mostlyOutsideGb2312(buf, start, end))) {
            suspectRecord = recordNo;
            suspectField = field;
        }
    }

    /** Settles detection from the sample and reports a mismatch found in it. */
    void finishSampling() {
        if (charset == null && nonAscii > 0) {
            lock(allUtf8 ? StandardCharsets.UTF_8 : ShapefileEncoding.GB18030);
        }
        if (charset == null) {
            return;
        }
        if (ShapefileEncoding.isGbkFamily(charset) && allUtf8 && anyChineseUtf8 && suspectRecord >= 0) {
            throw looksLikeUtf8(suspectField, suspectRecord);
        }
        if (failedRecord >= 0 && (choice.source() != ShapefileEncoding.Source.DETECTED || !allUtf8)) {
            throw mismatch(failedField, failedRecord, failedCharset);
        }
    }

    /** The trimmed text of a field, or {@code null} when it is blank; {@code recordNo} is 1-based (0: header). */
    String decode(byte[] buf, int off, int len, String field, long recordNo) {
        int start = trimStart(buf, off, len);
        int end = trimEnd(buf, start, off + len);
        if (start == end) {
            return null;
        }
        String text;
        if (isAscii(buf, start, end)) {
            text = new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
        } else {
            boolean cut = end == off + len;
            if (charset == null) {
                lock(decode(utf8, buf, start, end, cut) != null ? StandardCharsets.UTF_8 : ShapefileEncoding.GB18030);
            }
            text = decode(decoder, buf, start, end, cut);
            if (text == null) {
                throw mismatch(field, recordNo, charset);
            }
        }
        text = text.strip();
        return text.isEmpty() ? null : text;
    }

    private void lock(Charset cs) {
        charset = cs;
        decoder = strictDecoder(cs);
    }

    private SpatialInputException mismatch(String field, long recordNo, Charset cs) {
        String enc = choice.name(cs);
        String placeZh = recordNo > 0 ? ShapefileErrors.recordZh(recordNo) + "的字段 " + field : "的字段名 " + field;
        String placeEn = recordNo > 0
                ? "field " + field + " of " + ShapefileErrors.recordEn(recordNo)
                : "the name of field " + field;
        return new SpatialInputException(
                "ENCODING_MISMATCH",
                "文件" + where.zh(".dbf") + placeZh + " 中的文字无法按 " + enc + " 编码读取（编码依据：" + choice.sourceZh()
                        + "）。请用导入选项 encoding 指定正确的字符编码后重试（命令行参数 --encoding，例如 --encoding GBK 或 --encoding UTF-8）。",
                "The text in " + placeEn + " of " + where.en(".dbf") + " cannot be read as " + enc + " (source: "
                        + choice.sourceEn()
                        + "). Name the right encoding with the encoding option and retry (--encoding on the"
                        + " command line, e.g. --encoding GBK or --encoding UTF-8).");
    }

    private SpatialInputException looksLikeUtf8(String field, long recordNo) {
        String enc = choice.name(charset);
        String placeZh = recordNo > 0 ? ShapefileErrors.recordZh(recordNo) + "的字段 " + field : "字段名 " + field;
        String placeEn =
                recordNo > 0 ? "field " + field + " of " + ShapefileErrors.recordEn(recordNo) : "field name " + field;
        return new SpatialInputException(
                "ENCODING_MISMATCH",
                "文件" + where.zh(".dbf") + "中的文字实际是 UTF-8 编码（例如" + placeZh + "），按 " + enc + " 读取会变成乱码（编码依据："
                        + choice.sourceZh() + "）。" + "请用导入选项 encoding 指定 UTF-8 编码后重试（命令行参数 --encoding UTF-8）。",
                "The text in " + where.en(".dbf") + " is actually UTF-8 (e.g. " + placeEn + "); reading it as " + enc
                        + " would garble it (source: "
                        + choice.sourceEn() + "). Retry with the encoding option set to UTF-8 (on the command line"
                        + " --encoding UTF-8).");
    }

    static CharsetDecoder strictDecoder(Charset cs) {
        return cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Strictly decodes {@code buf[start, end)}; {@code null} if invalid. An incomplete last character is dropped if cut. */
    static String decode(CharsetDecoder dec, byte[] buf, int start, int end, boolean cut) {
        dec.reset();
        ByteBuffer in = ByteBuffer.wrap(buf, start, end - start);
        CharBuffer out = CharBuffer.allocate((int) ((end - start) * (double) dec.maxCharsPerByte()) + 4);
        CoderResult r = dec.decode(in, out, false);
        if (r.isError() || (in.hasRemaining() && !cut)) {
            return null;
        }
        if (!in.hasRemaining()) {
            r = dec.decode(in, out, true);
            if (r.isError() || dec.flush(out).isError()) {
                return null;
            }
        }
        return out.flip().toString();
    }

    /** Whether a third or more of the double-byte pairs, read as GBK, lie outside GB2312 (rows A1–F7, cells A1–FE). */
    static boolean mostlyOutsideGb2312(byte[] buf, int start, int end) {
        int pairs = 0;
        int outside = 0;
        for (int i = start; i < end; ) {
            int lead = buf[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int trail = i + 1 < end ? buf[i + 1] & 0xFF : 0;
            pairs++;
            if (lead < 0xA1 || lead > 0xF7 || trail < 0xA1 || trail > 0xFE) {
                outside++;
            }
            i += 2;
        }
        return outside > 0 && outside * 3 >= pairs;
    }

    static boolean containsChinese(String s) {
        return s.codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && Character.isLetter(c));
    }

    private static boolean isAscii(byte[] buf, int start, int end) {
        for (int i = start; i < end; i++) {
            if (buf[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static int trimStart(byte[] buf, int off, int len) {
        int i = off;
        while (i < off + len && (buf[i] == ' ' || buf[i] == 0)) {
            i++;
        }
        return i;
    }

    private static int trimEnd(byte[] buf, int start, int end) {
        int e = end;
        while (e > start && (buf[e - 1] == ' ' || buf[e - 1] == 0)) {
            e--;
        }
        return e;
    }
}
