package org.gengbao.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature modules only use each other's published API (Spring Modulith's verification). */
class ModularityTest {
    @Test
    void moduleBoundariesHold() {
        ApplicationModules.of(GengbaoApplication.class).verify();
    }
}
