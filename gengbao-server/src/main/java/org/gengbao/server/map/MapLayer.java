package org.gengbao.server.map;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.layer.LayerKind;

/**
 * The layers of the web map: the reference layers in force (one per {@link LayerKind}), the grid cells, clues and patrol
 * tracks. Zooms are those of the tiles to request: below {@code minZoom} a layer is too dense to draw (its tiles are
 * empty), beyond {@code maxZoom} the client enlarges the deepest tiles (they hold positions to 0.15 m).
 */
enum MapLayer {
    DLTB(LayerKind.DLTB, "polygon", 12, 16, EnumSet.allOf(Role.class)),
    JBNT(LayerKind.JBNT, "polygon", 11, 16, EnumSet.allOf(Role.class)),
    PLAN(LayerKind.PLAN, "polygon", 10, 16, EnumSet.allOf(Role.class)),
    APPROVAL(LayerKind.APPROVAL, "polygon", 10, 16, EnumSet.allOf(Role.class)),
    SUPPLY(LayerKind.SUPPLY, "polygon", 10, 16, EnumSet.allOf(Role.class)),
    FACILITY(LayerKind.FACILITY, "polygon", 10, 16, EnumSet.allOf(Role.class)),
    TEMPORARY(LayerKind.TEMPORARY, "polygon", 10, 16, EnumSet.allOf(Role.class)),
    /** Towns and villages in the caller's scope (as {@code GET /api/v1/grid/cells}). */
    GRID("grid", "网格（乡镇、村）", "grid cells (towns, villages)", "polygon", 8, 16, EnumSet.allOf(Role.class)),
    /** Clues in the caller's scope (as {@code GET /api/v1/clues}); an outline smaller than a pixel is drawn as a point. */
    CLUES(
            "clues",
            "线索",
            "clues",
            "polygon,point",
            8,
            16,
            EnumSet.of(Role.ADMIN, Role.OFFICER, Role.LEADER, Role.TOWN, Role.VILLAGE, Role.INSPECTOR)),
    /** Tracks of the patrol records the caller may see (as {@code GET /api/v1/patrol/records}). */
    TRACKS(
            "tracks",
            "巡查轨迹",
            "patrol tracks",
            "line",
            10,
            16,
            EnumSet.of(Role.ADMIN, Role.OFFICER, Role.INSPECTOR, Role.TOWN, Role.VILLAGE));

    private final String id;
    private final LayerKind kind;
    private final String titleZh;
    private final String titleEn;
    private final String geometryType;
    private final int minZoom;
    private final int maxZoom;
    private final Set<Role> roles;

    MapLayer(LayerKind kind, String geometryType, int minZoom, int maxZoom, Set<Role> roles) {
        this(kind.id(), kind, kind.nameZh(), kind.nameEn(), geometryType, minZoom, maxZoom, roles);
    }

    MapLayer(
            String id, String titleZh, String titleEn, String geometryType, int minZoom, int maxZoom, Set<Role> roles) {
        this(id, null, titleZh, titleEn, geometryType, minZoom, maxZoom, roles);
    }

    MapLayer(
            String id,
            LayerKind kind,
            String titleZh,
            String titleEn,
            String geometryType,
            int minZoom,
            int maxZoom,
            Set<Role> roles) {
        this.id = id;
        this.kind = kind;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.geometryType = geometryType;
        this.minZoom = minZoom;
        this.maxZoom = maxZoom;
        this.roles = roles;
    }

    /** The id in URLs and the name of the layer inside its tiles. */
    String id() {
        return id;
    }

    /** The reference layer kind, or null for grid, clues and tracks. */
    LayerKind kind() {
        return kind;
    }

    boolean isReference() {
        return kind != null;
    }

    String titleZh() {
        return titleZh;
    }

    String titleEn() {
        return titleEn;
    }

    String geometryType() {
        return geometryType;
    }

    int minZoom() {
        return minZoom;
    }

    int maxZoom() {
        return maxZoom;
    }

    boolean visibleTo(Role role) {
        return roles.contains(role);
    }

    /** The layer with this id, or a 404 problem naming the known ones. */
    static MapLayer parse(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (MapLayer l : values()) {
            if (l.id.equals(wanted)) {
                return l;
            }
        }
        String known = String.join(
                ", ", EnumSet.allOf(MapLayer.class).stream().map(MapLayer::id).toList());
        throw Problem.notFound(
                "MAP_LAYER_UNKNOWN",
                "没有名为“" + id + "”的地图图层，可选：" + known,
                "There is no map layer \"" + id + "\"; one of " + known);
    }
}
