package org.gengbao.spatial.io.shapefile;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gengbao.spatial.io.FieldDef;
import org.gengbao.spatial.io.FieldType;

/**
 * Writes a dBASE III table (.dbf) as a stream; the record count in the header is filled in on {@link #close()}.
 *
 * <p>Columns: STRING → C of {@code length} bytes in the table's charset; INTEGER → N with no decimals; DECIMAL → N with
 * {@code scale} decimals, values rounded half-up to the scale; DATE → D (YYYYMMDD). Numbers are right-aligned. Nulls
 * are written blank (which GDAL, ArcGIS and this package's reader all read as null). A value that does not fit its
 * column — text longer in bytes than the column, a character the charset cannot encode, too many digits, a fraction in
 * an INTEGER column — is an {@link IllegalArgumentException} naming the column and the value, never truncated. Field
 * names must encode to at most 10 bytes and be unique ignoring case.
 */
final class DbfWriter implements Closeable {
    private final Path path;
    private final List<FieldDef> fields;
    private final CharsetEncoder encoder;
    private final OutputStream out;
    private final int recordLength;
    private int count;

    DbfWriter(Path path, List<FieldDef> fields, Charset charset) throws IOException {
        this.path = path;
        this.fields = List.copyOf(fields);
        this.encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int headerLength = 32 + 32 * fields.size() + 1;
        int length = 1;
        ByteBuffer header = ByteBuffer.allocate(headerLength).order(ByteOrder.LITTLE_ENDIAN);
        header.position(32);
        Set<String> seen = new HashSet<>();
        for (FieldDef f : this.fields) {
            check(f);
            byte[] name = encode(f.name(), f.name());
            if (name.length == 0 || name.length > 10 || !seen.add(f.name().toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Field name \"" + f.name() + "\" is empty, longer than 10 bytes in "
                        + charset.name() + " or used twice");
            }
            byte[] descriptor = new byte[32];
            System.arraycopy(name, 0, descriptor, 0, name.length);
            descriptor[11] = (byte) (f.type() == FieldType.STRING ? 'C' : f.type() == FieldType.DATE ? 'D' : 'N');
            descriptor[16] = (byte) width(f);
            descriptor[17] = (byte) (f.type() == FieldType.DECIMAL ? f.scale() : 0);
            header.put(descriptor);
            length += width(f);
        }
        if (headerLength > 0xFFFF || length > 0xFFFF) {
            throw new IllegalArgumentException("Too many or too wide fields for a dBASE table");
        }
        this.recordLength = length;
        header.put((byte) 0x0D);
        header.put(0, (byte) 0x03);
        LocalDate today = LocalDate.now();
        header.put(1, (byte) (today.getYear() - 1900)).put(2, (byte) today.getMonthValue());
        header.put(3, (byte) today.getDayOfMonth());
        header.putShort(8, (short) headerLength).putShort(10, (short) length);
        header.put(29, (byte) ShapefileEncoding.languageDriverFor(charset));
        this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        out.write(header.array());
    }

    private static void check(FieldDef f) {
        boolean ok =
                switch (f.type()) {
                    case STRING -> f.length() >= 1 && f.length() <= 254;
                    case INTEGER -> f.length() >= 1 && f.length() <= 20;
                    case DECIMAL ->
                        f.length() >= 1
                                && f.length() <= 254
                                && f.scale() >= 0
                                && f.scale() <= 15
                                && (f.scale() == 0 || f.scale() <= f.length() - 2);
                    case DATE -> true;
                };
        if (!ok) {
            throw new IllegalArgumentException("Unsupported width/scale for field " + f);
        }
    }

    private static int width(FieldDef f) {
        return f.type() == FieldType.DATE ? 8 : f.length();
    }

    /** The bytes of one record for {@code attributes}; throws before anything is written. */
    byte[] encodeRecord(Map<String, Object> attributes) {
        for (String key : attributes.keySet()) {
            if (fields.stream().noneMatch(f -> f.name().equals(key))) {
                throw new IllegalArgumentException("No field named \"" + key + "\" in " + path.getFileName());
            }
        }
        byte[] rec = new byte[recordLength];
        Arrays.fill(rec, (byte) ' ');
        int offset = 1;
        for (FieldDef f : fields) {
            Object v = attributes.get(f.name());
            if (v != null) {
                byte[] b = bytes(f, v);
                int w = width(f);
                System.arraycopy(b, 0, rec, f.type() == FieldType.STRING ? offset : offset + w - b.length, b.length);
            }
            offset += width(f);
        }
        return rec;
    }

    void append(byte[] record) throws IOException {
        out.write(record);
        count++;
    }

    private byte[] bytes(FieldDef f, Object v) {
        byte[] b =
                switch (f.type()) {
                    case STRING -> encode(v instanceof BigDecimal d ? d.toPlainString() : v.toString(), f.name());
                    case INTEGER -> ascii(Long.toString(integer(f, v)));
                    case DECIMAL -> ascii(decimal(f, v).toPlainString());
                    case DATE -> {
                        if (!(v instanceof LocalDate d) || d.getYear() < 0 || d.getYear() > 9999) {
                            throw bad(f, v, "is not a LocalDate between years 0 and 9999");
                        }
                        yield ascii(String.format(
                                Locale.ROOT, "%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
                    }
                };
        if (b.length > width(f)) {
            throw bad(f, v, "needs " + b.length + " bytes but the field holds " + width(f));
        }
        return b;
    }

    private static long integer(FieldDef f, Object v) {
        try {
            if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                return ((Number) v).longValue();
            }
            if (v instanceof BigInteger i) {
                return i.longValueExact();
            }
            if (v instanceof BigDecimal d) {
                return d.longValueExact();
            }
            if ((v instanceof Double || v instanceof Float)
                    && ((Number) v).doubleValue() == Math.rint(((Number) v).doubleValue())) {
                return new BigDecimal(((Number) v).doubleValue()).longValueExact();
            }
        } catch (ArithmeticException e) {
            // reported below
        }
        throw bad(f, v, "is not a whole number that fits a long");
    }

    private static BigDecimal decimal(FieldDef f, Object v) {
        BigDecimal d;
        if (v instanceof BigDecimal b) {
            d = b;
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            d = BigDecimal.valueOf(((Number) v).longValue());
        } else if (v instanceof BigInteger i) {
            d = new BigDecimal(i);
        } else if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
            d = BigDecimal.valueOf(((Number) v).doubleValue());
        } else {
            throw bad(f, v, "is not a finite number");
        }
        return d.setScale(f.scale(), RoundingMode.HALF_UP);
    }

    private byte[] encode(String s, String field) {
        try {
            ByteBuffer b = encoder.reset().encode(CharBuffer.wrap(s));
            return Arrays.copyOfRange(b.array(), b.arrayOffset() + b.position(), b.arrayOffset() + b.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Field " + field + ": \"" + s + "\" has characters that "
                    + encoder.charset().name() + " cannot encode");
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static IllegalArgumentException bad(FieldDef f, Object v, String why) {
        return new IllegalArgumentException("Field " + f.name() + " (" + f.type() + " " + f.length()
                + (f.type() == FieldType.DECIMAL ? "." + f.scale() : "") + "): value \"" + v + "\" " + why);
    }

    @Override
    public void close() throws IOException {
        try (out) {
            out.write(0x1A);
        }
        ByteBuffer n = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, count);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            ch.write(n, 4);
        }
    }
}
