package org.gengbao.server.patrol;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gengbao.server.storage.JsonText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One place a task asks the inspector to look at.
 *
 * @param type PARCEL, CLUE, APPROVAL, SIGN or MARKER
 * @param id the object's id (parcel number, clue id, approval feature id, …)
 * @param reason stable reason code (NEVER_VISITED, VISIT_DUE, OPEN_CLUE, PAST_VIOLATION, APPROVED_NOT_SUPPLIED, MANUAL)
 * @param hotspots hot-spot codes that raised the priority (NEAR_ROAD, NEAR_SETTLEMENT, NEAR_PAST_VIOLATION)
 * @param priority higher first
 * @param lon longitude (CGCS2000) of a point on the object
 * @param lastVisit a parcel's last recorded visit (null: never, or not a parcel)
 */
public record TaskTarget(
        String type,
        String id,
        String reason,
        String reasonZh,
        String reasonEn,
        List<String> hotspots,
        double priority,
        double lon,
        double lat,
        LocalDate lastVisit) {

    /** The object types a target can name. */
    public enum Type {
        PARCEL,
        CLUE,
        APPROVAL,
        SIGN,
        MARKER
    }

    public TaskTarget {
        hotspots = List.copyOf(hotspots);
        priority = round(priority, 2);
        lon = round(lon, 7);
        lat = round(lat, 7);
    }

    ObjectNode toJson() {
        ObjectNode n = JsonText.MAPPER.createObjectNode();
        n.put("type", type);
        n.put("id", id);
        ObjectNode r = n.putObject("reason");
        r.put("code", reason);
        r.put("zh", reasonZh);
        r.put("en", reasonEn);
        ArrayNode h = n.putArray("hotspots");
        hotspots.forEach(h::add);
        n.put("priority", BigDecimal.valueOf(priority).stripTrailingZeros());
        ObjectNode at = n.putObject("location");
        at.put("lon", BigDecimal.valueOf(lon).stripTrailingZeros());
        at.put("lat", BigDecimal.valueOf(lat).stripTrailingZeros());
        if (lastVisit != null) {
            n.put("lastVisit", lastVisit.toString());
        } else {
            n.putNull("lastVisit");
        }
        return n;
    }

    static String toJson(List<TaskTarget> targets) {
        ArrayNode a = JsonText.MAPPER.createArrayNode();
        targets.forEach(t -> a.add(t.toJson()));
        return JsonText.write(a);
    }

    static List<TaskTarget> fromJson(String text) {
        List<TaskTarget> list = new ArrayList<>();
        for (JsonNode n : JsonText.read(text)) {
            List<String> hot = new ArrayList<>();
            n.path("hotspots").forEach(h -> hot.add(h.asString()));
            String last = n.path("lastVisit").isString() ? n.path("lastVisit").asString() : null;
            list.add(new TaskTarget(
                    n.path("type").asString(),
                    n.path("id").isString() ? n.path("id").asString() : null,
                    n.at("/reason/code").asString(),
                    n.at("/reason/zh").asString(),
                    n.at("/reason/en").asString(),
                    hot,
                    n.path("priority").asDouble(),
                    n.at("/location/lon").asDouble(),
                    n.at("/location/lat").asDouble(),
                    last == null ? null : LocalDate.parse(last)));
        }
        return list;
    }

    private static double round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }
}
