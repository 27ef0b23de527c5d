/**
 * Reference layers: the official data a patch is analysed against, with the national attribute names.
 *
 * <ul>
 *   <li>{@code dltb} 地类图斑 — land-use parcels of the third national land survey (TD/T 1057-2020): DLBM land-use code,
 *       DLMC name, KCXS field-ridge deduction coefficient, TBMJ ellipsoidal area, ZLDWDM location unit, …
 *   <li>{@code jbnt} 永久基本农田 — permanent basic farmland parcels.
 *   <li>{@code plan} 规划 — planning zones: GZQLXDM construction-control zone (010 allowed, 020 conditional, 030
 *       restricted, 040 forbidden) and/or TDYTQLXDM land-use zone (010 basic farmland zone, 020 general farmland, …).
 *   <li>{@code approval} 报批 — conversion/expropriation approvals: PZWH number, PZRQ date.
 *   <li>{@code supply} 供地 — land supply: DZJGH supervision number, GDRQ date, GDFS method.
 *   <li>{@code facility} 设施农用地 — facility agricultural land filings: BABH number, BARQ date.
 *   <li>{@code temporary} 临时用地 — temporary land-use approvals: PZWH number, QSRQ valid from, ZZRQ valid to.
 * </ul>
 *
 * <p>A {@link org.gengbao.spatial.layer.LayerVersion} is immutable: one import of one kind, with an effective-from
 * date and a SHA-256 {@linkplain org.gengbao.spatial.layer.ContentHash content hash} that does not depend on the file
 * format, feature order or ring orientation. An analysis as of date D uses, per kind, the latest version effective on
 * or before D; within it, dated features count only when in force on D ({@link
 * org.gengbao.spatial.layer.FeatureTerms#inForceOn}).
 */
package org.gengbao.spatial.layer;
