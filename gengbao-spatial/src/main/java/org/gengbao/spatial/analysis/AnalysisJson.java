package org.gengbao.spatial.analysis;

import static org.gengbao.spatial.area.AreaUnits.roundM2;

import org.gengbao.spatial.geom.Repair;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.overlay.LandUseArea;
import org.gengbao.spatial.overlay.OverlayMeasurements;
import org.gengbao.spatial.overlay.PlanArea;
import org.gengbao.spatial.verdict.Reason;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an {@link AnalysisResult} in the JSON shape of the public contract (api.md): the contract's fields in its
 * order, areas in m² rounded to 0.01, then Gengbao's additional fields ({@code figures}, {@code areaMethod}, {@code
 * crs}, {@code repairs}).
 */
public final class AnalysisJson {
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private AnalysisJson() {}

    public static ObjectNode toJson(AnalysisResult r) {
        OverlayMeasurements m = r.figures();
        ObjectNode o = MAPPER.createObjectNode();
        if (r.id() != null) {
            o.put("id", r.id());
        }
        o.put("asOf", r.asOf().toString());
        o.put("areaM2", roundM2(m.areaM2()));
        ArrayNode landUse = o.putArray("landUse");
        for (LandUseArea a : m.landUse()) {
            landUse.addObject()
                    .put("code", a.code())
                    .put("name", a.name())
                    .put("grossM2", roundM2(a.grossM2()))
                    .put("netM2", roundM2(a.netM2()));
        }
        o.put("cultivatedM2", roundM2(m.cultivatedM2()));
        o.put("cultivatedNetM2", roundM2(m.cultivatedNetM2()));
        o.put("basicFarmlandM2", roundM2(m.basicFarmlandM2()));
        ArrayNode planning = o.putArray("planning");
        for (PlanArea p : m.planning()) {
            planning.addObject()
                    .put("scheme", p.scheme())
                    .put("code", p.code())
                    .put("name", p.name())
                    .put("m2", roundM2(p.m2()));
        }
        o.put("approvedM2", roundM2(m.approvedM2()));
        o.put("suppliedM2", roundM2(m.suppliedM2()));
        o.put("facilityM2", roundM2(m.facilityM2()));
        o.put("temporaryM2", roundM2(m.temporaryM2()));
        o.put("unapprovedCultivatedM2", roundM2(m.unapprovedCultivatedM2()));
        ObjectNode verdict = o.putObject("verdict");
        verdict.put("code", r.verdict().code().name());
        ArrayNode subtypes = verdict.putArray("subtypes");
        r.verdict().subtypes().forEach(subtypes::add);
        ArrayNode reasons = verdict.putArray("reasons");
        for (Reason reason : r.verdict().reasons()) {
            reasons.addObject().put("zh", reason.zh()).put("en", reason.en());
        }
        o.put("transferToPolice", r.verdict().transferToPolice());
        ObjectNode versions = o.putObject("layerVersions");
        for (LayerKind k : LayerKind.values()) {
            String id = m.layerVersions().get(k);
            if (id != null) {
                versions.put(k.id(), id);
            }
        }
        o.put("ruleSetVersion", r.verdict().ruleSetVersion());
        ObjectNode figures = o.putObject("figures");
        figures.put("landUseCoveredM2", roundM2(m.landUseCoveredM2()));
        figures.put("approvedAndSuppliedM2", roundM2(m.approvedAndSuppliedM2()));
        figures.put("legallyCoveredM2", roundM2(m.legallyCoveredM2()));
        figures.put("authorisedM2", roundM2(m.authorisedM2()));
        figures.put("approvedNotSuppliedM2", roundM2(m.approvedNotSuppliedM2()));
        figures.put("unauthorisedBasicFarmlandM2", roundM2(m.unauthorisedBasicFarmlandM2()));
        figures.put("unauthorisedOtherCultivatedM2", roundM2(m.unauthorisedOtherCultivatedM2()));
        figures.put("expiredTemporaryM2", roundM2(m.expiredTemporaryM2()));
        o.put("areaMethod", r.areaMethod().name());
        o.put("crs", r.crs());
        ArrayNode repairs = o.putArray("repairs");
        for (Repair rep : r.repairs()) {
            ObjectNode n = repairs.addObject()
                    .put("code", rep.code())
                    .put("zh", rep.zh())
                    .put("en", rep.en());
            if (rep.location() != null) {
                n.putArray("location")
                        .add(rep.location().x())
                        .add(rep.location().y());
            }
        }
        return o;
    }
}
