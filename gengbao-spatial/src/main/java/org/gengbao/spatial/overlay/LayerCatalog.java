package org.gengbao.spatial.overlay;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gengbao.spatial.layer.LayerKind;

/** Layer indexes by kind, ordered by effective date; immutable. */
final class LayerCatalog {
    private final Map<LayerKind, List<LayerIndex>> byKind;

    LayerCatalog(List<LayerIndex> indexes) {
        Map<LayerKind, List<LayerIndex>> m = new EnumMap<>(LayerKind.class);
        for (LayerIndex i : indexes) {
            m.computeIfAbsent(i.kind, k -> new ArrayList<>()).add(i);
        }
        m.values().forEach(l -> l.sort(Comparator.comparing((LayerIndex i) -> i.effectiveFrom)));
        this.byKind = m;
    }

    /** The version of {@code kind} in force on {@code date}: the latest effective on or before it; null if none. */
    LayerIndex inForce(LayerKind kind, LocalDate date) {
        LayerIndex found = null;
        for (LayerIndex i : byKind.getOrDefault(kind, List.of())) {
            if (!i.effectiveFrom.isAfter(date)) {
                found = i;
            }
        }
        return found;
    }

    List<LayerIndex> all() {
        List<LayerIndex> all = new ArrayList<>();
        byKind.values().forEach(all::addAll);
        return all;
    }
}
