package org.gengbao.server.patrol;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of daily patrol planning, under {@code gengbao.patrol.planning.*}.
 *
 * @param enabled whether the scheduled job plans each morning (the API and CLI plan regardless)
 * @param cron when the job runs (county time, Asia/Shanghai)
 * @param visitIntervalDays a basic-farmland parcel is due when not visited for this many days (or never)
 * @param hotspotIntervalDays the shorter interval of parcels at hot spots
 * @param dueDays a task is due this many days after its date
 * @param maxTargets at most this many targets per task, most urgent first
 * @param nearDistanceM "near" a road, settlement or past violation means within this distance
 * @param roadClasses land-use classes (DLBM) counted as roads
 * @param settlementClasses land-use classes (DLBM) or built-up codes (CZCSXM prefix) counted as settlements
 * @param minUnsuppliedM2 approved land not covered by supply counts from this area on
 * @param areaBufferM the task area is the convex hull of the targets widened by this, clipped to the cell
 * @param ageCapDays days since the last visit count up to this; a never-visited parcel counts one more
 * @param weights priority points of the rules
 */
@ConfigurationProperties("gengbao.patrol.planning")
public record PlanningProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0 0 5 * * *") String cron,
        @DefaultValue("7") int visitIntervalDays,
        @DefaultValue("3") int hotspotIntervalDays,
        @DefaultValue("0") int dueDays,
        @DefaultValue("20") int maxTargets,
        @DefaultValue("100") double nearDistanceM,
        @DefaultValue({"1001", "1003", "1004", "1006"}) List<String> roadClasses,
        @DefaultValue({"201", "202", "203"}) List<String> settlementClasses,
        @DefaultValue("100") double minUnsuppliedM2,
        @DefaultValue("50") double areaBufferM,
        @DefaultValue("60") int ageCapDays,
        @DefaultValue Weights weights) {

    /**
     * Priority points.
     *
     * @param dueParcel base of a due parcel (plus one point per day since its last visit, up to the cap)
     * @param nearRoad added for a parcel near a road
     * @param nearSettlement added for a parcel near a settlement
     * @param nearPastViolation added for a parcel near a clue that was not dismissed
     * @param openClue an open clue to re-check
     * @param pastViolation the place of a closed clue
     * @param approvedNotSupplied approved land not (yet) supplied
     */
    public record Weights(
            @DefaultValue("10") double dueParcel,
            @DefaultValue("10") double nearRoad,
            @DefaultValue("10") double nearSettlement,
            @DefaultValue("15") double nearPastViolation,
            @DefaultValue("100") double openClue,
            @DefaultValue("40") double pastViolation,
            @DefaultValue("60") double approvedNotSupplied) {}
}
