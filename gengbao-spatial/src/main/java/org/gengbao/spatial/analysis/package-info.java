/**
 * The analysis of a patch: the overlay figures of an {@link org.gengbao.spatial.overlay.OverlayEngine} judged by a
 * {@link org.gengbao.spatial.verdict.RuleSet}, as the {@link org.gengbao.spatial.analysis.AnalysisResult} of the public
 * contract (api.md, "Analysis result"), written as JSON by {@link org.gengbao.spatial.analysis.AnalysisJson}.
 */
package org.gengbao.spatial.analysis;
