package org.gengbao.spatial.analysis;

import java.time.LocalDate;
import java.util.List;
import org.gengbao.spatial.area.AreaMethod;
import org.gengbao.spatial.geom.Repair;
import org.gengbao.spatial.overlay.OverlayMeasurements;
import org.gengbao.spatial.verdict.Verdict;
import org.locationtech.jts.geom.Geometry;

/**
 * The result of analysing one patch: its figures, the verdict, and what the patch went through on intake.
 *
 * @param id set when the result is stored by the server; {@code null} otherwise
 * @param patch the analysed outline in the working system, as accepted on intake
 * @param crs the working system the overlay ran in ("EPSG:4527")
 * @param repairs repairs made to the patch geometry on intake
 */
public record AnalysisResult(
        String id,
        Geometry patch,
        LocalDate asOf,
        OverlayMeasurements figures,
        Verdict verdict,
        AreaMethod areaMethod,
        String crs,
        List<Repair> repairs) {

    public AnalysisResult {
        repairs = List.copyOf(repairs);
    }

    public AnalysisResult withId(String newId) {
        return new AnalysisResult(newId, patch, asOf, figures, verdict, areaMethod, crs, repairs);
    }
}
