// Area units of Chinese land administration: 1 亩 (mu) = 10000/15 m² ≈ 666.67 m²; 1 公顷 (ha) = 10000 m².
export const M2_PER_MU = 10000 / 15;
export const M2_PER_HA = 10000;
export const muFromM2 = (m2) => (m2 == null ? null : m2 / M2_PER_MU);
export const haFromM2 = (m2) => (m2 == null ? null : m2 / M2_PER_HA);
