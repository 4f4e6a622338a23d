// The sticky save bar of a step never hides the field that has focus. The page keeps the
// bar's height free when it scrolls a focused field into view (scroll-padding-bottom, see
// static/css/fusietoets.css); the bar's height depends on the width (its buttons wrap), so
// it is measured. A browser scrolls only for a field that is entirely out of view, so a
// field that the bar covers in part is scrolled up above it here.
(function () {
  "use strict";
  var balk = document.querySelector(".opslaanbalk");
  if (!balk) return;
  var wortel = document.documentElement;

  function plakt() {
    return getComputedStyle(balk).position === "sticky";
  }

  function meet() {
    wortel.style.setProperty("--opslaanbalk-hoogte", plakt() ? balk.offsetHeight + "px" : "0px");
  }

  meet();
  if (window.ResizeObserver) new ResizeObserver(meet).observe(balk);
  window.addEventListener("resize", meet);

  document.addEventListener("focusin", function (gebeurtenis) {
    var veld = gebeurtenis.target;
    if (!(veld instanceof Element) || balk.contains(veld) || !plakt()) return;
    var r = veld.getBoundingClientRect();
    if (r.bottom > balk.getBoundingClientRect().top && r.top < window.innerHeight) {
      veld.scrollIntoView({ block: "nearest" });
    }
  });
})();
