package org.gengbao.server.cases;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Legal and working periods of the case workflow under {@code gengbao.cases.periods.*} (ISO-8601 periods such as
 * {@code P7D}, {@code P6M}). The defaults follow domain.md §5 and the laws named below; they are configurable because
 * local rules and amendments differ — verify each before relying on it.
 *
 * @param verify a clue is verified on site within this (working rule; verify)
 * @param stopCompliance the party stops the illegal work within this after a stop order (verify)
 * @param partyStatement statement and defence after the notice of a proposed penalty (Administrative Penalty Law
 *     art. 44–45: 3 days in common practice; verify)
 * @param hearingRequest a hearing is requested within this after a notice naming the right to one (Administrative
 *     Penalty Law 2021 art. 64: 5 days; verify)
 * @param hearing a hearing the party requested is held within this after the request, leaving room for the notice
 *     at least 7 days before it (Administrative Penalty Law 2021 art. 64(2)); the law sets no maximum, so this is a
 *     working rule (verify against local rules)
 * @param reconsideration an administrative reconsideration is applied for within this after the decision
 *     (Administrative Reconsideration Law art. 9/20: 60 days; verify)
 * @param lawsuit an administrative lawsuit is filed within this after the decision (Administrative Litigation Law
 *     art. 46: 6 months; verify)
 * @param demandResponse the party performs within this after a demand (Administrative Compulsion Law art. 54: 10 days;
 *     verify)
 * @param courtApplication the bureau applies to the court within this after the lawsuit window ends (Administrative
 *     Compulsion Law art. 53: 3 months; verify)
 * @param courtReview the court reviews and rules within this after accepting the application (art. 57: 7 days; verify)
 * @param execution the town carries out an allowed enforcement within this after the ruling (local rule; verify)
 * @param policeReview the police decide on a transferred case within this (transfer rules: 3 days; verify)
 */
@ConfigurationProperties("gengbao.cases.periods")
record CasePeriods(
        @DefaultValue("P7D") Period verify,
        @DefaultValue("P3D") Period stopCompliance,
        @DefaultValue("P3D") Period partyStatement,
        @DefaultValue("P5D") Period hearingRequest,
        @DefaultValue("P20D") Period hearing,
        @DefaultValue("P60D") Period reconsideration,
        @DefaultValue("P6M") Period lawsuit,
        @DefaultValue("P10D") Period demandResponse,
        @DefaultValue("P3M") Period courtApplication,
        @DefaultValue("P7D") Period courtReview,
        @DefaultValue("P30D") Period execution,
        @DefaultValue("P3D") Period policeReview) {}
