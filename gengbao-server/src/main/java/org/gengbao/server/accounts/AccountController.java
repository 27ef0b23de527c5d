package org.gengbao.server.accounts;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengbao.server.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account management for administrators, the REST face of {@code gengbao user} (same {@link AccountAdmin}, so the same
 * checks and the same audit entries, here with the administrator as actor): {@code GET /api/v1/accounts}, {@code POST
 * /api/v1/accounts}, {@code PUT …/{username}/password}, {@code POST …/{username}/disable} and {@code …/enable}.
 * Password hashes never leave the server.
 */
@RestController
@RequestMapping("/api/v1/accounts")
@PreAuthorize("hasRole('ADMIN')")
class AccountController {
    private final AccountAdmin admin;

    AccountController(AccountAdmin admin) {
        this.admin = admin;
    }

    record NewAccount(String username, String password, String role, String gridCode, String displayName) {}

    record NewPassword(String password) {}

    @GetMapping
    List<Map<String, Object>> list() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return admin.list().stream().map(a -> json(a, now)).toList();
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody NewAccount body) {
        if (body == null) {
            throw Problem.badRequest("BODY_MALFORMED", "请求正文应为 JSON 对象", "The request body must be a JSON object");
        }
        String grid = blankToNull(body.gridCode());
        String name = blankToNull(body.displayName());
        if (name != null && name.length() > 100) {
            throw Problem.badRequest(
                    "DISPLAY_NAME_TOO_LONG", "显示名称不能超过 100 个字符", "A display name has at most 100 characters");
        }
        if (body.role() == null || body.role().isBlank()) {
            throw Problem.badRequest("PARAMETER_MISSING", "缺少参数“role”", "The parameter \"role\" is missing");
        }
        admin.add(body.username(), body.password(), body.role(), grid, name);
        Account created = admin.find(body.username()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.username()))
                .body(json(created, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** Sets a new password (at least {@value AccountAdmin#MIN_PASSWORD_LENGTH} characters); the account's sessions end. */
    @PutMapping("/{username}/password")
    Map<String, Object> password(@PathVariable String username, @RequestBody NewPassword body) {
        admin.changePassword(username, body == null ? null : body.password());
        return current(username);
    }

    /** Disables the account and ends its sessions; an administrator cannot disable their own account. */
    @PostMapping("/{username}/disable")
    Map<String, Object> disable(@PathVariable String username, @AuthenticationPrincipal CurrentUser user) {
        if (username.equals(user.username())) {
            throw new Problem(
                    HttpStatus.CONFLICT,
                    "ACCOUNT_IS_OWN",
                    "不能停用自己正在使用的账号",
                    "You cannot disable the account you are logged in with");
        }
        admin.setDisabled(username, true);
        return current(username);
    }

    @PostMapping("/{username}/enable")
    Map<String, Object> enable(@PathVariable String username) {
        admin.setDisabled(username, false);
        return current(username);
    }

    private Map<String, Object> current(String username) {
        return json(admin.find(username).orElseThrow(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static Map<String, Object> json(Account a, OffsetDateTime now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.username());
        m.put("displayName", a.displayName());
        m.put("role", a.role().name());
        m.put("roleName", a.role().nameZh());
        m.put("gridCode", a.gridCode());
        m.put("disabled", a.disabled());
        m.put("locked", a.lockedAt(now));
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
