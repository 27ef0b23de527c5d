package org.gengbao.spatial.overlay;

/** Area of the patch on one land-use code: gross, and net of the field-ridge deduction (KCXS). */
public record LandUseArea(String code, String name, double grossM2, double netM2) {}
