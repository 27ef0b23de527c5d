package org.gengbao.spatial.verdict;

import java.util.List;

/**
 * The judgement of one analysis.
 *
 * @param subtypes e.g. UNAPPROVED_USE, USED_BEFORE_SUPPLY, AGAINST_PLAN, FACILITY_AGRICULTURE
 * @param reasons a summary first, then the reason of the verdict, of each sub-type and of the police transfer
 * @param transferToPolice whether a criminal threshold is reached (移送公安)
 * @param ruleSetVersion "id@version sha256:…" of the rule set that judged
 */
public record Verdict(
        VerdictCode code,
        List<String> subtypes,
        List<Reason> reasons,
        boolean transferToPolice,
        String ruleSetVersion) {
    public Verdict {
        subtypes = List.copyOf(subtypes);
        reasons = List.copyOf(reasons);
    }
}
