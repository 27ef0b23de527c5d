package org.gengbao.server.accounts;

import java.time.OffsetDateTime;

/**
 * A user account.
 *
 * @param gridCode the county, town or village code limiting what the account sees (null: the whole county)
 * @param lockedUntil set when too many logins failed; the account is refused until then
 */
public record Account(
        String username,
        String displayName,
        String passwordHash,
        Role role,
        String gridCode,
        boolean disabled,
        int failedLogins,
        OffsetDateTime lockedUntil) {

    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
