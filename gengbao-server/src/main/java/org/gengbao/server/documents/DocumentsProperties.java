package org.gengbao.server.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of documents under {@code gengbao.documents.*}.
 *
 * @param font path of the CJK TrueType font (.ttf or .ttc) embedded in documents; when empty, the first installed of
 *     {@link FontLocator#DEFAULT_FONTS}
 * @param fontName the font to take from a .ttc collection (its PostScript name, e.g. "WenQuanYiZenHei"); when empty,
 *     the first font of the collection
 */
@ConfigurationProperties("gengbao.documents")
record DocumentsProperties(String font, String fontName) {}
