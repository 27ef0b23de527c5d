/**
 * A synthetic county that looks like real survey data, deterministic by seed: a gap-free, overlap-free land-use
 * coverage cut by rural roads and ditches, parcels of 0.05–5 ha in a realistic class mix with field-ridge coefficients
 * on cultivated land, towns and villages with 19-digit location codes, permanent basic farmland, planning zones,
 * approvals, land supply, facility and temporary filings — and random patches to analyse against it.
 *
 * <p>The pipeline: {@link org.gengbao.spatial.generate.RoadGrid} lays a jittered grid of roads and ditches and builds
 * its strips and blocks as faces of a {@link org.gengbao.spatial.generate.PlanarGraph} (shared edges, so the coverage is
 * exactly noded); {@link org.gengbao.spatial.generate.CountyGenerator} assigns towns, villages and land cover, splits
 * blocks into parcels, and derives the other layers; {@link org.gengbao.spatial.generate.GeneratedCounty} turns them
 * into layer versions or files.
 */
package org.gengbao.spatial.generate;
