/**
 * The overlay analysis: a patch intersected with the reference layers in force on a date, measured on the ellipsoid.
 *
 * <p>{@link org.gengbao.spatial.overlay.OverlayEngine} is the contract with two implementations: the {@link
 * org.gengbao.spatial.overlay.InMemoryOverlayEngine} here (JTS STRtree of prepared geometries per layer version, for
 * interactive use) and the PostGIS engine of module {@code gengbao-postgis} (the same figures in SQL, for very large
 * batches and as an independent oracle). Both produce {@link org.gengbao.spatial.overlay.OverlayMeasurements}; the
 * verdict is derived from those by the rule set ({@code verdict} package), so both engines judge alike.
 *
 * <p><b>What the figures mean</b> (all m², ellipsoidal on CGCS2000 unless the engine is built with another {@link
 * org.gengbao.spatial.area.AreaMethod}; P is the patch, C the cultivated part of P (DLTB 0101/0102/0103), J the part
 * inside permanent basic farmland, A/S/F/T the parts covered by approvals, supplies, facility filings and temporary
 * approvals in force on the analysis date, each the <em>union</em> of the covering features so overlaps count once):
 *
 * <ul>
 *   <li>{@code areaM2} = |P|; {@code landUse[code].grossM2} = |P ∩ parcels of that code|; {@code netM2} = Σ gross ×
 *       (1 − KCXS) over those parcels (the field-ridge deduction); their gross sum is the part of P the land-use
 *       survey covers;
 *   <li>{@code cultivatedM2} = |C|, {@code cultivatedNetM2} = its net; {@code basicFarmlandM2} = |J|;
 *   <li>{@code planning[scheme:code].m2} = |P ∩ zones of that code| (union per code);
 *   <li>{@code approvedM2} = |A|, {@code suppliedM2} = |S|, {@code facilityM2} = |F|, {@code temporaryM2} = |T|;
 *   <li>{@code approvedAndSuppliedM2} = |A ∩ S|; {@code legallyCoveredM2} = |(A ∩ S) ∪ T|; {@code authorisedM2} = |(A ∩
 *       S) ∪ T ∪ F|; {@code approvedNotSuppliedM2} = |A − S|;
 *   <li>{@code unapprovedCultivatedM2} = |C − A|;
 *   <li>{@code unauthorisedBasicFarmlandM2} = |J − (A ∪ T ∪ F)| and {@code unauthorisedOtherCultivatedM2} = |C − J − (A
 *       ∪ T ∪ F)|: the two quantities of the criminal thresholds;
 *   <li>{@code expiredTemporaryM2} = |Tx − (A ∪ T ∪ F)| where Tx is covered by temporary approvals that ended before the
 *       analysis date.
 * </ul>
 *
 * <p><b>Robustness.</b> Geometries are in the working Gauss-Krüger system on a 1 mm grid; overlay runs in floating
 * precision with JTS OverlayNG's robust strategy and, should that fail, snap-rounding at 1 mm and then 1 cm ({@link
 * org.gengbao.spatial.overlay.RobustOverlay}). No TopologyException leaves the engine.
 */
package org.gengbao.spatial.overlay;
