// The queue page's rising-issues panel: what triage found rising (GET /api/insights/emerging), refreshed when the
// live stream says a new issue or a new version arrived, with a polite notice. Terms are data: text nodes only.
import { api, fill, h, languageName, plural, t, when, word } from './common.js';

const panel = document.getElementById('emerging');
const list = document.getElementById('emerging-list');
const notice = document.getElementById('emerging-notice');
const known = new Map(); // issueId -> version shown
let onSearch = () => {};
let loading = null;

function termsOf(issue) {
  return (issue.terms || []).slice(0, 3).map(x => x.term).join(', ');
}

function row(issue) {
  const lang = (issue.languages || [])[0];
  const search = new URLSearchParams({ q: issue.topTerm });
  const link = h('a', {
    href: `/?${search}`, class: 'emerging-search', 'data-term': issue.topTerm,
    'aria-label': t('emerging.search_label', { term: issue.topTerm })
  }, t('emerging.search'));
  link.addEventListener('click', (e) => {
    e.preventDefault();
    onSearch(issue.topTerm);
  });
  return h('li', { 'data-issue': issue.issueId, 'data-status': issue.status, 'data-version': issue.version },
    h('span', { class: `badge emerging-${issue.status}` }, word('emerging.status', issue.status)),
    h('span', { class: 'terms', dir: 'auto', lang: lang || undefined }, termsOf(issue)),
    h('span', { class: 'muted' }, (issue.languages || []).map(languageName).join(', ')),
    h('span', { class: 'count' }, plural('emerging.comments', issue.count)),
    h('span', { class: 'muted small' }, t('emerging.since', { time: when(issue.since) })),
    link);
}

async function refresh(announce) {
  let issues;
  try {
    issues = await api('GET', '/api/insights/emerging?limit=20');
  } catch (e) {
    return; // the panel keeps what it showed; the queue below is what matters
  }
  const fresh = announce ? issues.filter(i => i.status !== 'closed' && (known.get(i.issueId) || 0) < i.version) : [];
  known.clear();
  for (const i of issues) known.set(i.issueId, i.version);
  fill(list, issues.length ? issues.map(row) : h('li', { class: 'muted' }, t('emerging.none')));
  for (const i of fresh) {
    const el = list.querySelector(`li[data-issue="${CSS.escape(i.issueId)}"]`);
    if (el) el.classList.add('flash');
  }
  if (fresh.length) {
    const first = fresh[0];
    notice.textContent = t(first.version === 1 ? 'emerging.notice_new' : 'emerging.notice_growing', { terms: termsOf(first) });
  }
  panel.dataset.loaded = String(Number(panel.dataset.loaded || 0) + 1);
}

/** Loads the panel; search(term) is what a "show in the queue" link does. */
export function initEmerging(search) {
  if (!panel) return;
  onSearch = search;
  loading = refresh(false);
}

/** A live "emerging" update: re-read the list (after the first load) and announce what is new. */
export function emergingChanged() {
  if (!panel) return;
  loading = (loading || Promise.resolve()).then(() => refresh(true));
}
