package org.gengbao.spatial.io.shapefile;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gengbao.spatial.io.FieldDef;

/**
 * Streams the records of a dBASE III+ table (.dbf), as written with shapefiles; dBASE IV/Visual FoxPro headers are read
 * through their header length. Opening reads the file once to count deleted records and to sample text for
 * {@link FieldTextDecoder}. Values, per field type:
 *
 * <ul>
 *   <li>C → trimmed {@link String}, {@code null} when blank;
 *   <li>N/F with no decimals and width ≤ 18 → {@link Long} (a fraction written anyway stays an exact
 *       {@link BigDecimal}); otherwise → {@link BigDecimal} exactly as written, scale included ("0.0800" has scale 4);
 *       blank or '*' → {@code null};
 *   <li>D → {@link LocalDate} from YYYYMMDD (YYYY-MM-DD also accepted); blank or zeros → {@code null};
 *   <li>L → {@link Boolean} (T/Y true, F/N false, '?' or blank {@code null}); reported as a STRING(1) column, because
 *       {@link org.gengbao.spatial.io.FieldType} has no boolean;
 *   <li>other types (memo block numbers, FoxPro binaries) → their bytes as Latin-1 text, trimmed.
 * </ul>
 *
 * Unparseable numbers, dates and logicals are {@code DBF_INVALID_VALUE} errors naming field, record and text.
 */
final class DbfReader implements Closeable {
    /** How much record data is sampled for encoding detection. */
    static final long SAMPLE_BYTES = 16L << 20;

    record Field(String name, char type, int length, int decimals, int offset) {
        boolean isInteger() {
            return (type == 'N' || type == 'F') && decimals == 0 && length <= 18;
        }

        FieldDef toFieldDef() {
            return switch (type) {
                case 'C' -> FieldDef.string(name, length);
                case 'N', 'F' ->
                    isInteger() ? FieldDef.integer(name, length) : FieldDef.decimal(name, length, decimals);
                case 'D' -> FieldDef.date(name);
                case 'L' -> FieldDef.string(name, 1);
                default -> FieldDef.string(name, length);
            };
        }
    }

    private final ShapefileErrors.Where where;
    private final List<Field> fields;
    private final int recordCount;
    private final long deletedCount;
    private final FieldTextDecoder text;
    private final InputStream in;
    private final byte[] record;
    private long index = -1;

    private DbfReader(
            ShapefileErrors.Where where,
            List<Field> fields,
            int recordCount,
            long deletedCount,
            FieldTextDecoder text,
            InputStream in,
            int recordLength) {
        this.where = where;
        this.fields = fields;
        this.recordCount = recordCount;
        this.deletedCount = deletedCount;
        this.text = text;
        this.in = in;
        this.record = new byte[recordLength];
    }

    static DbfReader open(Path dbf, ShapefileErrors.Where where, Charset override, String cpgText) throws IOException {
        long size = Files.size(dbf);
        byte[] head = new byte[32];
        if (size < 33) {
            throw ShapefileErrors.corrupt(where, ".dbf", "文件太短，不是 dBASE 表", "it is too short to be a dBASE table");
        }
        try (InputStream s = Files.newInputStream(dbf)) {
            s.readNBytes(head, 0, 32);
        }
        ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int count = h.getInt(4);
        int headerLength = h.getShort(8) & 0xFFFF;
        int recordLength = h.getShort(10) & 0xFFFF;
        if (count < 0 || headerLength < 33 || headerLength > size || recordLength < 1) {
            throw ShapefileErrors.corrupt(where, ".dbf", "文件头无效", "its header is invalid");
        }
        byte[] header = new byte[headerLength];
        try (InputStream s = Files.newInputStream(dbf)) {
            s.readNBytes(header, 0, headerLength);
        }
        List<byte[]> nameBytes = new ArrayList<>();
        List<Field> raw = parseDescriptors(header, recordLength, where, nameBytes);
        long available = (size - headerLength) / recordLength;
        if (available < count) {
            throw ShapefileErrors.corrupt(
                    where,
                    ".dbf",
                    "文件头声明有 " + count + " 条记录，但文件只包含 " + available + " 条完整记录",
                    "its header declares " + count + " records but it holds only " + available + " complete ones");
        }
        FieldTextDecoder text =
                new FieldTextDecoder(where, ShapefileEncoding.choose(override, cpgText, head[29] & 0xFF));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < nameBytes.size(); i++) {
            byte[] n = nameBytes.get(i);
            text.observe(n, 0, n.length, "#" + (i + 1), 0);
            String latin1 = new String(n, StandardCharsets.ISO_8859_1).strip();
            labels.add(latin1.chars().allMatch(c -> c > ' ' && c < 0x7F) ? latin1 : "#" + (i + 1));
        }
        long deleted = scan(dbf, headerLength, recordLength, count, raw, labels, text);
        text.finishSampling();
        List<Field> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            Field f = raw.get(i);
            String name = text.decode(nameBytes.get(i), 0, nameBytes.get(i).length, "#" + (i + 1), 0);
            name = name == null ? "FIELD_" + (i + 1) : name;
            String unique = name;
            for (int n = 2; !seen.add(unique.toUpperCase(Locale.ROOT)); n++) {
                unique = name + "_" + n;
            }
            fields.add(new Field(unique, f.type(), f.length(), f.decimals(), f.offset()));
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(dbf), 1 << 16);
        in.skipNBytes(headerLength);
        return new DbfReader(where, List.copyOf(fields), count, deleted, text, in, recordLength);
    }

    private static List<Field> parseDescriptors(
            byte[] header, int recordLength, ShapefileErrors.Where where, List<byte[]> nameBytes) {
        List<Field> raw = new ArrayList<>();
        int offset = 1;
        for (int p = 32; p + 32 <= header.length && header[p] != 0x0D; p += 32) {
            int nameLen = 0;
            while (nameLen < 11 && header[p + nameLen] != 0) {
                nameLen++;
            }
            byte[] name = new byte[nameLen];
            System.arraycopy(header, p, name, 0, nameLen);
            char type = (char) (header[p + 11] & 0xFF);
            int length = header[p + 16] & 0xFF;
            int decimals = header[p + 17] & 0xFF;
            if (type != 'N' && type != 'F') {
                length += decimals * 256;
                decimals = 0;
            }
            nameBytes.add(name);
            raw.add(new Field(null, Character.toUpperCase(type), length, decimals, offset));
            offset += length;
        }
        if (offset > recordLength) {
            throw ShapefileErrors.corrupt(
                    where, ".dbf", "字段定义超出了记录长度", "its field definitions do not fit its record length");
        }
        return raw;
    }

    /** Counts deleted records and shows the text of the first {@link #SAMPLE_BYTES} to the decoder. */
    private static long scan(
            Path dbf,
            int headerLength,
            int recordLength,
            int count,
            List<Field> raw,
            List<String> labels,
            FieldTextDecoder t)
            throws IOException {
        long deleted = 0;
        long sampled = 0;
        byte[] rec = new byte[recordLength];
        try (InputStream s = new BufferedInputStream(Files.newInputStream(dbf), 1 << 16)) {
            s.skipNBytes(headerLength);
            for (int i = 0; i < count; i++) {
                if (s.readNBytes(rec, 0, recordLength) < recordLength) {
                    throw new IOException("The .dbf shrank while it was read");
                }
                if (rec[0] == '*') {
                    deleted++;
                } else if (sampled < SAMPLE_BYTES) {
                    sampled += recordLength;
                    for (int f = 0; f < raw.size(); f++) {
                        Field field = raw.get(f);
                        if (field.type() == 'C') {
                            t.observe(rec, field.offset(), field.length(), labels.get(f), i + 1L);
                        }
                    }
                }
            }
        }
        return deleted;
    }

    List<Field> fields() {
        return fields;
    }

    /** Records in the table, deleted ones included. */
    int recordCount() {
        return recordCount;
    }

    long deletedCount() {
        return deletedCount;
    }

    Charset charset() {
        return text.charset();
    }

    /** Moves to the next record; {@code false} after the last. */
    boolean next() throws IOException {
        if (index + 1 >= recordCount) {
            return false;
        }
        index++;
        if (in.readNBytes(record, 0, record.length) < record.length) {
            throw ShapefileErrors.corruptRecord(where, ".dbf", index + 1, "不完整", "is incomplete");
        }
        return true;
    }

    /** The 0-based position of the current record. */
    long index() {
        return index;
    }

    boolean deleted() {
        return record[0] == '*';
    }

    /** The current record's values by field name, in field order. */
    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        long recordNo = index + 1;
        for (Field f : fields) {
            values.put(f.name(), value(f, recordNo));
        }
        return values;
    }

    private Object value(Field f, long recordNo) {
        if (f.type() == 'C') {
            return text.decode(record, f.offset(), f.length(), f.name(), recordNo);
        }
        String t = latin1(f);
        if (t.isEmpty()) {
            return null;
        }
        return switch (f.type()) {
            case 'N', 'F' -> DbfValues.number(f, t, where, recordNo);
            case 'D' -> DbfValues.date(f, t, where, recordNo);
            case 'L' -> DbfValues.logical(f, t, where, recordNo);
            default -> t;
        };
    }

    /** The field's bytes as Latin-1 text without surrounding spaces and NULs. */
    private String latin1(Field f) {
        int start = f.offset();
        int end = f.offset() + f.length();
        while (start < end && (record[start] == ' ' || record[start] == 0)) {
            start++;
        }
        while (end > start && (record[end - 1] == ' ' || record[end - 1] == 0)) {
            end--;
        }
        return new String(record, start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
