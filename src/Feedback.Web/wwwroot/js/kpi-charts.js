// Draws every <canvas class="kpi-chart"> from its data-labels and data-series attributes (JSON written by
// the server; the Content-Security-Policy allows no inline script). The same figures are in a table beside
// each chart, so nothing is lost without JavaScript.
(function () {
  if (typeof Chart === "undefined") return;
  var palette = ["#0d6efd", "#6c757d", "#198754", "#fd7e14", "#6f42c1"];
  document.querySelectorAll("canvas.kpi-chart").forEach(function (canvas) {
    var labels = JSON.parse(canvas.dataset.labels || "[]");
    var series = JSON.parse(canvas.dataset.series || "[]");
    var datasets = series.map(function (s, i) {
      return {
        label: s.label,
        type: s.type,
        data: s.data,
        yAxisID: s.axis,
        backgroundColor: palette[i % palette.length],
        borderColor: palette[i % palette.length],
        spanGaps: true,
      };
    });
    var hasRates = series.some(function (s) { return s.axis === "rate"; });
    var scales = { count: { type: "linear", position: "left", beginAtZero: true } };
    if (hasRates) scales.rate = { type: "linear", position: "right", min: 0, max: 100, grid: { drawOnChartArea: false } };
    new Chart(canvas, { data: { labels: labels, datasets: datasets }, options: { responsive: true, maintainAspectRatio: false, scales: scales } });
  });
})();
