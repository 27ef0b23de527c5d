package org.gengbao.server.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the accountability ratio under {@code gengbao.cases.accountability.*} (domain.md §4). The defaults
 * (warning at 10 %, sanctions at 15 %) follow the national accountability rules as commonly applied; verify them
 * against the rules in force before relying on the levels.
 *
 * @param warnRatio the ratio from which a town is at WARNING (verify)
 * @param sanctionRatio the ratio from which a town is at SANCTION (verify)
 */
@ConfigurationProperties("gengbao.cases.accountability")
record FigureProperties(@DefaultValue("0.10") double warnRatio, @DefaultValue("0.15") double sanctionRatio) {}
