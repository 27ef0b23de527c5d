package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gengbao.server.accounts.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * The accounts API for administrators: the same rules and audit entries as {@code gengbao user}, with the
 * administrator named as actor; every other role is refused and changes nothing.
 */
class AccountApiTest extends ServerTestBase {

    private ResultActions call(String token, String method, String path, Object body) throws Exception {
        var builder =
                switch (method) {
                    case "POST" -> post(path);
                    case "PUT" -> put(path);
                    default -> get(path);
                };
        builder.header("Authorization", bearer(token));
        if (body != null) {
            builder.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        }
        return mvc.perform(builder);
    }

    private static JsonNode body(ResultActions r, int status) throws Exception {
        var response = r.andReturn().getResponse();
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(text).isEqualTo(status);
        return JSON.readTree(text);
    }

    private void create(String admin, String username, String password, String role) throws Exception {
        body(
                call(
                        admin,
                        "POST",
                        "/api/v1/accounts",
                        Map.of("username", username, "password", password, "role", role)),
                201);
    }

    private List<String> auditOf(String action, String target) {
        return jdbc.sql("SELECT actor FROM audit_entry WHERE action = ? AND target = ? ORDER BY seq")
                .params(action, target)
                .query(String.class)
                .list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void anAdministratorListsAccountsWithoutTheirPasswordHashes() throws Exception {
        JsonNode list = body(call(token(Role.ADMIN), "GET", "/api/v1/accounts", null), 200);
        JsonNode officer = null;
        for (JsonNode a : list) {
            assertThat(a.has("passwordHash")).isFalse();
            if (a.path("username").asString().equals("t-officer")) {
                officer = a;
            }
        }
        assertThat(officer).as(list.toString()).isNotNull();
        assertThat(officer.path("role").asString()).isEqualTo("OFFICER");
        assertThat(officer.path("roleName").asString()).isEqualTo("执法人员");
        assertThat(officer.path("gridCode").asString())
                .isEqualTo(county().spec().countyCode());
        assertThat(officer.path("disabled").asBoolean()).isFalse();
        assertThat(list.toString()).doesNotContain("argon2");
    }

    @Test
    void anAdministratorCreatesAnAccountThatCanLogInAndTheCreationIsAuditedWithTheAdministrator() throws Exception {
        String admin = token(Role.ADMIN);
        JsonNode created = body(
                call(
                        admin,
                        "POST",
                        "/api/v1/accounts",
                        Map.of(
                                "username", "api-inspector",
                                "password", "long-enough-1",
                                // a village officer, not an inspector: other classes on this database plan
                                // villageA2's patrols and expect its one inspector, t-inspector-a2
                                "role", "village",
                                "gridCode", villageA2,
                                "displayName", "李巡查")),
                201);
        assertThat(created.path("role").asString()).isEqualTo("VILLAGE");
        assertThat(created.path("gridCode").asString()).isEqualTo(villageA2);
        assertThat(created.path("displayName").asString()).isEqualTo("李巡查");
        assertThat(login("api-inspector", "long-enough-1")).isNotBlank();
        assertThat(auditOf("ACCOUNT_ADDED", "api-inspector")).containsExactly("t-admin");

        problem(
                call(
                        admin,
                        "POST",
                        "/api/v1/accounts",
                        Map.of("username", "api-inspector", "password", "another-one-2", "role", "OFFICER")),
                409,
                "ACCOUNT_EXISTS");
        problem(
                call(
                        admin,
                        "POST",
                        "/api/v1/accounts",
                        Map.of("username", "api-short", "password", "short", "role", "OFFICER")),
                400,
                "PASSWORD_TOO_SHORT");
        problem(
                call(
                        admin,
                        "POST",
                        "/api/v1/accounts",
                        Map.of("username", "api-role", "password", "long-enough-1", "role", "MAYOR")),
                400,
                "ROLE_UNKNOWN");
        problem(
                call(
                        admin,
                        "POST",
                        "/api/v1/accounts",
                        Map.of("username", "a b", "password", "long-enough-1", "role", "OFFICER")),
                400,
                "USERNAME_INVALID");
        problem(
                call(
                        admin,
                        "POST",
                        "/api/v1/accounts",
                        Map.of(
                                "username",
                                "api-grid",
                                "password",
                                "long-enough-1",
                                "role",
                                "TOWN",
                                "gridCode",
                                "12ab")),
                400,
                "GRID_CODE_INVALID");
        assertThat(count("SELECT COUNT(*) FROM account WHERE username IN ('api-short', 'api-role', 'api-grid')"))
                .isZero();
    }

    @Test
    void aPasswordResetEndsTheSessionsAndTheNewPasswordWorks() throws Exception {
        String admin = token(Role.ADMIN);
        create(admin, "api-forgetful", "first-pass-1", "LEADER");
        String old = login("api-forgetful", "first-pass-1");
        body(call(old, "GET", "/api/v1/layers", null), 200);

        problem(
                call(admin, "PUT", "/api/v1/accounts/api-forgetful/password", Map.of("password", "tiny")),
                400,
                "PASSWORD_TOO_SHORT");
        body(call(admin, "PUT", "/api/v1/accounts/api-forgetful/password", Map.of("password", "second-pass-2")), 200);

        problem(call(old, "GET", "/api/v1/layers", null), 401, "TOKEN_INVALID");
        assertThat(login("api-forgetful", "second-pass-2")).isNotBlank();
        assertThat(auditOf("ACCOUNT_PASSWORD_CHANGED", "api-forgetful")).containsExactly("t-admin");
        problem(
                call(admin, "PUT", "/api/v1/accounts/nobody-here/password", Map.of("password", "second-pass-2")),
                404,
                "ACCOUNT_NOT_FOUND");
    }

    @Test
    void aDisabledAccountCannotLogInUntilEnabledAndNobodyDisablesThemselves() throws Exception {
        String admin = token(Role.ADMIN);
        create(admin, "api-leaver", "leaving-now-1", "COURT");
        String session = login("api-leaver", "leaving-now-1");

        JsonNode disabled = body(call(admin, "POST", "/api/v1/accounts/api-leaver/disable", null), 200);
        assertThat(disabled.path("disabled").asBoolean()).isTrue();
        problem(call(session, "GET", "/api/v1/layers", null), 401, "TOKEN_INVALID");
        problem(
                mvc.perform(post("/api/v1/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(
                                Map.of("username", "api-leaver", "password", "leaving-now-1")))),
                401,
                "ACCOUNT_DISABLED");

        JsonNode enabled = body(call(admin, "POST", "/api/v1/accounts/api-leaver/enable", null), 200);
        assertThat(enabled.path("disabled").asBoolean()).isFalse();
        assertThat(login("api-leaver", "leaving-now-1")).isNotBlank();
        assertThat(auditOf("ACCOUNT_DISABLED", "api-leaver")).containsExactly("t-admin");
        assertThat(auditOf("ACCOUNT_ENABLED", "api-leaver")).containsExactly("t-admin");

        problem(call(admin, "POST", "/api/v1/accounts/t-admin/disable", null), 409, "ACCOUNT_IS_OWN");
        assertThat(login("t-admin", "secret-admin")).isNotBlank();
    }

    @Test
    void everyOtherRoleIsRefusedAndChangesNothing() throws Exception {
        for (Role role : Role.values()) {
            if (role == Role.ADMIN) {
                continue;
            }
            String token = token(role);
            problem(call(token, "GET", "/api/v1/accounts", null), 403, "FORBIDDEN");
            problem(
                    call(
                            token,
                            "POST",
                            "/api/v1/accounts",
                            Map.of("username", "api-intruder", "password", "long-enough-1", "role", "ADMIN")),
                    403,
                    "FORBIDDEN");
            problem(
                    call(token, "PUT", "/api/v1/accounts/t-admin/password", Map.of("password", "taken-over-1")),
                    403,
                    "FORBIDDEN");
            problem(call(token, "POST", "/api/v1/accounts/t-admin/disable", null), 403, "FORBIDDEN");
        }
        assertThat(count("SELECT COUNT(*) FROM account WHERE username = 'api-intruder'"))
                .isZero();
        assertThat(login("t-admin", "secret-admin")).isNotBlank();
    }
}
