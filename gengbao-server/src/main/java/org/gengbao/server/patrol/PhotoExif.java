package org.gengbao.server.patrol;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.lang.Rational;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.gengbao.server.analysis.Analyses;

/**
 * What a photo's EXIF says about when, where and in which direction it was taken (read with metadata-extractor):
 * DateTimeOriginal with OffsetTimeOriginal (without an offset the time is taken as China time), the GPS position and
 * GPSImgDirection.
 *
 * @param time when it was taken, or null
 * @param lon GPS longitude in degrees, or null
 * @param lat GPS latitude in degrees, or null
 * @param bearing GPSImgDirection in degrees, or null
 */
record PhotoExif(OffsetDateTime time, Double lon, Double lat, Double bearing) {
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
    private static final int TAG_OFFSET_TIME_ORIGINAL = 0x9011;

    /** Thrown for bytes that are not an image format metadata-extractor knows. */
    static final class NotAnImage extends Exception {
        private static final long serialVersionUID = 1L;

        NotAnImage(String message) {
            super(message);
        }
    }

    static PhotoExif read(byte[] bytes) throws NotAnImage {
        FileType type = type(bytes);
        if (type == FileType.Unknown) {
            throw new NotAnImage("unknown file type");
        }
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
        } catch (ImageProcessingException | IOException e) {
            throw new NotAnImage(e.getMessage());
        }
        OffsetDateTime time = null;
        for (ExifSubIFDDirectory d : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            String original = d.getString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL);
            if (original == null) {
                continue;
            }
            try {
                LocalDateTime local = LocalDateTime.parse(original.trim(), EXIF_TIME);
                String offset = d.getString(TAG_OFFSET_TIME_ORIGINAL);
                ZoneOffset zone = offset != null && !offset.isBlank()
                        ? ZoneOffset.of(offset.trim())
                        : Analyses.COUNTY_TIME.getRules().getOffset(local);
                time = local.atOffset(zone);
                break;
            } catch (java.time.DateTimeException e) {
                // an unreadable time counts as none
            }
        }
        Double lon = null;
        Double lat = null;
        Double bearing = null;
        for (GpsDirectory d : metadata.getDirectoriesOfType(GpsDirectory.class)) {
            GeoLocation at = d.getGeoLocation();
            if (at != null && !at.isZero() && Double.isFinite(at.getLatitude()) && Double.isFinite(at.getLongitude())) {
                lon = at.getLongitude();
                lat = at.getLatitude();
            }
            Rational direction = d.getRational(GpsDirectory.TAG_IMG_DIRECTION);
            if (direction != null && direction.getDenominator() != 0) {
                bearing = direction.doubleValue();
            }
        }
        return new PhotoExif(time, lon, lat, bearing);
    }

    /** The file type by its leading bytes. */
    static FileType type(byte[] bytes) {
        try (InputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes))) {
            return FileTypeDetector.detectFileType((BufferedInputStream) in);
        } catch (IOException e) {
            return FileType.Unknown;
        }
    }

    /** The media type of a stored photo (from its leading bytes), for answering downloads. */
    static String mediaType(byte[] head) {
        FileType t = type(head);
        return t == FileType.Unknown || t.getMimeType() == null ? "application/octet-stream" : t.getMimeType();
    }
}
