package org.gengbao.server.map;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web map's configuration under {@code gengbao.map.*}.
 *
 * @param base the base map under the county's layers
 * @param defaultZoom the zoom the map opens at; unset: the zoom at which the county fills a desktop window
 */
@ConfigurationProperties("gengbao.map")
public record MapProperties(@DefaultValue Base base, Integer defaultZoom) {

    /**
     * The base map. {@code none} (the default) is a clean offline background: the browser fetches nothing from
     * outside. {@code xyz}: a tile URL template with {@code {z}}, {@code {x}}, {@code {y}}; {@code wmts}: a WMTS
     * endpoint with its layer, tile matrix set, format and style. Either must be in EPSG:3857 (Web Mercator) and in
     * WGS 84/CGCS2000 coordinates — Tianditu's {@code _w} services are; shifted consumer maps (GCJ-02, BD-09) are not and
     * would put every parcel hundreds of metres off.
     *
     * @param type none, xyz or wmts
     * @param url the template or endpoint; {@code {tk}} in it is replaced by {@code tiandituKey}
     * @param attribution the credit shown on the map
     * @param tiandituKey a Tianditu browser key (it is sent by every browser that draws the map, so it is public)
     * @param maxZoom the deepest zoom the base map has
     */
    public record Base(
            @DefaultValue("none") String type,
            String url,
            String attribution,
            String tiandituKey,
            String layer,
            String matrixSet,
            @DefaultValue("tiles") String format,
            @DefaultValue("default") String style,
            @DefaultValue("18") int maxZoom) {
        public Base {
            type = type == null ? "none" : type.trim().toLowerCase(Locale.ROOT);
            switch (type) {
                case "none" -> {}
                case "xyz" -> {
                    if (url == null || !(url.contains("{z}") && url.contains("{x}") && url.contains("{y}"))) {
                        throw new IllegalArgumentException(
                                "gengbao.map.base.url must be a tile template with {z}, {x} and {y} for type xyz");
                    }
                }
                case "wmts" -> {
                    if (url == null || url.isBlank() || layer == null || matrixSet == null) {
                        throw new IllegalArgumentException(
                                "gengbao.map.base.url, .layer and .matrix-set are required for type wmts");
                    }
                }
                default ->
                    throw new IllegalArgumentException("gengbao.map.base.type must be none, xyz or wmts; got " + type);
            }
            if (url != null && url.contains("{tk}") && (tiandituKey == null || tiandituKey.isBlank())) {
                throw new IllegalArgumentException(
                        "gengbao.map.base.url needs {tk}: set gengbao.map.base.tianditu-key");
            }
        }

        /** The URL with the key filled in. */
        String resolvedUrl() {
            return url == null ? null : url.replace("{tk}", tiandituKey == null ? "" : tiandituKey);
        }
    }
}
