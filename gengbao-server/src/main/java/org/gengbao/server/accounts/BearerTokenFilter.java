package org.gengbao.server.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer TOKEN}: a known, unexpired token of an enabled, unlocked account becomes
 * the request's principal with authority {@code ROLE_<role>}; otherwise the reason is left for the entry point's
 * message.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class BearerTokenFilter extends OncePerRequestFilter {
    static final String PROBLEM = "gengbao.auth.problem";

    private final Tokens tokens;
    private final Accounts accounts;

    BearerTokenFilter(Tokens tokens, Accounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Tokens.Check check = tokens.check(header.substring(7).trim());
            if (check instanceof Tokens.Valid v) {
                Optional<Account> account = accounts.find(v.username());
                if (account.isPresent()
                        && !account.get().disabled()
                        && !account.get().lockedAt(OffsetDateTime.now(ZoneOffset.UTC))) {
                    Account a = account.get();
                    var auth = new UsernamePasswordAuthenticationToken(
                            new CurrentUser(a.username(), a.role(), a.gridCode()),
                            null,
                            List.of(new SimpleGrantedAuthority(
                                    "ROLE_" + a.role().name())));
                    SecurityContextHolder.getContext().setAuthentication(auth);
                } else {
                    request.setAttribute(PROBLEM, "TOKEN_INVALID");
                }
            } else if (check instanceof Tokens.Expired) {
                request.setAttribute(PROBLEM, "TOKEN_EXPIRED");
            } else {
                request.setAttribute(PROBLEM, "TOKEN_INVALID");
            }
        }
        chain.doFilter(request, response);
    }
}
