// The queue page: filters, badges, SLA countdown, who is replying, bulk actions, keyboard, live updates.
import {
  api, attempt, lintText, assigneeOf, claimHolder, fill, h, isOpen, live, maskedText, me, plural, slaDeadline, slaText, t, toast,
  when, word
} from './common.js';
import { emergingChanged, initEmerging } from './emerging.js';

const list = document.getElementById('queue');
const form = document.getElementById('filters');
const summary = document.getElementById('queue-summary');
const more = document.getElementById('more');
const selectAll = document.getElementById('select-all');
const selectedCount = document.getElementById('selected-count');
const bulkButtons = ['bulk-reject', 'bulk-hide', 'bulk-assign'].map(id => document.getElementById(id));
const help = document.getElementById('help');

const items = new Map();      // id -> item, in the order shown
const selected = new Set();
let nextCursor = null;
let current = -1;

function filters() {
  const f = Object.fromEntries(new FormData(form).entries());
  // q keeps a trailing space: it tells the server the last word is complete (looked up in its index)
  for (const k of Object.keys(f)) f[k] = k === 'q' ? String(f[k]).trimStart() : String(f[k]).trim();
  return f;
}

// As the server folds for search (commons TextFold): lower case, NFKD, without the combining marks of the Inherited
// and Arabic scripts (accents, tashkeel) and the tatweel; Telugu and Devanagari vowel signs stay.
const FOLDED_AWAY = /(?=\p{M})[\p{Script=Inherited}\p{Script=Arabic}]|\u0640/gu;
function fold(s) {
  return String(s || '').toLowerCase().normalize('NFKD').replace(FOLDED_AWAY, '').toLowerCase();
}

function matches(item, f) {
  if (f.state === '' ? !isOpen(item) : f.state !== '*' && item.state !== f.state) return false;
  if (f.label && item.label !== f.label) return false;
  if (f.platform && item.platform !== f.platform) return false;
  if (f.lang && item.lang !== f.lang) return false;
  if (f.flag && !(item.flags || []).includes(f.flag)) return false;
  if (f.assignee && ![item.assignee, item.team].some(a => (a || '').toLowerCase() === f.assignee.toLowerCase())) return false;
  if (f.q) {
    // the server searched already; this only checks items live updates added since, the way the server does
    const a = item.author || {};
    const hay = [item.text, a.displayName, a.handle, item.externalId, item.id].map(fold).join('\n');
    if (!fold(f.q).split(/\s+/).filter(Boolean).every(w => hay.includes(w))) return false;
  }
  return true;
}

function query(cursor) {
  const f = filters();
  const params = new URLSearchParams({ limit: '50' });
  for (const k of ['label', 'platform', 'lang', 'assignee', 'flag', 'q']) if (f[k]) params.set(k, f[k]);
  if (f.state !== '*') params.set('state', f.state || 'pending,claimed,escalated,snoozed,failed');
  if (cursor) params.set('cursor', cursor);
  return '/api/queue?' + params;
}

/** The export links follow the filters, so what is downloaded is what the list shows (every page of it). */
function exportLinks() {
  const f = filters();
  const params = new URLSearchParams();
  for (const k of ['label', 'platform', 'lang', 'assignee', 'flag', 'q']) if (f[k]) params.set(k, f[k]);
  if (f.state !== '*') params.set('state', f.state || 'pending,claimed,escalated,snoozed,failed');
  for (const [id, path, format] of [['export-csv', 'queue', 'csv'], ['export-jsonl', 'queue', 'jsonl'], ['export-audit', 'audit', 'csv']]) {
    const link = document.getElementById(id);
    if (link) link.setAttribute('href', `/api/export/${path}?format=${format}&${params}`);
  }
}

function priorityBadge(p) {
  const cls = p >= 70 ? 'prio-high' : p >= 40 ? 'prio-mid' : 'prio-low';
  return h('span', { class: `badge ${cls}`, title: t('priority') }, `P${p}`);
}

function claimLine(item) {
  const holder = claimHolder(item);
  if (item.state === 'claimed' || holder) {
    const mine = holder === me;
    return h('span', { class: 'claim' + (mine ? ' mine' : ''), 'data-claim': holder || '' },
      mine ? t('claim.you') : t('claim.held_by', { holder: holder || t('someone') }));
  }
  return null;
}

function row(item) {
  const a = item.author || {};
  const name = a.displayName || a.handle || t('author.unknown');
  const sla = slaText(item);
  const check = h('input', {
    type: 'checkbox', class: 'select', 'aria-label': t('queue.select_one', { name }), checked: selected.has(item.id)
  });
  check.addEventListener('change', () => {
    if (check.checked) selected.add(item.id); else selected.delete(item.id);
    updateBulk();
  });
  const assignee = assigneeOf(item);
  return h('li', { class: 'row', 'data-id': item.id, 'data-state': item.state },
    h('div', {}, check),
    h('div', {},
      h('div', { class: 'meta' },
        h('span', { class: `badge ${item.label}` }, word('label', item.label)),
        priorityBadge(item.priority),
        (item.flags || []).map(f => h('span', { class: 'badge flag', 'data-flag': f }, word('flag', f))),
        item.topic ? h('span', { class: 'badge topic', 'data-topic': item.topic, title: t('topic.title') }, word('topic', item.topic + '.name')) : null,
        item.vip ? h('span', { class: 'badge vip', 'data-vip': 'true', title: t('vip.title') }, t('vip.badge')) : null,
        h('span', { class: 'badge state', 'data-state': item.state }, word('state', item.state)),
        h('span', {}, item.platform),
        h('span', { lang: 'en' }, (item.lang || '?').toUpperCase()),
        assignee ? h('span', {}, '→ ', h('bdi', {}, assignee)) : null),
      h('div', { class: 'author' }, h('bdi', { class: 'name' }, name),
        a.handle && a.displayName ? h('span', { class: 'muted' }, ' @', h('bdi', {}, a.handle)) : null),
      h('p', { class: 'text', dir: 'auto', lang: item.lang || undefined }, maskedText(item, false))),
    h('div', { class: 'side' },
      sla ? h('div', { class: 'sla' + (sla.breached ? ' breached' : sla.soon ? ' soon' : ''), 'data-sla': '1' }, sla.text) : null,
      h('div', { class: 'claim-slot' }, claimLine(item)),
      h('div', { class: 'muted small' }, when(item.commentCreatedAt)),
      h('a', { href: `/item/${encodeURIComponent(item.id)}`, class: 'open' }, t('queue.open'))));
}

function render() {
  const f = filters();
  const shown = [...items.values()].filter(i => matches(i, f));
  const currentId = current >= 0 && list.children[current] ? list.children[current].dataset.id : null;
  fill(list, shown.map(row));
  current = currentId ? shown.findIndex(i => i.id === currentId) : -1;
  highlight();
  summary.textContent = plural('queue.count', shown.length) + (nextCursor ? t('queue.more_below') : '');
  more.hidden = !nextCursor;
  selectAll.checked = shown.length > 0 && shown.every(i => selected.has(i.id));
  updateBulk();
}

function order(a, b) {
  return (b.priority - a.priority) || (slaDeadline(a) - slaDeadline(b));
}

async function load(append) {
  if (!append) exportLinks();
  const page = await attempt(() => api('GET', query(append ? nextCursor : null)));
  if (!page) return;
  if (!append) items.clear();
  for (const item of page.items) items.set(item.id, item);
  nextCursor = page.nextCursor;
  render();
}

async function refreshItem(id, update) {
  let item;
  try {
    item = await api('GET', `/api/queue/${encodeURIComponent(id)}`);
  } catch (e) {
    if (e.status === 404) { items.delete(id); render(); }
    return;
  }
  if (update && update.state === 'claimed' && !claimHolder(item) && update.actor) item.claimedBy = update.actor;
  const known = items.has(id);
  items.set(id, item);
  if (!known) {
    const sorted = [...items.values()].sort(order);
    items.clear();
    for (const i of sorted) items.set(i.id, i);
  }
  render();
  const el = list.querySelector(`li[data-id="${CSS.escape(id)}"]`);
  if (el) el.classList.add('flash');
}

function updateBulk() {
  selectedCount.textContent = t('queue.selected', { count: selected.size });
  for (const b of bulkButtons) b.disabled = selected.size === 0;
}

function highlight() {
  [...list.children].forEach((li, i) => li.classList.toggle('current', i === current));
  const li = list.children[current];
  if (li) {
    li.scrollIntoView({ block: 'nearest' });
    const link = li.querySelector('a.open');
    if (link && document.activeElement !== link) link.focus({ preventScroll: true });
  }
}

function currentItem() {
  const li = list.children[current];
  return li ? items.get(li.dataset.id) : null;
}

async function act(item, action, payload, message) {
  const result = await attempt(() => api('POST', `/api/queue/${encodeURIComponent(item.id)}/${action}`, payload), message);
  if (result !== undefined) await refreshItem(item.id);
  return result;
}

async function bulk(action, extra, doneKey) {
  const ids = [...selected];
  const res = await attempt(() => api('POST', `/api/queue/bulk/${action}`, { ids, ...extra }));
  if (!res) return;
  const results = res.results || {};
  const refused = (r) => /^\d{3} /.test(String(r));
  const failed = Object.entries(results).filter(([, r]) => refused(r));
  for (const [id, r] of Object.entries(results)) if (!refused(r)) selected.delete(id);
  toast(t(doneKey, { done: ids.length - failed.length, total: ids.length })
    + (failed.length ? t('bulk.not_done', { list: failed.map(([id, r]) => `${id} (${r})`).join('; ') }) : ''), failed.length > 0);
  await load(false);
}

document.getElementById('bulk-reject').addEventListener('click', () => {
  const reason = document.getElementById('bulk-reason').value.trim();
  if (!reason) { toast(t('reject.need_reason'), true); document.getElementById('bulk-reason').focus(); return; }
  bulk('reject', { reason }, 'bulk.rejected');
});
document.getElementById('bulk-hide').addEventListener('click', () => bulk('hide', {}, 'bulk.hid'));
document.getElementById('bulk-assign').addEventListener('click', () => {
  const to = document.getElementById('bulk-assignee').value.trim();
  if (!to) { toast(t('assign.need_whom'), true); document.getElementById('bulk-assignee').focus(); return; }
  bulk('assign', to.includes(' ') || to.startsWith('team:') ? { team: to.replace(/^team:/, '') } : { assignee: to }, 'bulk.assigned');
});
selectAll.addEventListener('change', () => {
  const f = filters();
  for (const i of items.values()) if (matches(i, f)) {
    if (selectAll.checked) selected.add(i.id); else selected.delete(i.id);
  }
  render();
});
more.addEventListener('click', () => load(true));
document.getElementById('help-open').addEventListener('click', () => help.showModal());

// Approving from the list: the item is read again and its draft shown exactly as it will be published; only the
// dialog's own button approves, at the version that was shown (a change since is refused by the server).
const approveDialog = document.getElementById('approve-confirm');
let toApprove = null;

async function confirmApprove(listed) {
  const item = await attempt(() => api('GET', `/api/queue/${encodeURIComponent(listed.id)}`));
  if (!item) return;
  const text = item.draft && item.draft.text;
  if (!text) { toast(t('approve.nothing'), true); return; }
  if (item.translation && item.translation.reply) {
    toast(t('approve.machine'), true);
    return;
  }
  toApprove = { id: item.id, version: item.version, text };
  const a = item.author || {};
  document.getElementById('approve-meta').textContent =
    t('approve.meta', { platform: item.platform, name: a.displayName || a.handle || t('author.unknown_object') });
  document.getElementById('approve-text').textContent = text;
  const findings = (item.lint && item.lint.findings) || [];
  fill(document.getElementById('approve-lint'), findings.map(f => h('li', { class: 'fail' }, t('lint.fails'), lintText(f))));
  approveDialog.returnValue = '';
  approveDialog.showModal();
  document.getElementById('approve-cancel').focus();
}

approveDialog.addEventListener('close', () => {
  const pending = toApprove;
  toApprove = null;
  if (approveDialog.returnValue !== 'approve' || !pending) return;
  act(pending, 'approve', { version: pending.version }, t('done.approved'));
});

let typing;
form.addEventListener('input', (e) => {
  clearTimeout(typing);
  typing = setTimeout(() => load(false), e.target.id === 'f-q' || e.target.id === 'f-assignee' ? 250 : 0);
});
form.addEventListener('submit', (e) => { e.preventDefault(); load(false); });
form.addEventListener('change', exportLinks);

document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const target = e.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) {
    if (e.key === 'Escape') target.blur();
    return;
  }
  if (help.open || approveDialog.open) return;
  const n = list.children.length;
  const item = currentItem();
  switch (e.key) {
    case 'j': current = Math.min(n - 1, current + 1); highlight(); break;
    case 'k': current = Math.max(0, current - 1); highlight(); break;
    case 'o': case 'Enter': if (item) location.assign(`/item/${encodeURIComponent(item.id)}`); else return; break;
    case 'x': if (item) { if (selected.has(item.id)) selected.delete(item.id); else selected.add(item.id); render(); } break;
    case 'c': if (item) act(item, 'claim', undefined, t('done.claimed')); break;
    case 'a': if (item) confirmApprove(item); break;
    case 'r': if (item) {
      const reason = document.getElementById('bulk-reason').value.trim() || window.prompt(t('reject.prompt'));
      if (reason) act(item, 'reject', { reason }, t('done.rejected'));
    } break;
    case '/': document.getElementById('f-q').focus(); break;
    case '?': help.showModal(); break;
    default: return;
  }
  e.preventDefault();
});

setInterval(() => {
  for (const li of list.children) {
    const el = li.querySelector('[data-sla]');
    const item = items.get(li.dataset.id);
    if (!el || !item) continue;
    const sla = slaText(item);
    if (!sla) continue;
    el.textContent = sla.text;
    el.className = 'sla' + (sla.breached ? ' breached' : sla.soon ? ' soon' : '');
  }
}, 1000);

let reloadTimer;
live((update) => {
  if (update.type === 'emerging') { emergingChanged(); return; }
  if (!update.itemId) return;
  if (items.has(update.itemId) || update.type === 'drafted' || update.type === 'queued') {
    refreshItem(update.itemId, update);
  } else {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => load(false), 300);
  }
}, () => { load(false); emergingChanged(); });

/** A rising issue's link: the queue searches for its top term (a complete word: the trailing space). */
function searchFor(term) {
  const q = document.getElementById('f-q');
  q.value = term + ' ';
  history.replaceState(null, '', '?' + new URLSearchParams({ q: term }));
  load(false);
}

// a link to /?q=... (a rising issue's, opened in a new tab) starts with that search
const startQ = new URLSearchParams(location.search).get('q');
if (startQ) document.getElementById('f-q').value = startQ.trim() + ' ';
initEmerging(searchFor);
load(false);
