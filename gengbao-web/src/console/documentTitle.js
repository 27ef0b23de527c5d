// The name of an issued document in the console's language. Documents are issued in Chinese only; in English the
// console names them in English and keeps the Chinese title (what is printed on the paper) in brackets.
import { locale } from '../shared/i18n.js';

/** zh: the document's (Chinese) title; en: its English name, when the server sent one. */
export function documentTitle(zh, en) {
  return locale.lang === 'en' && en ? `${en} (${zh})` : zh;
}
