// Shared by the dashboard's pages. Data from the API is only ever put into the page as text nodes or attribute
// values (h() below), never parsed as HTML, so a hostile comment, name or draft stays inert text.

import { has, t, word, span } from './i18n.js';

export { t, tn, plural, word, when, num, plain, pct, day, languageName, lang, rtl, has } from './i18n.js';

const body = document.body;
export const me = body.dataset.user || '';
export const role = body.dataset.role || 'responder';
export const isSupervisor = body.dataset.supervisor === 'true';
const csrf = body.dataset.csrf || '';

/** Builds an element: attributes by name, children as nodes or strings (always text). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'href') el.setAttribute('href', safeUrl(value));
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Only http(s) and same-origin paths become links; anything else (javascript:, data:) is dropped. */
export function safeUrl(url) {
  try {
    const u = new URL(String(url), location.origin);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : '#';
  } catch (e) {
    return '#';
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** An error the API answered with (application/problem+json). */
export class ApiError extends Error {
  constructor(status, detail, problem) {
    super(detail || t('error.http', { status }));
    this.status = status;
    this.problem = problem || {};
  }
}

/** Calls the API with the session cookie and, for anything that changes state, the page's CSRF token. */
export async function api(method, path, payload) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method, headers, credentials: 'same-origin', redirect: 'manual',
    body: payload === undefined ? undefined : JSON.stringify(payload)
  });
  if (res.type === 'opaqueredirect' || res.status === 401) {
    location.assign('/login');
    throw new ApiError(401, t('error.signed_out'));
  }
  const text = await res.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = { detail: text }; }
  }
  if (!res.ok) {
    const fields = (data && data.errors || []).map(e => `${e.field}: ${e.message}`).join('; ');
    const detail = (data && (data.detail || data.title)) || fields || t('error.http', { status: res.status });
    // English shows the server's own words; the other languages a translation of the problem's code (with its
    // values, e.g. who holds a claim), else of what the status means
    const code = data && typeof data.code === 'string' ? data.code : '';
    const names = (data && data.errors || []).map(e => e.field).join(', ');
    const key = code && has(`problem.${code}`) ? `problem.${code}`
      : res.status >= 500 ? 'error.5xx' : has(`error.${res.status}`) ? `error.${res.status}` : 'error.400';
    const params = { ...(data && data.args || {}), detail, status: res.status, fields: names };
    throw new ApiError(res.status, t(key, params), data);
  }
  return data;
}

let toastTimer;
/** A short message in the live region. */
export function toast(message, bad) {
  const el = document.getElementById('toast');
  if (!el) return;
  el.textContent = message;
  el.className = 'toast show' + (bad ? ' bad' : '');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.className = 'toast'; }, bad ? 8000 : 3500);
}

/** Runs an action, reporting its error instead of throwing. */
export async function attempt(action, okMessage) {
  try {
    const result = await action();
    if (okMessage) toast(okMessage);
    return result;
  } catch (e) {
    toast(e.message || String(e), true);
    return undefined;
  }
}

/** Follows the live stream of queue changes; calls onUpdate for each, onReconnect after a gap. */
export function live(onUpdate, onReconnect) {
  const status = document.getElementById('live-status');
  let wasOpen = false;
  let broken = false;
  const source = new EventSource('/api/live');
  source.onmessage = (event) => {
    let update;
    try { update = JSON.parse(event.data); } catch (e) { return; }
    if (update.type === 'hello') {
      if (status) { status.textContent = t('live.on'); status.className = 'live'; }
      if (wasOpen && broken && onReconnect) onReconnect();
      wasOpen = true;
      broken = false;
      body.dataset.live = 'on';
      return;
    }
    if (update.type === 'heartbeat') return;
    onUpdate(update);
  };
  source.onerror = () => {
    broken = true;
    body.dataset.live = 'off';
    if (status) { status.textContent = t('live.reconnecting'); status.className = 'live off'; }
  };
  return source;
}

/** Who holds the claim on an item, whatever the API calls it. */
export function claimHolder(item) {
  if (!item) return null;
  const c = item.claim;
  return item.claimedBy || (c && (c.by || c.user || c.holder)) || null;
}

export function assigneeOf(item) {
  return item ? item.assignee || (item.team ? t('assignee.team', { team: item.team }) : null) : null;
}

const SLA_MINUTES = { complaint: 60, neutral: 240, praise: 1440 };

/** The SLA deadline of an item: the API's when it gives one, else the default per label from the queue time. */
export function slaDeadline(item) {
  const given = item.slaDeadline || item.slaDueAt || (item.sla && (item.sla.deadline || item.sla.dueAt));
  if (given) return new Date(given);
  const base = new Date(item.queuedAt || item.commentCreatedAt);
  const minutes = item.flags && item.flags.includes('question') ? Math.min(SLA_MINUTES[item.label] || 240, 240)
    : SLA_MINUTES[item.label] || 240;
  return new Date(base.getTime() + minutes * 60000);
}

const OPEN = new Set(['pending', 'claimed', 'escalated', 'snoozed', 'failed']);
export const isOpen = (item) => OPEN.has(item.state);

/** "12m left", "breached 3m ago", or null when the item is no longer waiting. */
export function slaText(item, now = Date.now()) {
  if (!isOpen(item)) return null;
  const ms = slaDeadline(item).getTime() - now;
  const text = t(ms < 0 ? 'sla.breached' : 'sla.left', { span: span(ms) });
  return { breached: ms < 0, soon: ms >= 0 && ms < 600000, text };
}

/** The platform's reply length limit, in characters as the platforms count them (code points). */
export const LIMITS = { x: 280, mastodon: 500, instagram: 2200, facebook: 8000, youtube: 10000, generic: 10000 };
export const charLength = (text) => Array.from(text || '').length;

/** Masks the personal data triage found, unless revealed: returns nodes. */
export function maskedText(item, revealed) {
  const text = item.text || '';
  const spans = (item.pii || item.piiSpans || []).filter(s => Number.isInteger(s.start) && Number.isInteger(s.end))
    .sort((a, b) => a.start - b.start);
  if (revealed || spans.length === 0) return [text];
  const out = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    out.push(text.slice(at, s.start));
    const type = word('pii', s.type || 'personal_data');
    out.push(h('span', { class: 'pii', title: t('pii.hidden', { type }) }, `[${type}]`));
    at = s.end;
  }
  out.push(text.slice(at));
  return out;
}

/** A reply check's finding in words: the catalogue's text for its code (English: the server's own), else its message. */
export function lintText(f) {
  const key = `lint.code.${f.code}`;
  return has(key) ? t(key, { detail: f.message || '' }) : t('lint.server', { detail: f.message || f.code || '' });
}

// The language switcher in the header: saved for the user (PUT /api/me/ui-language), then the page is drawn again
// in it, direction included.
const switcher = document.getElementById('ui-lang');
if (switcher) {
  switcher.addEventListener('change', async () => {
    const saved = await attempt(() => api('PUT', '/api/me/ui-language', { language: switcher.value }));
    if (saved) location.reload();
  });
}
