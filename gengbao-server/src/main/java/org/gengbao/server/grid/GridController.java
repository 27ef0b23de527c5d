package org.gengbao.server.grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.county.Counties;
import org.gengbao.server.layers.LayerImports;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.io.geojson.GeoJsonGeometries;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * The responsibility grid's cells and people under {@code /api/v1/grid}. Every answer is limited to the caller's
 * {@link GridScope}: a cell or person outside it answers 404, as an unknown one does. Phones are masked except for
 * administrators and enforcement officers, whose full views are audited.
 */
@RestController
@RequestMapping("/api/v1/grid")
class GridController {
    private final GridCells cells;
    private final GridPeople people;
    private final Counties counties;
    private final AuditLog audit;

    GridController(GridCells cells, GridPeople people, Counties counties, AuditLog audit) {
        this.cells = cells;
        this.people = people;
        this.counties = counties;
        this.audit = audit;
    }

    /** {@code GET /cells?level=TOWN|VILLAGE&parent=CODE&geometry=false}: the cells in scope, by code. */
    @GetMapping("/cells")
    List<Map<String, Object>> list(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(name = "level", required = false) String level,
            @RequestParam(name = "parent", required = false) String parent,
            @RequestParam(name = "geometry", required = false, defaultValue = "false") boolean geometry) {
        GridLevel l = level == null || level.isBlank() ? null : level(level);
        String p = parent == null || parent.isBlank() ? null : code(parent, "parent");
        return cells.list(GridScope.of(user), l, p, geometry).stream()
                .map(c -> cellJson(c, geometry))
                .toList();
    }

    /** {@code GET /cells/{code}}: one cell with its boundary (lon/lat), number of child cells and people. */
    @GetMapping("/cells/{code}")
    Map<String, Object> cell(@AuthenticationPrincipal CurrentUser user, @PathVariable String code) {
        GridCell cell = scopedCell(user, code);
        Map<String, Object> m = cellJson(cell, true);
        m.put("children", cells.childCount(cell.code()));
        m.put("people", peopleJson(user, cell.code()));
        return m;
    }

    /**
     * {@code POST /cells/import} (multipart {@code file}: a zipped shapefile, a GeoPackage or a GeoJSON of towns or
     * villages with XZQDM, XZQMC and optionally SJXZQDM; {@code crs}, {@code encoding}, {@code layer} as for layers):
     * adds or updates the cells, all or nothing; answers the import report.
     */
    @PostMapping(path = "/cells/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> importCells(
            @RequestParam("file") MultipartFile file,
            @RequestParam(name = "crs", required = false) String crs,
            @RequestParam(name = "encoding", required = false) String encoding,
            @RequestParam(name = "layer", required = false) String layer)
            throws IOException {
        String name =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "upload"
                        : Path.of(file.getOriginalFilename()).getFileName().toString();
        if (file.isEmpty()) {
            throw Problem.badRequest("FILE_EMPTY", "上传的文件为空", "The uploaded file is empty");
        }
        Crs sourceCrs = crs == null || crs.isBlank() ? null : parseCrs(crs);
        var charset = LayerImports.charset(encoding);
        Path dir = Files.createTempDirectory("gengbao-grid-import-");
        Path tmp = dir.resolve(name.replaceAll("[^\\p{L}\\p{N}._-]", "_"));
        try {
            file.transferTo(tmp);
            return cells.importFile(tmp, layer == null || layer.isBlank() ? null : layer, sourceCrs, charset)
                    .toMap();
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(dir);
        }
    }

    /** {@code GET /cells/{code}/people}: the people of a cell in scope. */
    @GetMapping("/cells/{code}/people")
    List<Map<String, Object>> people(@AuthenticationPrincipal CurrentUser user, @PathVariable String code) {
        return peopleJson(user, scopedCell(user, code).code());
    }

    /** {@code POST /cells/{code}/people} {@code {duty, name, phone?, username?}}: attaches a person to the cell. */
    @PostMapping(path = "/cells/{code}/people", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'TOWN')")
    Map<String, Object> addPerson(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String code, @RequestBody JsonNode body) {
        String cell = code(code, "code");
        GridPeople.Person p = people.add(GridScope.of(user), cell, personInput(body));
        return Parcels.personJson(p, user.role());
    }

    /** {@code PUT /people/{id}} {@code {duty, name, phone?, username?}}: replaces a person's details. */
    @PutMapping(path = "/people/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'TOWN')")
    Map<String, Object> updatePerson(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestBody JsonNode body) {
        GridPeople.Person p = people.update(GridScope.of(user), id, personInput(body));
        return Parcels.personJson(p, user.role());
    }

    /** {@code DELETE /people/{id}}. */
    @DeleteMapping("/people/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'TOWN')")
    void deletePerson(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        people.delete(GridScope.of(user), id);
    }

    private List<Map<String, Object>> peopleJson(CurrentUser user, String cell) {
        List<GridPeople.Person> list = people.list(cell);
        if (Phones.fullFor(user.role()) && list.stream().anyMatch(p -> p.phone() != null)) {
            audit.record("PERSONAL_DATA_VIEWED", "cell-people:" + cell, AuditLog.Result.OK, "phones of grid people");
        }
        return Parcels.peopleJson(list, user.role());
    }

    private static GridPeople.PersonInput personInput(JsonNode body) {
        Fields.object(body);
        String duty = Fields.text(body, "duty", true, 20);
        return new GridPeople.PersonInput(
                Farmland.Duty.parse(duty),
                Fields.text(body, "name", true, 100),
                Fields.text(body, "phone", false, 30),
                Fields.text(body, "username", false, 64));
    }

    private GridCell scopedCell(CurrentUser user, String code) {
        String c = code(code, "code");
        return cells.find(c)
                .filter(cell -> GridScope.of(user).covers(cell.code()))
                .orElseThrow(() -> Fields.notFound("CELL", "网格", c));
    }

    private Map<String, Object> cellJson(GridCell c, boolean geometry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.code());
        m.put("level", c.level().name());
        m.put("levelZh", c.level().nameZh());
        m.put("name", c.name());
        m.put("parentCode", c.parentCode());
        m.put("areaM2", Math.round(c.areaM2() * 100) / 100.0);
        if (geometry && c.geometry() != null) {
            m.put(
                    "boundary",
                    GeoJsonGeometries.lonLat(c.geometry(), counties.require().crs()));
        }
        return m;
    }

    /** A 12-digit cell code (a town's ends in 000); 400 CODE_INVALID otherwise. */
    static String code(String code, String what) {
        String c = code.trim();
        if (!c.matches("\\d{12}")) {
            throw Problem.badRequest(
                    "CODE_INVALID",
                    what + " 应为 12 位行政区划代码（镇的以 000 结尾），收到“" + code + "”",
                    what + " must be a 12-digit administrative code (a town's ends in 000); got \"" + code + "\"");
        }
        return c;
    }

    private static GridLevel level(String level) {
        try {
            return GridLevel.valueOf(level.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(
                    "LEVEL_UNKNOWN",
                    "level 的值“" + level + "”无效，可选：COUNTY, TOWN, VILLAGE",
                    "Unknown level \"" + level + "\"; one of COUNTY, TOWN, VILLAGE");
        }
    }

    private static Crs parseCrs(String crs) {
        try {
            return CrsRegistry.parse(crs);
        } catch (SpatialInputException e) {
            throw Problem.of(e);
        }
    }
}
