package org.gengbao.server;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Small JPEG photos for tests, with an EXIF segment written by hand (APP1 with a big-endian TIFF structure: IFD0
 * pointing to an Exif IFD with DateTimeOriginal and OffsetTimeOriginal, and a GPS IFD with latitude, longitude and
 * GPSImgDirection), so that the server's EXIF reading is checked against values set here.
 */
public final class ExifJpeg {
    private static final int BYTE = 1;
    private static final int ASCII = 2;
    private static final int LONG = 4;
    private static final int RATIONAL = 5;

    private ExifJpeg() {}

    /**
     * A JPEG of a few pixels coloured by {@code seed} (so different seeds give different bytes) with the given EXIF.
     *
     * @param time DateTimeOriginal, or null for none
     * @param withOffset whether OffsetTimeOriginal is written (else only the local time of {@code time})
     * @param lon GPS longitude, or null for no GPS position
     * @param bearing GPSImgDirection, or null
     */
    public static byte[] photo(
            int seed, OffsetDateTime time, boolean withOffset, Double lon, Double lat, Double bearing) {
        byte[] jpeg = plain(seed);
        List<Entry> exif = new ArrayList<>();
        if (time != null) {
            exif.add(ascii(0x9003, time.toLocalDateTime().format(DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss"))));
            if (withOffset) {
                exif.add(ascii(
                        0x9011,
                        time.getOffset().getId().equals("Z")
                                ? "+00:00"
                                : time.getOffset().getId()));
            }
        }
        List<Entry> gps = new ArrayList<>();
        if (lon != null && lat != null) {
            gps.add(new Entry(0x0000, BYTE, 4, new byte[] {2, 3, 0, 0}));
            gps.add(ascii(0x0001, lat >= 0 ? "N" : "S"));
            gps.add(new Entry(0x0002, RATIONAL, 3, dms(Math.abs(lat))));
            gps.add(ascii(0x0003, lon >= 0 ? "E" : "W"));
            gps.add(new Entry(0x0004, RATIONAL, 3, dms(Math.abs(lon))));
        }
        if (bearing != null) {
            gps.add(ascii(0x0010, "T"));
            gps.add(new Entry(0x0011, RATIONAL, 1, rationals(new long[] {Math.round(bearing * 100), 100})));
        }
        if (exif.isEmpty() && gps.isEmpty()) {
            return jpeg;
        }
        byte[] tiff = tiff(exif, gps);
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + header.length + tiff.length;
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
        out.put(jpeg, 0, 2); // SOI
        out.put((byte) 0xFF)
                .put((byte) 0xE1)
                .putShort((short) length)
                .put(header)
                .put(tiff);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A JPEG without EXIF. */
    public static byte[] plain(int seed) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(seed);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                image.setRGB(x, y, new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)).getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private record Entry(int tag, int type, int count, byte[] value) {}

    private static Entry ascii(int tag, String text) {
        byte[] b = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        return new Entry(tag, ASCII, b.length, b);
    }

    private static byte[] dms(double degrees) {
        long d = (long) Math.floor(degrees);
        double minutes = (degrees - d) * 60;
        long m = (long) Math.floor(minutes);
        long s = Math.round((minutes - m) * 60 * 10000);
        return rationals(new long[] {d, 1, m, 1, s, 10000});
    }

    private static byte[] rationals(long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4);
        for (long v : values) {
            b.putInt((int) v);
        }
        return b.array();
    }

    private static int size(List<Entry> ifd) {
        return 2 + 12 * ifd.size() + 4;
    }

    private static byte[] tiff(List<Entry> exif, List<Entry> gps) {
        int ifd0Entries = (exif.isEmpty() ? 0 : 1) + (gps.isEmpty() ? 0 : 1);
        int ifd0At = 8;
        int exifAt = ifd0At + 2 + 12 * ifd0Entries + 4;
        int gpsAt = exifAt + (exif.isEmpty() ? 0 : size(exif));
        int dataAt = gpsAt + (gps.isEmpty() ? 0 : size(gps));
        List<Entry> ifd0 = new ArrayList<>();
        if (!exif.isEmpty()) {
            ifd0.add(new Entry(
                    0x8769, LONG, 1, ByteBuffer.allocate(4).putInt(exifAt).array()));
        }
        if (!gps.isEmpty()) {
            ifd0.add(new Entry(
                    0x8825, LONG, 1, ByteBuffer.allocate(4).putInt(gpsAt).array()));
        }
        ByteBuffer data = ByteBuffer.allocate(4096);
        ByteBuffer out = ByteBuffer.allocate(8192);
        out.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0At);
        int[] cursor = {dataAt};
        writeIfd(out, ifd0, data, cursor);
        if (!exif.isEmpty()) {
            writeIfd(out, exif, data, cursor);
        }
        if (!gps.isEmpty()) {
            writeIfd(out, gps, data, cursor);
        }
        out.put(data.array(), 0, data.position());
        byte[] result = new byte[out.position()];
        out.flip();
        out.get(result);
        return result;
    }

    private static void writeIfd(ByteBuffer out, List<Entry> entries, ByteBuffer data, int[] cursor) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> Integer.compare(a.tag(), b.tag()));
        out.putShort((short) sorted.size());
        for (Entry e : sorted) {
            out.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count());
            if (e.value().length <= 4) {
                byte[] inline = new byte[4];
                System.arraycopy(e.value(), 0, inline, 0, e.value().length);
                out.put(inline);
            } else {
                out.putInt(cursor[0]);
                data.put(e.value());
                cursor[0] += e.value().length;
                if (e.value().length % 2 == 1) {
                    data.put((byte) 0);
                    cursor[0]++;
                }
            }
        }
        out.putInt(0);
    }
}
