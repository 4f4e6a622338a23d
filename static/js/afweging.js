// The afweging forms: a filter for the list of gemeenten, and autosave while typing.
// Autosave posts the step form with _autosave=1; the server keeps it as a draft (a score
// without motivation is allowed there) and answers with the new version number, which
// goes back into the form so the next save is not mistaken for a conflict.
(function () {
  "use strict";

  var filter = document.getElementById("gemeente-filter");
  var gekozen = document.getElementById("gemeente-gekozen");
  if (filter) {
    var keuzes = Array.prototype.slice.call(document.querySelectorAll(".gemeente-keuze"));
    var toonGekozen = function () {
      var namen = keuzes
        .filter(function (k) { return k.querySelector("input").checked; })
        .map(function (k) { return k.querySelector("label").textContent.trim(); });
      gekozen.textContent = namen.length
        ? "Gekozen (" + namen.length + "): " + namen.join("; ")
        : "Nog geen gemeente gekozen.";
    };
    filter.addEventListener("input", function () {
      var term = filter.value.trim().toLowerCase();
      keuzes.forEach(function (k) {
        var tekst = k.textContent.toLowerCase();
        var invoer = k.querySelector("input");
        k.hidden = term !== "" && tekst.indexOf(term) === -1 && !invoer.checked;
      });
    });
    keuzes.forEach(function (k) { k.querySelector("input").addEventListener("change", toonGekozen); });
    toonGekozen();
  }

  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) return;
  var status = document.getElementById("autosave-status");
  var versie = form.querySelector("[data-versie]");
  var timer = null;
  var bezig = false;
  var opnieuw = false;
  var gestopt = false;

  function meld(tekst, soort) {
    status.textContent = tekst;
    status.className = "small ms-2" + (soort ? " text-" + soort : "");
  }

  function bewaar() {
    if (gestopt) return;
    if (bezig) { opnieuw = true; return; }
    bezig = true;
    var data = new FormData(form);
    data.set("_autosave", "1");
    fetch(form.dataset.autosave, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (antwoord) {
        return antwoord.json().then(function (inhoud) { return [antwoord.status, inhoud]; });
      })
      .then(function (resultaat) {
        var code = resultaat[0], inhoud = resultaat[1];
        if (inhoud.opgeslagen) {
          versie.value = inhoud.versie;
          meld("Concept automatisch bewaard om " + inhoud.moment + ".", "success");
        } else if (code === 409) {
          gestopt = true;
          meld(inhoud.conflict, "danger");
        } else {
          meld(inhoud.fout || "Niet automatisch bewaard.", "danger");
        }
      })
      .catch(function () {
        meld("Automatisch bewaren lukte niet (geen verbinding?). Uw tekst staat nog in het formulier.", "danger");
      })
      .finally(function () {
        bezig = false;
        if (opnieuw) { opnieuw = false; bewaar(); }
      });
  }

  function gewijzigd() {
    if (gestopt) return;
    meld("Wijzigingen nog niet bewaard…", "");
    clearTimeout(timer);
    timer = setTimeout(bewaar, 1500);
  }

  form.addEventListener("input", gewijzigd);
  form.addEventListener("change", gewijzigd);
  form.addEventListener("submit", function () { clearTimeout(timer); gestopt = true; });
})();
