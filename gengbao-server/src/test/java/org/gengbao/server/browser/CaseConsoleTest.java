package org.gengbao.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gengbao.server.accounts.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The console's clue and case pages with a clue from a real patrol upload: the officer finds it in the list, reads
 * its analysis and evidence, opens a case from it, and moves the case through forms rendered from the server's
 * schemas — a missing field is named and nothing is sent, a refusal of the server is shown next to the form, a step
 * appears on the timeline and its document can be downloaded.
 */
class CaseConsoleTest extends BrowserTestSupport {
    /** How the console names the photo doubts (vocab.js). */
    private static final Map<String, String> PHOTO_FLAGS = Map.of(
            "NO_EXIF_POSITION", "照片无拍摄位置",
            "NO_EXIF_TIME", "照片无拍摄时间",
            "EXIF_POSITION_FAR", "拍摄位置远离发现地点",
            "EXIF_TIME_OUTSIDE_PATROL", "拍摄时间不在巡查时段内");

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    /** The same, for a role inside a part of the page. */
    private static Locator.GetByRoleOptions inPart(String name) {
        return new Locator.GetByRoleOptions().setName(name).setExact(true);
    }

    /**
     * A label of this text and perhaps the mark of a required field — not one that merely contains it, such as a
     * Chinese title followed by the member name in English words. (Plain text: the pattern goes to the browser as a
     * JavaScript regular expression, which knows no Pattern.quote.)
     */
    private static Pattern label(String text) {
        return Pattern.compile("^" + text + "\\s*\\*?$");
    }

    @Test
    void officerOpensACaseFromAClueAndTakesStepsThroughTheSchemaForms() throws Exception {
        String clueId = newClue();
        JsonNode clue = json(getJson(token(Role.OFFICER), "/api/v1/clues/" + clueId));
        assertThat(clue.path("verdict").asString()).isEqualTo("ILLEGAL");

        Page page = desktop();
        List<String> transitionBodies = new ArrayList<>();
        List<String> idempotencyKeys = new ArrayList<>();
        page.onRequest(r -> {
            if (r.method().equals("POST") && r.url().endsWith("/transitions")) {
                transitionBodies.add(r.postData());
                idempotencyKeys.add(r.headerValue("idempotency-key"));
            }
        });
        page.navigate(url("/"));
        logIn(page, "t-officer", "secret-officer");

        // the clue list, newest first: the clue of this test is there with its verdict
        page.getByRole(AriaRole.LINK, named("线索")).click();
        Locator link = page.getByRole(AriaRole.LINK, named("查看线索 " + clueId.substring(0, 8)));
        assertThat(link.locator("xpath=ancestor::tr")).containsText("违法");
        screenshot(page, "clue-list-desktop");
        link.click();

        // its detail: verdict, reasons from the analysis, the outline, the photo (fetched with the token) and its
        // doubts
        assertThat(page.getByTestId("clue-verdict")).hasText("违法");
        Locator analysis = page.getByTestId("clue-analysis");
        assertThat(analysis)
                .containsText(clue.at("/analysis/verdict/reasons/0/zh").asString());
        assertThat(analysis).containsText("未批先用");
        assertThat(page.getByTestId("outline-map").locator("canvas")).isVisible();
        Locator photo = page.getByTestId("clue-evidence").getByRole(AriaRole.IMG, inPart("现场照片 1-1"));
        assertThat(photo).isVisible();
        assertThat(photo.evaluate("img => img.complete && img.naturalWidth")).isEqualTo(16);
        JsonNode flags = clue.at("/evidence/0/photos/0/flags");
        assertThat(flags.size()).isPositive();
        for (JsonNode f : flags) {
            assertThat(page.getByTestId("clue-evidence")).containsText(PHOTO_FLAGS.get(f.asString()));
        }
        screenshot(page, "clue-detail-desktop");

        // 立案: a case is opened from the clue and shown
        page.getByRole(AriaRole.BUTTON, named("立案")).click();
        assertThat(page.getByTestId("case-status")).hasText("待核查");
        String caseId = page.url().replaceAll(".*#/cases/", "");
        JsonNode opened = json(getJson(token(Role.OFFICER), "/api/v1/cases/" + caseId));
        assertThat(opened.at("/clueIds/0").asString()).isEqualTo(clueId);
        assertThat(page.getByTestId("case-number"))
                .hasText(opened.path("number").asString());
        assertThat(page.getByTestId("case-deadlines")).containsText("线索核查");

        // VERIFY without its date: the form names the missing field and sends nothing
        Locator actions = page.getByTestId("case-actions");
        actions.getByRole(AriaRole.BUTTON, inPart("核查")).click();
        actions.getByLabel("核查结论").selectOption("CONFIRMED");
        actions.getByLabel("核查人员").fill("张三、李四");
        actions.getByLabel("核查情况").fill("现场在永久基本农田上新建砖混结构房屋一处，正在施工");
        actions.getByRole(AriaRole.BUTTON, inPart("提交“核查”")).click();
        assertThat(actions.getByRole(AriaRole.ALERT)).containsText("请填写“核查日期”");
        assertThat(actions.getByLabel("核查日期")).hasAttribute("aria-invalid", "true");
        assertThat(actions.getByLabel("核查日期")).isFocused();
        assertThat(transitionBodies).isEmpty();
        screenshot(page, "case-form-invalid-desktop");

        // a date after today passes the schema but not the server: its refusal is shown next to the form and the field
        actions.getByLabel("核查日期").fill(today().plusDays(1).toString());
        actions.getByRole(AriaRole.BUTTON, inPart("提交“核查”")).click();
        assertThat(actions.getByTestId("form-problem")).containsText("日期不能晚于今天");
        assertThat(actions.getByLabel("核查日期")).hasAttribute("aria-invalid", "true");
        assertThat(transitionBodies).hasSize(1);

        // with today's date the step is recorded: new status, a timeline entry named by the workflow's schema
        actions.getByLabel("核查日期").fill(today().toString());
        actions.getByRole(AriaRole.BUTTON, inPart("提交“核查”")).click();
        assertThat(page.getByTestId("case-status")).hasText("已核查");
        Locator verified = page.getByTestId("case-timeline").locator("li[data-action=VERIFY]");
        assertThat(verified).containsText("核查结论");
        assertThat(verified).containsText("违法事实成立");
        assertThat(verified).containsText("t-officer");
        assertThat(transitionBodies).hasSize(2);
        JsonNode sent = JSON.readTree(transitionBodies.get(1));
        assertThat(sent.path("action").asString()).isEqualTo("VERIFY");
        assertThat(sent.at("/data/verifiedOn").asString()).isEqualTo(today().toString());
        assertThat(sent.path("expectedEvents").asInt()).isEqualTo(1);
        assertThat(idempotencyKeys).doesNotContainNull().doesNotHaveDuplicates();

        // WARNING_INTERVIEW issues a numbered record: listed under documents and on its timeline entry, downloadable
        actions.getByRole(AriaRole.BUTTON, inPart("预警约谈")).click();
        actions.getByLabel("约谈日期").fill(today().toString());
        actions.getByLabel("被约谈人").fill("王某某");
        actions.getByLabel("约谈人员").fill("张三、李四");
        actions.getByLabel("约谈内容").fill("告知其行为涉嫌违法占用耕地，应立即停止施工");
        actions.getByRole(AriaRole.BUTTON, inPart("提交“预警约谈”")).click();
        Locator interview = page.getByTestId("case-timeline").locator("li[data-action=WARNING_INTERVIEW]");
        assertThat(interview).containsText("预警约谈记录");
        JsonNode after = json(getJson(token(Role.OFFICER), "/api/v1/cases/" + caseId));
        JsonNode document = after.at("/documents/0");
        assertThat(document.path("type").asString()).isEqualTo("WARNING_INTERVIEW_RECORD");
        Locator documents = page.getByTestId("case-documents");
        assertThat(documents).containsText(document.path("number").asString());
        assertThat(interview).containsText(document.path("number").asString());
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("已办理")))
                .containsText("预警约谈记录");
        Download download = page.waitForDownload(() -> documents
                .getByRole(
                        AriaRole.BUTTON,
                        inPart("下载文书 " + document.path("number").asString()))
                .click());
        byte[] pdf = Files.readAllBytes(download.path());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(sha256(pdf)).isEqualTo(document.path("sha256").asString());
        screenshot(page, "case-timeline-desktop");
        page.locator("main").evaluate("main => main.scrollTo(0, 0)");
        screenshot(page, "case-detail-desktop");

        // the same case on a phone, and in English
        Page phone = phone();
        phone.navigate(url("/"));
        logIn(phone, "t-officer", "secret-officer");
        phone.navigate(url("/#/cases/" + caseId));
        assertThat(phone.getByTestId("case-status")).hasText("已核查");
        assertThat(phone.getByTestId("case-timeline")).containsText("预警约谈记录");
        screenshot(phone, "case-detail-phone");
        phone.getByRole(AriaRole.BUTTON, named("English")).click();
        assertThat(phone.getByTestId("case-status")).hasText("Verified");
        assertThat(phone.getByTestId("case-timeline")).containsText("Warning interview");
        // documents are issued in Chinese; the English console names them in English with the printed title
        assertThat(phone.getByTestId("case-timeline")).containsText("Record of the warning interview (预警约谈记录)");
        // its action forms too: fields named by their English titles, and so are the form's own complaints
        Locator phoneActions = phone.getByTestId("case-actions");
        phoneActions.getByRole(AriaRole.BUTTON, inPart("Warning interview")).click();
        assertThat(phoneActions).containsText("Record of the warning interview");
        phoneActions.getByLabel(label("Content of the interview")).fill("Told to stop building at once");
        phoneActions
                .getByRole(AriaRole.BUTTON, inPart("Submit “Warning interview”"))
                .click();
        assertThat(phoneActions.getByRole(AriaRole.ALERT)).containsText("“Interviewed on” is required");
        assertThat(phoneActions.getByLabel(label("Interviewed on"))).isFocused();
        screenshot(phone, "case-form-english-phone");

        // the one expected failure (the server's 422) is the only error the browser logged
        pageErrors.removeIf(e -> e.contains("status of 422"));
        assertThat(pageErrors).isEmpty();
    }

    @Test
    void caseListFiltersByStatusAndShowsOverdueSteps() throws Exception {
        String fresh = openCase(newClue()).path("id").asString();
        String old = openCase(newClue()).path("id").asString();
        verify(old, 60);
        stopOrder(old, 59);
        JsonNode oldCase = json(getJson(token(Role.OFFICER), "/api/v1/cases/" + old));
        JsonNode freshCase = json(getJson(token(Role.OFFICER), "/api/v1/cases/" + fresh));
        JsonNode overdue = json(getJson(token(Role.OFFICER), "/api/v1/cases/overdue"));
        assertThat(overdue.path("items").findValuesAsString("caseId")).contains(old);

        Page page = desktop();
        page.navigate(url("/"));
        logIn(page, "t-officer", "secret-officer");
        page.getByRole(AriaRole.LINK, named("案件")).click();
        String oldNumber = oldCase.path("number").asString();
        String freshNumber = freshCase.path("number").asString();
        assertThat(page.getByRole(AriaRole.LINK, named(oldNumber))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, named(freshNumber))).isVisible();

        page.getByLabel("案件状态").selectOption("STOP_ORDERED");
        assertThat(page.getByRole(AriaRole.LINK, named(freshNumber))).isHidden();
        assertThat(page.getByRole(AriaRole.LINK, named(oldNumber))).isVisible();

        screenshot(page, "case-list-desktop");

        // the stop order's compliance period ran out long ago: the step is listed as overdue, highlighted
        page.getByLabel("显示").selectOption("overdue");
        Locator row = page.locator("tr.overdue", new Page.LocatorOptions().setHasText(oldNumber));
        assertThat(row).containsText("责令停止违法行为整改期限");
        screenshot(page, "case-overdue-desktop");
        page.getByRole(AriaRole.LINK, named(oldNumber)).first().click();
        assertThat(page.getByTestId("case-deadlines").locator("tr.overdue"))
                .containsText(Pattern.compile("已逾期 \\d+ 天"));
        assertThat(pageErrors).isEmpty();
    }

    @Test
    void aStepWhoseAnswerIsLostIsSentAgainWithTheSameIdempotencyKey() throws Exception {
        String caseId = openCase(newClue()).path("id").asString();
        Page page = desktop();
        page.navigate(url("/"));
        logIn(page, "t-officer", "secret-officer");
        page.navigate(url("/#/cases/" + caseId));

        // the first submission reaches the server, but its answer is lost on the way back
        List<String> keys = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        page.route("**/api/v1/cases/*/transitions", route -> {
            keys.add(route.request().headerValue("idempotency-key"));
            bodies.add(route.request().postData());
            if (keys.size() == 1) {
                route.fetch();
                route.abort();
            } else {
                route.resume();
            }
        });
        Locator actions = page.getByTestId("case-actions");
        actions.getByRole(AriaRole.BUTTON, inPart("核查")).click();
        actions.getByLabel("核查结论").selectOption("CONFIRMED");
        actions.getByLabel("核查日期").fill(today().toString());
        actions.getByLabel("核查人员").fill("张三");
        actions.getByLabel("核查情况").fill("现场新建房屋一处");
        actions.getByRole(AriaRole.BUTTON, inPart("提交“核查”")).click();
        assertThat(actions.getByTestId("form-problem")).containsText("网络不可用");
        assertThat(actions).containsText("再次提交相同内容不会重复办理");

        // the retry of the same entries carries the same key, so the step is recorded once
        page.waitForResponse("**/transitions", () -> actions.getByRole(AriaRole.BUTTON, inPart("提交“核查”"))
                .click());
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0)).isNotBlank().isEqualTo(keys.get(1));
        assertThat(bodies.get(1)).isEqualTo(bodies.get(0));
        JsonNode after = json(getJson(token(Role.OFFICER), "/api/v1/cases/" + caseId));
        assertThat(after.path("timeline").findValuesAsString("action")).containsOnlyOnce("VERIFY");
        page.reload();
        assertThat(page.getByTestId("case-timeline").locator("li[data-action=VERIFY]"))
                .hasCount(1);
        pageErrors.removeIf(e -> e.contains("net::ERR_FAILED") || e.contains("status of 409"));
        assertThat(pageErrors).isEmpty();
    }

    @Test
    void thePenaltyDecisionFormShowsTheFineRangeAndTakesSeveralMeasures() throws Exception {
        String caseId = openCase(newClue()).path("id").asString();
        verify(caseId, 12);
        stopOrder(caseId, 11);
        file(caseId, 10, idNumber("37139919800101123"));
        survey(caseId, 9);
        double[] range = fineRange(caseId);
        notifyPenalty(caseId, 8, range[0]);

        Page page = desktop();
        page.navigate(url("/"));
        logIn(page, "t-officer", "secret-officer");
        page.navigate(url("/#/cases/" + caseId));
        Locator actions = page.getByTestId("case-actions");
        actions.getByRole(AriaRole.BUTTON, inPart("作出行政处罚决定")).click();
        assertThat(page.getByTestId("penalty-helper"))
                .containsText(String.format(java.util.Locale.ROOT, "罚款幅度：%,.2f – %,.2f 元", range[0], range[1]));
        screenshot(page, "case-decision-form-desktop");

        actions.getByLabel("决定日期").fill(today().toString());
        actions.getByLabel("责令退还非法占用的土地").check();
        actions.getByLabel("恢复土地原状").check();
        actions.getByLabel("罚款金额（元）").fill(String.valueOf(range[0]));
        actions.getByLabel("履行期限").fill(today().plusDays(15).toString());
        actions.getByLabel("处罚理由及依据").fill("依据《土地管理法》第七十七条作出处罚");
        actions.getByRole(AriaRole.BUTTON, inPart("提交“作出行政处罚决定”")).click();

        assertThat(page.getByTestId("case-status")).hasText("已作出处罚决定");
        Locator decided = page.getByTestId("case-timeline").locator("li[data-action=DECIDE_PENALTY]");
        assertThat(decided).containsText("责令退还非法占用的土地、恢复土地原状");
        assertThat(decided).containsText("行政处罚决定书");
        JsonNode after = json(getJson(token(Role.OFFICER), "/api/v1/cases/" + caseId));
        JsonNode data = after.at("/timeline/" + (after.path("timeline").size() - 1) + "/data");
        assertThat(data.path("measures").toString()).isEqualTo("[\"RETURN_LAND\",\"RESTORE_LAND\"]");
        assertThat(data.path("fineYuan").asDouble()).isEqualTo(range[0]);
        assertThat(page.getByTestId("case-deadlines")).containsText("处罚决定履行期限");
        assertThat(pageErrors).isEmpty();
    }
}
