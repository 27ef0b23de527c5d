package org.gengbao.server.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fine ranges per m² of illegally occupied land under {@code gengbao.cases.penalty.*}, by kind of land (Land
 * Administration Law art. 77 and its implementing regulations art. 57; the defaults are placeholders to verify against
 * the regulations and the province's discretion standards).
 */
@ConfigurationProperties("gengbao.cases.penalty")
record PenaltyRates(
        @DefaultValue("500") double basicFarmlandMinPerM2,
        @DefaultValue("2000") double basicFarmlandMaxPerM2,
        @DefaultValue("200") double cultivatedMinPerM2,
        @DefaultValue("1000") double cultivatedMaxPerM2,
        @DefaultValue("100") double otherMinPerM2,
        @DefaultValue("500") double otherMaxPerM2) {}
