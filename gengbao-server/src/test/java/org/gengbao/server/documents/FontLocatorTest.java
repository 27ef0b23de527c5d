package org.gengbao.server.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gengbao.server.web.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

/** Where the document font comes from, and the problems when there is none. */
class FontLocatorTest {
    private static final Path ZENHEI = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    @TempDir
    Path dir;

    @Test
    void aConfiguredFontThatDoesNotExistIsFontMissingNamingTheProperty() {
        Path missing = dir.resolve("no-such-font.ttf");
        FontLocator locator = new FontLocator(missing.toString(), null, List.of(ZENHEI));
        assertThatThrownBy(locator::open).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(p.code()).isEqualTo("FONT_MISSING");
            assertThat(p.zh()).contains("gengbao.documents.font", missing.toString());
            assertThat(p.getMessage()).contains("gengbao.documents.font", missing.toString());
        });
    }

    @Test
    void noConfiguredAndNoInstalledFontIsFontMissing() {
        FontLocator locator = new FontLocator(" ", null, List.of(dir.resolve("a.ttc"), dir.resolve("b.ttc")));
        assertThatThrownBy(locator::locate).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.code()).isEqualTo("FONT_MISSING");
            assertThat(p.zh()).contains("gengbao.documents.font").containsPattern("\\p{IsHan}");
            assertThat(p.getMessage()).contains("gengbao.documents.font");
        });
    }

    @Test
    void aFileThatIsNoFontIsFontUnreadable() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.ttf"), "not a font at all, just some text to parse");
        assertThatThrownBy(() -> new FontLocator(junk.toString(), null).open())
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(p.code()).isEqualTo("FONT_UNREADABLE");
                });
    }

    @Test
    void theFirstInstalledCandidateIsUsedAndACollectionFontCanBeChosenByName() throws Exception {
        assumeTrue(Files.isRegularFile(ZENHEI), "fonts-wqy-zenhei is not installed");
        FontLocator locator = new FontLocator(null, null, List.of(dir.resolve("absent.ttc"), ZENHEI));
        assertThat(locator.locate()).isEqualTo(ZENHEI);
        try (FontLocator.LoadedFont font = locator.open()) {
            assertThat(font.font().getName()).startsWith("WenQuanYi");
            assertThat(font.font().getUnicodeCmapLookup().getGlyphId('耕')).isPositive();
        }
        try (FontLocator.LoadedFont font = new FontLocator(ZENHEI.toString(), "WenQuanYiZenHeiMono").open()) {
            assertThat(font.font().getName()).isEqualTo("WenQuanYiZenHeiMono");
        }
        assertThatThrownBy(() -> new FontLocator(ZENHEI.toString(), "NoSuchFont").open())
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("FONT_UNREADABLE"));
    }
}
