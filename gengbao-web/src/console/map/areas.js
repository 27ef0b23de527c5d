// An area in the three units the bureau reads: m² (2 decimals), 亩 (2 decimals) and hectares (4 decimals).
import { num, t } from '../../shared/i18n.js';
import { muFromM2, haFromM2 } from '../../shared/units.js';

export function areaTexts(m2) {
  return { m2: num(m2, 2), mu: num(muFromM2(m2), 2), ha: num(haFromM2(m2), 4) };
}

/** "1,234.56 平方米 · 1.85 亩 · 0.1235 公顷" */
export function areaLine(m2) {
  const a = areaTexts(m2);
  return `${a.m2} ${t('unit.m2')} · ${a.mu} ${t('unit.mu')} · ${a.ha} ${t('unit.ha')}`;
}
