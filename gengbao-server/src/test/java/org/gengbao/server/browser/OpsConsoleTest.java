package org.gengbao.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.gengbao.server.accounts.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The patrol, dashboard and administration pages of the console: an officer plans a day, adds and cancels a manual
 * task, reassigns a planned one, reads effort and coverage; the dashboard's charts say in their text alternative exactly what the API says; an
 * administrator imports a small layer file through the page and reads the server's report; only administrators see
 * the administration link.
 */
class OpsConsoleTest extends BrowserTestSupport {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** A day no other test plans. */
    private static final String PLAN_DAY = "2032-04-06";

    private Page loggedIn(Page page, String role, String route) {
        page.navigate(url("/"));
        logIn(page, "t-" + role, "secret-" + role);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出登录")))
                .isVisible();
        page.navigate(url("/#" + route));
        return page;
    }

    private Locator tab(Page page, String name) {
        return page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(name));
    }

    private Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name));
    }

    private JsonNode api(Role role, String path) throws Exception {
        return json(getJson(token(role), path));
    }

    /** A clue of t-inspector's upload today in villageA1, opened as a case by t-officer and verified. */
    private void seedClueAndCase() throws Exception {
        Place place = nextPlace();
        OffsetDateTime at = OffsetDateTime.now(CHINA).minusHours(2).withNano(0);
        ObjectNode body = record(
                at, place.centre(), observation("SUSPECTED_VIOLATION", geoJson(place.patch()), at.plusMinutes(10)));
        JsonNode accepted = json(putRecord(token(Role.INSPECTOR), newId(), JSON.writeValueAsString(body)));
        String clueId = accepted.at("/clues/0/id").asString();
        assertThat(clueId).as(accepted.toString()).isNotEmpty();
        String officer = token(Role.OFFICER);
        JsonNode opened = json(mvc.perform(post("/api/v1/cases")
                .header("Authorization", bearer(officer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"clueId\":\"" + clueId + "\"}")));
        String caseId = opened.path("id").asString();
        assertThat(caseId).as(opened.toString()).isNotEmpty();
        ObjectNode verify = JSON.createObjectNode().put("action", "VERIFY");
        verify.putObject("data")
                .put("result", "CONFIRMED")
                .put("verifiedOn", LocalDate.now(CHINA).toString())
                .put("verifiedBy", "张三、李四")
                .put("findings", "现场在永久基本农田上新建房屋一处");
        var moved = mvc.perform(post("/api/v1/cases/" + caseId + "/transitions")
                        .header("Authorization", bearer(officer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(verify)))
                .andReturn()
                .getResponse();
        assertThat(moved.getStatus()).as(moved.getContentAsString()).isEqualTo(200);
    }

    @Test
    void anOfficerPlansTheDayAddsAndCancelsATaskReassignsOneAndReadsEffortAndCoverage() throws Exception {
        seedClueAndCase();
        Page page = loggedIn(desktop(), "officer", "/patrol");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("巡查管理")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("管理")))
                .hasCount(0);

        page.getByLabel("日期", new Page.GetByLabelOptions().setExact(true)).fill(PLAN_DAY);
        button(page.locator("main"), "规划当日任务").click();
        Locator report = page.getByTestId("plan-report");
        assertThat(report).containsText(PLAN_DAY);
        long planned = count("SELECT COUNT(*) FROM patrol_task WHERE task_date = ?", LocalDate.parse(PLAN_DAY));
        assertThat(planned).isPositive();
        assertThat(report).containsText("新建 " + planned + " 个任务");
        Locator rows = page.getByTestId("task-table").locator("tbody tr[data-task]");
        assertThat(rows).hasCount((int) planned);
        String village = gridCells.find(villageA1).orElseThrow().name();
        assertThat(page.getByTestId("task-table")).containsText(village);

        // a manual task for village A1, assigned to t-inspector, then cancelled
        button(page.locator("main"), "新增人工任务").click();
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("新增人工任务"));
        form.getByLabel("村级网格").selectOption(villageA1);
        form.getByLabel(Pattern.compile("巡查员账号")).fill("t-inspector");
        form.getByLabel("备注").fill("复查村口新建大棚");
        button(form, "新增任务").click();
        assertThat(page.getByText("已新增任务，分派给 t-inspector")).isVisible();
        assertThat(rows).hasCount((int) planned + 1);
        Locator manual = rows.filter(new Locator.FilterOptions().setHasText("人工任务"));
        assertThat(manual).hasCount(1);
        assertThat(manual).containsText("t-inspector");
        page.onceDialog(d -> d.accept());
        button(manual, "取消任务").click();
        assertThat(manual.locator(".badge")).hasText("已取消");
        assertThat(count(
                        "SELECT COUNT(*) FROM patrol_task WHERE task_date = ? AND kind = 'MANUAL' AND status = 'CANCELLED'",
                        LocalDate.parse(PLAN_DAY)))
                .isEqualTo(1);

        // the planned task of village A1 goes to a stand-in inspector of the village: a name the server refuses first
        String stand = extraInspector(villageA1, "t-stand-ui");
        String plannedA1 = jdbc.sql(
                        "SELECT id FROM patrol_task WHERE grid_code = ? AND task_date = ? AND kind <> 'MANUAL'")
                .params(villageA1, LocalDate.parse(PLAN_DAY))
                .query(String.class)
                .single();
        Locator plannedRow = page.locator("tr[data-task='" + plannedA1 + "']");
        button(plannedRow, "改派").click();
        Locator reassign = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("改派任务"));
        assertThat(reassign.locator("datalist option[value='" + stand + "']")).hasCount(1);
        assertThat(reassign.getByLabel("新巡查员账号")).isFocused();
        reassign.getByLabel("新巡查员账号").fill("t-inspector-b");
        button(reassign, "确认改派").click();
        assertThat(reassign.getByRole(AriaRole.ALERT)).containsText("不是网格");
        reassign.getByLabel("新巡查员账号").fill(stand);
        reassign.getByLabel(Pattern.compile("改派原因")).fill("原巡查员生病");
        screenshot(page, "ops-patrol-reassign-desktop");
        button(reassign, "确认改派").click();
        assertThat(page.getByText("已将任务改派给 " + stand)).isVisible();
        assertThat(plannedRow.locator("td").nth(4)).hasText(stand);
        assertThat(reassign).hasCount(0);
        assertThat(jdbc.sql("SELECT assignee FROM patrol_task WHERE id = ?")
                        .param(plannedA1)
                        .query(String.class)
                        .single())
                .isEqualTo(stand);
        // Chromium logs the refused request (422) itself; nothing else may be logged
        assertThat(pageErrors).allMatch(e -> e.contains("422"));
        pageErrors.clear();
        screenshot(page, "ops-patrol-tasks-desktop");

        // effort of today: the inspector's upload
        tab(page, "巡查力度").click();
        assertThat(page.getByTestId("effort-table")).containsText("t-inspector");

        // coverage: one row per village with the API's numbers, and the map
        tab(page, "巡查覆盖").click();
        JsonNode coverage = api(Role.OFFICER, "/api/v1/patrol/coverage");
        Locator table = page.getByTestId("coverage-table");
        assertThat(table.locator("tbody tr")).hasCount(coverage.path("cells").size());
        for (JsonNode c : coverage.path("cells")) {
            if (c.path("gridCode").asString().equals(villageA1)) {
                Locator row = table.locator("tr[data-cell='" + villageA1 + "']");
                assertThat(row.locator("td").nth(2))
                        .hasText(String.valueOf(c.path("parcels").asInt()));
                assertThat(row.locator("td").nth(3))
                        .hasText(String.valueOf(c.path("visited").asInt()));
                assertThat(c.path("visited").asInt()).isPositive();
            }
        }
        assertThat(page.getByTestId("coverage-summary"))
                .containsText(String.valueOf(coverage.path("parcels").asInt()));
        assertThat(page.getByTestId("coverage-map").locator("canvas")).hasCount(1);
        screenshot(page, "ops-patrol-coverage-desktop");

        Page phone = loggedIn(phone(), "officer", "/patrol");
        tab(phone, "巡查覆盖").click();
        assertThat(phone.getByTestId("coverage-table")).isVisible();
        screenshot(phone, "ops-patrol-coverage-phone");
        assertThat(pageErrors).isEmpty();
    }

    @Test
    void theDashboardChartsSayInTextWhatTheApiSays() throws Exception {
        seedClueAndCase();
        int year = LocalDate.now(CHINA).getYear();
        JsonNode figures = api(Role.OFFICER, "/api/v1/cases/figures?year=" + year);
        JsonNode latency =
                api(Role.OFFICER, "/api/v1/patrol/latency?from=" + year + "-01-01&to=" + LocalDate.now(CHINA));
        Page page = loggedIn(desktop(), "officer", "/dashboard");

        Locator stages = page.getByTestId("chart-stages");
        assertThat(stages.locator("canvas")).hasCount(1);
        Map<String, Long> byStatus = new TreeMap<>();
        figures.path("byStatus")
                .forEach(r -> byStatus.merge(
                        r.path("status").asString(), r.path("count").asLong(), Long::sum));
        assertThat(byStatus).containsKey("VERIFIED");
        button(stages, "显示数据表").click();
        assertThat(stages.locator("tbody tr")).hasCount(byStatus.size());
        byStatus.forEach((status, n) -> assertThat(stages.locator("tr[data-row='" + status + "'] td[data-key='cases']"))
                .hasText(String.valueOf(n)));
        assertThat(stages.locator("[role=img]"))
                .hasAttribute("aria-label", Pattern.compile("阶段 已核查，案件数 " + byStatus.get("VERIFIED")));

        Locator days = page.getByTestId("chart-days");
        assertThat(days.locator("canvas")).hasCount(1);
        button(days, "显示数据表").click();
        for (JsonNode s : figures.path("daysPerStage")) {
            assertThat(days.locator("tr[data-row='" + s.path("status").asString() + "'] td[data-key='cases']"))
                    .hasText(String.valueOf(s.path("count").asInt()));
        }

        Locator lat = page.getByTestId("chart-latency");
        assertThat(lat.locator("canvas")).hasCount(1);
        button(lat, "显示数据表").click();
        assertThat(latency.path("cells").size()).isPositive();
        NumberFormat one = NumberFormat.getNumberInstance(Locale.SIMPLIFIED_CHINESE);
        one.setMinimumFractionDigits(1);
        one.setMaximumFractionDigits(1);
        for (JsonNode c : latency.path("cells")) {
            Locator row = lat.locator("tr[data-row='" + c.path("gridCode").asString() + "']");
            assertThat(row.locator("td[data-key='clues']"))
                    .hasText(String.valueOf(c.path("clues").asInt()));
            for (String[] k : new String[][] {
                {"mean", "meanMinutes"}, {"median", "medianMinutes"}, {"p90", "p90Minutes"}, {"max", "maxMinutes"}
            }) {
                assertThat(row.locator("td[data-key='" + k[0] + "']"))
                        .hasText(one.format(c.path(k[1]).asDouble()));
            }
        }

        // the ranking: every town with an accountability figure, at the API's level, and the thresholds
        JsonNode acc = figures.path("accountability");
        assertThat(page.getByTestId("thresholds"))
                .containsText("预警阈值 " + Math.round(acc.path("warnRatio").asDouble() * 100) + "%");
        assertThat(page.getByTestId("thresholds"))
                .containsText("问责阈值 " + Math.round(acc.path("sanctionRatio").asDouble() * 100) + "%");
        Map<String, String> levels = Map.of("NORMAL", "正常", "WARNING", "预警", "SANCTION", "问责");
        assertThat(acc.path("towns").size()).isPositive();
        for (JsonNode town : acc.path("towns")) {
            Locator row = page.getByTestId("ranking-table")
                    .locator("tr[data-town='" + town.path("townCode").asString() + "']");
            assertThat(row.locator(".badge"))
                    .hasText(levels.get(town.path("level").asString()));
        }
        for (JsonNode town : figures.path("overdue").path("byTown")) {
            Locator row = page.getByTestId("ranking-table")
                    .locator("tr[data-town='" + town.path("townCode").asString() + "']");
            assertThat(row.locator("td").last())
                    .hasText(String.valueOf(town.path("count").asInt()));
        }
        page.locator("main").evaluate("main => main.scrollTo(0, 0)");
        screenshot(page, "ops-dashboard-desktop");
        page.getByTestId("chart-ratio").scrollIntoViewIfNeeded();
        screenshot(page, "ops-dashboard-ranking-desktop");

        Page phone = loggedIn(phone(), "officer", "/dashboard");
        assertThat(phone.getByTestId("chart-stages").locator("canvas")).hasCount(1);
        screenshot(phone, "ops-dashboard-phone");
        button(phone.locator("header"), "English").click();
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard")))
                .isVisible();
        assertThat(phone.getByTestId("chart-stages")).containsText("Cases by stage");
        assertThat(phone.getByTestId("chart-stages").locator("canvas")).hasCount(1);
        screenshot(phone, "ops-dashboard-phone-en");
        assertThat(pageErrors).isEmpty();
    }

    /** Three facilities of the test county's file and a fourth feature without geometry, which the import rejects. */
    private Path smallFacilityFile() throws Exception {
        ObjectNode county = (ObjectNode)
                JSON.readTree(countyFiles().resolve("facility.geojson").toFile());
        ArrayNode all = (ArrayNode) county.path("features");
        assertThat(all.size()).isGreaterThanOrEqualTo(3);
        ArrayNode few = JSON.createArrayNode();
        for (int i = 0; i < 3; i++) {
            few.add(all.get(i));
        }
        ObjectNode broken = (ObjectNode) all.get(0).deepCopy();
        broken.putNull("geometry");
        few.add(broken);
        county.set("features", few);
        Path file = Files.createTempDirectory("ops-layer-").resolve("facility-small.geojson");
        JSON.writeValue(file.toFile(), county);
        return file;
    }

    @Test
    void anAdministratorImportsALayerFileThroughThePageAndReadsTheReport() throws Exception {
        Path file = smallFacilityFile();
        Page page = loggedIn(desktop(), "admin", "/admin");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("管理")))
                .isVisible();
        assertThat(page.getByTestId("account-table").locator("tr[data-account='t-officer']"))
                .containsText("执法人员");
        screenshot(page, "ops-admin-accounts-desktop");

        tab(page, "网格").click();
        Locator towns = page.getByTestId("town-table");
        assertThat(towns.locator("tbody tr"))
                .hasCount(api(Role.ADMIN, "/api/v1/grid/cells?level=TOWN").size());

        tab(page, "图层导入").click();
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("导入图层"));
        form.getByLabel("图层类型").selectOption("facility");
        form.getByLabel(Pattern.compile("^文件")).setInputFiles(file);
        form.getByLabel("生效日期").fill("2025-06-01");
        button(form, "上传并导入").click();

        Locator report = page.getByTestId("import-report");
        assertThat(report.locator("[data-count='read']")).hasText("4");
        assertThat(report.locator("[data-count='imported']")).hasText("3");
        assertThat(report.locator("[data-count='rejected']")).hasText("1");
        Locator errors = page.getByTestId("import-errors");
        assertThat(errors.locator("tbody tr")).hasCount(1);
        assertThat(errors.locator("tbody tr td").first()).hasText("4");
        assertThat(errors).containsText("EMPTY_GEOMETRY");
        assertThat(errors).containsText("要素没有几何图形");

        JsonNode stored = null;
        for (JsonNode v : api(Role.ADMIN, "/api/v1/layers")) {
            if (v.path("sourceName").asString().equals("facility-small.geojson")) {
                stored = v;
            }
        }
        assertThat(stored).isNotNull();
        assertThat(stored.path("featureCount").asInt()).isEqualTo(3);
        assertThat(stored.path("effectiveFrom").asString()).isEqualTo("2025-06-01");
        assertThat(stored.path("importedBy").asString()).isEqualTo("t-admin");
        assertThat(report).containsText(stored.path("id").asString());
        assertThat(page.getByTestId("layer-table")).containsText("facility-small.geojson");
        screenshot(page, "ops-admin-import-desktop");

        // the same file again is refused with the server's explanation
        form.getByLabel(Pattern.compile("^文件")).setInputFiles(file);
        button(form, "上传并导入").click();
        assertThat(form.getByRole(AriaRole.ALERT)).containsText("已导入");
        // Chromium logs the refused request (409) itself; nothing else may be logged
        assertThat(pageErrors).allMatch(e -> e.contains("409"));
        pageErrors.clear();

        Page phone = loggedIn(phone(), "admin", "/admin");
        assertThat(phone.getByTestId("account-table")).isVisible();
        screenshot(phone, "ops-admin-phone");
        assertThat(pageErrors).isEmpty();
    }
}
