package org.gengbao.server.cases;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.Problem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dashboard figures of the cases ({@code GET /api/v1/cases/figures?year=&town=&asOf=}, definitions in {@link
 * CaseFigures}) and the deadline reminders of a day ({@code GET /api/v1/cases/reminders?mine=&unread=&on=}), both
 * within the caller's view of the cases; {@code POST /api/v1/cases/reminders/{id}/read} marks a reminder read for the
 * caller (the in-app unread state is per account).
 */
@RestController
@RequestMapping("/api/v1/cases")
class FiguresController {
    private final CaseFigures figures;
    private final Reminders reminders;

    FiguresController(CaseFigures figures, Reminders reminders) {
        this.figures = figures;
        this.reminders = reminders;
    }

    @GetMapping("/figures")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER', 'TOWN')")
    ObjectNode figures(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String town,
            @RequestParam(required = false) String asOf) {
        LocalDate day = date("asOf", asOf);
        int y = year == null ? Cases.today().getYear() : year;
        if (y < 2000 || y > 2100) {
            throw Problem.badRequest(
                    "PARAMETER_INVALID", "year 应在 2000 到 2100 之间，收到 " + y, "year must be 2000 to 2100; got " + y);
        }
        String t = town == null || town.isBlank() ? null : town.trim();
        if (t != null && !t.matches("\\d{6,19}")) {
            throw Problem.badRequest(
                    "PARAMETER_INVALID",
                    "town 应为网格代码，收到“" + town + "”",
                    "town must be a grid code; got \"" + town + "\"");
        }
        return figures.figures(user, y, t, day);
    }

    @GetMapping("/reminders")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER', 'TOWN', 'POLICE', 'COURT')")
    ObjectNode reminders(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "true") boolean mine,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) String on) {
        LocalDate day = date("on", on);
        ObjectNode out = JsonText.MAPPER.createObjectNode();
        out.put("on", day.toString());
        out.put("mine", mine);
        out.put("unread", unread);
        out.set("items", reminders.list(user, day, mine, unread));
        return out;
    }

    @PostMapping("/reminders/{id}/read")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER', 'TOWN', 'POLICE', 'COURT')")
    ObjectNode read(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return reminders.markRead(user, id);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return Cases.today();
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(
                    "PARAMETER_INVALID",
                    name + " 应为日期（YYYY-MM-DD），收到“" + value + "”",
                    name + " must be a date (YYYY-MM-DD); got \"" + value + "\"");
        }
    }
}
