package org.gengbao.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Both apps load from the server jar, log in, switch language, and show their frame at desktop and phone size. */
class ConsoleSmokeTest extends BrowserTestSupport {

    @Test
    void consoleLogsInInChineseAndSwitchesToEnglish() {
        Page page = desktop();
        page.navigate(url("/"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("登录")))
                .isVisible();
        logIn(page, "t-officer", "secret-officer");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("案件")))
                .isVisible();
        assertThat(page.getByTestId("map")).isVisible();
        screenshot(page, "console-desktop-zh");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English"))
                .click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cases")))
                .isVisible();
        assertThat(pageErrors).isEmpty();
    }

    @Test
    void wrongPasswordIsExplainedInChinese() {
        Page page = desktop();
        page.navigate(url("/"));
        logIn(page, "t-officer", "wrong");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText(Pattern.compile("登录失败"));
    }

    @Test
    void patrolAppLogsInOnAPhone() {
        Page page = phone();
        page.navigate(url("/m/"));
        logIn(page, "t-inspector", "secret-inspector");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出登录")))
                .isVisible();
        screenshot(page, "patrol-phone-zh");
        assertThat(pageErrors).isEmpty();
    }
}
