package org.gengbao.server.layers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.layer.FieldMapping;
import org.gengbao.spatial.layer.LayerKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code GET /api/v1/layers}: the stored layer versions. {@code POST /api/v1/layers/{kind}/versions}: import a file
 * (multipart part {@code file}: a zipped shapefile, a GeoPackage or a GeoJSON) with the options of the command line.
 */
@RestController
@RequestMapping("/api/v1/layers")
class LayerController {
    private final LayerImports imports;

    LayerController(LayerImports imports) {
        this.imports = imports;
    }

    @GetMapping
    List<LayerVersionInfo> list() {
        return imports.list();
    }

    @PostMapping(path = "/{kind}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> importVersion(
            @PathVariable String kind,
            @RequestParam("file") MultipartFile file,
            @RequestParam(name = "crs", required = false) String crs,
            @RequestParam(name = "encoding", required = false) String encoding,
            @RequestParam(name = "effectiveFrom", required = false) String effectiveFrom,
            @RequestParam(name = "mapping", required = false) String mapping,
            @RequestParam(name = "layer", required = false) String layer,
            @RequestParam(name = "strict", required = false, defaultValue = "false") boolean strict)
            throws IOException {
        LayerKind layerKind;
        try {
            layerKind = LayerKind.parse(kind);
        } catch (SpatialInputException e) {
            throw new Problem(HttpStatus.NOT_FOUND, e.code(), e.messageZh(), e.messageEn());
        }
        String name =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "upload"
                        : Path.of(file.getOriginalFilename()).getFileName().toString();
        if (file.isEmpty()) {
            throw Problem.badRequest("FILE_EMPTY", "上传的文件为空", "The uploaded file is empty");
        }
        Path dir = Files.createTempDirectory("gengbao-import-");
        Path tmp = dir.resolve(name.replaceAll("[^\\p{L}\\p{N}._-]", "_"));
        try {
            file.transferTo(tmp);
            return imports.importLayer(new LayerImports.Request(
                    layerKind,
                    tmp,
                    name,
                    crs == null || crs.isBlank() ? null : parseCrs(crs),
                    LayerImports.charset(encoding),
                    LayerImports.date(effectiveFrom),
                    mapping == null ? null : FieldMapping.parse(mapping),
                    layer,
                    strict));
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(dir);
        }
    }

    private static org.gengbao.spatial.crs.Crs parseCrs(String crs) {
        try {
            return CrsRegistry.parse(crs);
        } catch (SpatialInputException e) {
            throw Problem.of(e);
        }
    }
}
