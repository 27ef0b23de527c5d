// Words used by more than one view of the patrol app.
import { words } from '../shared/i18n.js';

words({
  'patrol.kind.SUSPECTED_VIOLATION': ['疑似违法占地', 'Suspected violation'],
  'patrol.kind.MARKER_DAMAGED': ['界桩损坏', 'Boundary marker damaged'],
  'patrol.kind.SIGN_DAMAGED': ['保护标志牌损坏', 'Protection sign damaged'],
  'patrol.kind.NOTE': ['备注', 'Note'],
  'patrol.verdict.LEGAL': ['合法', 'Legal'],
  'patrol.verdict.ILLEGAL': ['违法', 'Illegal'],
  'patrol.verdict.NEEDS_SITE_CHECK': ['需现场核查', 'Needs a site check'],
  'patrol.verdict.NO_FARMLAND_INVOLVED': ['不涉及耕地', 'No farmland involved'],
  'patrol.verdict.none': ['待分析（需补充轮廓）', 'Not analysed yet (needs an outline)'],
  'patrol.taskKind.ROUTINE': ['例行巡查', 'Routine round'],
  'patrol.taskKind.HOTSPOT': ['重点巡查', 'Hot spots'],
  'patrol.taskKind.RECHECK': ['线索复查', 'Clue re-check'],
  'patrol.taskKind.MANUAL': ['临时任务', 'Manual task'],
  'patrol.taskStatus.OPEN': ['未开始', 'Open'],
  'patrol.taskStatus.IN_PROGRESS': ['进行中', 'In progress'],
  'patrol.taskStatus.DONE': ['已完成', 'Done'],
  'patrol.taskStatus.CANCELLED': ['已取消', 'Cancelled'],
});

export const KINDS = ['SUSPECTED_VIOLATION', 'MARKER_DAMAGED', 'SIGN_DAMAGED', 'NOTE'];

/** A time as the phone's clock shows it: 08:12 (today) or 11-26 08:12. */
export function clock(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  const hm = d.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });
  return d.toDateString() === new Date().toDateString() ? hm : `${d.getMonth() + 1}-${d.getDate()} ${hm}`;
}
