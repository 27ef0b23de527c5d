package org.gengbao.server.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Breaks text into lines of a width. Chinese text may break between any two characters; runs of Latin letters and
 * digits break only at spaces (or, when longer than a line, anywhere); closing punctuation never starts a line (it
 * hangs at the end of the previous one) and opening punctuation never ends one.
 */
final class TextWrap {
    private static final String CLOSING = "，。、；：？！）》」』”’】〕…,.;:?!)]}%";
    private static final String OPENING = "（《「『“‘【〔([{";

    private TextWrap() {}

    /**
     * @param firstWidth width of the first line (less when it is indented)
     * @param width width of the further lines
     * @param measure width of a string
     */
    static List<String> wrap(String text, double firstWidth, double width, ToDoubleFunction<String> measure) {
        List<String> lines = new ArrayList<>();
        for (String part : text.split("\\R", -1)) {
            wrapLine(part, lines.isEmpty() ? firstWidth : width, width, measure, lines);
        }
        return lines;
    }

    private static void wrapLine(
            String text, double firstWidth, double width, ToDoubleFunction<String> measure, List<String> out) {
        StringBuilder line = new StringBuilder();
        double used = 0;
        double limit = firstWidth;
        int start = out.size();
        for (String token : tokens(text)) {
            double w = measure.applyAsDouble(token);
            if (used + w <= limit + 1e-6) {
                if (!(line.isEmpty() && token.isBlank())) {
                    line.append(token);
                    used += w;
                }
                continue;
            }
            if (token.isBlank()) {
                out.add(line.toString().stripTrailing());
                line.setLength(0);
                used = 0;
                limit = width;
                continue;
            }
            if (!line.isEmpty() && token.length() == 1 && CLOSING.indexOf(token.charAt(0)) >= 0) {
                line.append(token); // hanging punctuation
                used += w;
                continue;
            }
            String carry = "";
            if (line.length() > 1 && OPENING.indexOf(line.charAt(line.length() - 1)) >= 0) {
                carry = line.substring(line.length() - 1);
                line.setLength(line.length() - 1);
            }
            if (!line.isEmpty()) {
                out.add(line.toString().stripTrailing());
                limit = width;
            }
            line.setLength(0);
            line.append(carry);
            used = carry.isEmpty() ? 0 : measure.applyAsDouble(carry);
            if (used + w <= limit + 1e-6) {
                line.append(token);
                used += w;
            } else {
                // a word longer than a line: break it anywhere
                for (int i = 0; i < token.length(); ) {
                    int cp = token.codePointAt(i);
                    String c = new String(Character.toChars(cp));
                    double cw = measure.applyAsDouble(c);
                    if (used + cw > limit + 1e-6 && !line.isEmpty()) {
                        out.add(line.toString());
                        line.setLength(0);
                        used = 0;
                        limit = width;
                    }
                    line.append(c);
                    used += cw;
                    i += Character.charCount(cp);
                }
            }
        }
        if (!line.isEmpty() || out.size() == start) {
            out.add(line.toString().stripTrailing());
        }
    }

    /** Words of Latin letters and digits, runs of spaces, and single other characters. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int j = i + Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                while (j < text.length() && Character.isWhitespace(text.codePointAt(j))) {
                    j += Character.charCount(text.codePointAt(j));
                }
            } else if (latin(cp)) {
                while (j < text.length() && latin(text.codePointAt(j))) {
                    j += Character.charCount(text.codePointAt(j));
                }
            }
            tokens.add(text.substring(i, j));
            i = j;
        }
        return tokens;
    }

    private static boolean latin(int cp) {
        return cp < 0x2E80 && Character.isLetterOrDigit(cp) || cp == '-' || cp == '_' || cp == '.' || cp == '@';
    }
}
