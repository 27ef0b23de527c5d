package org.gengbao.server.county;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/county}: the county served and its working coordinate system. */
@RestController
@RequestMapping("/api/v1/county")
class CountyController {
    private final Counties counties;

    CountyController(Counties counties) {
        this.counties = counties;
    }

    @GetMapping
    Map<String, Object> county() {
        County c = counties.require();
        return Map.of(
                "code",
                c.code(),
                "name",
                c.name(),
                "crs",
                c.crs().code(),
                "crsName",
                c.crs().name());
    }
}
