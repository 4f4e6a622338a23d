// Draws every plotly chart on the page from the JSON next to it. No inline script, so
// the pages work under a strict Content Security Policy.
(function () {
  "use strict";
  function teken(element) {
    var bron = document.getElementById(element.dataset.plotlyFiguur);
    if (!bron || typeof Plotly === "undefined") return;
    var figuur = JSON.parse(bron.textContent);
    element.textContent = "";
    Plotly.newPlot(element, figuur.data, figuur.layout, {
      responsive: true,
      displaylogo: false,
      topojsonURL: element.dataset.topojson,
      modeBarButtonsToRemove: ["select2d", "lasso2d"],
    }).then(function () {
      element.dataset.getekend = "ja";
    });
    element.on("plotly_click", function (gebeurtenis) {
      var punt = gebeurtenis.points && gebeurtenis.points[0];
      var url = punt && punt.customdata && punt.customdata[1];
      if (typeof url === "string" && url.charAt(0) === "/") window.location.assign(url);
    });
  }
  document.querySelectorAll("[data-plotly-figuur]").forEach(teken);
})();
