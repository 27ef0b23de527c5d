package org.gengbao.server.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gengbao.server.CaseTestSupport;
import org.gengbao.server.GengbaoApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser tests: the whole application on a random port (with the console and the patrol app built by gengbao-web)
 * driven by Playwright in Debian's headless Chromium ({@code /usr/bin/chromium}; {@code ./run-tests} installs it).
 * Screenshots go to {@code target/screenshots/}. Data for the pages comes from the API helpers of the case and patrol
 * tests (real uploads, real transitions). Runs on the embedded database only (tag {@code browser}); the
 * PostgreSQL run of the suite excludes it.
 */
@SpringBootTest(classes = GengbaoApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
public abstract class BrowserTestSupport extends CaseTestSupport {
    /** Desktop and phone viewports (a mid-range Android phone is about 393 × 851 CSS pixels). */
    protected static final int DESKTOP_WIDTH = 1440, DESKTOP_HEIGHT = 900, PHONE_WIDTH = 393, PHONE_HEIGHT = 851;

    protected static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = System.getProperty("gengbao.test.chromium", "/usr/bin/chromium");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    private final List<BrowserContext> contexts = new ArrayList<>();
    /** Errors the pages wrote to their console or threw; a test fails on any (see {@link #noPageErrors()}). */
    protected final List<String> pageErrors = new ArrayList<>();

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        // The variable lets context.setOffline (and context routes) reach a service worker's own requests too, so
        // that a test "without signal" really has none (the patrol app's offline test).
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(CHROMIUM))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A fresh browser profile (no storage, no service worker) at desktop size, in Chinese. */
    protected Page desktop() {
        return page(new Browser.NewContextOptions().setViewportSize(DESKTOP_WIDTH, DESKTOP_HEIGHT));
    }

    /** A fresh phone profile: small touch screen, with geolocation allowed (set with {@code setGeolocation}). */
    protected Page phone() {
        return page(new Browser.NewContextOptions()
                .setViewportSize(PHONE_WIDTH, PHONE_HEIGHT)
                .setDeviceScaleFactor(2.75)
                .setIsMobile(true)
                .setHasTouch(true)
                .setPermissions(List.of("geolocation")));
    }

    private Page page(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options.setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
        contexts.add(context);
        Page page = context.newPage();
        page.setDefaultTimeout(15_000);
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) pageErrors.add(m.text());
        });
        page.onPageError(e -> pageErrors.add(e));
        return page;
    }

    /** Logs in through the form of either app. */
    protected void logIn(Page page, String username, String password) {
        page.getByLabel(java.util.regex.Pattern.compile("账号|Username")).fill(username);
        page.getByLabel(java.util.regex.Pattern.compile("密码|Password")).fill(password);
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^(登录|Log in)$")))
                .click();
    }

    protected void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(false));
    }
}
