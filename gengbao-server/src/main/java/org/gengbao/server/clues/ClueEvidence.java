package org.gengbao.server.clues;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * Where the evidence behind clues comes from: implemented by the module that keeps the observations (patrol), so
 * that the clues can show their evidence without depending on it.
 */
public interface ClueEvidence {

    /**
     * A photo declared with an observation and, once its bytes arrived, what was found in it.
     *
     * @param receivedAt server receipt time, or null while the bytes have not arrived
     * @param flags doubts about the photo (EXIF_POSITION_FAR, EXIF_TIME_OUTSIDE_PATROL, NO_EXIF_TIME,
     *     NO_EXIF_POSITION); empty for a clean or a missing photo
     */
    record Photo(
            String sha256,
            OffsetDateTime takenAt,
            Double bearing,
            OffsetDateTime receivedAt,
            OffsetDateTime exifTime,
            Double exifLon,
            Double exifLat,
            List<String> flags) {}

    /** An observation with the record it came with. */
    record Observation(
            String observationId,
            String recordId,
            String inspector,
            String kind,
            OffsetDateTime observedAt,
            String note,
            List<Photo> photos) {}

    /** The observations with these ids that exist, in no particular order. */
    List<Observation> observations(Collection<String> observationIds);
}
