// The counters beside text fields with a limit (afweging.forms.MetTeller, review/_vak.html):
// "nog 1.234 tekens" while typing, as weergave.getallen.nog_tekens writes it on the server.
// The counter is no live region itself: the field is described by it (aria-describedby),
// so a screen reader reads it with the field. One polite live region says it aloud only
// when the rest crosses a threshold (100, 10 or 0 left, or too many), never on every key.
(function () {
  "use strict";

  var DREMPELS = [100, 10, 0];
  var melding = null;

  function aantal(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }
  function woorden(rest) {
    if (rest < 0) return aantal(-rest) + (rest === -1 ? " teken" : " tekens") + " te veel";
    return "nog " + aantal(rest) + (rest === 1 ? " teken" : " tekens");
  }
  // How tight it is: 0 above the first threshold, one more past each, the last when over.
  function trede(rest) {
    for (var i = 0; i < DREMPELS.length; i++) if (rest > DREMPELS[i]) return i;
    return rest < 0 ? DREMPELS.length + 1 : DREMPELS.length;
  }

  var bijwerken = [];
  Array.prototype.forEach.call(document.querySelectorAll("[data-teller]"), function (teller) {
    var veld = document.getElementById(teller.getAttribute("data-teller"));
    var maximum = veld ? Number(veld.getAttribute("maxlength")) : 0;
    if (!maximum) return;
    if (!melding) {
      melding = document.createElement("div");
      melding.id = "teller-melding";
      melding.className = "visually-hidden";
      melding.setAttribute("aria-live", "polite");
      document.body.appendChild(melding);
    }
    var label = veld.labels && veld.labels.length ? veld.labels[0].textContent.trim() : "";
    var vorige = null;
    function werkBij(typen) {
      var rest = maximum - veld.value.length;
      teller.textContent = woorden(rest);
      var nu = trede(rest);
      if (typen && vorige !== null && nu > vorige) {
        melding.textContent = (label ? label + ": " : "") + woorden(rest);
      }
      vorige = nu;
    }
    veld.addEventListener("input", function () { werkBij(true); });
    werkBij(false);
    bijwerken.push(function () { werkBij(false); });
  });

  // For a script that puts text back into a field (static/js/afweging.js).
  window.fusietoetsTellers = function () { bijwerken.forEach(function (f) { f(); }); };
})();
