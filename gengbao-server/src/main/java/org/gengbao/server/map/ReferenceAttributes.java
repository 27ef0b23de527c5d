package org.gengbao.server.map;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.gengbao.spatial.layer.FeatureTerms;
import org.gengbao.spatial.layer.LandUseClasses;
import org.gengbao.spatial.layer.PlanZone;
import org.gengbao.spatial.layer.ReferenceFeature;

/**
 * The attributes a reference feature carries in a tile: what it means (its {@link FeatureTerms}, read through the
 * version's field mapping, so the names are the same whatever the delivered file called them), its id and its
 * ellipsoidal area in whole square metres. Land use: {@code dlbm} as delivered, {@code dlmc}, {@code class} — the classification code it is
 * coloured by ("0201K" → "0201") — and {@code category} (cultivated, forest, …). Dated layers say whether the feature
 * is {@code inForce} on the map's date.
 */
final class ReferenceAttributes {
    private ReferenceAttributes() {}

    static Map<String, Object> of(ReferenceFeature f, LocalDate asOf) {
        // whole square metres: a small integer in the tile instead of an 8-byte double per feature
        Map<String, Object> m = MapTiles.attributes("id", f.id(), "areaM2", Math.round(f.areaM2()));
        FeatureTerms terms = f.terms();
        if (terms instanceof FeatureTerms.LandUse u) {
            m.put("dlbm", u.code());
            m.put("dlmc", u.name());
            LandUseClasses.lookup(u.code()).ifPresent(c -> {
                m.put("class", c.code());
                m.put("category", c.category().name().toLowerCase(Locale.ROOT));
            });
        } else if (terms instanceof FeatureTerms.BasicFarmland b) {
            m.put("parcel", b.parcelNumber());
        } else if (terms instanceof FeatureTerms.Plan p) {
            for (PlanZone z : p.zones()) {
                String key = z.scheme().equals(PlanZone.CONSTRUCTION_CONTROL) ? "gzq" : "tdytq";
                m.put(key, z.code());
                m.put(key + "Name", z.name());
            }
        } else if (terms instanceof FeatureTerms.Approval a) {
            dated(m, a.approvalNumber(), a.approvedOn(), a, asOf);
        } else if (terms instanceof FeatureTerms.Supply s) {
            dated(m, s.supervisionNumber(), s.suppliedOn(), s, asOf);
            m.put("method", s.method());
        } else if (terms instanceof FeatureTerms.Facility c) {
            dated(m, c.filingNumber(), c.filedOn(), c, asOf);
        } else if (terms instanceof FeatureTerms.Temporary t) {
            m.put("number", t.approvalNumber());
            m.put("validFrom", t.validFrom().toString());
            m.put("validTo", t.validTo().toString());
            m.put("inForce", t.inForceOn(asOf));
        }
        return m;
    }

    private static void dated(Map<String, Object> m, String number, LocalDate on, FeatureTerms terms, LocalDate asOf) {
        m.put("number", number);
        m.put("date", on.toString());
        m.put("inForce", terms.inForceOn(asOf));
    }
}
