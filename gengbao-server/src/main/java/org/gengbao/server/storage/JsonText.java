package org.gengbao.server.storage;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON kept in text columns (attributes, reports, analysis results). Decimals are read as BigDecimal so that values go
 * back exactly as they were stored.
 */
public final class JsonText {
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private JsonText() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static JsonNode read(String text) {
        return MAPPER.readTree(text);
    }
}
