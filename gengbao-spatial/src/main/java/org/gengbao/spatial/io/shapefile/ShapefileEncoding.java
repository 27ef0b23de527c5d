package org.gengbao.spatial.io.shapefile;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the character set of a shapefile's attribute text, in this order:
 *
 * <ol>
 *   <li>the encoding the user named explicitly;
 *   <li>the {@code .cpg} file ("GBK", "936", "CP936", "ANSI 936", "GB2312", "GB18030", "UTF-8", "UTF8", "65001", any
 *       Windows/ISO code page number or Java charset name; unknown or vague values such as "SYSTEM" or "OEM" are
 *       ignored);
 *   <li>the dBASE language driver id (byte 29 of the .dbf header), but only the East Asian ones: 0x4D/0x7A (GBK, code
 *       page 936), 0x4F/0x78 (Big5), 0x4E/0x79 (Korean), 0x13/0x7B (Japanese). 0x00 means "not set" and 0x57 means
 *       "ANSI", i.e. the writing computer's code page — GBK on a Chinese Windows; Western code pages are in practice
 *       tool defaults rather than the truth in county data. All of these fall through to detection;
 *   <li>detection: UTF-8 if every non-ASCII text sampled from the file is valid UTF-8, otherwise GBK.
 * </ol>
 *
 * <p>GBK, GB2312, CP936 and GB18030 are all <em>read</em> as GB18030, their common superset: it decodes every valid
 * GBK byte pair (100 pairs map to standard code points where GBK used the private use area) and also the four-byte
 * sequences GB18030-aware tools write for rare characters of personal and place names. Decoding stays strict.
 */
final class ShapefileEncoding {
    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset GBK = Charset.forName("GBK");

    private static final Set<String> GBK_FAMILY = Set.of("GBK", "GB2312", "GB18030", "x-mswin-936", "x-EUC-CN");
    private static final Pattern CODE_PAGE = Pattern.compile("(?:ANSI|CP|MS|WINDOWS|IBM)?[-_ ]?(\\d{3,5})");
    private static final Pattern ISO_8859 = Pattern.compile("(?:ISO)?[-_ ]?8859[-_ ]?(\\d{1,2})");

    /** Where the charset came from. */
    enum Source {
        OVERRIDE,
        CPG,
        LANGUAGE_DRIVER,
        DETECTED
    }

    /**
     * The decision.
     *
     * @param charset the charset to decode with, {@code null} while it is still to be detected
     * @param declared what the source said, for messages ("GBK", "936", "0x4D"); {@code null} when detected
     */
    record Choice(Charset charset, Source source, String declared) {
        /** The encoding's name for messages: as declared by the user or the .cpg, else the charset's. */
        String name(Charset decoding) {
            return source == Source.OVERRIDE || source == Source.CPG
                    ? declared
                    : ShapefileEncoding.displayName(decoding);
        }

        String sourceZh() {
            return switch (source) {
                case OVERRIDE -> "您指定的编码";
                case CPG -> ".cpg 文件，内容为“" + declared + "”";
                case LANGUAGE_DRIVER -> ".dbf 文件头的语言驱动标记 " + declared;
                case DETECTED -> "根据文件内容自动识别";
            };
        }

        String sourceEn() {
            return switch (source) {
                case OVERRIDE -> "the encoding you chose";
                case CPG -> "the .cpg file, which says \"" + declared + "\"";
                case LANGUAGE_DRIVER -> "the language driver mark " + declared + " in the .dbf header";
                case DETECTED -> "detected from the file's content";
            };
        }
    }

    private ShapefileEncoding() {}

    static Choice choose(Charset override, String cpgText, int languageDriver) {
        if (override != null) {
            return new Choice(forReading(override), Source.OVERRIDE, override.name());
        }
        if (cpgText != null) {
            Charset fromCpg = fromCodePageName(cpgText);
            if (fromCpg != null) {
                return new Choice(forReading(fromCpg), Source.CPG, cpgText.strip());
            }
        }
        Charset fromLdid = fromLanguageDriver(languageDriver);
        if (fromLdid != null) {
            return new Choice(
                    forReading(fromLdid), Source.LANGUAGE_DRIVER, String.format(Locale.ROOT, "0x%02X", languageDriver));
        }
        return new Choice(null, Source.DETECTED, null);
    }

    /** GBK and its subsets/supersets are read as GB18030 (see the class comment); other charsets as they are. */
    static Charset forReading(Charset charset) {
        return isGbkFamily(charset) ? GB18030 : charset;
    }

    static boolean isGbkFamily(Charset charset) {
        return GBK_FAMILY.contains(charset.name());
    }

    /** "GBK" for the GBK family (what users know it as), otherwise the charset's name. */
    static String displayName(Charset charset) {
        return isGbkFamily(charset) ? "GBK" : charset.name();
    }

    /** The charset a .cpg text names, or {@code null} when it names none this JVM knows. */
    static Charset fromCodePageName(String text) {
        String t = text.replace("\uFEFF", "").strip().toUpperCase(Locale.ROOT);
        if (t.isEmpty()) {
            return null;
        }
        if (t.equals("UTF8") || t.equals("UTF-8")) {
            return StandardCharsets.UTF_8;
        }
        if (t.equals("GBK") || t.equals("GB2312") || t.equals("GB18030") || t.equals("EUC-CN")) {
            return GB18030;
        }
        Matcher iso = ISO_8859.matcher(t);
        if (iso.matches()) {
            return charsetOrNull("ISO-8859-" + iso.group(1));
        }
        Matcher cp = CODE_PAGE.matcher(t);
        if (cp.matches()) {
            return fromCodePage(Integer.parseInt(cp.group(1)));
        }
        return charsetOrNull(t);
    }

    /** The charset of a Windows code page number, or {@code null}. */
    static Charset fromCodePage(int cp) {
        if (cp == 936 || cp == 54936 || cp == 20936) {
            return GB18030;
        }
        if (cp == 65001) {
            return StandardCharsets.UTF_8;
        }
        if (cp >= 28591 && cp <= 28605) {
            return charsetOrNull("ISO-8859-" + (cp - 28590));
        }
        return switch (cp) {
            case 950 -> charsetOrNull("x-windows-950");
            case 949 -> charsetOrNull("x-windows-949");
            case 932 -> charsetOrNull("windows-31j");
            case 874 -> charsetOrNull("x-windows-874");
            default -> cp >= 1250 && cp <= 1258 ? charsetOrNull("windows-" + cp) : charsetOrNull("IBM" + cp);
        };
    }

    /** The charset of an East Asian dBASE language driver id, or {@code null} (see the class comment). */
    static Charset fromLanguageDriver(int ldid) {
        return switch (ldid) {
            case 0x4D, 0x7A -> GB18030;
            case 0x4F, 0x78 -> charsetOrNull("x-windows-950");
            case 0x4E, 0x79 -> charsetOrNull("x-windows-949");
            case 0x13, 0x7B -> charsetOrNull("windows-31j");
            default -> null;
        };
    }

    /** What to write to the .cpg file for {@code charset}. */
    static String cpgName(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return "UTF-8";
        }
        return charset.name().equals("x-mswin-936") ? "GBK" : charset.name();
    }

    /**
     * The language driver id to write: 0x4D (code page 936) for GBK and GB2312, so that programs that ignore the .cpg
     * still read Chinese; 0 ("not set", as GDAL writes whenever it writes a .cpg) for everything else, UTF-8 included,
     * which has no language driver id.
     */
    static int languageDriverFor(Charset charset) {
        String n = charset.name();
        return n.equals("GBK") || n.equals("GB2312") || n.equals("x-mswin-936") ? 0x4D : 0;
    }

    private static Charset charsetOrNull(String name) {
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
