// The dashboard's words for the scripts: one catalogue per language, served by reply-service at /i18n/<lang>.json
// (from i18n/ui_<lang>.properties), loaded once before any module renders. The page's <html lang> says which.
// Numbers, dates, durations and plural forms come from Intl in that language, never from hand-written formats.

export const lang = document.documentElement.lang || 'en';
export const rtl = document.documentElement.dir === 'rtl';

let strings = {};
try {
  const res = await fetch(`/i18n/${encodeURIComponent(lang)}.json`, { credentials: 'same-origin' });
  if (res.ok) strings = await res.json();
} catch (e) {
  strings = {};
}

const plurals = new Intl.PluralRules(lang);
const numbers = new Intl.NumberFormat(lang);
const percents = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
const dateTimes = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
const days = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const languageNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([lang], { type: 'language' }) : null;
const durations = typeof Intl.DurationFormat === 'function' ? new Intl.DurationFormat(lang, { style: 'narrow' }) : null;

/** Whether the catalogue has the key (for codes from the API that may have no translation). */
export const has = (key) => Object.prototype.hasOwnProperty.call(strings, key);

function fill(template, params) {
  return template.replace(/\{([a-zA-Z_]+)\}/g, (all, name) =>
    params && Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : all);
}

/** The string for key with {name} filled from params (numbers formatted); the key itself if it is missing. */
export function t(key, params) {
  const formatted = {};
  for (const [k, v] of Object.entries(params || {})) formatted[k] = typeof v === 'number' ? numbers.format(v) : v;
  return fill(has(key) ? strings[key] : key, formatted);
}

/** Like t, but params may be DOM nodes: returns the pieces to append, so markup never goes through a string. */
export function tn(key, params) {
  const template = has(key) ? strings[key] : key;
  const out = [];
  let at = 0;
  for (const m of template.matchAll(/\{([a-zA-Z_]+)\}/g)) {
    out.push(template.slice(at, m.index));
    const v = params ? params[m[1]] : undefined;
    out.push(v === undefined ? m[0] : typeof v === 'number' ? numbers.format(v) : v);
    at = m.index + m[0].length;
  }
  out.push(template.slice(at));
  return out;
}

/** The plural form of key for count (key.one, key.few, ... as the language has them; key.other otherwise). */
export function plural(key, count, params) {
  const form = `${key}.${plurals.select(count)}`;
  return t(has(form) ? form : `${key}.other`, { count, ...params });
}

/** A code from the API (label, state, flag, audit action) in words, or the code when the catalogue lacks it. */
export function word(prefix, code) {
  return code && has(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : (code || '');
}

export const num = (n) => numbers.format(n);
const ungrouped = new Intl.NumberFormat(lang, { useGrouping: false });
/** A count without thousands separators (character counts next to a limit read better so), in the language's digits. */
export const plain = (n) => ungrouped.format(n);
export const pct = (fraction) => percents.format(fraction || 0);

/** A timestamp in the reader's language and time zone. */
export function when(ts) {
  if (!ts) return '';
  const d = new Date(ts);
  return isNaN(d) ? '' : dateTimes.format(d);
}

/** A UTC calendar day (2026-11-01) as the language writes a short date. */
export function day(isoDay) {
  const d = new Date(`${isoDay}T00:00:00Z`);
  return isNaN(d) ? String(isoDay) : days.format(d);
}

/** A language code as the reader's language names it (ar -> "Arabic", "العربية", ...). */
export function languageName(code) {
  try {
    return (languageNames && code && languageNames.of(code)) || String(code || '?').toUpperCase();
  } catch (e) {
    return String(code || '?').toUpperCase();
  }
}

/** A span of time, two largest units (1h 5m, 3d 2h), in the language's narrow style. */
export function span(ms) {
  const abs = Math.abs(ms);
  const parts = abs < 3600000 ? { minutes: Math.floor(abs / 60000), seconds: Math.floor(abs % 60000 / 1000) }
    : abs < 86400000 ? { hours: Math.floor(abs / 3600000), minutes: Math.floor(abs % 3600000 / 60000) }
      : { days: Math.floor(abs / 86400000), hours: Math.floor(abs % 86400000 / 3600000) };
  if (durations) return durations.format(parts);
  const unit = { days: 'd', hours: 'h', minutes: 'm', seconds: 's' };
  return Object.entries(parts).map(([k, v]) => `${numbers.format(v)}${unit[k]}`).join(' ');
}
