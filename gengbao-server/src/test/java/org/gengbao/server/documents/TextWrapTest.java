package org.gengbao.server.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Line breaking with one unit of width per character. */
class TextWrapTest {
    private static List<String> wrap(String text, int first, int width) {
        return TextWrap.wrap(text, first, width, String::length);
    }

    @Test
    void chineseBreaksBetweenAnyCharacters() {
        assertThat(wrap("当事人张某某擅自占用耕地建设养殖棚舍", 8, 8)).containsExactly("当事人张某某擅自", "占用耕地建设养殖", "棚舍");
        assertThat(wrap("当事人张某某擅自占用耕地", 6, 8)).containsExactly("当事人张某某", "擅自占用耕地");
    }

    @Test
    void closingPunctuationHangsAndOpeningPunctuationMovesOn() {
        assertThat(wrap("违反土地管理法，应予处罚", 7, 7)).containsExactly("违反土地管理法，", "应予处罚");
        assertThat(wrap("依据国家的《土地管理法》", 6, 6)).containsExactly("依据国家的", "《土地管理法》");
    }

    @Test
    void latinWordsBreakAtSpacesAndOverlongOnesAnywhere() {
        assertThat(wrap("area 1234.5 m2 measured", 12, 12)).containsExactly("area 1234.5", "m2 measured");
        assertThat(wrap("面积1234.5平方米", 6, 6)).containsExactly("面积", "1234.5", "平方米");
        assertThat(wrap("abcdefghijkl", 5, 5)).containsExactly("abcde", "fghij", "kl");
    }

    @Test
    void newlinesStartNewLinesAndEmptyTextIsOneEmptyLine() {
        assertThat(wrap("第一行\n第二行", 10, 10)).containsExactly("第一行", "第二行");
        assertThat(wrap("", 10, 10)).containsExactly("");
    }
}
