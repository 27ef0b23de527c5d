package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AuthTest extends ServerTestBase {

    private org.springframework.test.web.servlet.ResultActions attempt(String user, String password) throws Exception {
        return mvc.perform(post("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("username", user, "password", password))));
    }

    @Test
    void loginGivesATokenWithExpiryAndTheUser() throws Exception {
        attempt(username(Role.OFFICER), password(Role.OFFICER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").isString())
                .andExpect(jsonPath("$.expiresAt").isString())
                .andExpect(jsonPath("$.user.role").value("OFFICER"))
                .andExpect(jsonPath("$.user.gridCode").value(county().spec().countyCode()));
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameAnswer() throws Exception {
        attempt(username(Role.OFFICER), "not-the-password")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("INVALID_CREDENTIALS"));
        attempt("nobody-at-all", "whatever-it-is")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("INVALID_CREDENTIALS"));
    }

    @Test
    void fiveFailedLoginsLockTheAccountForTheConfiguredTime() throws Exception {
        AuditLog.asCommandLine("test", () -> accounts.add("t-lockme", "correct-horse", "INSPECTOR", null, null));
        for (int i = 1; i <= 4; i++) {
            attempt("t-lockme", "wrong-" + i).andExpect(jsonPath("$.code").value("INVALID_CREDENTIALS"));
        }
        attempt("t-lockme", "wrong-5").andExpect(jsonPath("$.code").value("ACCOUNT_LOCKED"));
        attempt("t-lockme", "correct-horse")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("ACCOUNT_LOCKED"));
        Thread.sleep(2_100); // the test configuration locks for 2 s
        attempt("t-lockme", "correct-horse").andExpect(status().isOk());
    }

    @Test
    void disabledAccountsCannotLogInAndTheirTokensStopWorking() throws Exception {
        AuditLog.asCommandLine("test", () -> accounts.add("t-leaver", "goodbye-2026", "OFFICER", null, null));
        String token = login("t-leaver", "goodbye-2026");
        mvc.perform(get("/api/v1/layers").header("Authorization", bearer(token)))
                .andExpect(status().isOk());
        AuditLog.asCommandLine("test", () -> accounts.setDisabled("t-leaver", true));
        attempt("t-leaver", "goodbye-2026").andExpect(jsonPath("$.code").value("ACCOUNT_DISABLED"));
        mvc.perform(get("/api/v1/layers").header("Authorization", bearer(token)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("TOKEN_INVALID"));
    }

    @Test
    void everyApiEndpointNeedsAToken() throws Exception {
        mvc.perform(get("/api/v1/layers"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("AUTHENTICATION_REQUIRED"))
                .andExpect(jsonPath("$.messages.en").isString())
                .andExpect(jsonPath("$.messages.zh").isString());
        mvc.perform(get("/api/v1/analyses/x")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/county")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/layers").header("Authorization", "Bearer made-up"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() throws Exception {
        String token = token(Role.INSPECTOR);
        jdbc.sql("UPDATE auth_token SET expires_at = ? WHERE token_hash = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), sha256(token))
                .update();
        mvc.perform(get("/api/v1/layers").header("Authorization", bearer(token)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("TOKEN_EXPIRED"));
    }

    @Test
    void aRoleWithoutPermissionIsRefused() throws Exception {
        mvc.perform(post("/api/v1/analyses")
                        .header("Authorization", bearer(token(Role.LEADER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"geometry\":{\"type\":\"Point\",\"coordinates\":[117.2,36.1]}}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
    }

    @Test
    void messagesFollowTheLanguageOfTheRequest() throws Exception {
        String zh = mvc.perform(get("/api/v1/layers"))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String en = mvc.perform(get("/api/v1/layers").header("Accept-Language", "en-US"))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(JSON.readTree(zh).get("detail").asString()).contains("需要登录");
        assertThat(JSON.readTree(en).get("detail").asString()).startsWith("Authentication required");
    }

    static String sha256(String token) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
