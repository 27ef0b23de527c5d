package org.gengbao.spatial.io.shapefile;

import java.io.Closeable;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads the records of a .shp file one after the other. When the .shx index is present, each record is read at the
 * offset the index gives (which also tolerates gaps between records) and the index fixes the record count up front;
 * without it the records are read back to back until the end of the file.
 */
final class ShpRecordReader implements Closeable {
    static final int FILE_CODE = 9994;

    private final ShapefileErrors.Where where;
    private final FileChannel shp;
    private final FileChannel shx;
    private final long shpSize;
    private final long shxCount;
    private final int shapeType;
    private final ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
    private ByteBuffer content = ByteBuffer.allocate(1 << 12);
    private long position = 100;
    private long index;

    private ShpRecordReader(
            ShapefileErrors.Where where, FileChannel shp, FileChannel shx, long shpSize, long shxCount, int shapeType) {
        this.where = where;
        this.shp = shp;
        this.shx = shx;
        this.shpSize = shpSize;
        this.shxCount = shxCount;
        this.shapeType = shapeType;
    }

    /** Opens the .shp, and the .shx if {@code shxPath} is not {@code null}. */
    static ShpRecordReader open(Path shpPath, Path shxPath, ShapefileErrors.Where where) throws IOException {
        FileChannel shp = FileChannel.open(shpPath, StandardOpenOption.READ);
        FileChannel shx = null;
        try {
            ByteBuffer h = readHeader(shp, where, ".shp");
            // the declared length, unless it is impossible: trailing bytes beyond it are not records
            long declared = (h.getInt(24) & 0xFFFFFFFFL) * 2;
            long end = declared >= 100 && declared <= shp.size() ? declared : shp.size();
            int shapeType = h.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
            long shxCount = -1;
            if (shxPath != null) {
                shx = FileChannel.open(shxPath, StandardOpenOption.READ);
                readHeader(shx, where, ".shx");
                shxCount = (shx.size() - 100) / 8;
            }
            return new ShpRecordReader(where, shp, shx, end, shxCount, shapeType);
        } catch (IOException | RuntimeException e) {
            shp.close();
            if (shx != null) {
                shx.close();
            }
            throw e;
        }
    }

    private static ByteBuffer readHeader(FileChannel ch, ShapefileErrors.Where where, String ext) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(100).order(ByteOrder.BIG_ENDIAN);
        if (ch.size() < 100 || readFully(ch, h, 0) < 100 || h.getInt(0) != FILE_CODE) {
            throw ShapefileErrors.corrupt(where, ext, "文件头无效，不是 Shapefile 文件", "its header is not that of a shapefile");
        }
        return h;
    }

    /** The shape type in the file header (ESRI number). */
    int shapeType() {
        return shapeType;
    }

    /** The record count from the .shx, or -1 without one. */
    long indexedCount() {
        return shxCount;
    }

    /** Records read so far. */
    long recordsRead() {
        return index;
    }

    boolean hasNext() {
        return shx != null ? index < shxCount : position + 8 <= shpSize;
    }

    /**
     * Reads the next record and, if {@code parse}, decodes its geometry ({@code null} for a null shape or when not
     * parsed). Call only when {@link #hasNext()}.
     */
    Geometry next(boolean parse, GeometryFactory gf) throws IOException {
        long recordNo = ++index;
        long offset = position;
        if (shx != null) {
            ByteBuffer entry = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
            if (readFully(shx, entry, 100 + (recordNo - 1) * 8) < 8) {
                throw ShapefileErrors.corruptRecord(where, ".shx", recordNo, "的索引不完整", "has an incomplete index entry");
            }
            offset = (entry.getInt(0) & 0xFFFFFFFFL) * 2;
        }
        head.clear();
        if (offset < 100 || readFully(shp, head, offset) < 8) {
            throw ShapefileErrors.corruptRecord(
                    where, ".shp", recordNo, "缺失（文件被截断）", "is missing (the file is cut short)");
        }
        long length = (head.getInt(4) & 0xFFFFFFFFL) * 2;
        if (length < 4 || offset + 8 + length > shpSize) {
            throw ShapefileErrors.corruptRecord(
                    where, ".shp", recordNo, "不完整（文件被截断）", "is incomplete (the file is cut short)");
        }
        position = offset + 8 + length;
        if (!parse) {
            return null;
        }
        if (content.capacity() < length) {
            content = ByteBuffer.allocate(
                    (int) Math.min(Integer.MAX_VALUE - 8, Math.max(length, content.capacity() * 2L)));
        }
        content.clear().limit((int) length);
        readFully(shp, content, offset + 8);
        content.flip().order(ByteOrder.LITTLE_ENDIAN);
        try {
            return ShpGeometryDecoder.decode(content, gf);
        } catch (ShpGeometryDecoder.BadRecord e) {
            throw ShapefileErrors.corruptRecord(where, ".shp", recordNo, e.zh, e.getMessage());
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw ShapefileErrors.corruptRecord(
                    where, ".shp", recordNo, "的内容比声明的短或自相矛盾", "is shorter than its content or contradicts itself");
        }
    }

    private static int readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        int total = 0;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        try {
            shp.close();
        } finally {
            if (shx != null) {
                shx.close();
            }
        }
    }
}
