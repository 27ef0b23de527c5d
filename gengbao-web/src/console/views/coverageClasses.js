// Classes of the coverage map: villages without basic farmland, then five bands of the share of parcels visited.
import { words } from '../../shared/i18n.js';

words({
  'coverage.class.none': ['无基本农田', 'No basic farmland'],
  'coverage.class.band': ['{lo}–{hi}%', '{lo}–{hi}%'],
});

export const COVERAGE_CLASSES = [
  { id: 'none', colour: '#c8ccc8', label: ['coverage.class.none'] },
  { id: 'b0', colour: '#d7301f', label: ['coverage.class.band', { lo: 0, hi: 20 }] },
  { id: 'b1', colour: '#fc8d59', label: ['coverage.class.band', { lo: 20, hi: 40 }] },
  { id: 'b2', colour: '#fee08b', label: ['coverage.class.band', { lo: 40, hi: 60 }] },
  { id: 'b3', colour: '#91cf60', label: ['coverage.class.band', { lo: 60, hi: 80 }] },
  { id: 'b4', colour: '#1a9850', label: ['coverage.class.band', { lo: 80, hi: 100 }] },
];

/** Index into COVERAGE_CLASSES of a coverage row {parcels, share}. */
export function coverageClass(cell) {
  if (!cell || !cell.parcels) return 0;
  return 1 + Math.min(4, Math.floor(cell.share * 5));
}
