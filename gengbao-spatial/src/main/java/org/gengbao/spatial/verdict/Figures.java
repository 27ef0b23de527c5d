package org.gengbao.spatial.verdict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.gengbao.spatial.area.AreaUnits;
import org.gengbao.spatial.overlay.OverlayMeasurements;

/** The named figures of an analysis that rule expressions can use, and the evaluation environment over them. */
final class Figures {
    static final Map<String, ToDoubleFunction<OverlayMeasurements>> BY_NAME = figures();
    static final Map<String, Double> CONSTANTS = Map.of("MU", AreaUnits.M2_PER_MU, "HA", AreaUnits.M2_PER_HECTARE);

    private Figures() {}

    private static Map<String, ToDoubleFunction<OverlayMeasurements>> figures() {
        Map<String, ToDoubleFunction<OverlayMeasurements>> m = new LinkedHashMap<>();
        m.put("areaM2", OverlayMeasurements::areaM2);
        m.put("landUseCoveredM2", OverlayMeasurements::landUseCoveredM2);
        m.put("cultivatedM2", OverlayMeasurements::cultivatedM2);
        m.put("cultivatedNetM2", OverlayMeasurements::cultivatedNetM2);
        m.put("basicFarmlandM2", OverlayMeasurements::basicFarmlandM2);
        m.put("approvedM2", OverlayMeasurements::approvedM2);
        m.put("suppliedM2", OverlayMeasurements::suppliedM2);
        m.put("facilityM2", OverlayMeasurements::facilityM2);
        m.put("temporaryM2", OverlayMeasurements::temporaryM2);
        m.put("approvedAndSuppliedM2", OverlayMeasurements::approvedAndSuppliedM2);
        m.put("legallyCoveredM2", OverlayMeasurements::legallyCoveredM2);
        m.put("authorisedM2", OverlayMeasurements::authorisedM2);
        m.put("approvedNotSuppliedM2", OverlayMeasurements::approvedNotSuppliedM2);
        m.put("unapprovedCultivatedM2", OverlayMeasurements::unapprovedCultivatedM2);
        m.put("unauthorisedBasicFarmlandM2", OverlayMeasurements::unauthorisedBasicFarmlandM2);
        m.put("unauthorisedOtherCultivatedM2", OverlayMeasurements::unauthorisedOtherCultivatedM2);
        m.put("expiredTemporaryM2", OverlayMeasurements::expiredTemporaryM2);
        return Map.copyOf(m);
    }

    static boolean isReserved(String name) {
        return BY_NAME.containsKey(name) || CONSTANTS.containsKey(name);
    }

    /** Evaluation environment: figures, constants, parameters, then definitions computed in order. */
    static final class Env implements Expression.Env {
        private final OverlayMeasurements m;
        private final Map<String, Double> values = new LinkedHashMap<>();

        Env(OverlayMeasurements m, Map<String, Double> parameters, Map<String, Expression> definitions) {
            this.m = m;
            values.putAll(CONSTANTS);
            values.putAll(parameters);
            definitions.forEach((name, e) -> values.put(name, e.number(this)));
        }

        @Override
        public double number(String name) {
            ToDoubleFunction<OverlayMeasurements> f = BY_NAME.get(name);
            if (f != null) {
                return f.applyAsDouble(m);
            }
            Double v = values.get(name);
            if (v == null) {
                throw new IllegalStateException("no value for " + name);
            }
            return v;
        }

        @Override
        public double landUse(List<String> codes) {
            return m.landUseM2(codes.toArray(String[]::new));
        }

        @Override
        public double plan(String scheme, List<String> codes) {
            return m.planM2(scheme, codes.toArray(String[]::new));
        }

        OverlayMeasurements measurements() {
            return m;
        }
    }

    static Set<String> names(Set<String> parameters, Set<String> definitions) {
        Set<String> all = new java.util.HashSet<>(BY_NAME.keySet());
        all.addAll(CONSTANTS.keySet());
        all.addAll(parameters);
        all.addAll(definitions);
        return all;
    }
}
