package org.gengbao.server.clues;

import java.util.Locale;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.web.Paging;
import org.gengbao.server.web.Problem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/clues} lists clues newest first, filtered by status, verdict, cell (a town or village code),
 * {@code since} (created at or after: a date in China or a time with offset), source and needsOutline, paged ({@code
 * page} from 0, {@code size} up to 200); {@code GET /api/v1/clues/{id}} shows one clue with its analysis and evidence.
 * Bureau officers, administrators and leaders see the whole county, a town account its town, village accounts and
 * inspectors their village; a clue outside the caller's scope is not found.
 */
@RestController
@RequestMapping("/api/v1/clues")
class ClueController {
    private static final int MAX_SIZE = 200;

    private final ClueViews views;

    ClueController(ClueViews views) {
        this.views = views;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER', 'TOWN', 'VILLAGE', 'INSPECTOR')")
    ObjectNode list(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String cell,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) Boolean needsOutline,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size, MAX_SIZE);
        if (cell != null && !cell.isBlank() && !cell.trim().matches("\\d{6,19}")) {
            throw Problem.badRequest(
                    "PARAMETER_INVALID",
                    "cell 应为网格（镇或村）代码，收到“" + cell + "”",
                    "cell must be a grid (town or village) code; got \"" + cell + "\"");
        }
        return views.list(
                user,
                new ClueViews.Filter(
                        upper(status),
                        upper(verdict),
                        blankToNull(cell),
                        ClueViews.since(since),
                        upper(source),
                        needsOutline,
                        page,
                        size));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER', 'TOWN', 'VILLAGE', 'INSPECTOR')")
    ObjectNode one(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return views.one(user, id);
    }

    private static String upper(String v) {
        return v == null || v.isBlank() ? null : v.trim().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
