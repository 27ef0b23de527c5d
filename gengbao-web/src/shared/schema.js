// JSON Schema forms, the subset the server's schemas use (see the server's SchemaValidator): the empty form model of
// a schema, its validation with messages in the user's language, and the data it yields. Form models keep what the
// controls hold (text for numbers, null for an unanswered yes/no) so that a wrong entry can be named, not lost.
import { locale, t, words } from './i18n.js';

words({
  'form.required': ['请填写“{field}”', '“{field}” is required'],
  'form.choose': ['请选择“{field}”', 'Choose “{field}”'],
  'form.number': ['“{field}”应为数字', '“{field}” must be a number'],
  'form.integer': ['“{field}”应为整数', '“{field}” must be a whole number'],
  'form.minimum': ['“{field}”不能小于 {n}', '“{field}” must be at least {n}'],
  'form.maximum': ['“{field}”不能大于 {n}', '“{field}” must be at most {n}'],
  'form.minLength': ['“{field}”至少应有 {n} 个字', '“{field}” needs at least {n} characters'],
  'form.maxLength': ['“{field}”不能超过 {n} 个字', '“{field}” allows at most {n} characters'],
  'form.pattern': ['“{field}”格式不正确', '“{field}” is not in the right format'],
  'form.date': ['“{field}”应为日期（年-月-日）', '“{field}” must be a date (year-month-day)'],
  'form.dateTime': ['“{field}”应为日期和时间', '“{field}” must be a date and time'],
  'form.enum': ['“{field}”不是可选的值', '“{field}” is not one of the choices'],
  'form.minItems': ['“{field}”至少应有 {n} 项', '“{field}” needs at least {n} items'],
  'form.maxItems': ['“{field}”最多 {n} 项', '“{field}” allows at most {n} items'],
  'form.unique': ['“{field}”中有重复项', '“{field}” has the same item twice'],
});

const english = () => locale.lang === 'en';

/**
 * The choices of a schema as [{value, label}] (enum with x-enumTitles — x-enumTitlesEn in English — or x-enumNames, or
 * oneOf/anyOf of const), or null.
 */
export function choices(schema) {
  if (Array.isArray(schema.enum)) {
    return schema.enum.map((value, i) => ({
      value,
      label:
        (english() ? schema['x-enumTitlesEn']?.[value] : undefined) ??
        schema['x-enumTitles']?.[value] ??
        schema['x-enumNames']?.[i] ??
        String(value),
    }));
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives) && alternatives.length && alternatives.every((a) => 'const' in a)) {
    return alternatives.map((a) => ({ value: a.const, label: a.title ?? String(a.const) }));
  }
  return null;
}

/** The label of a value among the choices of a schema (the value itself when it is not a choice). */
export function choiceLabel(schema, value) {
  return choices(schema ?? {})?.find((c) => c.value === value)?.label ?? String(value);
}

/** The type of a schema ('string' for plain choices without a type). */
export function typeOf(schema) {
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (type) return type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return 'string';
}

/** The title of a field: the schema's title (x-titleEn in English, when it has one), else the member name. */
export function titleOf(schema, name) {
  return (english() && schema['x-titleEn']) || schema.title || name || '';
}

/** The member name as English words ("verifiedOn" → "verified on"), shown beside Chinese titles in English. */
export function nameWords(name) {
  return String(name ?? '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
}

/** The empty model of a schema: {} of members, [] for lists, null for yes/no, '' for everything else. */
export function emptyModel(schema) {
  switch (typeOf(schema)) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, emptyModel(s)]));
    case 'array':
      return [];
    case 'boolean':
      return null;
    default:
      return '';
  }
}

function dateTimeValue(text) {
  // datetime-local gives "YYYY-MM-DDTHH:mm" in the browser's time; the server wants an offset
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? text : d.toISOString();
}

/** The data of a model: trimmed text, numbers as numbers; empty members left out (undefined when all is empty). */
export function dataOf(schema, model) {
  const type = typeOf(schema);
  if (type === 'object') {
    const out = {};
    for (const [k, s] of Object.entries(schema.properties ?? {})) {
      const v = dataOf(s, model?.[k]);
      if (v !== undefined) out[k] = v;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (type === 'array') {
    const items = (model ?? []).map((m) => dataOf(schema.items ?? {}, m)).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (type === 'boolean') return model === true || model === false ? model : undefined;
  if (model == null) return undefined;
  const text = String(model).trim();
  if (text === '') return undefined;
  if (type === 'number' || type === 'integer') {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  if (schema.format === 'date-time') return dateTimeValue(text);
  return text;
}

const codePoints = (s) => [...s].length;

function isDate(s) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function matches(pattern, s) {
  try {
    return new RegExp(pattern).test(s);
  } catch {
    return true; // a pattern this browser cannot read is left to the server
  }
}

/**
 * Checks a model against its schema as the server will; returns {pointer: message} (JSON Pointers as in the server's
 * 422 answers, without the "/data" prefix), empty when the model is valid.
 */
export function validate(schema, model) {
  const errors = {};
  check(schema, model, '', '', true, errors);
  return errors;
}

function check(schema, model, pointer, name, required, errors) {
  const field = titleOf(schema, name);
  const fail = (key, args = {}) => {
    errors[pointer] ??= t(key, { field, ...args });
  };
  const type = typeOf(schema);
  const value = dataOf(schema, model);
  if (value === undefined) {
    if (required && pointer !== '') fail(choices(schema) || type === 'boolean' ? 'form.choose' : 'form.required');
    if (type !== 'object' || !required) return;
  }
  if (type === 'object') {
    const members = schema.properties ?? {};
    const needed = new Set(schema.required ?? []);
    for (const [k, s] of Object.entries(members)) {
      check(s, model?.[k], `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, k, needed.has(k), errors);
    }
    return;
  }
  if (type === 'array') {
    if (schema.minItems != null && value.length < schema.minItems) fail('form.minItems', { n: schema.minItems });
    if (schema.maxItems != null && value.length > schema.maxItems) fail('form.maxItems', { n: schema.maxItems });
    if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) fail('form.unique');
    (model ?? []).forEach((m, i) => check(schema.items ?? {}, m, `${pointer}/${i}`, name, true, errors));
    return;
  }
  const options = choices(schema);
  if (options && !options.some((o) => o.value === value)) return fail('form.enum');
  if (type === 'number' || type === 'integer') {
    if (typeof value !== 'number') return fail('form.number');
    if (type === 'integer' && !Number.isInteger(value)) return fail('form.integer');
    if (schema.minimum != null && value < schema.minimum) return fail('form.minimum', { n: schema.minimum });
    if (schema.maximum != null && value > schema.maximum) return fail('form.maximum', { n: schema.maximum });
    return;
  }
  if (typeof value !== 'string') return;
  if (schema.minLength != null && codePoints(value) < schema.minLength) return fail('form.minLength', { n: schema.minLength });
  if (schema.maxLength != null && codePoints(value) > schema.maxLength) return fail('form.maxLength', { n: schema.maxLength });
  if (schema.format === 'date' && !isDate(value)) return fail('form.date');
  if (schema.format === 'date-time' && Number.isNaN(new Date(value).getTime())) return fail('form.dateTime');
  if (schema.pattern && !matches(schema.pattern, value)) return fail('form.pattern');
}

/** Whether the current language wants the member name beside a Chinese title. */
export function wantsNameWords(title) {
  return english() && /[\u3400-\u9fff]/.test(title ?? '');
}
