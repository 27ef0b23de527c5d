package org.gengbao.server.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The base-map configuration refuses what cannot work, at start, naming the property. */
class MapPropertiesTest {
    private static MapProperties.Base base(String type, String url, String key, String layer, String matrixSet) {
        return new MapProperties.Base(type, url, "©", key, layer, matrixSet, "tiles", "default", 18);
    }

    @Test
    void anXyzTemplateGetsItsKey() {
        MapProperties.Base b = base("XYZ", "https://t.example/{z}/{x}/{y}?tk={tk}", "k123", null, null);
        assertThat(b.type()).isEqualTo("xyz");
        assertThat(b.resolvedUrl()).isEqualTo("https://t.example/{z}/{x}/{y}?tk=k123");
    }

    @Test
    void badBasesAreRefused() {
        assertThatThrownBy(() -> base("google", null, null, null, null)).hasMessageContaining("none, xyz or wmts");
        assertThatThrownBy(() -> base("xyz", "https://t.example/{z}/{x}", null, null, null))
                .hasMessageContaining("{y}");
        assertThatThrownBy(() -> base("wmts", "https://t.example/wmts", null, "vec", null))
                .hasMessageContaining("matrix-set");
        assertThatThrownBy(() -> base("xyz", "https://t.example/{z}/{x}/{y}?tk={tk}", " ", null, null))
                .hasMessageContaining("tianditu-key");
        assertThat(base(null, null, null, null, null).type()).isEqualTo("none");
    }
}
