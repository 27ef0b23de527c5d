// The grid cells (towns and villages) the user may see, loaded once per session: names for codes, and the towns
// for filters.
import { reactive } from 'vue';
import { api } from '../shared/api.js';
import { perSession } from '../shared/resource.js';

const state = reactive({ list: [], byCode: {} });

/** Loads the cells for the current session; while they are missing, places show as codes. */
export const loadCells = perSession(async () => {
  const cells = await api('/api/v1/grid/cells');
  state.list = cells;
  state.byCode = Object.fromEntries(cells.map((c) => [c.code, c]));
});

/** The towns in scope, by code. */
export function towns() {
  return state.list.filter((c) => c.level === 'TOWN');
}

/** The villages of a town, by code. */
export function cellsOfTown(townCode) {
  return state.list.filter((c) => c.level === 'VILLAGE' && c.parentCode === townCode);
}

/** "Town Village" for a village code (or the name of any cell); the code when the cell is unknown. */
export function placeName(code) {
  if (!code) return '—';
  const cell = state.byCode[code];
  if (!cell) return code;
  const parent = cell.level === 'VILLAGE' ? state.byCode[cell.parentCode] : null;
  return parent ? `${parent.name} ${cell.name}` : cell.name;
}
