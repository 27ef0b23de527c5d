package org.gengbao.spatial.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gengbao.spatial.SpatialInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CrsRegistryTest {

    @ParameterizedTest
    @CsvSource({
        "EPSG:4527, 39, 117, true, THREE_DEGREE",
        "EPSG:4513, 25, 75, true, THREE_DEGREE",
        "EPSG:4533, 45, 135, true, THREE_DEGREE",
        "EPSG:4548, 39, 117, false, THREE_DEGREE",
        "EPSG:4534, 25, 75, false, THREE_DEGREE",
        "EPSG:4554, 45, 135, false, THREE_DEGREE",
        "EPSG:4491, 13, 75, true, SIX_DEGREE",
        "EPSG:4498, 20, 117, true, SIX_DEGREE",
        "EPSG:4501, 23, 135, true, SIX_DEGREE",
        "EPSG:4502, 13, 75, false, SIX_DEGREE",
        "EPSG:4509, 20, 117, false, SIX_DEGREE",
        "EPSG:4512, 23, 135, false, SIX_DEGREE"
    })
    void gaussKrugerCodeTable(String code, int zone, int cm, boolean prefixed, ZoneWidth width) {
        GaussKrugerCrs gk = (GaussKrugerCrs) CrsRegistry.parse(code);
        assertThat(gk.zoneNumber()).isEqualTo(zone);
        assertThat(gk.centralMeridianDeg()).isEqualTo(cm);
        assertThat(gk.zonePrefixedEasting()).isEqualTo(prefixed);
        assertThat(gk.width()).isEqualTo(width);
        assertThat(gk.falseEastingM()).isEqualTo(prefixed ? zone * 1_000_000.0 + 500_000 : 500_000);
        assertThat(CrsRegistry.gaussKruger(width, zone, prefixed)).isEqualTo(gk);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "EPSG:4527",
                "epsg:4527",
                "4527",
                "urn:ogc:def:crs:EPSG::4527",
                "http://www.opengis.net/def/crs/EPSG/0/4527"
            })
    void parsesTheCommonSpellings(String text) {
        assertThat(CrsRegistry.parse(text).epsg()).isEqualTo(4527);
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326"})
    void wgs84IsAcceptedAsCgcs2000Alias(String text) {
        Crs crs = CrsRegistry.parse(text);
        assertThat(crs.isGeographic()).isTrue();
        assertThat(CrsTransform.between(crs, CrsRegistry.CGCS2000).isIdentity()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:2436", "EPSG:3857", "EPSG:4214", "EPSG:4610", "EPSG:32650", "banana"})
    void rejectsOtherSystemsWithAnExplanation(String text) {
        assertThatThrownBy(() -> CrsRegistry.parse(text))
                .isInstanceOf(SpatialInputException.class)
                .hasMessageContaining("only CGCS2000")
                .satisfies(e -> assertThat(((SpatialInputException) e).code()).isEqualTo("CRS_UNSUPPORTED"));
    }

    @ParameterizedTest
    @CsvSource({"117.3, 4527", "115.4, 4526", "115.6, 4527", "73.9, 4513", "134.2, 4533"})
    void threeDegreeZoneOfALongitude(double lon, int epsg) {
        assertThat(CrsRegistry.threeDegreeZoneFor(lon).epsg()).isEqualTo(epsg);
    }
}
