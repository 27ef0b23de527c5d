package org.gengbao.spatial.verdict;

/** The verdict of an analysis (domain.md §4). */
public enum VerdictCode {
    /** 合法: covered by approval and supply, or a valid temporary approval, for (nearly) all of its area. */
    LEGAL,
    /** 违法: farmland used without the approvals that would make it lawful; sub-types say how. */
    ILLEGAL,
    /** 需现场核查: facility agriculture, rural roads and other categories an officer must look at. */
    NEEDS_SITE_CHECK,
    /** 不涉及耕地: the patch involves no cultivated land and no permanent basic farmland. */
    NO_FARMLAND_INVOLVED
}
