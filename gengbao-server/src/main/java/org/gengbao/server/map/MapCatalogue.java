package org.gengbao.server.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.grid.GridScope;
import org.gengbao.server.layers.LayerVersionInfo;
import org.gengbao.server.layers.ReferenceLayers;
import org.gengbao.server.storage.JsonText;
import org.gengbao.spatial.layer.LandUseClass;
import org.gengbao.spatial.layer.LandUseClasses;
import org.gengbao.spatial.layer.PlanZone;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The map layers a caller may see, each with its tile URL, zooms, the version in force (reference layers), a legend
 * and style hints. Style hints and the legends of plan zones, grid and clues are data ({@code map-styles.json}); the
 * land-use legend is the classification table with the colours of {@code land-use-colours.csv}. A reference layer with
 * no version in force, a scoped layer the role may not see, and the grid for an account without a grid are left out.
 */
@Component
class MapCatalogue {
    static final String TILE_PATH = "/api/v1/map/tiles/";

    private static final JsonNode STYLES = load();

    private final ReferenceLayers layers;

    MapCatalogue(ReferenceLayers layers) {
        this.layers = layers;
    }

    ArrayNode visibleTo(CurrentUser user, LocalDate asOf) {
        ArrayNode out = JsonText.MAPPER.createArrayNode();
        for (MapLayer layer : MapLayer.values()) {
            if (!layer.visibleTo(user.role())) {
                continue;
            }
            Optional<LayerVersionInfo> version = Optional.empty();
            if (layer.isReference()) {
                version = layers.versionInForce(layer.kind(), asOf);
                if (version.isEmpty()) {
                    continue;
                }
            } else if (GridScope.of(user).prefix() == null) {
                continue;
            }
            ObjectNode n = out.addObject();
            n.put("id", layer.id());
            n.putObject("title").put("zh", layer.titleZh()).put("en", layer.titleEn());
            n.put("geometryType", layer.geometryType());
            n.put("minZoom", layer.minZoom());
            n.put("maxZoom", layer.maxZoom());
            n.put("tiles", TILE_PATH + layer.id() + "/{z}/{x}/{y}.mvt");
            n.put("scoped", !layer.isReference());
            version.ifPresent(v -> n.putObject("version")
                    .put("id", v.id())
                    .put("effectiveFrom", v.effectiveFrom().toString()));
            JsonNode style = STYLES.path(layer.id());
            n.set("style", style.path("style").deepCopy());
            JsonNode legend = layer == MapLayer.DLTB ? landUseLegend() : named(style.path("legend"));
            if (!legend.isMissingNode()) {
                n.set("legend", legend);
            }
        }
        return out;
    }

    /** Every class of the classification, with its map colour. */
    private static ObjectNode landUseLegend() {
        ObjectNode legend = JsonText.MAPPER.createObjectNode();
        legend.put("attribute", "class");
        ArrayNode items = legend.putArray("items");
        for (LandUseClass c : LandUseClasses.all()) {
            items.addObject()
                    .put("value", c.code())
                    .put("zh", c.nameZh())
                    .put("en", c.nameEn())
                    .put("category", c.category().name().toLowerCase(java.util.Locale.ROOT))
                    .put("colour", LandUseColours.of(c.code()));
        }
        items.addObject()
                .putNull("value")
                .put("zh", "其他地类")
                .put("en", "other class")
                .put("colour", LandUseColours.UNKNOWN);
        return legend;
    }

    /** A legend from the data file, plan-zone items named by the standard when the file does not name them. */
    private static JsonNode named(JsonNode legend) {
        if (legend.isMissingNode()) {
            return legend;
        }
        ObjectNode copy = (ObjectNode) legend.deepCopy();
        for (JsonNode item : copy.path("items")) {
            ObjectNode i = (ObjectNode) item;
            if (!i.has("zh") && "gzq".equals(copy.path("attribute").asString(""))) {
                String code = i.path("value").asString("");
                i.put("zh", PlanZone.standardName(PlanZone.CONSTRUCTION_CONTROL, code));
                i.put("en", PlanZone.standardNameEn(PlanZone.CONSTRUCTION_CONTROL, code));
            }
        }
        return copy;
    }

    private static JsonNode load() {
        try (InputStream in = MapCatalogue.class.getResourceAsStream("map-styles.json")) {
            return JsonText.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
