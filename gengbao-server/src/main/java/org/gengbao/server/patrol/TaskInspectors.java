package org.gengbao.server.patrol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gengbao.server.accounts.Account;
import org.gengbao.server.accounts.AccountAdmin;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.grid.GridScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may patrol a village cell: enabled INSPECTOR accounts whose grid code covers the cell, and grid people with the
 * duty INSPECTOR in the cell whose username is such an account. Village-level accounts of the cell come first, then
 * the cell's grid people, then accounts of a wider area (a town, the county).
 */
@Component
class TaskInspectors {
    private final AccountAdmin accounts;
    private final JdbcClient jdbc;

    TaskInspectors(AccountAdmin accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** The inspectors as they are now. */
    Candidates load() {
        Map<String, String> inspectors = accounts.list().stream()
                .filter(a -> a.role() == Role.INSPECTOR && !a.disabled())
                .collect(Collectors.toMap(
                        Account::username,
                        a -> a.gridCode() == null || a.gridCode().isBlank() ? "" : GridScope.normalize(a.gridCode())));
        List<String[]> people = jdbc.sql("SELECT grid_code, username FROM grid_person WHERE duty = 'INSPECTOR'"
                        + " AND username IS NOT NULL ORDER BY grid_code, username")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        return new Candidates(inspectors, people);
    }

    /** A snapshot of accounts and grid people. */
    static final class Candidates {
        private final Map<String, String> accountScope;
        private final List<String[]> people;

        Candidates(Map<String, String> accountScope, List<String[]> people) {
            this.accountScope = accountScope;
            this.people = people;
        }

        /** The cell's inspectors in tiers of preference (each tier sorted by username). */
        List<List<String>> tiers(String cellCode) {
            Set<String> own = new TreeSet<>();
            Set<String> wider = new TreeSet<>();
            accountScope.forEach((username, scope) -> {
                if (scope.isEmpty()) {
                    return;
                }
                if (scope.equals(cellCode)) {
                    own.add(username);
                } else if (cellCode.startsWith(scope)) {
                    wider.add(username);
                }
            });
            Set<String> listed = new TreeSet<>();
            for (String[] p : people) {
                if (p[0].equals(cellCode) && accountScope.containsKey(p[1]) && !own.contains(p[1])) {
                    listed.add(p[1]);
                }
            }
            wider.removeAll(listed);
            List<List<String>> tiers = new ArrayList<>();
            for (Set<String> tier : List.of(own, listed, wider)) {
                if (!tier.isEmpty()) {
                    tiers.add(List.copyOf(tier));
                }
            }
            return tiers;
        }

        /** Every inspector who may be assigned a task of the cell. */
        Set<String> eligible(String cellCode) {
            Set<String> all = new LinkedHashSet<>();
            tiers(cellCode).forEach(all::addAll);
            return all;
        }

        /** The inspector to assign on {@code date}: the most preferred tier, taking turns day by day. */
        Optional<String> assignee(String cellCode, LocalDate date) {
            List<List<String>> tiers = tiers(cellCode);
            if (tiers.isEmpty()) {
                return Optional.empty();
            }
            List<String> first = tiers.get(0);
            return Optional.of(first.get((int) Math.floorMod(date.toEpochDay(), (long) first.size())));
        }
    }
}
