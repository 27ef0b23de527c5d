package org.gengbao.server.patrol;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of patrol uploads under {@code gengbao.patrol.upload.*}.
 *
 * @param visitDistanceM a basic-farmland parcel counts as visited when its outline is within this distance of the
 *     record's track or of one of its observations
 * @param photoMaxDistanceM a photo whose EXIF position is farther than this from its observation is flagged
 * @param photoTimeTolerance a photo whose EXIF time is outside the patrol window widened by this is flagged
 * @param maxPhotoBytes size limit of one photo
 * @param maxRecordBytes size limit of a record body
 * @param maxTrackPoints vertex limit of a track
 * @param countyMarginM how far outside the county's grid cells a position may lie before it is refused as not in the
 *     county
 */
@ConfigurationProperties("gengbao.patrol.upload")
public record UploadProperties(
        @DefaultValue("30") double visitDistanceM,
        @DefaultValue("200") double photoMaxDistanceM,
        @DefaultValue("PT10M") Duration photoTimeTolerance,
        @DefaultValue("20971520") long maxPhotoBytes,
        @DefaultValue("10000000") long maxRecordBytes,
        @DefaultValue("50000") int maxTrackPoints,
        @DefaultValue("5000") double countyMarginM) {}
