package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gengbao.server.accounts.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 5, item 2: every document a lifecycle issues is fetched through the API, converted with poppler's
 * {@code pdftotext -layout}, and its text holds the case facts in Chinese: title, number, case number, party, area,
 * legal basis and the facts of that document (deadlines, fine, measures, ruling). The survey record holds the map and
 * the clue photo.
 */
class CaseDocumentTextTest extends CaseTestSupport {
    private static final Map<String, String> TITLES = Map.of(
            "WARNING_INTERVIEW_RECORD", "预警约谈记录",
            "STOP_ORDER", "责令停止违法行为通知书",
            "FILING_FORM", "立案审批表",
            "SURVEY_RECORD", "现场勘测笔录",
            "INQUIRY_RECORD", "询问笔录",
            "PENALTY_NOTICE", "行政处罚告知书",
            "PENALTY_DECISION", "行政处罚决定书",
            "DEMAND", "催告书",
            "ENFORCEMENT_APPLICATION", "强制执行申请书",
            "EXECUTION_REPORT", "执行情况报告");

    private static String cn(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String cnAgo(int days) {
        return cn(today().minusDays(days));
    }

    private static String dueOn(JsonNode c, String step) {
        String due = null;
        for (JsonNode d : c.path("deadlines")) {
            if (d.path("step").asString().equals(step)) {
                due = d.path("dueOn").asString();
            }
        }
        assertThat(due).as("deadline %s", step).isNotNull();
        return cn(LocalDate.parse(due));
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }

    @Test
    void everyDocumentOfALifecycleStatesTheCaseFactsInChinese() throws Exception {
        String officer = token(Role.OFFICER);
        String id = openCase(newClue()).path("id").asString();
        verify(id, 300);
        ok(
                officer,
                id,
                "WARNING_INTERVIEW",
                data().put("interviewedOn", ago(299))
                        .put("interviewee", "王某某")
                        .put("interviewers", "张三、李四")
                        .put("content", "告知当事人占用耕地建房违法，须立即停止")
                        .put("commitment", "停止施工"));
        stopOrder(id, 299);
        file(id, 295, idNumber("37130219800101123"));
        survey(id, 294);
        ok(
                officer,
                id,
                "RECORD_INQUIRY",
                data().put("inquiredOn", ago(293))
                        .put("interviewee", "王某某之子王小某")
                        .put("inquirers", "张三、李四")
                        .put("transcript", "问：房屋是谁建的？答：是我父亲王某某建的，没有办理用地手续。"));
        double[] range = fineRange(id);
        double proposed = Math.ceil(range[0]) + 1;
        double fine = Math.ceil(range[0]) + 2;
        assertThat(fine).isLessThanOrEqualTo(range[1]);
        notifyPenalty(id, 280, proposed);
        ok(officer, id, "DECIDE_PENALTY", decision(250, 220, fine));
        ok(officer, id, "SEND_DEMAND", data().put("demandedOn", ago(30)).put("content", "限十日内履行处罚决定"));
        ok(
                officer,
                id,
                "APPLY_COURT_ENFORCEMENT",
                data().put("appliedOn", ago(10))
                        .put("court", "耕保示范县人民法院国土资源巡回法庭")
                        .put("requests", "请求强制执行拆除违法建筑、退还土地"));
        ok(
                token(Role.COURT),
                id,
                "COURT_RULING",
                data().put("decision", "ALLOW")
                        .put("ruledOn", ago(1))
                        .put("rulingNumber", "（2026）巡执审88号")
                        .put("reason", "准予强制执行，由所在镇人民政府组织实施"));
        String after = uploadCasePhoto(token(Role.TOWN), id, 7951);
        ObjectNode exec = data().put("executedOn", ago(0))
                .put("executedBy", "某镇人民政府拆违工作组")
                .put("description", "违法建筑已拆除，土地已复垦");
        exec.putArray("photos").add(after);
        ok(token(Role.TOWN), id, "RECORD_EXECUTION", exec);

        JsonNode c = json(getJson(officer, "/api/v1/cases/" + id));
        String caseNumber = c.path("number").asString();
        double area = c.path("areaM2").asDouble();
        String areaText = String.format(Locale.ROOT, "%.2f平方米（%.2f亩）", area, area * 15 / 10000);
        String fineText = String.valueOf((long) fine);

        Map<String, List<String>> specific = new HashMap<>();
        specific.put("WARNING_INTERVIEW_RECORD", List.of("《中华人民共和国土地管理法》第六十七条", cnAgo(299), "停止施工"));
        specific.put("STOP_ORDER", List.of("《中华人民共和国土地管理法》第六十八条", cnAgo(299), dueOn(c, "STOP_COMPLIANCE"), "立即停止施工"));
        specific.put("FILING_FORM", List.of("《中华人民共和国行政处罚法》第五十四条", cnAgo(295), "王某某非法占用耕地建房案", "赵局长"));
        specific.put("SURVEY_RECORD", List.of("398.5", cnAgo(294), "面积（CGCS2000椭球面积）", "亩"));
        specific.put("INQUIRY_RECORD", List.of("王某某之子王小某", cnAgo(293), "没有办理用地手续"));
        specific.put(
                "PENALTY_NOTICE",
                List.of("第七十七条", "第六十三条", String.valueOf((long) proposed), "责令退还非法占用的土地", dueOn(c, "PARTY_STATEMENT")));
        specific.put(
                "PENALTY_DECISION",
                List.of(
                        "《中华人民共和国土地管理法》第七十七条",
                        fineText,
                        "限期拆除在非法占用的土地上新建的建筑物和其他设施",
                        cnAgo(250),
                        cnAgo(220),
                        dueOn(c, "APPEAL_WINDOW"),
                        // the range the fine was taken within, on the area measured on site
                        "计罚面积",
                        "398.50平方米",
                        "现场勘测实测面积",
                        "罚款标准",
                        "罚款幅度",
                        String.format(Locale.ROOT, "%.2f元至%.2f元", range[0], range[1])));
        specific.put(
                "DEMAND",
                List.of("《中华人民共和国行政强制法》第三十五条、第五十四条", fineText, cnAgo(220), cnAgo(30), dueOn(c, "DEMAND_RESPONSE")));
        specific.put(
                "ENFORCEMENT_APPLICATION",
                List.of("《中华人民共和国行政强制法》第五十三条", "国土资源巡回法庭", fineText, "责令退还非法占用的土地", cnAgo(30), cnAgo(10)));
        specific.put(
                "EXECUTION_REPORT", List.of("准予强制执行", "（2026）巡执审88号", cnAgo(1), "某镇人民政府拆违工作组", fineText, cnAgo(0)));

        Path dir = Files.createTempDirectory("case-docs");
        List<String> types = new ArrayList<>();
        for (JsonNode d : c.path("documents")) {
            String type = d.path("type").asString();
            types.add(type);
            var response = mvc.perform(get(d.path("href").asString()).header("Authorization", bearer(officer)))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentType()).isEqualTo("application/pdf");
            Path pdf = dir.resolve(type + ".pdf");
            Files.write(pdf, response.getContentAsByteArray());
            String text = squeeze(run(dir, "pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-"));
            assertThat(text)
                    .as(type)
                    .contains(
                            TITLES.get(type),
                            squeeze(d.path("number").asString()),
                            squeeze(caseNumber),
                            "王某某",
                            areaText,
                            "法律依据")
                    .contains(specific.get(type).stream()
                            .map(CaseDocumentTextTest::squeeze)
                            .toList());
            // documents are read by every role that sees the case: the ID number is never printed in full
            String fullId = idNumber("37130219800101123");
            assertThat(text).as(type).doesNotContain(fullId);
            if (type.equals("FILING_FORM")) {
                assertThat(text)
                        .as("the masked ID number on the filing form")
                        .contains(fullId.substring(0, 4)
                                + "*".repeat(fullId.length() - 8)
                                + fullId.substring(fullId.length() - 4));
            }
            if (type.equals("SURVEY_RECORD") || type.equals("EXECUTION_REPORT")) {
                String images = run(dir, "pdfimages", "-list", pdf.toString());
                long count = images.lines().skip(2).filter(l -> !l.isBlank()).count();
                assertThat(count).as("images in %s:%n%s", type, images).isGreaterThanOrEqualTo(1);
            }
        }
        assertThat(types).containsExactlyInAnyOrderElementsOf(TITLES.keySet());
    }
}
