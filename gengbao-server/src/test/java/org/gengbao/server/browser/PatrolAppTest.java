package org.gengbao.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Geolocation;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.gengbao.server.ExifJpeg;
import org.gengbao.server.accounts.Role;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * The patrol phone app end to end on a phone-sized page: an inspector downloads today's task package, walks the
 * corners of a patch on basic farmland with the GPS while the track records, loses the signal, takes a photo and saves;
 * the record waits in IndexedDB, survives a reload without signal (the service worker serves the app), and goes up
 * when the signal returns, photo included, after which the app shows the verdict of the clue the server made.
 */
class PatrolAppTest extends BrowserTestSupport {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Map<String, String> VERDICT_ZH =
            Map.of("LEGAL", "合法", "ILLEGAL", "违法", "NEEDS_SITE_CHECK", "需现场核查", "NO_FARMLAND_INVOLVED", "不涉及耕地");

    /** Aborts every request, a service worker's included, as a phone without signal would see it. */
    private final Consumer<Route> noSignal = route -> route.abort("internetdisconnected");

    @Test
    void aPatchRecordedWithoutSignalIsUploadedWithItsPhotoWhenTheSignalReturns() throws Exception {
        Place place = nextPlace();
        String today = LocalDate.now(CHINA).toString();
        String note = "巡查浏览器测试 " + UUID.randomUUID().toString().substring(0, 8);
        String taskId = createTask(place, today, note);
        List<double[]> corners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            corners.add(rounded(lonLat(place.patch().getExteriorRing().getCoordinateN(i))));
        }
        double[] centre = rounded(lonLat(place.centre()));
        byte[] jpeg = ExifJpeg.photo(41, OffsetDateTime.now(ZoneOffset.ofHours(8)), true, centre[0], centre[1], 135.0);
        String photoSha = sha256(jpeg);

        Page page = phone();
        BrowserContext context = page.context();
        moveTo(context, centre);
        page.navigate(url("/m/"));
        logIn(page, "t-inspector", "secret-inspector");

        // today's task with its target; its package goes into IndexedDB
        Locator task = page.getByTestId("task-" + taskId);
        assertThat(task).containsText(note);
        task.getByText("巡查目标（1）").click();
        assertThat(task).containsText(place.parcelId());
        task.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("下载离线包"))
                .click();
        assertThat(task.getByTestId("package-info"))
                .containsText(Pattern.compile("离线包：\\d+(\\.\\d)? (B|KB|MB) · 下载于 \\d\\d:\\d\\d"));
        assertThat(task.getByRole(AriaRole.STATUS)).hasText("离线包已下载");
        screenshot(page, "patrol-1-tasks");
        // a second download finds the version unchanged and keeps the stored package
        task.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("检查并更新离线包"))
                .click();
        assertThat(task.getByRole(AriaRole.STATUS)).hasText("离线包已是最新");
        page.waitForFunction("() => navigator.serviceWorker.controller !== null");

        // on the map: GPS position, the track starts
        task.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("在地图上巡查"))
                .click();
        Locator gps = page.getByTestId("gps");
        assertThat(gps).containsText(shown(centre));
        assertThat(page.getByText("离线包未下载")).hasCount(0);
        button(page, "开始记录轨迹").click();
        assertThat(button(page, "停止轨迹（1 点）")).isVisible();

        // the signal goes
        goOffline(context);
        assertThat(page.getByTestId("offline-banner")).isVisible();

        // walk the patch's corners, adding each from the GPS position; a photo; save
        button(page, "新建观察").click();
        assertThat(page.getByLabel("类型")).hasValue("SUSPECTED_VIOLATION");
        for (int i = 0; i < corners.size(); i++) {
            moveTo(context, corners.get(i));
            assertThat(gps).containsText(shown(corners.get(i)));
            button(page, "在此处加角点").click();
            assertThat(page.getByTestId("draft-positions")).containsText("已加 " + (i + 1) + " 个角点");
        }
        assertThat(button(page, "停止轨迹（5 点）")).isVisible();
        page.getByLabel("说明").fill("疑似新建房屋，" + note);
        page.getByLabel("拍照").setInputFiles(new FilePayload("IMG_0001.jpg", "image/jpeg", jpeg));
        assertThat(page.getByTestId("draft-photos")).hasText("照片 1 张");
        screenshot(page, "patrol-2-map-patch");
        button(page, "保存").click();
        assertThat(page.getByText("已保存，等待上传")).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^上传")))
                .click();
        Locator summary = page.getByTestId("queue-summary");
        assertThat(summary).hasText("待上传：1 条");
        assertThat(page.getByTestId("queue-item")).containsText("疑似违法占地");
        screenshot(page, "patrol-3-queue-offline");

        // a reload without signal: the service worker serves the app, IndexedDB still holds the record
        page.reload();
        assertThat(summary).hasText("待上传：1 条");
        assertThat(page.getByTestId("queue-item")).containsText("待上传");
        assertThat(page.getByTestId("offline-banner")).isVisible();
        assertThat((Boolean) page.evaluate("() => navigator.serviceWorker.controller !== null"))
                .isTrue();
        // (the worker itself has no network either: a page it does not keep cannot be had)
        assertThat(page.evaluate(
                        "() => fetch('/m/not-kept-' + Date.now()).then(r => 'server ' + r.status, () => 'none')"))
                .isEqualTo("none");

        // the signal returns: sync, with progress to the end, and the verdict of the clue
        goOnline(context);
        assertThat(page.getByTestId("offline-banner")).hasCount(0);
        button(page, "立即同步").click();
        LocatorAssertions.HasTextOptions slow = new LocatorAssertions.HasTextOptions().setTimeout(60_000);
        assertThat(summary).hasText("待上传：0 条", slow);
        assertThat(page.getByTestId("sync-progress")).containsText("记录 1/1 · 照片 1/1");
        Locator verdict = page.getByTestId("verdict");
        assertThat(verdict).containsText(Pattern.compile("研判：\\S+"));
        assertThat(page.getByTestId("queue-item")).containsText("照片 1/1");
        screenshot(page, "patrol-4-synced-verdict");

        // through the API, as the officer: the record, its photo stored, and a clue at that place
        String officer = token(Role.OFFICER);
        JsonNode observation = observationWithPhoto(officer, today, taskId, photoSha);
        assertThat(observation.path("kind").asString()).isEqualTo("SUSPECTED_VIOLATION");
        assertThat(observation.path("note").asString()).contains(note);
        JsonNode photo = observation.path("photos").get(0);
        assertThat(photo.path("received").asBoolean()).isTrue();
        MockHttpServletResponse bytes =
                getJson(officer, photo.path("href").asString()).andReturn().getResponse();
        assertThat(bytes.getContentAsByteArray()).isEqualTo(jpeg);
        String clueId = observation.path("clue").path("id").asString();
        JsonNode clue = okJson(officer, "/api/v1/clues/" + clueId);
        assertThat(contains(clue.path("location"), centre))
                .as("the clue lies at the patch")
                .isTrue();
        assertThat(clue.path("evidence").findValues("sha256").stream().map(JsonNode::asString))
                .contains(photoSha);
        assertThat(clue.path("verdict").isNull()).isFalse();
        assertThat(verdict)
                .containsText("研判：" + VERDICT_ZH.get(clue.path("verdict").asString()));

        // walking on and stopping the track sends the rest of it as a record of its own
        double[] further = rounded(lonLat(new Coordinate(place.centre().x + 25, place.centre().y)));
        moveTo(context, further);
        assertThat(gps).containsText(shown(further));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^地图")))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^停止轨迹（\\d+ 点）$")))
                .click();
        assertThat(page.getByText("轨迹已结束并加入上传队列")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^上传")))
                .click();
        assertThat(page.getByTestId("queue-item")).hasCount(2);
        assertThat(summary).hasText("待上传：0 条", slow);
        JsonNode records = okJson(officer, "/api/v1/patrol/records?date=" + today + "&inspector=t-inspector&size=200");
        List<String> ofTask = new ArrayList<>();
        records.path("items").forEach(r -> {
            if (taskId.equals(r.path("taskId").asString(null)))
                ofTask.add(r.path("clientId").asString());
        });
        assertThat(ofTask).hasSize(2);
        for (String id : ofTask) {
            JsonNode r = okJson(officer, "/api/v1/patrol/records/" + id);
            assertThat(r.path("track").path("type").asString()).isEqualTo("LineString");
        }

        // a point tapped on the map (then discarded), and the English switch
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^地图")))
                .click();
        button(page, "新建观察").click();
        page.getByText("单点").click();
        page.getByText("地图点选").click();
        page.getByTestId("map").click();
        assertThat(page.getByTestId("draft-positions"))
                .containsText(Pattern.compile("位置 \\d+\\.\\d{6}, \\d+\\.\\d{6}"));
        page.onceDialog(dialog -> dialog.accept());
        button(page, "放弃").click();
        assertThat(button(page, "新建观察")).isVisible();
        button(page, "English").click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New observation")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Upload"))))
                .isVisible();

        // an outline outside the county: the server refuses it, the app shows why (in English now) and keeps it
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Map")))
                .click();
        button(page, "New observation").click();
        for (double[] far :
                List.of(new double[] {116.39, 39.9}, new double[] {116.391, 39.9}, new double[] {116.391, 39.901})) {
            moveTo(context, far);
            assertThat(gps).containsText(shown(far));
            button(page, "Add corner here").click();
        }
        button(page, "Save").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Upload")))
                .click();
        assertThat(summary).hasText("Waiting: 1", slow);
        Locator refused =
                page.getByTestId("queue-item").filter(new Locator.FilterOptions().setHasText("Upload failed"));
        assertThat(refused.getByRole(AriaRole.ALERT)).containsText("is not in the county");
        page.reload();
        assertThat(refused.getByRole(AriaRole.ALERT)).containsText("is not in the county");
        screenshot(page, "patrol-5-refused-en");

        // requests refused without signal are logged by the browser (the probe of the worker above among them), and
        // so is the refusal of the record outside the county
        assertThat(pageErrors)
                .as("errors other than requests refused while there was no signal")
                .allMatch(e -> e.equals("Failed to load resource: net::ERR_INTERNET_DISCONNECTED")
                        || e.equals("Failed to load resource: net::ERR_FAILED")
                        || e.equals("Failed to load resource: the server responded with a status of 422 ()"));
    }

    /**
     * The next morning without signal: the token of yesterday's login has expired, the phone cannot reach the server,
     * and the inspector still signs in, against the verifier of the password kept at the last online login. A wrong
     * password is refused as the server would; the right one opens an offline session with today's task and package,
     * where a point is recorded. With signal again the app asks for an online sign-in, after which the record goes up.
     * A token the server refuses during a sync leaves the queue intact and the inspector at work; five wrong offline
     * passwords delete the verifier.
     */
    @Test
    void anInspectorSignsInWithoutSignalAndTheRecordsGoUpAfterSigningInOnline() throws Exception {
        Place place = nextPlace();
        String today = LocalDate.now(CHINA).toString();
        String note = "离线登录测试 " + UUID.randomUUID().toString().substring(0, 8);
        String taskId = createTask(place, today, note);
        double[] centre = rounded(lonLat(place.centre()));
        byte[] jpeg = ExifJpeg.photo(43, OffsetDateTime.now(ZoneOffset.ofHours(8)), true, centre[0], centre[1], 90.0);

        Page page = phone();
        BrowserContext context = page.context();
        moveTo(context, centre);
        page.navigate(url("/m/"));
        logIn(page, "t-inspector", "secret-inspector");
        Locator task = page.getByTestId("task-" + taskId);
        task.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("下载离线包"))
                .click();
        assertThat(task.getByRole(AriaRole.STATUS)).hasText("离线包已下载");
        page.waitForFunction("() => navigator.serviceWorker.controller !== null");
        // the phone keeps a PBKDF2 verifier of the password in IndexedDB, never the password
        assertThat(page.evaluate(VERIFIER)).isEqualTo("310000 16 32 t-inspector");
        assertThat((String) page.evaluate("() => JSON.stringify(localStorage)")).doesNotContain("secret-inspector");

        // the next morning: the token has expired, and there is no signal
        page.evaluate(
                "() => { const s = JSON.parse(localStorage.getItem('gengbao.session'));"
                        + " s.expiresAt = '2000-01-01T00:00:00Z'; localStorage.setItem('gengbao.session', JSON.stringify(s)); }");
        goOffline(context);
        page.reload();
        logIn(page, "t-inspector", "wrong-password");
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("登录失败：用户名或密码错误");
        assertThat(page.getByText("无信号时只能离线登录曾在本机在线登录过的账号")).isVisible();
        logIn(page, "t-inspector", "secret-inspector");
        Locator banner = page.getByTestId("offline-session");
        assertThat(banner).hasText("已离线登录：记录保存在本机，在线登录后上传");
        assertThat(task).containsText(note);
        assertThat(task.getByTestId("package-info")).containsText("下载于");
        assertThat(page.getByText(Pattern.compile("^离线：显示 .* 获取的任务$"))).isVisible();
        screenshot(page, "patrol-offline-1-signed-in");

        // a point with a note and a photo, queued for the inspector
        task.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("在地图上巡查"))
                .click();
        savePoint(page, "界桩旁，" + note, jpeg);
        Locator summary = page.getByTestId("queue-summary");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^上传")))
                .click();
        assertThat(summary).hasText("待上传：1 条");

        // signal again: the app asks for an online sign-in (the username filled in), then sends the queue
        goOnline(context);
        assertThat(banner).containsText("有信号了，请在线登录以上传记录。");
        assertThat(summary).hasText("待上传：1 条");
        banner.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("在线登录"))
                .click();
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("在线登录以上传"));
        assertThat(dialog.getByLabel("账号")).hasValue("t-inspector");
        dialog.getByLabel("密码").fill("secret-inspector");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("登录"))
                .click();
        assertThat(banner).hasCount(0);
        LocatorAssertions.HasTextOptions slow = new LocatorAssertions.HasTextOptions().setTimeout(60_000);
        assertThat(summary).hasText("待上传：0 条", slow);
        String officer = token(Role.OFFICER);
        JsonNode observation = observationNoted(officer, today, taskId, note);
        assertThat(observation.path("kind").asString()).isEqualTo("NOTE");
        assertThat(observation.path("photos").get(0).path("received").asBoolean())
                .isTrue();

        // a record waits, the token is refused at the sync (revoked, or expired while the app was open): the
        // inspector stays at work in an offline session, the record stays queued and goes up after signing in
        goOffline(context);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^地图")))
                .click();
        String second = "令牌失效后 " + note;
        savePoint(page, second, null);
        page.evaluate("() => { const s = JSON.parse(localStorage.getItem('gengbao.session'));"
                + " s.token = 'refused-' + s.token; localStorage.setItem('gengbao.session', JSON.stringify(s)); }");
        page.reload();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^上传")))
                .click();
        assertThat(summary).hasText("待上传：1 条");
        goOnline(context);
        assertThat(banner).containsText("登录已过期：记录保存在本机，在线登录后上传");
        assertThat(summary).hasText("待上传：1 条");
        assertThat(page.getByTestId("queue-item").first()).containsText("待上传");
        button(page, "立即同步").click();
        assertThat(dialog.getByLabel("账号")).hasValue("t-inspector");
        dialog.getByLabel("密码").fill("secret-inspector");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("登录"))
                .click();
        assertThat(summary).hasText("待上传：0 条", slow);
        assertThat(observationNoted(officer, today, taskId, second).path("kind").asString())
                .isEqualTo("NOTE");

        // logging out keeps the verifier; five wrong offline passwords in a row delete it
        goOffline(context);
        button(page, "退出登录").click();
        for (int i = 0; i < 5; i++) {
            logIn(page, "t-inspector", "wrong-" + i);
            assertThat(page.getByRole(AriaRole.ALERT)).hasText("登录失败：用户名或密码错误");
        }
        assertThat(page.evaluate(VERIFIER)).isEqualTo("none");
        logIn(page, "t-inspector", "secret-inspector");
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("登录失败：网络不可用：无法连接服务器");
        assertThat(banner).hasCount(0);

        assertThat(pageErrors)
                .as("errors other than requests refused without signal and the refused token")
                .allMatch(e -> e.equals("Failed to load resource: net::ERR_INTERNET_DISCONNECTED")
                        || e.equals("Failed to load resource: net::ERR_FAILED")
                        || e.equals("Failed to load resource: the server responded with a status of 401 ()"));
    }

    /**
     * A record the server refuses can be corrected in the queue: a point taken from a bad GPS fix far away (too
     * imprecise for the track, but taken as the observation's position) is refused as outside the county; the queue
     * shows why, in the language chosen, and the inspector deletes the observation (after a confirmation, its photo
     * bytes with it) and retries: the record goes up with its track.
     */
    @Test
    void aRefusedRecordIsCorrectedInTheQueueAndGoesUp() throws Exception {
        Place place = nextPlace();
        String today = LocalDate.now(CHINA).toString();
        String note = "拒收更正测试 " + UUID.randomUUID().toString().substring(0, 8);
        String taskId = createTask(place, today, note);
        double[] centre = rounded(lonLat(place.centre()));
        double[] step = rounded(lonLat(new Coordinate(place.centre().x + 10, place.centre().y)));
        double[] far = {116.39, 39.9};
        byte[] jpeg = ExifJpeg.photo(47, OffsetDateTime.now(ZoneOffset.ofHours(8)), true, far[0], far[1], 0.0);
        String photoSha = sha256(jpeg);

        Page page = phone();
        BrowserContext context = page.context();
        moveTo(context, centre);
        page.navigate(url("/m/"));
        logIn(page, "t-inspector", "secret-inspector");
        page.getByTestId("task-" + taskId)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("在地图上巡查"))
                .click();
        Locator gps = page.getByTestId("gps");
        assertThat(gps).containsText(shown(centre));
        button(page, "开始记录轨迹").click();
        assertThat(button(page, "停止轨迹（1 点）")).isVisible();
        moveTo(context, step);
        assertThat(gps).containsText(shown(step));
        assertThat(button(page, "停止轨迹（2 点）")).isVisible();
        context.setGeolocation(new Geolocation(far[1], far[0]).setAccuracy(500));
        assertThat(gps).containsText(shown(far));
        savePoint(page, note, jpeg);
        assertThat(button(page, "停止轨迹（2 点）")).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^上传")))
                .click();
        Locator summary = page.getByTestId("queue-summary");
        Locator item = page.getByTestId("queue-item");
        LocatorAssertions.HasTextOptions slow = new LocatorAssertions.HasTextOptions().setTimeout(60_000);
        assertThat(item.getByRole(AriaRole.ALERT))
                .containsText("不在本县范围内", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(item).containsText("上传失败");
        assertThat(item).containsText("服务器拒收了这条记录：可更正后重试，或放弃它。");
        assertThat(summary).hasText("待上传：1 条");
        // the server's message follows the language
        button(page, "English").click();
        assertThat(item.getByRole(AriaRole.ALERT)).containsText("is not in the county");
        button(page, "中文").click();
        assertThat(photoStored(page, photoSha)).isTrue();

        // correct: the observation's kind and note can be edited; this one is deleted, after a confirmation
        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("更正"))
                .click();
        assertThat(item.getByLabel("说明")).hasValue(note);
        assertThat(item.getByLabel("类型")).hasValue("NOTE");
        List<String> asked = new ArrayList<>();
        page.onceDialog(dialog -> {
            asked.add(dialog.message());
            dialog.dismiss();
        });
        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("删除此观察"))
                .click();
        assertThat(item.getByTestId("fix-observation")).hasCount(1);
        assertThat(asked).containsExactly("删除这个观察及其 1 张照片？无法撤销。");
        assertThat(photoStored(page, photoSha))
                .as("nothing goes without the inspector's yes")
                .isTrue();
        page.onceDialog(dialog -> dialog.accept());
        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("删除此观察"))
                .click();
        assertThat(item.getByTestId("fix-observation")).hasCount(0);
        assertThat(item).containsText("轨迹 2 点");
        assertThat(photoStored(page, photoSha)).isFalse();
        screenshot(page, "patrol-6-refused-corrected");
        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存并重试"))
                .click();
        assertThat(summary).hasText("待上传：0 条", slow);
        assertThat(item).containsText("已上传");

        // through the API: the task's one record, with its track and without the refused observation
        String officer = token(Role.OFFICER);
        JsonNode records = okJson(officer, "/api/v1/patrol/records?date=" + today + "&inspector=t-inspector&size=200");
        List<String> ofTask = new ArrayList<>();
        records.path("items").forEach(r -> {
            if (taskId.equals(r.path("taskId").asString(null)))
                ofTask.add(r.path("clientId").asString());
        });
        assertThat(ofTask).hasSize(1);
        JsonNode record = okJson(officer, "/api/v1/patrol/records/" + ofTask.get(0));
        assertThat(record.path("track").path("type").asString()).isEqualTo("LineString");
        assertThat(record.path("observations").size()).isZero();

        assertThat(pageErrors)
                .allMatch(e -> e.equals("Failed to load resource: the server responded with a status of 422 ()"));
    }

    /**
     * Packages of tasks more than a week past go when the app starts, and so do those of today's tasks no longer in
     * the inspector's list; a past task's package that a queued record still names stays.
     */
    @Test
    void packagesOfPastTasksArePrunedUnlessAQueuedRecordNeedsThem() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String old = "old-" + suffix;
        String needed = "needed-" + suffix;
        String dropped = "dropped-" + suffix;
        String past = LocalDate.now(CHINA).minusDays(8).toString();
        String today = LocalDate.now(CHINA).toString();

        Page page = phone();
        page.navigate(url("/m/"));
        logIn(page, "t-inspector", "secret-inspector");
        assertThat(button(page, "刷新")).isEnabled();
        // (the queued record is another inspector's on this phone: it is not sent under this session, and still counts)
        page.evaluate(
                "([old, needed, dropped, past, today]) => new Promise((resolve, reject) => {"
                        + " const open = indexedDB.open('gengbao-patrol'); open.onerror = reject;"
                        + " open.onsuccess = () => { const tx = open.result.transaction(['packages', 'queue'], 'readwrite');"
                        + " const pkg = (id, date) => ({taskId: id, user: 't-inspector', version: 'v', downloadedAt: date + 'T08:00:00Z',"
                        + "   sizeBytes: 10, data: {task: {id, date, dueDate: date}}});"
                        + " tx.objectStore('packages').put(pkg(old, past)); tx.objectStore('packages').put(pkg(needed, past));"
                        + " tx.objectStore('packages').put(pkg(dropped, today));"
                        + " tx.objectStore('queue').put({clientId: 'queued-' + needed, user: 'someone-else', createdAt: past + 'T08:00:00Z',"
                        + "   body: '{}', summary: {taskId: needed, trackPoints: 0, observations: []}, photos: [], state: 'pending',"
                        + "   recordAccepted: false, confirmedPhotos: [], attempts: 0, error: null, clues: []});"
                        + " tx.oncomplete = () => { open.result.close(); resolve(); }; tx.onerror = reject; }; })",
                List.of(old, needed, dropped, past, today));

        page.reload();
        // pruned at the start, and after the task list came (it is loading until then, the button disabled)
        assertThat(button(page, "刷新")).isEnabled();
        assertThat(storedPackages(page)).contains(needed).doesNotContain(old, dropped);
    }

    /** The task ids of the packages stored on the phone. */
    private static final String STORED_PACKAGES = "() => new Promise((resolve, reject) => {"
            + " const open = indexedDB.open('gengbao-patrol'); open.onerror = reject;"
            + " open.onsuccess = () => { const get = open.result.transaction('packages').objectStore('packages').getAllKeys();"
            + " get.onerror = reject; get.onsuccess = () => { open.result.close(); resolve(get.result); }; }; })";

    @SuppressWarnings("unchecked")
    private static List<String> storedPackages(Page page) {
        return (List<String>) page.evaluate(STORED_PACKAGES);
    }

    /** Whether the photo's bytes are in the phone's IndexedDB. */
    private static boolean photoStored(Page page, String sha) {
        return (Boolean) page.evaluate(
                "(sha) => new Promise((resolve, reject) => {"
                        + " const open = indexedDB.open('gengbao-patrol'); open.onerror = reject;"
                        + " open.onsuccess = () => { const get = open.result.transaction('photos').objectStore('photos').get(sha);"
                        + " get.onerror = reject; get.onsuccess = () => { open.result.close(); resolve(!!get.result); }; }; })",
                sha);
    }

    /** The stored offline verifier of t-inspector as "iterations saltBytes hashBytes username", or "none". */
    private static final String VERIFIER = "() => new Promise((resolve, reject) => {"
            + " const open = indexedDB.open('gengbao-patrol'); open.onerror = reject;"
            + " open.onsuccess = () => { const get = open.result.transaction('verifiers').objectStore('verifiers')"
            + " .get('t-inspector'); get.onerror = reject; get.onsuccess = () => { const v = get.result; open.result.close();"
            + " resolve(v ? [v.iterations, v.salt.byteLength, v.hash.byteLength, v.user.username].join(' ') : 'none'); }; };"
            + " })";

    /** On the map: a NOTE point at the GPS position with this note (and photo), saved to the queue. */
    private static void savePoint(Page page, String note, byte[] jpeg) {
        button(page, "新建观察").click();
        page.getByLabel("类型").selectOption("NOTE");
        page.getByText("单点").click();
        button(page, "用当前位置").click();
        assertThat(page.getByTestId("draft-positions")).containsText("位置 ");
        page.getByLabel("说明").fill(note);
        if (jpeg != null) {
            page.getByLabel("拍照").setInputFiles(new FilePayload("IMG_0002.jpg", "image/jpeg", jpeg));
            assertThat(page.getByTestId("draft-photos")).hasText("照片 1 张");
        }
        button(page, "保存").click();
        assertThat(page.getByText("已保存，等待上传")).isVisible();
    }

    /** The observation of the task's records (t-inspector, that day) whose note contains the text. */
    private JsonNode observationNoted(String token, String date, String taskId, String text) throws Exception {
        JsonNode records = okJson(token, "/api/v1/patrol/records?date=" + date + "&inspector=t-inspector&size=200");
        for (JsonNode item : records.path("items")) {
            if (!taskId.equals(item.path("taskId").asString(null))) continue;
            JsonNode record = okJson(
                    token, "/api/v1/patrol/records/" + item.path("clientId").asString());
            for (JsonNode o : record.path("observations")) {
                if (o.path("note").asString("").contains(text)) return o;
            }
        }
        throw new AssertionError("no observation of task " + taskId + " noted " + text + " in " + records);
    }

    private String createTask(Place place, String date, String note) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("gridCode", villageA1);
        body.put("date", date);
        body.put("assignee", "t-inspector");
        body.put("area", geoJson(place.parcel().buffer(40).getEnvelope()));
        body.put("targets", List.of(Map.of("type", "PARCEL", "id", place.parcelId())));
        body.put("note", note);
        ResultActions created = mvc.perform(post("/api/v1/patrol/tasks")
                .header("Authorization", bearer(token(Role.OFFICER)))
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)));
        assertThat(created.andReturn().getResponse().getStatus()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    private JsonNode observationWithPhoto(String token, String date, String taskId, String sha) throws Exception {
        JsonNode records = okJson(token, "/api/v1/patrol/records?date=" + date + "&inspector=t-inspector&size=200");
        for (JsonNode item : records.path("items")) {
            if (!taskId.equals(item.path("taskId").asString(null))) continue;
            JsonNode record = okJson(
                    token, "/api/v1/patrol/records/" + item.path("clientId").asString());
            for (JsonNode o : record.path("observations")) {
                for (JsonNode p : o.path("photos")) {
                    if (sha.equals(p.path("sha256").asString())) return o;
                }
            }
        }
        throw new AssertionError("no observation of task " + taskId + " with photo " + sha + " in " + records);
    }

    private JsonNode okJson(String token, String path) throws Exception {
        ResultActions r = getJson(token, path);
        assertThat(r.andReturn().getResponse().getStatus()).as(path).isEqualTo(200);
        return json(r);
    }

    /** Whether a GeoJSON geometry's bounding box holds the lon/lat point. */
    private static boolean contains(JsonNode geometry, double[] lonLat) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        collect(geometry.path("coordinates"), box);
        return box[0] <= lonLat[0] && lonLat[0] <= box[2] && box[1] <= lonLat[1] && lonLat[1] <= box[3];
    }

    private static void collect(JsonNode coordinates, double[] box) {
        if (coordinates.isArray()
                && coordinates.size() >= 2
                && coordinates.get(0).isNumber()) {
            box[0] = Math.min(box[0], coordinates.get(0).asDouble());
            box[1] = Math.min(box[1], coordinates.get(1).asDouble());
            box[2] = Math.max(box[2], coordinates.get(0).asDouble());
            box[3] = Math.max(box[3], coordinates.get(1).asDouble());
            return;
        }
        coordinates.forEach(c -> collect(c, box));
    }

    private static void moveTo(BrowserContext context, double[] lonLat) {
        context.setGeolocation(new Geolocation(lonLat[1], lonLat[0]).setAccuracy(4));
    }

    private void goOffline(BrowserContext context) {
        context.setOffline(true);
        context.route("**/*", noSignal);
    }

    private void goOnline(BrowserContext context) {
        context.unroute("**/*", noSignal);
        context.setOffline(false);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    /** Six decimals, as the app shows positions (and as the test places the phone, so both agree exactly). */
    private static double[] rounded(double[] lonLat) {
        return new double[] {Math.round(lonLat[0] * 1e6) / 1e6, Math.round(lonLat[1] * 1e6) / 1e6};
    }

    private static String shown(double[] lonLat) {
        return String.format(Locale.ROOT, "%.6f, %.6f", lonLat[0], lonLat[1]);
    }
}
