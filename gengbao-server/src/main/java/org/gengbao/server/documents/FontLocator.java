package org.gengbao.server.documents;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.gengbao.server.web.Problem;
import org.springframework.http.HttpStatus;

/**
 * Finds and opens the CJK TrueType font embedded (as a subset) in documents: the file named by {@code
 * gengbao.documents.font}, else the first installed of {@link #DEFAULT_FONTS}. A configured file that is missing is an
 * error (no silent fallback). CFF-based OpenType fonts (e.g. Noto CJK) cannot be embedded as subsets by PDFBox and are
 * refused.
 */
final class FontLocator {
    /** Debian packages fonts-wqy-zenhei, fonts-wqy-microhei, fonts-arphic-uming. */
    static final List<Path> DEFAULT_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

    static final String PROPERTY = "gengbao.documents.font";

    private final String configured;
    private final String fontName;
    private final List<Path> candidates;
    private LoadedFont shared;

    FontLocator(String configured, String fontName) {
        this(configured, fontName, DEFAULT_FONTS);
    }

    FontLocator(String configured, String fontName, List<Path> candidates) {
        this.configured = configured == null || configured.isBlank() ? null : configured.trim();
        this.fontName = fontName == null || fontName.isBlank() ? null : fontName.trim();
        this.candidates = List.copyOf(candidates);
    }

    /** The font file to use, or a 503 FONT_MISSING problem naming the property. */
    Path locate() {
        if (configured != null) {
            Path p = Path.of(configured);
            if (!Files.isRegularFile(p)) {
                throw new Problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "FONT_MISSING",
                        "无法生成文书：配置项 " + PROPERTY + " 指定的中文字体文件“" + configured + "”不存在，请指定 TrueType 字体（.ttf 或 .ttc）的路径",
                        "Cannot render documents: the CJK font file \"" + configured + "\" named by " + PROPERTY
                                + " does not exist; set it to a TrueType font (.ttf or .ttc)");
            }
            return p;
        }
        return candidates.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new Problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "FONT_MISSING",
                        "无法生成文书：未找到中文字体。请安装 fonts-wqy-zenhei，或用配置项 " + PROPERTY + " 指定 TrueType 字体（.ttf 或 .ttc）的路径",
                        "Cannot render documents: no CJK font found. Install fonts-wqy-zenhei or set " + PROPERTY
                                + " to the path of a TrueType font (.ttf or .ttc)"));
    }

    /**
     * The font opened once and kept open (parsing a CJK collection takes up to a second; a document takes tens of
     * milliseconds). A {@code TrueTypeFont} is not thread-safe: documents using it synchronize on the returned object.
     * A missing font is looked for again at the next call, so installing it needs no restart.
     */
    synchronized LoadedFont shared() {
        if (shared == null) {
            shared = open();
        }
        return shared;
    }

    /** Opens the font; the caller closes it after the document using it is saved. */
    LoadedFont open() {
        Path path = locate();
        try {
            if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
                try {
                    TrueTypeFont font = fontName != null ? collection.getFontByName(fontName) : first(collection);
                    if (font == null) {
                        throw unreadable(
                                path,
                                "集合中没有名为“" + fontName + "”的字体",
                                "the collection has no font named \"" + fontName + "\"");
                    }
                    return new LoadedFont(path, checked(path, font), collection);
                } catch (IOException | RuntimeException e) {
                    collection.close();
                    throw e;
                }
            }
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
            try {
                return new LoadedFont(path, checked(path, font), font);
            } catch (RuntimeException e) {
                font.close();
                throw e;
            }
        } catch (IOException e) {
            throw unreadable(
                    path, "文件无法读取（" + e.getMessage() + "）", "the file cannot be read (" + e.getMessage() + ")");
        }
    }

    private static TrueTypeFont first(TrueTypeCollection collection) throws IOException {
        TrueTypeFont[] first = new TrueTypeFont[1];
        collection.processAllFonts(f -> {
            if (first[0] == null) {
                first[0] = f;
            }
        });
        return first[0];
    }

    private static TrueTypeFont checked(Path path, TrueTypeFont font) {
        if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
            throw unreadable(
                    path,
                    "这是 CFF 轮廓的 OpenType 字体，无法以子集方式嵌入，请改用 TrueType 轮廓的字体（如文泉驿正黑）",
                    "it is a CFF-based OpenType font, which cannot be embedded as a subset; use a TrueType-outline font"
                            + " (e.g. WenQuanYi Zen Hei)");
        }
        return font;
    }

    private static Problem unreadable(Path path, String zh, String en) {
        return new Problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "FONT_UNREADABLE",
                "无法生成文书：中文字体“" + path + "”不可用：" + zh + "（配置项 " + PROPERTY + "）",
                "Cannot render documents: the CJK font \"" + path + "\" is unusable: " + en + " (property " + PROPERTY
                        + ")");
    }

    /** An open font and what to close when done with it. */
    record LoadedFont(Path path, TrueTypeFont font, Closeable owner) implements Closeable {
        @Override
        public void close() {
            try {
                owner.close();
            } catch (IOException e) {
                // read-only file: nothing lost
            }
        }
    }
}
