// The action log page (supervisors): staff and system actions that are not workflow steps, newest first, a page at
// a time from /api/audit/actions. Every value is set as text: a detail or a subject is never read as HTML.
import { api, h, t, toast, when, word } from './common.js';

const PAGE = 50;
const body = document.querySelector('#actions tbody');
const more = document.getElementById('actions-more');
let offset = 0;

function row(action) {
  return h('tr', { 'data-action': action.action },
    h('td', {}, h('time', { datetime: action.occurredAt }, when(action.occurredAt))),
    h('td', { dir: 'auto' }, action.actor === 'system' ? t('actor.system') : action.actor),
    h('td', {}, word('act', action.action)),
    h('td', { dir: 'auto' }, action.subject || ''),
    h('td', { dir: 'auto' }, action.detail || ''));
}

async function load() {
  more.disabled = true;
  try {
    const page = await api('GET', `/api/audit/actions?offset=${offset}&limit=${PAGE}`);
    for (const action of page.actions) body.append(row(action));
    offset = page.next == null ? offset + page.actions.length : page.next;
    more.hidden = page.next == null;
    document.getElementById('actions-empty').hidden = body.children.length > 0;
    document.body.dataset.actionsLoaded = String(body.children.length);
  } catch (e) {
    toast(e.message, true);
  } finally {
    more.disabled = false;
  }
}

more.addEventListener('click', load);
load();
