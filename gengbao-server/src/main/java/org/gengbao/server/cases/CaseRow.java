package org.gengbao.server.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.grid.GridScope;

/** A case as stored (without its geometry, read separately when needed). */
record CaseRow(
        String id,
        String number,
        CaseStatus status,
        Set<CaseFlag> flags,
        String gridCode,
        Double areaM2,
        Double basicFarmlandM2,
        Double otherCultivatedM2,
        String verdict,
        String analysisId,
        boolean criminal,
        String partyName,
        String partyIdNumber,
        String partyPhone,
        String officer,
        int eventCount,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static final String COLUMNS = "id, case_number, status, flags, grid_code, area_m2, basic_farmland_m2,"
            + " other_cultivated_m2, verdict, analysis_id, criminal, party_name, party_id_number, party_phone, officer,"
            + " event_count, created_at, updated_at";

    static CaseRow map(ResultSet rs, int i) throws SQLException {
        return new CaseRow(
                rs.getString("id"),
                rs.getString("case_number"),
                CaseStatus.valueOf(rs.getString("status")),
                parseFlags(rs.getString("flags")),
                rs.getString("grid_code"),
                rs.getObject("area_m2", Double.class),
                rs.getObject("basic_farmland_m2", Double.class),
                rs.getObject("other_cultivated_m2", Double.class),
                rs.getString("verdict"),
                rs.getString("analysis_id"),
                rs.getBoolean("criminal"),
                rs.getString("party_name"),
                rs.getString("party_id_number"),
                rs.getString("party_phone"),
                rs.getString("officer"),
                rs.getInt("event_count"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    /** Flags are stored as ",A,B," so that {@code flags LIKE '%,A,%'} finds them. */
    static String formatFlags(Set<CaseFlag> flags) {
        return "," + flags.stream().sorted().map(Enum::name).collect(Collectors.joining(","))
                + (flags.isEmpty() ? "" : ",");
    }

    static Set<CaseFlag> parseFlags(String text) {
        Set<CaseFlag> out = EnumSet.noneOf(CaseFlag.class);
        if (text != null) {
            Arrays.stream(text.split(","))
                    .filter(s -> !s.isBlank())
                    .map(CaseFlag::valueOf)
                    .forEach(out::add);
        }
        return out;
    }

    /** The 9-digit prefix of the case's town. */
    String townPrefix() {
        return gridCode.substring(0, 9);
    }

    /**
     * Whether {@code user} may see this case: bureau roles and leaders within their grid scope (the county), town and
     * village accounts within theirs, the police the cases over a criminal threshold or transferred to them, the court
     * the cases with an application for enforcement.
     */
    boolean visibleTo(CurrentUser user) {
        return switch (user.role()) {
            case POLICE -> criminal || flags.contains(CaseFlag.TRANSFERRED);
            case COURT -> flags.contains(CaseFlag.COURT_APPLIED);
            case INSPECTOR -> false;
            default -> GridScope.of(user).countyWide() || GridScope.of(user).covers(gridCode);
        };
    }

    /** The SQL condition (on table alias {@code c}) equivalent to {@link #visibleTo}, with its one parameter. */
    static String visibleWhere(CurrentUser user) {
        return switch (user.role()) {
            case POLICE -> "(c.criminal = TRUE OR c.flags LIKE '%,TRANSFERRED,%')";
            case COURT -> "c.flags LIKE '%,COURT_APPLIED,%'";
            case INSPECTOR -> "1 = 0";
            default -> GridScope.of(user).countyWide() ? "1 = 1" : "c.grid_code LIKE :scope";
        };
    }

    static boolean fullPartyViewAllowed(Role role) {
        return role == Role.ADMIN || role == Role.OFFICER || role == Role.POLICE || role == Role.COURT;
    }
}
