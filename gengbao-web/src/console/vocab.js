// Names of the codes the clue and case API answers with (statuses, verdicts, flags, actions, roles), in both
// languages, and the tone of the chip that shows each status. The server sends Chinese titles for some of them;
// these tables let the English console name them too.
import { t, words } from '../shared/i18n.js';

words({
  'clue.status.NEW': ['待处理', 'New'],
  'clue.status.IN_CASE': ['已立案', 'In a case'],
  'clue.status.DISMISSED': ['已排除', 'Dismissed'],
  'clue.status.CLOSED': ['已办结', 'Closed'],
  'clue.source.PATROL': ['巡查发现', 'Patrol'],
  'clue.source.REPORT': ['群众举报', 'Public report'],
  'verdict.LEGAL': ['合法', 'Legal'],
  'verdict.ILLEGAL': ['违法', 'Illegal'],
  'verdict.NEEDS_SITE_CHECK': ['需实地核查', 'Needs a site check'],
  'verdict.NO_FARMLAND_INVOLVED': ['不涉及耕地', 'No farmland involved'],
  'verdict.none': ['未分析', 'Not analysed'],
  'subtype.UNAPPROVED_USE': ['未批先用', 'Used before approval'],
  'subtype.USED_BEFORE_SUPPLY': ['未供先用', 'Used before supply'],
  'subtype.AGAINST_PLAN': ['不符合规划', 'Against the plan'],
  'subtype.OCCUPIES_BASIC_FARMLAND': ['占用永久基本农田', 'Occupies basic farmland'],
  'subtype.FACILITY_AGRICULTURE': ['设施农用地', 'Facility agriculture'],
  'subtype.FARMLAND_INFRASTRUCTURE': ['农田基础设施', 'Farmland infrastructure'],
  'subtype.OUTSIDE_SURVEY': ['超出调查范围', 'Outside the survey'],
  'subtype.RURAL_ROAD': ['农村道路', 'Rural road'],
  'subtype.TEMPORARY_USE': ['临时用地', 'Temporary use'],
  'subtype.TEMPORARY_USE_EXPIRED': ['临时用地已到期', 'Temporary use expired'],
  'photo.flag.EXIF_POSITION_FAR': ['拍摄位置远离发现地点', 'Taken far from the sighting'],
  'photo.flag.EXIF_TIME_OUTSIDE_PATROL': ['拍摄时间不在巡查时段内', 'Taken outside the patrol'],
  'photo.flag.NO_EXIF_TIME': ['照片无拍摄时间', 'No time in the photo'],
  'photo.flag.NO_EXIF_POSITION': ['照片无拍摄位置', 'No position in the photo'],
  'observation.SUSPECTED_VIOLATION': ['疑似违法', 'Suspected violation'],
  'observation.MARKER_DAMAGED': ['界桩损坏', 'Marker damaged'],
  'observation.SIGN_DAMAGED': ['标志牌损坏', 'Sign damaged'],
  'observation.NOTE': ['记录', 'Note'],
  'case.status.NEW': ['待核查', 'To be verified'],
  'case.status.VERIFIED': ['已核查', 'Verified'],
  'case.status.DISMISSED': ['核查排除', 'Dismissed'],
  'case.status.STOP_ORDERED': ['已责令停止', 'Stop ordered'],
  'case.status.FILED': ['已立案', 'Filed'],
  'case.status.INVESTIGATING': ['调查取证', 'Under investigation'],
  'case.status.NOTIFIED': ['已告知', 'Penalty notified'],
  'case.status.DECIDED': ['已作出处罚决定', 'Penalty decided'],
  'case.status.PERFORMED': ['已履行', 'Performed'],
  'case.status.DEMANDED': ['已催告', 'Demand sent'],
  'case.status.APPLIED': ['已申请强制执行', 'Enforcement applied for'],
  'case.status.ENFORCEMENT_ALLOWED': ['准予强制执行', 'Enforcement allowed'],
  'case.status.ENFORCEMENT_REFUSED': ['不准予强制执行', 'Enforcement refused'],
  'case.status.EXECUTED': ['已执行', 'Executed'],
  'case.status.CLOSED': ['已结案', 'Closed'],
  'case.status.ARCHIVED': ['已归档', 'Archived'],
  'case.flag.TRANSFERRED': ['已移送公安', 'Transferred to police'],
  'case.flag.POLICE_ACCEPTED': ['公安已受理', 'Accepted by police'],
  'case.flag.COURT_APPLIED': ['已申请法院执行', 'Court enforcement applied'],
  'case.flag.BLACKLISTED': ['失信名单', 'Blacklisted'],
  'action.CREATE': ['立案登记（由线索建立案件）', 'Case opened from clues'],
  'role.ADMIN': ['系统管理员', 'Administrator'],
  'role.OFFICER': ['执法人员', 'Enforcement officer'],
  'role.INSPECTOR': ['巡查员', 'Inspector'],
  'role.TOWN': ['乡镇人员', 'Town officer'],
  'role.VILLAGE': ['村级信息员', 'Village officer'],
  'role.POLICE': ['公安联络员', 'Police liaison'],
  'role.COURT': ['巡回法庭', 'Circuit court'],
  'role.LEADER': ['领导', 'Leader'],
  'deadline.OPEN': ['进行中', 'Open'],
  'deadline.MET': ['已完成', 'Met'],
  'deadline.CANCELLED': ['已取消', 'Cancelled'],
});

/** The name of a code in a family ('case.status', 'verdict', …); the fallback (the code) when unknown. */
export function named(family, code, fallback = code) {
  if (code == null) return '—';
  const key = `${family}.${code}`;
  const text = t(key);
  return text === key ? fallback : text;
}

const TONES = {
  ILLEGAL: 'bad',
  NEEDS_SITE_CHECK: 'warn',
  LEGAL: 'good',
  NO_FARMLAND_INVOLVED: 'good',
  NEW: 'warn',
  IN_CASE: 'info',
  DISMISSED: 'muted',
  CLOSED: 'muted',
  ARCHIVED: 'muted',
  PERFORMED: 'good',
  EXECUTED: 'good',
  ENFORCEMENT_REFUSED: 'bad',
  BLACKLISTED: 'bad',
  TRANSFERRED: 'bad',
};

/** The tone of a status, verdict or flag chip: bad, warn, good, muted or info. */
export function tone(code) {
  return TONES[code] ?? 'info';
}

export const CLUE_STATUSES = ['NEW', 'IN_CASE', 'DISMISSED', 'CLOSED'];
export const VERDICTS = ['ILLEGAL', 'NEEDS_SITE_CHECK', 'LEGAL', 'NO_FARMLAND_INVOLVED'];
export const CASE_STATUSES = [
  'NEW', 'VERIFIED', 'DISMISSED', 'STOP_ORDERED', 'FILED', 'INVESTIGATING', 'NOTIFIED', 'DECIDED', 'PERFORMED',
  'DEMANDED', 'APPLIED', 'ENFORCEMENT_ALLOWED', 'ENFORCEMENT_REFUSED', 'EXECUTED', 'CLOSED', 'ARCHIVED',
];
export const CASE_FLAGS = ['TRANSFERRED', 'POLICE_ACCEPTED', 'COURT_APPLIED', 'BLACKLISTED'];
