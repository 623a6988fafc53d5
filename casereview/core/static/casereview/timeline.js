// Draws the chronology timeline (events per agency per year) from the JSON the page embeds.
// The same numbers are in the table beside the chart, for people who cannot see it.
(function () {
  var data = document.getElementById("timeline-data");
  var canvas = document.getElementById("timeline-chart");
  if (!data || !canvas || typeof Chart === "undefined") return;
  var timeline = JSON.parse(data.textContent);
  var palette = ["#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#28a197", "#912b88", "#505a5f", "#b58840", "#0b0c0c"];
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: timeline.years,
      datasets: timeline.series.map(function (s, i) {
        return { label: s.agency, data: s.counts, backgroundColor: palette[i % palette.length] };
      })
    },
    options: {
      animation: false,
      responsive: true,
      scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: "Events" } } },
      plugins: { legend: { position: "bottom" } }
    }
  });
})();
