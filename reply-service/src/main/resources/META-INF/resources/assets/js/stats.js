// The stats page: one Chart.js chart per series the API computes, each exportable as CSV.
import { api, day, fill, h, languageName, live, num, rtl, t, toast, word } from './common.js';

const COLOURS = ['#0b57d0', '#b3261e', '#146c2e', '#8a5300', '#5a2d91', '#00696b', '#9c4146', '#3d5afe', '#6d4c41', '#37474f'];
const KINDS = { byLabel: 'bar', byPlatform: 'bar', byLanguage: 'bar', responseTime: 'bar', slaBreaches: 'line', byResponder: 'bar' };
const STACKED = new Set(['byLabel', 'byPlatform']);
const charts = {};

function whenChartReady() {
  return new Promise((resolve) => {
    if (window.Chart) { resolve(window.Chart); return; }
    window.addEventListener('load', () => resolve(window.Chart), { once: true });
  });
}

async function draw() {
  const days = document.getElementById('days').value;
  let report;
  try {
    report = await api('GET', `/api/dashboard/stats?days=${encodeURIComponent(days)}`);
  } catch (e) {
    toast(e.message, true);
    return;
  }
  const Chart = await whenChartReady();
  document.getElementById('stats-summary').textContent =
    t('stats.summary', { comments: report.comments, from: day(report.from), to: day(report.to) });
  for (const [key, chart] of Object.entries(report.charts)) {
    const canvas = document.getElementById(`chart-${key}`);
    if (!canvas) continue;
    if (charts[key]) charts[key].destroy();
    const kind = KINDS[key] || 'bar';
    const labels = chart.labels.map(l => axisLabel(chart.axis, l));
    const series = chart.series.map(s => ({ ...s, name: seriesName(key, s.name) }));
    charts[key] = new Chart(canvas, {
      type: kind,
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.name, data: s.data, backgroundColor: COLOURS[i % COLOURS.length],
          borderColor: COLOURS[i % COLOURS.length], tension: 0.2
        }))
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: true,
        locale: document.documentElement.lang,
        plugins: { legend: { position: 'bottom', rtl }, tooltip: { rtl } },
        scales: {
          x: { stacked: STACKED.has(key), reverse: rtl },
          y: { stacked: STACKED.has(key), beginAtZero: true, position: rtl ? 'right' : 'left',
            title: { display: true, text: word('stats.unit', chart.unit) } }
        }
      }
    });
    canvas.dataset.drawn = String(chart.labels.length);
    const fig = canvas.closest('figure');
    let table = fig.querySelector('table');
    if (!table) { table = h('table'); fig.append(h('div', { class: 'visually-hidden' }, table)); }
    fill(table, h('caption', {}, word('stats.chart', key)),
      h('tr', {}, h('th', {}, word('stats.axis', chart.axis)), series.map(s => h('th', {}, s.name))),
      labels.map((l, i) => h('tr', {}, h('th', {}, l), series.map(s => h('td', {}, num(s.data[i]))))));
  }
  document.body.dataset.chartsDrawn = String(Object.keys(charts).length);
}

/** Days as the language writes dates, languages by their name, labels in words; platforms and names stay as they are. */
function axisLabel(axis, value) {
  if (axis === 'day') return day(value);
  if (axis === 'language') return languageName(value);
  if (axis === 'label') return word('label', value);
  return value;
}

/** Series named by a code (a label, "median") get their words; platforms are names and stay. */
function seriesName(chart, name) {
  if (chart === 'byLabel') return word('label', name);
  const key = String(name).replace(/\W+/g, '_');
  return word('stats.series', key) === key ? name : word('stats.series', key);
}

for (const button of document.querySelectorAll('button.csv')) {
  button.addEventListener('click', () => {
    const days = document.getElementById('days').value;
    location.assign(`/api/dashboard/stats/${encodeURIComponent(button.dataset.chart)}.csv?days=${encodeURIComponent(days)}`);
  });
}
document.getElementById('days').addEventListener('change', draw);
document.getElementById('range').addEventListener('submit', (e) => { e.preventDefault(); draw(); });
draw();

let redraw;
live(() => { clearTimeout(redraw); redraw = setTimeout(draw, 2000); }, draw);
