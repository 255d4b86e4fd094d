/* Draws the fwbench report's charts from the JSON in #fwbench-data. Labels are drawn on canvases, never parsed as HTML. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('fwbench-data').textContent);
  var palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
    '#bcbd22', '#17becf'];
  var drawn = 0;

  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

  function color(target) {
    return palette[Math.max(0, data.targets.indexOf(target)) % palette.length];
  }

  function number(v) {
    if (v === null || v === undefined) { return 'n/a'; }
    var a = Math.abs(v);
    return v.toLocaleString('en', { maximumFractionDigits: a >= 100 ? 0 : a >= 10 ? 1 : 2 });
  }

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (!canvas) { return; }
    new Chart(canvas, config);
    drawn++;
  }

  /* The 95% interval as a whisker over each bar (Chart.js has no error bars of its own). */
  var whiskers = {
    id: 'whiskers',
    afterDatasetsDraw: function (chart) {
      var dataset = chart.data.datasets[0];
      var y = chart.scales.y;
      var ctx = chart.ctx;
      var area = chart.chartArea;
      /* With two or three repeats an interval can reach below zero: draw it to the axis, not past it. */
      function clamp(pixel) { return Math.min(area.bottom, Math.max(area.top, pixel)); }
      ctx.save();
      ctx.strokeStyle = '#1d2430';
      ctx.lineWidth = 1.5;
      chart.getDatasetMeta(0).data.forEach(function (bar, i) {
        var low = clamp(y.getPixelForValue(dataset.low[i]));
        var high = clamp(y.getPixelForValue(dataset.high[i]));
        ctx.beginPath();
        ctx.moveTo(bar.x, low); ctx.lineTo(bar.x, high);
        ctx.moveTo(bar.x - 6, low); ctx.lineTo(bar.x + 6, low);
        ctx.moveTo(bar.x - 6, high); ctx.lineTo(bar.x + 6, high);
        ctx.stroke();
      });
      ctx.restore();
    }
  };

  function bars(id, bars, unit) {
    draw(id, {
      type: 'bar',
      data: {
        labels: bars.targets,
        datasets: [{ label: unit, data: bars.median, low: bars.low, high: bars.high,
          backgroundColor: bars.targets.map(color) }]
      },
      options: {
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (c) {
            return 'median ' + number(c.raw) + ' ' + unit + ', 95% interval ' + number(bars.low[c.dataIndex]) +
              ' to ' + number(bars.high[c.dataIndex]);
          } } }
        },
        scales: { y: { beginAtZero: true, suggestedMax: Math.max.apply(null, bars.high.concat([0])),
          title: { display: true, text: unit } } }
      },
      plugins: [whiskers]
    });
  }

  /* x is 1 / (1 - percentile) on a log axis, as HdrHistogram's plots: 2 is p50, 10000 is p99.99. */
  var percentileTicks = [2, 10, 100, 1000, 10000];
  function percentileLabel(x) {
    return parseFloat((100 * (1 - 1 / x)).toPrecision(6)) + '%';
  }

  function spectrum(id, lines) {
    draw(id, {
      type: 'scatter',
      data: { datasets: lines.map(function (l) {
        return { label: l.target, data: l.points.map(function (p) { return { x: p[0], y: p[1] }; }),
          showLine: true, pointRadius: 0, borderWidth: 2, borderColor: color(l.target),
          backgroundColor: color(l.target) };
      }) },
      options: {
        plugins: { tooltip: { callbacks: { label: function (c) {
          return c.dataset.label + ': p' + percentileLabel(c.raw.x).replace('%', '') + ' ' + number(c.raw.y) + ' ms';
        } } } },
        scales: {
          x: { type: 'logarithmic', min: 2, max: 10000,
            afterBuildTicks: function (axis) { axis.ticks = percentileTicks.map(function (v) { return { value: v }; }); },
            ticks: { callback: function (v) { return percentileLabel(v); } },
            title: { display: true, text: 'percentile' } },
          y: { beginAtZero: true, title: { display: true, text: 'ms' } }
        }
      }
    });
  }

  function memory(id, m) {
    var series = [
      ['idle PSS', m.idlePss, 0.35], ['after PSS', m.afterPss, 0.65], ['peak PSS', m.peakPss, 1],
      ['idle RSS', m.idleRss, 0.35], ['after RSS', m.afterRss, 0.65], ['peak RSS', m.peakRss, 1]
    ].filter(function (s) { return s[1].some(function (v) { return v !== null; }); });
    draw(id, {
      type: 'bar',
      data: { labels: m.targets, datasets: series.map(function (s) {
        var rss = s[0].indexOf('RSS') >= 0;
        return { label: s[0], data: s[1], backgroundColor: (rss ? 'rgba(255,127,14,' : 'rgba(31,119,180,') + s[2] + ')' };
      }) },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'MiB' } } } }
    });
  }

  function timeline(id, lines, basis) {
    draw(id, {
      type: 'scatter',
      data: { datasets: lines.map(function (l) {
        return { label: l.target + ' #' + l.repeat, target: l.target, repeat: l.repeat,
          data: l.points.map(function (p) { return { x: p[0], y: p[1] }; }),
          showLine: true, pointRadius: 0, borderWidth: 1.5, borderColor: color(l.target),
          backgroundColor: color(l.target) };
      }) },
      options: {
        plugins: { legend: { labels: {
          filter: function (item, chart) {
            var ds = chart.datasets[item.datasetIndex];
            return chart.datasets.findIndex(function (d) { return d.target === ds.target; }) === item.datasetIndex;
          },
          generateLabels: function (chart) {
            return Chart.defaults.plugins.legend.labels.generateLabels(chart).map(function (item) {
              item.text = chart.data.datasets[item.datasetIndex].target;
              return item;
            });
          }
        } } },
        scales: {
          x: { type: 'linear', min: 0, bounds: 'data', title: { display: true, text: 'seconds into the load' } },
          y: { beginAtZero: true, title: { display: true, text: basis + ' MiB' } }
        }
      }
    });
  }

  data.scenarios.forEach(function (s, i) {
    if (s.throughput.targets.length === 0) { return; }
    bars('throughput-' + i, s.throughput, 'req/s');
    spectrum('spectrum-' + i, s.spectrum);
    bars('cpu-' + i, s.cpu, 'µs/request');
    memory('memory-' + i, s.memory);
    timeline('timeline-' + i, s.timeline, s.timelineBasis.toUpperCase());
  });
  document.documentElement.setAttribute('data-rendered', String(drawn));
})();
