package org.gengbao.server.accounts;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.storage.GengbaoProperties;
import org.gengbao.server.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Login: checks the password, counts failures and locks the account for a while after too many in a row (default 5
 * failures, 15 minutes), audits every attempt. Unknown accounts and wrong passwords get the same answer.
 */
@Service
class Logins {
    private final Accounts accounts;
    private final Tokens tokens;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final GengbaoProperties properties;

    Logins(Accounts accounts, Tokens tokens, PasswordEncoder passwords, AuditLog audit, GengbaoProperties properties) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.audit = audit;
        this.properties = properties;
        this.dummyHash = passwords.encode(java.util.UUID.randomUUID().toString());
    }

    /** The hash of a random password: a login for an unknown account costs as much time as for a known one. */
    private final String dummyHash;

    record Success(Account account, Tokens.Issued token) {}

    Success login(String username, String password) {
        String user = username == null ? "" : username.trim();
        Optional<Account> found = accounts.find(user);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (found.isEmpty()) {
            passwords.matches(password == null ? "" : password, dummyHash);
            audit.record(user, "LOGIN", user, AuditLog.Result.REJECTED, "unknown account");
            throw invalid();
        }
        Account a = found.get();
        if (a.disabled()) {
            audit.record(user, "LOGIN", user, AuditLog.Result.REJECTED, "account disabled");
            throw new Problem(
                    HttpStatus.UNAUTHORIZED,
                    "ACCOUNT_DISABLED",
                    "该账号已停用，请联系管理员",
                    "This account is disabled; ask an administrator");
        }
        if (a.lockedAt(now)) {
            audit.record(user, "LOGIN", user, AuditLog.Result.REJECTED, "account locked until " + a.lockedUntil());
            throw locked(a.lockedUntil());
        }
        if (password == null || !passwords.matches(password, a.passwordHash())) {
            int failed = accounts.failedLogin(user);
            if (failed >= properties.accounts().maxFailedLogins()) {
                OffsetDateTime until = now.plus(properties.accounts().lockDuration());
                accounts.lock(user, until);
                audit.record(user, "LOGIN", user, AuditLog.Result.REJECTED, "wrong password; locked until " + until);
                throw locked(until);
            }
            audit.record(user, "LOGIN", user, AuditLog.Result.REJECTED, "wrong password (" + failed + ")");
            throw invalid();
        }
        accounts.loggedIn(user);
        Tokens.Issued token = tokens.issue(user);
        audit.record(user, "LOGIN", user, AuditLog.Result.OK, null);
        return new Success(a, token);
    }

    private static Problem invalid() {
        return new Problem(HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS", "用户名或密码错误", "Wrong username or password");
    }

    private static Problem locked(OffsetDateTime until) {
        return new Problem(
                HttpStatus.UNAUTHORIZED,
                "ACCOUNT_LOCKED",
                "登录失败次数过多，账号已锁定至 " + until + "（UTC）",
                "Too many failed logins; the account is locked until " + until + " (UTC)");
    }
}
