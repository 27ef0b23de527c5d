package org.gengbao.server.patrol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.Problem;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/patrol/tasks/{id}/package?format=json|gpkg}: the task's offline package, with its version as a
 * strong ETag and in {@code X-Package-Version} ({@code If-None-Match} with the current version answers 304); {@code
 * GET …/package/version}: only the version and what it was computed from.
 */
@RestController
@RequestMapping("/api/v1/patrol/tasks/{id}/package")
class PackageController {
    static final String VERSION_HEADER = "X-Package-Version";
    static final MediaType GEOPACKAGE = MediaType.parseMediaType("application/geopackage+sqlite3");

    private final PatrolTasks tasks;
    private final TaskPackages packages;

    PackageController(PatrolTasks tasks, TaskPackages packages) {
        this.tasks = tasks;
        this.packages = packages;
    }

    @GetMapping
    @PreAuthorize(TaskController.READERS)
    ResponseEntity<byte[]> download(
            @PathVariable String id,
            @RequestParam(required = false, defaultValue = "json") String format,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @AuthenticationPrincipal CurrentUser user) {
        String f = format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("json") && !f.equals("gpkg")) {
            throw Problem.badRequest(
                    "FORMAT_UNKNOWN",
                    "未知的离线包格式“" + format + "”，可选 json 或 gpkg",
                    "Unknown package format \"" + format + "\"; use json or gpkg");
        }
        PatrolTask task = tasks.findFor(id, user).orElseThrow(() -> TaskChanges.notFound(id));
        TaskPackages.Basis basis = packages.basis(task);
        String version = basis.version();
        if (matches(ifNoneMatch, version)) {
            return headers(ResponseEntity.status(HttpStatus.NOT_MODIFIED), version)
                    .build();
        }
        if (f.equals("json")) {
            byte[] body = JsonText.write(packages.json(basis)).getBytes(StandardCharsets.UTF_8);
            return headers(ResponseEntity.ok(), version)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body);
        }
        return headers(ResponseEntity.ok(), version)
                .contentType(GEOPACKAGE)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"task-" + task.gridCode() + "-" + task.date() + ".gpkg\"")
                .body(packages.geoPackageBytes(basis));
    }

    @GetMapping("/version")
    @PreAuthorize(TaskController.READERS)
    ResponseEntity<ObjectNode> version(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        PatrolTask task = tasks.findFor(id, user).orElseThrow(() -> TaskChanges.notFound(id));
        TaskPackages.Basis basis = packages.basis(task);
        ObjectNode n = JsonText.MAPPER.createObjectNode();
        n.put("version", basis.version());
        n.set("generatedFrom", basis.generatedFrom());
        return headers(ResponseEntity.ok(), basis.version()).body(n);
    }

    private static ResponseEntity.BodyBuilder headers(ResponseEntity.BodyBuilder b, String version) {
        return b.eTag("\"" + version + "\"")
                .header(VERSION_HEADER, version)
                .cacheControl(CacheControl.noCache().cachePrivate());
    }

    /** Whether an If-None-Match header names this version ("*" matches anything; weak tags compare weakly). */
    static boolean matches(String ifNoneMatch, String version) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals("\"" + version + "\""));
    }
}
