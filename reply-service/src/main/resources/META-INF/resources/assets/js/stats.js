// The stats page: one Chart.js chart per series the API computes, each exportable as CSV.
import { api, fill, h, live, toast } from './common.js';

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
    `${report.comments} comments from ${report.from} to ${report.to} (UTC).`;
  for (const [key, chart] of Object.entries(report.charts)) {
    const canvas = document.getElementById(`chart-${key}`);
    if (!canvas) continue;
    if (charts[key]) charts[key].destroy();
    const kind = KINDS[key] || 'bar';
    charts[key] = new Chart(canvas, {
      type: kind,
      data: {
        labels: chart.labels,
        datasets: chart.series.map((s, i) => ({
          label: s.name, data: s.data, backgroundColor: COLOURS[i % COLOURS.length],
          borderColor: COLOURS[i % COLOURS.length], tension: 0.2
        }))
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: true,
        plugins: { legend: { position: 'bottom' } },
        scales: {
          x: { stacked: STACKED.has(key) },
          y: { stacked: STACKED.has(key), beginAtZero: true, title: { display: true, text: chart.unit } }
        }
      }
    });
    canvas.dataset.drawn = String(chart.labels.length);
    const fig = canvas.closest('figure');
    let table = fig.querySelector('table');
    if (!table) { table = h('table'); fig.append(h('div', { class: 'visually-hidden' }, table)); }
    fill(table, h('caption', {}, chart.title),
      h('tr', {}, h('th', {}, chart.axis), chart.series.map(s => h('th', {}, s.name))),
      chart.labels.map((l, i) => h('tr', {}, h('th', {}, l), chart.series.map(s => h('td', {}, String(s.data[i]))))));
  }
  document.body.dataset.chartsDrawn = String(Object.keys(charts).length);
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
