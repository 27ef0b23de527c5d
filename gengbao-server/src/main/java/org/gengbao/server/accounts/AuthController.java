package org.gengbao.server.accounts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gengbao.server.web.Problem;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/login} {@code {username, password}} → {@code {token, expiresAt, user}}. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {
    private final Logins logins;

    AuthController(Logins logins) {
        this.logins = logins;
    }

    record LoginRequest(String username, String password) {}

    @PostMapping("/login")
    Map<String, Object> login(@RequestBody LoginRequest request) {
        if (request == null || request.username() == null || request.password() == null) {
            throw Problem.badRequest("CREDENTIALS_MISSING", "请提供用户名和密码", "Give a username and a password");
        }
        Logins.Success s = logins.login(request.username(), request.password());
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", s.account().username());
        user.put("displayName", s.account().displayName());
        user.put("role", s.account().role().name());
        user.put("roleName", s.account().role().nameZh());
        user.put("gridCode", s.account().gridCode());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", s.token().token());
        body.put("expiresAt", s.token().expiresAt().toString());
        body.put("user", user);
        return body;
    }
}
