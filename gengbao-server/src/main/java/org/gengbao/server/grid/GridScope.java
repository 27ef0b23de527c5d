package org.gengbao.server.grid;

import java.util.EnumSet;
import java.util.Set;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.accounts.Role;

/**
 * The part of the county a caller may see, as a prefix of grid codes: the whole county, one town (its 9-digit prefix)
 * or one village (its 12-digit code). It comes from the account's grid code; an account of a field role (inspector,
 * town, village) without a grid code sees nothing, while bureau roles without one see the county. Inspectors
 * additionally see only their own tasks and records ({@link #ownWorkOnly()}).
 *
 * @param prefix every visible cell's code starts with it ({@code ""}: the whole county; {@code null}: nothing)
 */
public record GridScope(String username, Role role, String prefix) {
    private static final Set<Role> FIELD_ROLES = EnumSet.of(Role.INSPECTOR, Role.TOWN, Role.VILLAGE);

    public static GridScope of(CurrentUser user) {
        String grid = user.gridCode();
        if (grid == null || grid.isBlank()) {
            return new GridScope(user.username(), user.role(), FIELD_ROLES.contains(user.role()) ? null : "");
        }
        String code = normalize(grid);
        return new GridScope(user.username(), user.role(), code);
    }

    /**
     * The comparable form of a grid code: a 19-digit location code loses its 7 trailing digits, and a 12-digit town
     * code ("…000") becomes its 9-digit prefix, so that a cell's code starts with the scope of every cell containing it.
     */
    public static String normalize(String code) {
        String c = code.trim();
        if (c.length() == 19) {
            c = c.substring(0, 12);
        }
        if (c.length() == 12 && c.endsWith("000")) {
            c = c.substring(0, 9);
        }
        return c;
    }

    /** Whether the cell with this code (any level, any form) lies in the scope. */
    public boolean covers(String gridCode) {
        return prefix != null && gridCode != null && normalize(gridCode).startsWith(prefix);
    }

    /** A pattern for {@code grid_code LIKE ?} matching the stored 12-digit codes of the cells in scope. */
    public String likePattern() {
        return prefix == null ? "-" : prefix + "%";
    }

    public boolean countyWide() {
        return prefix != null && (prefix.isEmpty() || prefix.length() == 6);
    }

    /** Inspectors see only their own tasks and patrol records, even within their cell. */
    public boolean ownWorkOnly() {
        return role == Role.INSPECTOR;
    }
}
