// Language of both apps: Simplified Chinese by default, English on request. The choice is kept in localStorage
// and sent to the server as Accept-Language, so problem+json details come back in the same language.
import { reactive } from 'vue';

const KEY = 'gengbao.lang';
export const locale = reactive({ lang: localStorage.getItem(KEY) === 'en' ? 'en' : 'zh' });

const dictionaries = { zh: {}, en: {} };

/** Adds messages: {key: [zh, en]}. Each view registers its own words next to its code. */
export function words(table) {
  for (const [key, [zh, en]] of Object.entries(table)) {
    dictionaries.zh[key] = zh;
    dictionaries.en[key] = en;
  }
}

/** The message for key in the current language, with {name} placeholders filled from args. */
export function t(key, args) {
  const text = dictionaries[locale.lang][key] ?? dictionaries.zh[key] ?? key;
  return args ? text.replace(/\{(\w+)\}/g, (_, k) => (args[k] ?? '')) : text;
}

export function setLang(lang) {
  locale.lang = lang === 'en' ? 'en' : 'zh';
  localStorage.setItem(KEY, locale.lang);
  document.documentElement.lang = locale.lang === 'en' ? 'en' : 'zh-CN';
}

/** Picks the message of a {zh, en} pair (as the server sends reasons and problem messages). */
export function pick(pair) {
  if (pair == null) return '';
  if (typeof pair === 'string') return pair;
  return pair[locale.lang] ?? pair.zh ?? pair.en ?? '';
}

/** Formats a number the way the current language writes it. */
export function num(value, digits = 2) {
  if (value == null || Number.isNaN(value)) return '—';
  return Number(value).toLocaleString(locale.lang === 'en' ? 'en-US' : 'zh-CN', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

words({
  'app.console': ['耕保 · 耕地保护执法监管平台', 'Gengbao · Farmland protection enforcement'],
  'app.patrol': ['耕保巡查', 'Gengbao Patrol'],
  'lang.switch': ['English', '中文'],
  'common.loading': ['正在加载…', 'Loading…'],
  'common.retry': ['重试', 'Retry'],
  'common.save': ['保存', 'Save'],
  'common.cancel': ['取消', 'Cancel'],
  'common.close': ['关闭', 'Close'],
  'common.none': ['暂无数据', 'Nothing here yet'],
  'common.error': ['出错了', 'Something went wrong'],
  'common.offline': ['网络不可用', 'No network'],
  'login.title': ['登录', 'Log in'],
  'login.username': ['账号', 'Username'],
  'login.password': ['密码', 'Password'],
  'login.submit': ['登录', 'Log in'],
  'login.logout': ['退出登录', 'Log out'],
  'login.failed': ['登录失败', 'Login failed'],
});
