package org.gengbao.spatial.analysis;

import java.time.LocalDate;
import org.gengbao.spatial.geom.IntakeResult;
import org.gengbao.spatial.overlay.OverlayEngine;
import org.gengbao.spatial.overlay.OverlayMeasurements;
import org.gengbao.spatial.verdict.RuleSet;

/** Measures a patch with an engine and judges it with a rule set. Thread-safe when its parts are. */
public final class Analyser {
    private final OverlayEngine engine;
    private final RuleSet rules;

    public Analyser(OverlayEngine engine, RuleSet rules) {
        this.engine = engine;
        this.rules = rules;
    }

    public AnalysisResult analyse(IntakeResult patch, LocalDate asOf) {
        OverlayMeasurements figures = engine.measure(patch.geometry(), asOf);
        return new AnalysisResult(
                null,
                patch.geometry(),
                asOf,
                figures,
                rules.judge(figures),
                engine.areaMethod(),
                engine.workingCrs().code(),
                patch.repairs());
    }

    public OverlayEngine engine() {
        return engine;
    }

    public RuleSet rules() {
        return rules;
    }
}
