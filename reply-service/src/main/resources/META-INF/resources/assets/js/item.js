// The item page: the comment in context, triage's verdict, the draft editor with live checks, the decisions, history.
import {
  api, attempt, charLength, claimHolder, fill, h, isOpen, isSupervisor, LIMITS, lintText, live, maskedText, me, pct, plain, slaText,
  t, tn, toast, when, word
} from './common.js';

// the translation functions below name the item's translation `t`; `tr` is the catalogue there
const tr = t;

const id = document.getElementById('item').dataset.itemId;
const base = `/api/queue/${encodeURIComponent(id)}`;
const $ = (x) => document.getElementById(x);
const draft = $('draft');
let item = null;
let dirty = false;
let revealed = false;
let serverLint = null;
let lintSeq = 0;
// translation: what was asked for the comment (so a page asks once per comment version), and the hash of the
// translated reply as this page showed it in both languages (approval sends it; null until it was shown)
let commentTranslation = null;
let commentTranslationKey = null;
let shownTextHash = null;

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);
/** Right to left for languages that run so; otherwise let the browser decide from the text. */
function dirFor(lang) { return RTL.has(String(lang || '').toLowerCase()) ? 'rtl' : 'auto'; }
function upper(lang) { return (lang || '?').toUpperCase(); }

function holder() { return claimHolder(item); }
function mine() { return holder() === me && item.state === 'claimed'; }

function renderComment() {
  const a = item.author || {};
  const name = a.displayName || a.handle || t('author.unknown');
  fill($('comment'),
    h('div', { class: 'meta' },
      h('span', { class: `badge ${item.label}` }, word('label', item.label)),
      h('span', { class: 'badge', title: t('priority') }, `P${item.priority}`),
      (item.flags || []).map(f => h('span', { class: 'badge flag', 'data-flag': f }, word('flag', f))),
      item.topic ? h('span', { class: 'badge topic', 'data-topic': item.topic, title: t('topic.title') }, word('topic', item.topic + '.name')) : null,
      item.vip ? h('span', { class: 'badge vip', id: 'vip', title: t('vip.title') }, t('vip.badge')) : null,
      h('span', {}, item.platform), h('span', {}, (item.lang || '?').toUpperCase()),
      h('span', {}, when(item.commentCreatedAt))),
    h('div', { class: 'author' }, h('bdi', { class: 'name' }, name),
      a.handle ? h('span', { class: 'muted' }, ' @', h('bdi', {}, a.handle)) : null),
    h('p', { class: 'text', id: 'comment-text', dir: 'auto', lang: item.lang || undefined }, maskedText(item, revealed)),
    item.permalink ? h('a', { href: item.permalink, rel: 'noopener noreferrer', target: '_blank' }, t('item.open_on_platform')) : null,
    hasPii() && isSupervisor && !revealed
      ? h('button', { type: 'button', id: 'reveal', class: 'link', onclick: reveal }, t('item.reveal')) : null);
}

function publishError() {
  return item.lastPublishError || (item.publication && item.publication.lastError) || null;
}

function hasPii() { return (item.pii || item.piiSpans || []).length > 0; }

async function reveal() {
  const res = await attempt(() => api('POST', `${base}/reveal`, {}));
  if (res) {
    if (res.text) item.text = res.text;
    revealed = true;
    renderComment();
    loadHistory();
  }
}

function comments(el, list, empty) {
  fill(el, list && list.length
    ? list.map(c => h('li', {},
      h('span', { class: 'muted small' }, when(c.createdAt || c.commentCreatedAt), ' '),
      h('bdi', { class: 'name' }, (c.author && (c.author.displayName || c.author.handle)) || c.authorName || ''), ': ',
      h('span', { dir: 'auto' }, c.text)))
    : [h('li', { class: 'muted' }, empty)]);
}

function renderTriage() {
  const scores = Object.entries(item.scores || {}).sort((a, b) => b[1] - a[1]);
  fill($('triage'),
    h('p', {}, tn('item.triage', {
      label: h('strong', {}, word('label', item.label)), confidence: pct(item.confidence), priority: item.priority
    })),
    scores.length ? h('p', { class: 'small' }, scores.map(([k, v]) => `${word('label', k)} ${pct(v)}`).join(' · ')) : null,
    h('ul', { id: 'explanation' }, (item.explanation || []).map(e => h('li', { dir: 'auto' }, e))));
}

function renderStatus() {
  const sla = slaText(item);
  const who = holder();
  fill($('status'),
    h('span', { class: 'badge state', id: 'state', 'data-state': item.state }, word('state', item.state)), ' ',
    who ? h('span', { class: 'claim' + (who === me ? ' mine' : ''), id: 'claim-holder' },
      who === me ? t('claim.you') : t('claim.held_by', { holder: who })) : null, ' ',
    sla ? h('span', { class: 'sla' + (sla.breached ? ' breached' : '') }, sla.text) : null,
    publishError() ? h('p', { class: 'error', id: 'publish-error' }, t('item.publish_failed'), publishError()) : null,
    item.publication && item.publication.tokenExpired ? h('p', { class: 'error' }, t('item.token_expired')) : null);
  $('retry').hidden = item.state !== 'failed';
  const open = isOpen(item);
  $('claim').disabled = !open || mine() || (who && who !== me && !isSupervisor);
  $('claim').textContent = who && who !== me && isSupervisor ? t('item.take_over') : t('item.claim');
  $('release').disabled = !mine();
  draft.readOnly = !mine();
  for (const b of ['save', 'approve']) $(b).disabled = !mine();
  $('saved-open').disabled = !mine();
  for (const b of ['reject', 'escalate', 'snooze', 'hide']) $(b).disabled = !open || (who && who !== me && !isSupervisor);
  $('override-wrap').hidden = !isSupervisor;
}

function renderDraft(force) {
  if (dirty && !force) return;
  const d = item.draft || {};
  draft.value = d.text || '';
  draft.lang = d.lang || item.lang || '';
  // a source reads "template:ar:complaint": its kind is what a person needs
  $('draft-lang').textContent = d.lang ? `(${d.lang}, ${word('source', String(d.source || 'draft').split(':')[0])})` : '';
  dirty = false;
  onDraftChanged(false);
}

function localChecks(text) {
  const out = [];
  const limit = LIMITS[item.platform] || 10000;
  const n = charLength(text);
  if (!text.trim()) out.push({ severity: 'fail', code: 'empty', message: t('lint.local.empty') });
  if (n > limit) {
    out.push({ severity: 'fail', code: 'too_long', message: t('lint.local.too_long', { platform: item.platform, limit, over: n - limit }) });
  }
  const slot = text.match(/\{[a-zA-Z_]+\}/);
  if (slot) out.push({ severity: 'fail', code: 'unresolved_slot', message: t('lint.local.unresolved_slot', { slot: slot[0] }) });
  return out;
}

function normalise(res) {
  if (!res) return [];
  const list = Array.isArray(res) ? res : res.findings || res.problems || res.issues || res.results || res.violations || [];
  return list.map(f => ({
    severity: /warn/i.test(f.severity || f.level || '') ? 'warn' : 'fail',
    code: f.code || f.rule || null,
    message: lintText({ code: f.code || f.rule, message: f.message || f.detail || f.rule || f.code || String(f) })
  }));
}

function renderLint() {
  const text = draft.value;
  const all = [...localChecks(text)];
  // a finding the page already checks itself (empty, too long, a slot) is shown once, in the page's words
  for (const f of serverLint || []) if (!all.some(a => a.message === f.message || (f.code && a.code === f.code))) all.push(f);
  fill($('lint'), all.length ? all.map(f => h('li', { class: f.severity, 'data-code': f.code || undefined },
    f.severity === 'warn' ? t('lint.check') : t('lint.fails'), f.message))
    : [h('li', { class: 'pass' }, t('lint.pass'))]);
  $('lint').dataset.failing = String(all.filter(f => f.severity === 'fail').length);
}

function onDraftChanged(typed) {
  const limit = LIMITS[item.platform] || 10000;
  const n = charLength(draft.value);
  const count = $('char-count');
  count.textContent = t('item.chars', { count: plain(n), limit: plain(limit) });
  count.className = n > limit ? 'over' : '';
  if (typed) { dirty = true; $('save-state').textContent = t('item.unsaved'); }
  renderLint();
  scheduleLint();
}

let lintTimer;
function scheduleLint() {
  clearTimeout(lintTimer);
  lintTimer = setTimeout(async () => {
    const seq = ++lintSeq;
    try {
      const res = await api('POST', `${base}/lint`, { text: draft.value, lang: draft.lang || item.lang });
      if (seq === lintSeq) { serverLint = normalise(res); renderLint(); }
    } catch (e) {
      if (seq === lintSeq) { serverLint = null; renderLint(); }
    }
  }, 250);
}

async function save() {
  const res = await attempt(() => api('PUT', `${base}/draft`, { text: draft.value, version: item.version }));
  if (res) {
    if (res.id) item = res; else await load();
    dirty = false;
    $('save-state').textContent = t('done.saved');
    render(true);
  }
  return res;
}

async function post(action, payload, message) {
  const res = await attempt(() => api('POST', `${base}/${action}`, payload), message);
  if (res !== undefined) {
    if (res && res.id) item = res; else await load();
    render(action.startsWith('claim'));
  }
  return res;
}

$('claim').addEventListener('click', () => {
  const takeover = holder() && holder() !== me && isSupervisor;
  post(takeover ? 'claim?takeover=true' : 'claim', undefined, takeover ? t('done.taken_over') : t('done.claimed'));
});
$('retry').addEventListener('click', () => post('retry', undefined, t('done.sending_again')));
$('release').addEventListener('click', () => post('release', undefined, t('done.released')));
$('save').addEventListener('click', save);
$('approve').addEventListener('click', async () => {
  if (dirty && !(await save())) return;
  const reply = item.translation && item.translation.reply;
  if (reply && shownTextHash !== reply.shownTextHash) {
    toast(t('item.read_both_first'), true);
    return;
  }
  post('approve', {
    version: item.version, override: $('override').checked || undefined,
    shownTextHash: reply ? shownTextHash : undefined
  }, t('done.approved'));
});
$('reject').addEventListener('click', () => {
  const reason = $('reject-reason').value.trim();
  if (!reason) { toast(t('reject.need_reason'), true); $('reject-reason').focus(); return; }
  post('reject', { reason }, t('done.rejected'));
});
$('escalate').addEventListener('click', () => post('escalate', {}, t('done.escalated')));
$('snooze').addEventListener('click', () => {
  post('snooze', { minutes: Number($('snooze-for').value) }, t('done.snoozed'));
});
$('hide').addEventListener('click', () => post('hide', {}, t('done.hidden')));
draft.addEventListener('input', () => onDraftChanged(true));

async function loadSuggestions() {
  let list = item.suggestions || null;
  if (list && !Array.isArray(list)) list = list.suggestions || list.items || [];
  const all = [...(item.draft ? [{ text: item.draft.text, source: item.draft.source || 'template' }] : []),
    ...(item.suggestion ? [{ text: item.suggestion, source: 'suggested' }] : []),
    ...(list || []).map(s => ({ text: s.text || s.reply, source: s.source || 'learned' }))];
  fill($('suggestions'), all.map(s => h('li', {},
    h('span', { class: 'badge' }, word('source', s.source || s.kind || 'suggestion')), ' ',
    h('span', { dir: 'auto' }, s.text), ' ',
    h('button', {
      type: 'button', class: 'link', disabled: !mine(),
      onclick: () => { draft.value = s.text; onDraftChanged(true); draft.focus(); }
    }, t('item.use')))));
}

async function loadHistory() {
  let entries = [];
  try {
    const res = await api('GET', `/api/audit?item=${encodeURIComponent(id)}`);
    entries = Array.isArray(res) ? res : res.entries || res.items || [];
  } catch (e) {
    entries = [];
  }
  fill($('history'), entries.length ? entries.map(e => h('li', {},
    h('span', { class: 'muted small' }, when(e.at || e.occurredAt || e.time), ' '),
    h('bdi', {}, e.actor === 'system' || !(e.actor || e.who) ? t('actor.system') : e.actor || e.who), ' ',
    h('strong', { 'data-action': e.action || e.type || '' }, word('audit', e.action || e.type || '')),
    e.reason ? h('span', {}, ': ', h('bdi', {}, e.reason)) : null,
    e.after || e.textAfter ? h('div', { dir: 'auto', class: 'small' }, e.after || e.textAfter) : null))
    : [h('li', { class: 'muted' }, t('item.no_history', { when: when(item.queuedAt) }))]);
}

// ---- saved replies: a picker that inserts one, its slots filled for this item, at the draft's cursor ----------

const picker = $('saved-picker');
const filterBox = $('saved-filter');
let saved = [];
let shown = [];
let active = 0;
// where the draft's cursor was when the picker opened: the modal dialog takes the focus (and the selection) away
let cursor = null;

async function openSaved() {
  if (picker.open) return;
  if (!mine()) { toast(t('saved.claim_first'), true); return; }
  cursor = { start: draft.selectionStart ?? draft.value.length, end: draft.selectionEnd ?? draft.value.length };
  const res = await attempt(() => api('GET', `/api/saved-replies?item=${encodeURIComponent(id)}`));
  if (res === undefined) return;
  // the API lists the item's language first, then by title
  saved = Array.isArray(res) ? res : [];
  filterBox.value = '';
  active = 0;
  renderSaved();
  picker.showModal();
  filterBox.focus();
}

function renderSaved() {
  const q = filterBox.value.trim().toLocaleLowerCase();
  shown = saved.filter(r => !q || String(r.title).toLocaleLowerCase().includes(q)
    || String(r.filled || r.text).toLocaleLowerCase().includes(q));
  active = Math.max(0, Math.min(active, shown.length - 1));
  fill($('saved-list'), shown.length ? shown.map((r, i) => h('li', {
    role: 'option', id: `saved-${i}`, 'aria-selected': String(i === active), 'data-id': r.id,
    onclick: () => insertSaved(r)
  },
  h('strong', { dir: 'auto' }, r.title), ' ',
  h('span', { class: 'badge' }, upper(r.lang)), ' ',
  h('span', { class: 'muted small' },
    String(r.owner).startsWith('team:') ? t('saved.team', { name: String(r.owner).slice(5) }) : t('saved.yours')),
  h('span', { class: 'saved-text small', dir: dirFor(r.lang), lang: r.lang }, r.filled || r.text)))
    : [h('li', { class: 'muted', role: 'presentation', id: 'saved-none' }, saved.length ? t('saved.none') : t('saved.empty'))]);
  if (shown.length) filterBox.setAttribute('aria-activedescendant', `saved-${active}`);
  else filterBox.removeAttribute('aria-activedescendant');
  const current = $(`saved-${active}`);
  if (current) current.scrollIntoView({ block: 'nearest' });
}

function insertSaved(reply) {
  picker.close();
  if (!mine()) { toast(t('saved.claim_first'), true); return; }
  const text = reply.filled || reply.text;
  const at = cursor || { start: draft.value.length, end: draft.value.length };
  const start = Math.min(at.start, draft.value.length);
  const end = Math.min(Math.max(at.end, start), draft.value.length);
  draft.focus();
  draft.setRangeText(text, start, end, 'end');
  onDraftChanged(true);
  toast(t('saved.inserted'));
}

filterBox.addEventListener('input', () => { active = 0; renderSaved(); });
filterBox.addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown') { active = Math.min(shown.length - 1, active + 1); renderSaved(); }
  else if (e.key === 'ArrowUp') { active = Math.max(0, active - 1); renderSaved(); }
  else if (e.key === 'Enter') { if (shown[active]) insertSaved(shown[active]); }
  else return;
  e.preventDefault();
});
picker.addEventListener('close', () => { if (mine()) draft.focus(); });
$('saved-open').addEventListener('click', openSaved);
// Alt+S anywhere on the page, also while typing in the draft; by physical key, so any keyboard layout works
document.addEventListener('keydown', (e) => {
  if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyS') { e.preventDefault(); openSaved(); }
});

// ---- translation for staff ----------------------------------------------------------------------------------

function mtLabel(t) {
  return h('span', { class: 'badge mt', 'data-machine-translated': 'true' }, tr('mt.label'));
}

function renderCommentTranslation() {
  const t = item.translation;
  const el = $('comment-translation');
  if (!t || !t.commentNeedsTranslation) { el.hidden = true; fill(el); return; }
  el.hidden = false;
  const target = (t.readerLanguages || ['en'])[0];
  if (!t.available) {
    fill(el, h('p', { class: 'muted', id: 'translation-unavailable' },
      tr('mt.unavailable', { lang: upper(item.lang), reason: t.reason || tr('mt.not_configured') })));
    return;
  }
  const c = t.comment || commentTranslation;
  const key = `${item.id}:${item.commentVersion}:${target}`;
  if (!c && commentTranslationKey !== key) translateComment(key);
  const original = h('div', {},
    h('h3', {}, tr('mt.original', { lang: upper(item.lang) })),
    h('p', { class: 'text', id: 'translation-original', dir: dirFor(item.lang), lang: item.lang || undefined },
      maskedText(item, revealed)));
  let right;
  if (c && c.status === 'translated' && c.commentVersion === item.commentVersion) {
    right = h('div', {},
      h('h3', {}, mtLabel(c), tr('mt.pair', { from: upper(c.sourceLang), to: upper(c.targetLang) })),
      h('p', { class: 'text', id: 'translation-text', dir: dirFor(c.targetLang), lang: c.targetLang }, c.text),
      h('p', { class: 'small muted' }, tr('mt.by', { model: c.model, provider: c.provider })));
  } else if (c && c.status) {
    right = h('div', {},
      h('h3', {}, tr('mt.label')),
      h('p', { class: 'error', id: 'translation-failed' }, tr('mt.none', { reason: c.reason || c.status })),
      h('button', { type: 'button', class: 'link', onclick: () => translateComment(key, true) }, tr('mt.retry')));
  } else {
    right = h('div', {}, h('h3', {}, tr('mt.label')), h('p', { class: 'muted' }, tr('mt.translating_into', { lang: upper(target) })));
  }
  fill(el, h('div', { class: 'pair' }, original, right));
}

async function translateComment(key, again) {
  commentTranslationKey = key;
  if (again) commentTranslation = null;
  try {
    commentTranslation = await api('POST', `${base}/translation`);
  } catch (e) {
    commentTranslation = { status: 'failed', reason: e.message };
  }
  if (commentTranslation && commentTranslation.status === 'translated' && item.translation) {
    item.translation.comment = commentTranslation;
  }
  renderCommentTranslation();
  loadHistory();
}

function renderWriteOwn() {
  const t = item.translation;
  const el = $('write-own');
  const show = t && (t.commentNeedsTranslation || t.reply);
  el.hidden = !show;
  if (!show) return;
  const own = (t.readerLanguages || ['en'])[0];
  $('own-lang').textContent = upper(own);
  $('own-text').lang = own;
  $('translate-reply').textContent = tr('mt.translate_into', { lang: upper(item.lang) });
  if (document.activeElement !== $('my-langs')) $('my-langs').value = (t.readerLanguages || []).join(', ');
  const usable = t.available && mine();
  $('translate-reply').disabled = !usable;
  $('own-text').readOnly = !mine();
  $('write-own-note').textContent = !t.available
    ? tr('mt.own_unavailable', { reason: t.reason || tr('mt.not_configured'), lang: upper(item.lang) })
    : mine() ? tr('mt.own_note') : tr('mt.claim_first');
}

function renderReplyTranslation() {
  const t = item.translation;
  const r = t && t.reply;
  const el = $('reply-translation');
  if (!r) {
    el.hidden = true;
    fill(el);
    shownTextHash = null;
    return;
  }
  el.hidden = false;
  fill(el,
    h('p', {}, mtLabel(r), tr('mt.draft_is_mt', { from: upper(r.sourceLang), to: upper(r.lang), model: r.model, provider: r.provider }),
      tr('mt.read_both')),
    h('div', { class: 'pair' },
      h('div', {},
        h('h3', {}, tr('mt.will_publish', { lang: upper(r.lang) })),
        h('p', { class: 'text', id: 'reply-translated', dir: dirFor(r.lang), lang: r.lang }, r.text)),
      h('div', {},
        h('h3', {}, tr('mt.your_text', { lang: upper(r.sourceLang) })),
        h('p', { class: 'text', id: 'reply-source', dir: dirFor(r.sourceLang), lang: r.sourceLang }, r.sourceText),
        h('h3', {}, tr('mt.back', { lang: upper(r.sourceLang) })),
        r.backTranslation
          ? h('p', { class: 'text', id: 'reply-back', dir: dirFor(r.sourceLang), lang: r.sourceLang }, r.backTranslation)
          : h('p', { class: 'muted', id: 'reply-back' }, tr('mt.back_unavailable')))));
  // both texts are in the page now: this is what an approval vouches for
  shownTextHash = r.shownTextHash;
  el.dataset.shownTextHash = r.shownTextHash;
}

$('translate-reply').addEventListener('click', async () => {
  const text = $('own-text').value.trim();
  if (!text) { toast(t('mt.write_first'), true); $('own-text').focus(); return; }
  $('translate-reply').disabled = true;
  $('translate-state').textContent = t('mt.translating');
  const own = ((item.translation && item.translation.readerLanguages) || ['en'])[0];
  const res = await attempt(() => api('POST', `${base}/draft/translation`, { text, from: own, version: item.version }));
  $('translate-state').textContent = '';
  if (!res) { renderWriteOwn(); return; }
  if (res.item) item = res.item;
  if (res.status === 'translated') {
    toast(t('mt.translated'));
    $('translate-state').textContent = res.reason || '';
  } else {
    // nothing changed on the item; the text stays in the box
    toast(t('mt.not_translated', { reason: res.reason || res.status }), true);
    $('translate-state').textContent = t('mt.not_translated_short', { reason: res.reason || res.status });
  }
  render(true);
  loadHistory();
});

$('save-langs').addEventListener('click', async () => {
  const languages = $('my-langs').value.split(/[\s,]+/).filter(Boolean);
  const res = await attempt(() => api('PUT', '/api/me/languages', { languages }), t('done.languages_saved'));
  if (res) { commentTranslation = null; commentTranslationKey = null; await load(); render(false); }
});

function renderTranslation() {
  renderCommentTranslation();
  renderWriteOwn();
  renderReplyTranslation();
  const r = item.translation && item.translation.reply;
  if (r && mine()) $('approve').disabled = shownTextHash !== r.shownTextHash;
}

function render(forceDraft) {
  renderStatus();
  renderComment();
  renderTriage();
  comments($('thread'), item.thread || (item.context && item.context.thread), t('item.no_thread'));
  comments($('earlier'), item.authorHistory || item.earlierComments || (item.context && item.context.author),
    t('item.no_earlier'));
  renderDraft(forceDraft);
  renderTranslation();
  document.body.dataset.itemState = item.state;
  document.body.dataset.itemVersion = String(item.version);
}

async function load() {
  item = await api('GET', base);
}

async function start() {
  try {
    await load();
  } catch (e) {
    fill($('comment'), h('p', { class: 'error' }, e.message));
    return;
  }
  render(true);
  loadSuggestions();
  loadHistory();
  live(async (update) => {
    if (update.itemId !== id) return;
    const wasDirty = dirty;
    try { await load(); } catch (e) { return; }
    if (update.state === 'claimed' && !claimHolder(item) && update.actor) item.claimedBy = update.actor;
    render(false);
    loadHistory();
    if (wasDirty && update.actor !== me) {
      toast(t('item.live_change', { actor: update.actor || t('someone'), type: word('audit', update.type) }));
    }
  }, async () => { await load(); render(false); });
}

start();
