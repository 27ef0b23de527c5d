package org.gengbao.server.grid;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.grid.Farmland.Condition;
import org.gengbao.server.grid.Parcels.PointKind;
import org.gengbao.server.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Basic-farmland parcels, their responsible people, protection signs and boundary markers under {@code /api/v1/grid},
 * limited to the caller's {@link GridScope} (outside it: 404).
 */
@RestController
@RequestMapping("/api/v1/grid")
class ParcelController {
    static final int MAX_PAGE_SIZE = 500;
    private static final java.time.ZoneId COUNTY_TIME = java.time.ZoneId.of("Asia/Shanghai");

    private final Parcels parcels;
    private final Farmland farmland;
    private final GridCells cells;

    ParcelController(Parcels parcels, Farmland farmland, GridCells cells) {
        this.parcels = parcels;
        this.farmland = farmland;
        this.cells = cells;
    }

    /** {@code GET /parcels?cell=&page=0&size=50}: the parcels in scope, optionally of one cell, paged by id. */
    @GetMapping("/parcels")
    Map<String, Object> list(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(name = "cell", required = false) String cell,
            @RequestParam(name = "page", required = false, defaultValue = "0") int page,
            @RequestParam(name = "size", required = false, defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw Problem.badRequest(
                    "PAGE_INVALID",
                    "page 应不小于 0，size 应在 1 到 " + MAX_PAGE_SIZE + " 之间",
                    "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        GridScope scope = GridScope.of(user);
        String c = null;
        if (cell != null && !cell.isBlank()) {
            c = GridController.code(cell, "cell");
            String code = c;
            cells.find(code).filter(x -> scope.covers(x.code())).orElseThrow(() -> Fields.notFound("CELL", "网格", code));
        }
        return parcels.page(scope, c, page, size);
    }

    /** {@code GET /parcels/{id}}: outline, people (phones masked unless the role needs them), signs and markers. */
    @GetMapping("/parcels/{id}")
    Map<String, Object> parcel(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return parcels.detail(GridScope.of(user), id);
    }

    /** {@code PUT /parcels/{id}/responsibility} {@code {fieldChiefId, householdName, householdPhone, cardNo}}. */
    @PutMapping(path = "/parcels/{id}/responsibility", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'TOWN', 'VILLAGE')")
    Map<String, Object> responsibility(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestBody JsonNode body) {
        Fields.object(body);
        Parcels.Responsibility r = new Parcels.Responsibility(
                Fields.text(body, "fieldChiefId", false, 36),
                Fields.text(body, "householdName", false, 100),
                Fields.text(body, "householdPhone", false, 30),
                Fields.text(body, "cardNo", false, 40));
        return parcels.updateResponsibility(GridScope.of(user), id, r);
    }

    /** {@code POST /parcels/sync} {@code {asOf?}}: brings the parcels in line with the basic-farmland layer. */
    @PostMapping("/parcels/sync")
    @PreAuthorize("hasRole('ADMIN')")
    Farmland.SyncReport sync(@RequestBody(required = false) JsonNode body) {
        LocalDate asOf = body == null || body.isNull() ? null : Fields.date(Fields.object(body), "asOf");
        return farmland.syncFromLayer(asOf != null ? asOf : LocalDate.now(COUNTY_TIME));
    }

    @GetMapping("/parcels/{id}/markers")
    List<Map<String, Object>> markers(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return parcels.points(GridScope.of(user), PointKind.MARKER, id);
    }

    @GetMapping("/parcels/{id}/signs")
    List<Map<String, Object>> signs(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return parcels.points(GridScope.of(user), PointKind.SIGN, id);
    }

    /** {@code POST /parcels/{id}/markers} {@code {number, location: GeoJSON Point lon/lat, condition?}}. */
    @PostMapping(path = "/parcels/{id}/markers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'TOWN', 'VILLAGE')")
    Map<String, Object> addMarker(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestBody JsonNode body) {
        return addPoint(user, PointKind.MARKER, id, body);
    }

    /** {@code POST /parcels/{id}/signs} {@code {number, location, condition?, installedOn?}}. */
    @PostMapping(path = "/parcels/{id}/signs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'TOWN', 'VILLAGE')")
    Map<String, Object> addSign(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestBody JsonNode body) {
        return addPoint(user, PointKind.SIGN, id, body);
    }

    /** {@code PUT /markers/{id}} {@code {condition, note?}}: a condition report, also by field roles in scope. */
    @PutMapping(path = "/markers/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'TOWN', 'VILLAGE', 'INSPECTOR')")
    Map<String, Object> reportMarker(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestBody JsonNode body) {
        return report(user, PointKind.MARKER, id, body);
    }

    @PutMapping(path = "/signs/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'TOWN', 'VILLAGE', 'INSPECTOR')")
    Map<String, Object> reportSign(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestBody JsonNode body) {
        return report(user, PointKind.SIGN, id, body);
    }

    private Map<String, Object> addPoint(CurrentUser user, PointKind kind, String parcelId, JsonNode body) {
        Fields.object(body);
        GridScope scope = GridScope.of(user);
        parcels.parcelCell(scope, parcelId);
        int number = Fields.integer(body, "number", true, 1, 9999);
        String condition = Fields.text(body, "condition", false, 12);
        LocalDate installed = kind == PointKind.SIGN ? Fields.date(body, "installedOn") : null;
        return parcels.addPoint(
                scope,
                kind,
                parcelId,
                number,
                parcels.location(body.get("location")),
                condition == null ? Condition.GOOD : Condition.parse(condition),
                installed);
    }

    private Map<String, Object> report(CurrentUser user, PointKind kind, String id, JsonNode body) {
        Fields.object(body);
        GridScope scope = GridScope.of(user);
        parcels.findPoint(scope, kind, id).orElseThrow(() -> Fields.notFound(kind.name(), kind.nameZh, id));
        Condition condition = Condition.parse(Fields.text(body, "condition", true, 12));
        return parcels.reportCondition(scope, kind, id, condition, Fields.text(body, "note", false, 1000));
    }
}
