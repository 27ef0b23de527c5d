package org.gengbao.server.accounts;

import java.util.List;
import java.util.Optional;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.web.Problem;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Account management (the {@code gengbao user} command): add, change password, disable, enable, list. Audited. */
@Service
public class AccountAdmin {
    /** Passwords need at least this many characters. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final Accounts accounts;
    private final Tokens tokens;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    AccountAdmin(Accounts accounts, Tokens tokens, PasswordEncoder passwords, AuditLog audit) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Transactional
    public void add(String username, String password, String role, String gridCode, String displayName) {
        if (username == null || !username.matches("[A-Za-z0-9_.-]{2,64}")) {
            throw Problem.badRequest(
                    "USERNAME_INVALID",
                    "用户名应为 2–64 个字母、数字、点、下划线或连字符",
                    "A username has 2-64 letters, digits, dots, underscores or hyphens");
        }
        Role r = Role.parse(role);
        if (gridCode != null && !gridCode.matches("\\d{6}|\\d{9}|\\d{12}|\\d{19}")) {
            throw Problem.badRequest(
                    "GRID_CODE_INVALID",
                    "网格代码应为县（6 位）、镇（9 位）、村（12 位或 19 位）代码",
                    "A grid code is a county (6 digits), town (9) or village (12 or 19) code");
        }
        requireStrong(password);
        if (accounts.find(username).isPresent()) {
            throw Problem.conflict("ACCOUNT_EXISTS", "账号 " + username + " 已存在", "Account " + username + " exists");
        }
        accounts.insert(username, displayName, passwords.encode(password), r, gridCode);
        audit.record("ACCOUNT_ADDED", username, AuditLog.Result.OK, "role=" + r + " grid=" + gridCode);
    }

    @Transactional
    public void changePassword(String username, String password) {
        require(username);
        requireStrong(password);
        accounts.setPassword(username, passwords.encode(password));
        tokens.revokeAll(username);
        audit.record("ACCOUNT_PASSWORD_CHANGED", username, AuditLog.Result.OK, null);
    }

    @Transactional
    public void setDisabled(String username, boolean disabled) {
        require(username);
        accounts.setDisabled(username, disabled);
        if (disabled) {
            tokens.revokeAll(username);
        }
        audit.record(disabled ? "ACCOUNT_DISABLED" : "ACCOUNT_ENABLED", username, AuditLog.Result.OK, null);
    }

    public List<Account> list() {
        return accounts.all();
    }

    /** Whether {@code password} is the account's current password (for the demo's login list). */
    public boolean hasPassword(String username, String password) {
        return accounts.find(username)
                .map(a -> passwords.matches(password, a.passwordHash()))
                .orElse(false);
    }

    public Optional<Account> find(String username) {
        return accounts.find(username);
    }

    public boolean exists(String username) {
        return accounts.find(username).isPresent();
    }

    private void require(String username) {
        if (accounts.find(username).isEmpty()) {
            throw Problem.notFound("ACCOUNT_NOT_FOUND", "账号 " + username + " 不存在", "No account " + username);
        }
    }

    private static void requireStrong(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw Problem.badRequest(
                    "PASSWORD_TOO_SHORT",
                    "密码至少需要 " + MIN_PASSWORD_LENGTH + " 个字符",
                    "A password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }
}
