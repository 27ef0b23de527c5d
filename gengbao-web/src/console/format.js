// How the clue and case pages write times and areas: times in county time (China), areas in m² with 亩 and ha.
import { locale, num, t, words } from '../shared/i18n.js';
import { haFromM2, muFromM2 } from '../shared/units.js';

words({
  'unit.m2': ['平方米', 'm²'],
  'unit.mu': ['亩', 'mu'],
  'unit.ha': ['公顷', 'ha'],
});

const COUNTY_TIME = 'Asia/Shanghai';

function formatter(options) {
  return new Intl.DateTimeFormat(locale.lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: COUNTY_TIME, ...options });
}

/** A moment (ISO text) as date and time in county time. */
export function when(iso) {
  if (!iso) return '—';
  return formatter({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** An area in m² with its 亩 and hectares: "351.86 平方米（0.53 亩，0.04 公顷）". */
export function area(m2) {
  if (m2 == null) return '—';
  const [open, sep, close] = locale.lang === 'en' ? [' (', ', ', ')'] : ['（', '，', '）'];
  return `${num(m2)} ${t('unit.m2')}${open}${num(muFromM2(m2))} ${t('unit.mu')}${sep}${num(haFromM2(m2), 4)} ${t('unit.ha')}${close}`;
}
