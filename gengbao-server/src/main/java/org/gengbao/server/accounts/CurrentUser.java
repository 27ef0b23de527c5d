package org.gengbao.server.accounts;

import java.security.Principal;

/** The authenticated caller: account, role and grid scope. */
public record CurrentUser(String username, Role role, String gridCode) implements Principal {
    @Override
    public String getName() {
        return username;
    }
}
