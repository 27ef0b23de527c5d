package org.gengbao.server.grid;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gengbao.server.accounts.AccountAdmin;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.grid.Farmland.Duty;
import org.gengbao.server.web.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people of the grid's cells: inspectors, village information officers and field chiefs in villages, town officers
 * in towns. Every change is checked against the caller's {@link GridScope} (a cell outside it is "not found") and
 * audited (phones masked in the audit details).
 */
@Service
public class GridPeople {
    /** A person attached to a cell; {@code username} links them to an account when they have one. */
    public record Person(
            String id, String gridCode, Duty duty, String name, String phone, String username, String updatedAt) {}

    /** What a caller gives for a new or changed person; the phone is checked and normalized here. */
    public record PersonInput(Duty duty, String name, String phone, String username) {}

    private final JdbcClient jdbc;
    private final GridCells cells;
    private final AccountAdmin accounts;
    private final AuditLog audit;

    GridPeople(JdbcClient jdbc, GridCells cells, AccountAdmin accounts, AuditLog audit) {
        this.jdbc = jdbc;
        this.cells = cells;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** The people of one cell, by duty and name. */
    public List<Person> list(String gridCode) {
        return jdbc.sql("SELECT id, grid_code, duty, name, phone, username, updated_at FROM grid_person"
                        + " WHERE grid_code = ? ORDER BY duty, name, id")
                .param(gridCode)
                .query((rs, i) -> person(rs))
                .list();
    }

    /** A person whose cell lies in {@code scope}. */
    public Optional<Person> find(GridScope scope, String id) {
        return jdbc.sql("SELECT id, grid_code, duty, name, phone, username, updated_at FROM grid_person WHERE id = ?")
                .param(id)
                .query((rs, i) -> person(rs))
                .optional()
                .filter(p -> scope.covers(p.gridCode()));
    }

    /**
     * Attaches a person to a cell in {@code scope}: 404 for a cell unknown or out of scope, 422 for a duty of another
     * level, a bad phone or an unknown account, 409 when the cell already has this person in this duty.
     */
    @Transactional
    public Person add(GridScope scope, String cellCode, PersonInput input) {
        GridCell cell = cells.find(cellCode)
                .filter(c -> scope.covers(c.code()))
                .orElseThrow(() -> Fields.notFound("CELL", "网格", cellCode));
        PersonInput in = checked(cell, input);
        duplicateCheck(cell.code(), in, null);
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO grid_person (id, grid_code, duty, name, phone, username, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, cell.code(), in.duty().name(), in.name(), in.phone(), in.username(), now())
                .update();
        audit.record("GRID_PERSON_ADDED", "person:" + id, AuditLog.Result.OK, details(cell.code(), in));
        return find(scope, id).orElseThrow();
    }

    /** Replaces a person's duty, name, phone and account (the cell stays); the checks of {@link #add}. */
    @Transactional
    public Person update(GridScope scope, String id, PersonInput input) {
        Person old = find(scope, id).orElseThrow(() -> Fields.notFound("PERSON", "人员", id));
        GridCell cell = cells.find(old.gridCode()).orElseThrow();
        PersonInput in = checked(cell, input);
        duplicateCheck(cell.code(), in, id);
        if (old.duty() == Duty.FIELD_CHIEF && in.duty() != Duty.FIELD_CHIEF) {
            refuseWhileChief(id);
        }
        jdbc.sql("UPDATE grid_person SET duty = ?, name = ?, phone = ?, username = ?, updated_at = ? WHERE id = ?")
                .params(in.duty().name(), in.name(), in.phone(), in.username(), now(), id)
                .update();
        audit.record("GRID_PERSON_UPDATED", "person:" + id, AuditLog.Result.OK, details(cell.code(), in));
        return find(scope, id).orElseThrow();
    }

    /** Removes a person; 409 while they are the field chief of parcels (name another one first). */
    @Transactional
    public void delete(GridScope scope, String id) {
        Person old = find(scope, id).orElseThrow(() -> Fields.notFound("PERSON", "人员", id));
        refuseWhileChief(id);
        jdbc.sql("DELETE FROM grid_person WHERE id = ?").param(id).update();
        audit.record(
                "GRID_PERSON_REMOVED",
                "person:" + id,
                AuditLog.Result.OK,
                "cell=" + old.gridCode() + " duty=" + old.duty() + " name=" + old.name());
    }

    private void refuseWhileChief(String id) {
        int parcels = jdbc.sql("SELECT COUNT(*) FROM farmland_parcel WHERE field_chief_id = ?")
                .param(id)
                .query(Integer.class)
                .single();
        if (parcels > 0) {
            throw Problem.conflict(
                    "PERSON_IN_USE",
                    "此人是 " + parcels + " 个基本农田地块的田长，请先为这些地块指定其他田长",
                    "This person is the field chief of " + parcels
                            + " basic-farmland parcels; name another field chief for them first");
        }
    }

    private PersonInput checked(GridCell cell, PersonInput in) {
        if (in.duty() == null) {
            throw Fields.missing("duty");
        }
        if (in.name() == null || in.name().isBlank()) {
            throw Fields.missing("name");
        }
        if (in.name().trim().length() > 100) {
            throw Fields.invalid("FIELD_TOO_LONG", "name 超过 100 个字符", "name is longer than 100 characters");
        }
        GridLevel wanted = in.duty() == Duty.TOWN_OFFICER ? GridLevel.TOWN : GridLevel.VILLAGE;
        if (cell.level() != wanted) {
            throw Fields.invalid(
                    "DUTY_LEVEL_MISMATCH",
                    in.duty().nameZh() + "（" + in.duty() + "）只能属于" + wanted.nameZh() + "网格，" + cell.code() + " 是"
                            + cell.level().nameZh() + "网格",
                    "A person with duty " + in.duty() + " belongs to a "
                            + wanted.name().toLowerCase() + " cell; " + cell.code() + " is a "
                            + cell.level().name().toLowerCase() + " cell");
        }
        String username = in.username() == null || in.username().isBlank()
                ? null
                : in.username().trim();
        if (username != null && !accounts.exists(username)) {
            throw Fields.invalid(
                    "ACCOUNT_UNKNOWN", "没有名为“" + username + "”的账号", "There is no account named \"" + username + "\"");
        }
        return new PersonInput(in.duty(), in.name().trim(), Phones.normalize(in.phone()), username);
    }

    private void duplicateCheck(String cell, PersonInput in, String exceptId) {
        int same = jdbc.sql("SELECT COUNT(*) FROM grid_person WHERE grid_code = ? AND duty = ? AND id <> ?"
                        + " AND (name = ? OR username = ?)")
                .params(cell, in.duty().name(), exceptId == null ? "" : exceptId, in.name(), in.username())
                .query(Integer.class)
                .single();
        if (same > 0) {
            throw Problem.conflict(
                    "PERSON_DUPLICATE",
                    "网格 " + cell + " 已有同名或同账号的" + in.duty().nameZh(),
                    "Cell " + cell + " already has a " + in.duty() + " with this name or account");
        }
    }

    private static String details(String cell, PersonInput in) {
        return "cell=" + cell + " duty=" + in.duty() + " name=" + in.name() + " phone=" + Phones.mask(in.phone())
                + " username=" + in.username();
    }

    private static Person person(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Person(
                rs.getString("id"),
                rs.getString("grid_code"),
                Duty.valueOf(rs.getString("duty")),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getString("username"),
                String.valueOf(rs.getObject("updated_at", OffsetDateTime.class)));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
