package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description and its browsable UI are public, so that a newcomer can find the API without an account. */
class OpenApiTest extends ServerTestBase {

    @Test
    void theApiDescriptionListsThePublicPathsWithoutAToken() throws Exception {
        var response = mvc.perform(get("/v3/api-docs")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/json");
        JsonNode doc = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(doc.path("openapi").asString("")).startsWith("3.");
        assertThat(doc.path("paths").propertyNames())
                .contains(
                        "/api/v1/auth/login",
                        "/api/v1/analyses",
                        "/api/v1/analyses/{id}",
                        "/api/v1/layers",
                        "/api/v1/layers/{kind}/versions",
                        "/api/v1/patrol/tasks",
                        "/api/v1/patrol/tasks/{id}",
                        "/api/v1/patrol/tasks/{id}/package",
                        "/api/v1/patrol/records/{clientId}",
                        "/api/v1/patrol/records/{clientId}/photos/{sha256}",
                        "/api/v1/patrol/plans",
                        "/api/v1/patrol/effort",
                        "/api/v1/patrol/coverage",
                        "/api/v1/patrol/latency",
                        "/api/v1/clues",
                        "/api/v1/clues/{id}",
                        "/api/v1/cases/{id}/transitions",
                        "/api/v1/cases/{id}/evidence/{sha256}",
                        "/api/v1/cases/reminders",
                        "/api/v1/cases/reminders/{id}/read",
                        "/api/v1/grid/cells",
                        "/api/v1/grid/parcels/{id}",
                        "/api/v1/map/config",
                        "/api/v1/map/layers",
                        "/api/v1/map/tiles/{layer}/{z}/{x}/{y}.mvt");
    }

    @Test
    void theBrowsableUiIsReachableWithoutAToken() throws Exception {
        var redirect = mvc.perform(get("/swagger-ui.html")).andReturn().getResponse();
        assertThat(redirect.getStatus()).isIn(200, 301, 302, 307, 308);
        var index = mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse();
        assertThat(index.getStatus()).isEqualTo(200);
        assertThat(index.getContentAsString(StandardCharsets.UTF_8)).containsIgnoringCase("swagger");
    }
}
