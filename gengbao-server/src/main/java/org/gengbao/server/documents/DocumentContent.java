package org.gengbao.server.documents;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * What a document says, in Chinese: labelled fields (party, place, area, dates…), paragraphs of text, and optionally
 * a measured outline to draw as a map (in the county's working Gauss-Krüger system) and photos from the evidence store.
 *
 * @param fields label → value rows, in order (e.g. "当事人" → "张某某")
 * @param paragraphs body text, in order
 * @param outline the measured patch to draw with its area, or null
 * @param photoSha256s photos (SHA-256 in the evidence store) to print, possibly empty
 */
public record DocumentContent(
        List<Field> fields, List<String> paragraphs, Geometry outline, List<String> photoSha256s) {

    public DocumentContent {
        fields = List.copyOf(fields);
        paragraphs = List.copyOf(paragraphs);
        photoSha256s = List.copyOf(photoSha256s);
    }

    /** One labelled row. */
    public record Field(String label, String value) {}
}
