// The dashboard's charts as {option, columns, rows} from the API's figures: GET /api/v1/cases/figures (CaseFigures)
// and GET /api/v1/patrol/latency. Rows hold display values (the text alternative); options hold the raw numbers.
import { num, t, words } from '../../shared/i18n.js';
import { muFromM2 } from '../../shared/units.js';
import { percent } from './opsData.js';

const STATUSES = {
  NEW: ['待核查', 'To be verified'],
  VERIFIED: ['已核查', 'Verified'],
  DISMISSED: ['核查排除', 'Dismissed'],
  STOP_ORDERED: ['已责令停止', 'Stop ordered'],
  FILED: ['已立案', 'Filed'],
  INVESTIGATING: ['调查取证', 'Under investigation'],
  NOTIFIED: ['已告知', 'Penalty notified'],
  DECIDED: ['已作出处罚决定', 'Penalty decided'],
  PERFORMED: ['已履行', 'Performed'],
  DEMANDED: ['已催告', 'Demand sent'],
  APPLIED: ['已申请强制执行', 'Court enforcement applied for'],
  ENFORCEMENT_ALLOWED: ['准予强制执行', 'Enforcement allowed'],
  ENFORCEMENT_REFUSED: ['不准予强制执行', 'Enforcement refused'],
  EXECUTED: ['已执行', 'Executed'],
  CLOSED: ['已结案', 'Closed'],
  ARCHIVED: ['已归档', 'Archived'],
};
const ORDER = Object.keys(STATUSES);
words(Object.fromEntries(Object.entries(STATUSES).map(([k, v]) => ['dash.status.' + k, v])));

words({
  'dash.col.stage': ['阶段', 'Stage'],
  'dash.col.cases': ['案件数', 'Cases'],
  'dash.col.town': ['乡镇', 'Town'],
  'dash.col.ratio': ['问责比例', 'Accountability ratio'],
  'dash.col.level': ['等级', 'Level'],
  'dash.col.illegal': ['违法占用耕地（亩）', 'Illegal cultivated (mu)'],
  'dash.col.newlyBuilt': ['新增建设占用耕地（亩）', 'Newly built on cultivated (mu)'],
  'dash.col.overdue': ['逾期环节', 'Overdue steps'],
  'dash.col.meanDays': ['平均天数', 'Mean days'],
  'dash.col.medianDays': ['中位天数', 'Median days'],
  'dash.col.village': ['村级网格', 'Village'],
  'dash.col.clues': ['线索数', 'Clues'],
  'dash.col.mean': ['平均（分钟）', 'Mean (min)'],
  'dash.col.median': ['中位数（分钟）', 'Median (min)'],
  'dash.col.p90': ['90% 分位（分钟）', '90th percentile (min)'],
  'dash.col.max': ['最长（分钟）', 'Maximum (min)'],
  'dash.level.NORMAL': ['正常', 'Normal'],
  'dash.level.WARNING': ['预警', 'Warning'],
  'dash.level.SANCTION': ['问责', 'Sanction'],
  'dash.warnLine': ['预警线 {v}', 'warning {v}'],
  'dash.sanctionLine': ['问责线 {v}', 'sanction {v}'],
});

const LEVEL_COLOUR = { NORMAL: '#2f8f3a', WARNING: '#d99a00', SANCTION: '#c0182f' };
const LEVEL_RANK = { SANCTION: 2, WARNING: 1, NORMAL: 0 };
const SERIES = ['#2f6b3a', '#6aa56f', '#d99a00', '#c0182f'];

const statusName = (s) => t('dash.status.' + s);
const byOrder = (a, b) => ORDER.indexOf(a) - ORDER.indexOf(b);

function categoryBars(categories, series, { horizontal = false } = {}) {
  const category = { type: 'category', data: categories, axisLabel: { interval: 0 } };
  const value = { type: 'value', minInterval: 1 };
  return {
    color: SERIES,
    tooltip: { trigger: 'axis' },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : { ...category, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: series.map((s) => ({ type: 'bar', barMaxWidth: 36, ...s })),
  };
}

/** Cases created in the year, per stage (status), summed over the towns. */
export function casesByStage(figures) {
  const counts = new Map();
  for (const r of figures.byStatus) counts.set(r.status, (counts.get(r.status) ?? 0) + r.count);
  const statuses = [...counts.keys()].sort(byOrder);
  return {
    columns: [
      { key: 'stage', label: t('dash.col.stage') },
      { key: 'cases', label: t('dash.col.cases'), numeric: true },
    ],
    rows: statuses.map((s) => ({ id: s, stage: statusName(s), cases: String(counts.get(s)) })),
    option: categoryBars(statuses.map(statusName), [{ name: t('dash.col.cases'), data: statuses.map((s) => counts.get(s)) }], {
      horizontal: true,
    }),
  };
}

/** Towns ranked: accountability level and ratio (highest first), then overdue steps. */
export function townRanking(figures, towns, name) {
  const acc = new Map(figures.accountability.towns.map((x) => [x.townCode, x]));
  const overdue = new Map(figures.overdue.byTown.map((x) => [x.townCode, x.count]));
  const codes = new Set([...towns.map((x) => x.code), ...acc.keys(), ...overdue.keys()]);
  return [...codes]
    .map((code) => {
      const a = acc.get(code);
      return {
        code,
        name: name(code),
        ratio: a?.ratio ?? null,
        level: a?.level ?? 'NORMAL',
        illegalMu: muFromM2(a?.illegalCultivatedM2 ?? 0),
        newlyBuiltMu: muFromM2(a?.newlyBuiltCultivatedM2 ?? 0),
        overdue: overdue.get(code) ?? 0,
      };
    })
    .sort(
      (x, y) =>
        LEVEL_RANK[y.level] - LEVEL_RANK[x.level] ||
        (y.ratio ?? -1) - (x.ratio ?? -1) ||
        y.overdue - x.overdue ||
        x.code.localeCompare(y.code),
    );
}

/** The accountability ratio per town against the warning and sanction thresholds. */
export function ratioChart(ranking, thresholds) {
  const rows = ranking.filter((r) => r.ratio != null);
  return {
    columns: [
      { key: 'town', label: t('dash.col.town') },
      { key: 'ratio', label: t('dash.col.ratio'), numeric: true },
      { key: 'level', label: t('dash.col.level') },
    ],
    rows: rows.map((r) => ({ id: r.code, town: r.name, ratio: percent(r.ratio), level: t('dash.level.' + r.level) })),
    option: {
      tooltip: { trigger: 'axis', valueFormatter: (v) => num(v, 1) + '%' },
      grid: { left: 8, right: 24, top: 44, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name) },
      series: [
        {
          type: 'bar',
          barMaxWidth: 36,
          name: t('dash.col.ratio'),
          data: rows.map((r) => ({ value: r.ratio * 100, itemStyle: { color: LEVEL_COLOUR[r.level] } })),
          // the two threshold lines are close: their labels sit above the plot (the start: the y axis is inverted), one over the other
          markLine: {
            symbol: 'none',
            label: { formatter: (p) => p.name, position: 'start' },
            data: [
              {
                name: t('dash.warnLine', { v: percent(thresholds.warnRatio, 0) }),
                xAxis: thresholds.warnRatio * 100,
                lineStyle: { color: LEVEL_COLOUR.WARNING },
                label: { distance: 20, color: LEVEL_COLOUR.WARNING },
              },
              {
                name: t('dash.sanctionLine', { v: percent(thresholds.sanctionRatio, 0) }),
                xAxis: thresholds.sanctionRatio * 100,
                lineStyle: { color: LEVEL_COLOUR.SANCTION },
                label: { distance: 4, color: LEVEL_COLOUR.SANCTION },
              },
            ],
          },
        },
      ],
    },
  };
}

/** Open deadlines past due, per town. */
export function overdueChart(ranking) {
  const rows = ranking.filter((r) => r.overdue > 0).sort((x, y) => y.overdue - x.overdue);
  return {
    columns: [
      { key: 'town', label: t('dash.col.town') },
      { key: 'overdue', label: t('dash.col.overdue'), numeric: true },
    ],
    rows: rows.map((r) => ({ id: r.code, town: r.name, overdue: String(r.overdue) })),
    option: categoryBars(rows.map((r) => r.name), [{ name: t('dash.col.overdue'), data: rows.map((r) => r.overdue), color: '#c0182f' }], {
      horizontal: true,
    }),
  };
}

/** Mean and median days a case spent in each stage it has left. */
export function daysPerStage(figures) {
  const stages = [...figures.daysPerStage].sort((a, b) => byOrder(a.status, b.status));
  return {
    columns: [
      { key: 'stage', label: t('dash.col.stage') },
      { key: 'cases', label: t('dash.col.cases'), numeric: true },
      { key: 'mean', label: t('dash.col.meanDays'), numeric: true },
      { key: 'median', label: t('dash.col.medianDays'), numeric: true },
    ],
    rows: stages.map((s) => ({ id: s.status, stage: statusName(s.status), cases: String(s.count), mean: num(s.meanDays, 1), median: num(s.medianDays, 1) })),
    option: categoryBars(stages.map((s) => statusName(s.status)), [
      { name: t('dash.col.meanDays'), data: stages.map((s) => s.meanDays) },
      { name: t('dash.col.medianDays'), data: stages.map((s) => s.medianDays) },
    ]),
  };
}

/** Minutes from a clue's first evidence to the clue, per village: mean, median, 90th percentile and maximum. */
export function latencyChart(latency, name) {
  const cells = [...latency.cells].sort((a, b) => b.meanMinutes - a.meanMinutes || a.gridCode.localeCompare(b.gridCode));
  const keys = [
    ['mean', 'meanMinutes'],
    ['median', 'medianMinutes'],
    ['p90', 'p90Minutes'],
    ['max', 'maxMinutes'],
  ];
  return {
    columns: [
      { key: 'village', label: t('dash.col.village') },
      { key: 'clues', label: t('dash.col.clues'), numeric: true },
      ...keys.map(([k]) => ({ key: k, label: t('dash.col.' + k), numeric: true })),
    ],
    rows: cells.map((c) => ({
      id: c.gridCode,
      village: name(c.gridCode),
      clues: String(c.clues),
      ...Object.fromEntries(keys.map(([k, f]) => [k, num(c[f], 1)])),
    })),
    option: categoryBars(
      cells.map((c) => name(c.gridCode)),
      keys.map(([k, f]) => ({ name: t('dash.col.' + k), data: cells.map((c) => c[f]) })),
    ),
  };
}
