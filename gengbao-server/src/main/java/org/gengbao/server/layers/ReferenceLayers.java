package org.gengbao.server.layers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gengbao.server.county.Counties;
import org.gengbao.server.county.County;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.layer.LayerVersion;
import org.gengbao.spatial.layer.ReferenceFeature;
import org.gengbao.spatial.overlay.InMemoryOverlayEngine;
import org.gengbao.spatial.overlay.OverlayEngine;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The in-memory overlay engine over every stored layer version. It is rebuilt from the database when first needed and
 * extended with each new version: at once after an import on this node ({@link #refresh()}), and by a poll of the
 * version table on every node (so several servers on one PostgreSQL agree within the poll interval). Swapping one
 * reference makes the change atomic for concurrent analyses.
 */
@Service
public class ReferenceLayers {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceLayers.class);

    private final LayerStore store;
    private final Counties counties;
    private volatile InMemoryOverlayEngine engine;
    private volatile Set<String> loaded = Set.of();
    private volatile int epsg;

    ReferenceLayers(LayerStore store, Counties counties) {
        this.store = store;
        this.counties = counties;
    }

    /** The engine with every stored version, or empty while no county is configured. */
    public Optional<OverlayEngine> engine() {
        refreshIfNeeded();
        return Optional.ofNullable(engine);
    }

    /** The stored version of {@code kind} in force on {@code asOf}, if any. */
    public Optional<LayerVersionInfo> versionInForce(LayerKind kind, LocalDate asOf) {
        return store.inForce(kind, asOf);
    }

    /**
     * The features of the version of {@code kind} in force on {@code asOf} that intersect {@code area} (all of them
     * when {@code area} is null), read from the database in the county's zone; empty when no version is in force.
     */
    public List<ReferenceFeature> featuresInForce(LayerKind kind, LocalDate asOf, Geometry area) {
        Optional<County> county = counties.current();
        if (county.isEmpty()) {
            return List.of();
        }
        return store.inForce(kind, asOf)
                .map(v -> store.features(v.id(), county.get().crs(), area))
                .orElse(List.of());
    }

    /**
     * The features of a stored version whose bounding box meets {@code box} (working system) and whose ellipsoidal
     * area is at least {@code minAreaM2}, read through the spatial index; empty while no county is configured.
     */
    public List<ReferenceFeature> featuresInBox(String versionId, Envelope box, double minAreaM2) {
        return counties.current()
                .map(c -> store.featuresInBox(versionId, c.crs(), box, minAreaM2))
                .orElse(List.of());
    }

    /** The extent of a stored version's features (working system), or empty when it has none. */
    public Optional<Envelope> extent(String versionId) {
        return store.extent(versionId);
    }

    /** Ids of the versions the engine holds. */
    public Set<String> loadedVersions() {
        return loaded;
    }

    private void refreshIfNeeded() {
        if (engine == null) {
            refresh();
        }
    }

    /** Loads versions stored since the last look (all of them the first time, or when the county's zone changed). */
    @Scheduled(
            fixedDelayString = "${gengbao.layers.poll-interval}",
            initialDelayString = "${gengbao.layers.poll-interval}")
    public synchronized void refresh() {
        Optional<County> county = counties.current();
        if (county.isEmpty()) {
            return;
        }
        County c = county.get();
        Set<String> stored = store.ids();
        if (engine != null && epsg == c.crs().epsg() && loaded.containsAll(stored)) {
            return;
        }
        long t = System.nanoTime();
        InMemoryOverlayEngine next;
        Set<String> now;
        if (engine == null || epsg != c.crs().epsg()) {
            List<LayerVersion> versions = new ArrayList<>();
            for (String id : stored) {
                versions.add(store.load(id, c.crs()));
            }
            next = InMemoryOverlayEngine.build(c.crs(), versions);
            now = new HashSet<>(stored);
        } else {
            next = engine;
            now = new HashSet<>(loaded);
            for (String id : stored) {
                if (!now.contains(id)) {
                    next = next.with(store.load(id, c.crs()));
                    now.add(id);
                }
            }
        }
        engine = next;
        loaded = Set.copyOf(now);
        epsg = c.crs().epsg();
        LOG.info(
                "reference layers: {} versions, {} features indexed in {} ms",
                now.size(),
                next.indexedFeatures(),
                (System.nanoTime() - t) / 1_000_000);
    }
}
