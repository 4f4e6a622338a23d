// The afweging forms: a filter for the list of gemeenten, focus on error summaries, and
// autosave while typing. Autosave posts the step form with _autosave=1; the server keeps
// it as a draft (a score without motivation is allowed there) and answers with the new
// version number, which goes back into the form so the next save is not mistaken for a
// colleague's. Pending changes are saved before the user leaves the step by a link, and
// an explicit save waits for an autosave that is still under way.
(function () {
  "use strict";

  var melding = document.querySelector("[data-foutmelding]");
  if (melding) melding.focus();

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
        var invoer = k.querySelector("input");
        k.hidden = term !== "" && k.textContent.toLowerCase().indexOf(term) === -1 && !invoer.checked;
      });
    });
    keuzes.forEach(function (k) { k.querySelector("input").addEventListener("change", toonGekozen); });
    toonGekozen();
  }

  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) return;
  var status = document.getElementById("autosave-status");
  var fout = document.getElementById("autosave-fout");
  var versie = form.querySelector("[data-versie]");
  var timer = null;
  var lopend = null;   // the autosave under way, as a promise
  var vuil = false;    // changes not yet sent
  var gestopt = false; // after a conflict nothing is saved automatically any more

  function meld(tekst) { status.textContent = tekst; }
  function meldFout(tekst) { fout.textContent = tekst; }

  function bewaar() {
    clearTimeout(timer);
    if (gestopt) return Promise.resolve();
    if (lopend) return lopend.then(function () { return vuil ? bewaar() : null; });
    vuil = false;
    var data = new FormData(form);
    data.set("_autosave", "1");
    lopend = fetch(form.dataset.autosave, {
      method: "POST", body: data, credentials: "same-origin", keepalive: true,
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (antwoord) {
        var soort = antwoord.headers.get("Content-Type") || "";
        if (soort.indexOf("application/json") === -1) {
          throw new Error("geen-json");
        }
        return antwoord.json().then(function (inhoud) { return [antwoord.status, inhoud]; });
      })
      .then(function (resultaat) {
        var code = resultaat[0], inhoud = resultaat[1];
        if (inhoud.opgeslagen) {
          versie.value = inhoud.versie;
          meldFout("");
          meld(inhoud.gewijzigd ? "Concept automatisch bewaard om " + inhoud.moment + "." : "Alles is bewaard.");
        } else if (code === 409) {
          gestopt = true;
          meldFout(inhoud.conflict);
        } else {
          vuil = true;
          meldFout(inhoud.fout || "Niet automatisch bewaard.");
        }
      })
      .catch(function (e) {
        vuil = true;
        meldFout(e && e.message === "geen-json"
          ? "Automatisch bewaren lukte niet: mogelijk is uw sessie verlopen. Kopieer uw tekst en herlaad de pagina."
          : "Automatisch bewaren lukte niet (geen verbinding?). Uw tekst staat nog in het formulier.");
      })
      .finally(function () { lopend = null; });
    return lopend;
  }

  function gewijzigd(gebeurtenis) {
    if (gestopt || (gebeurtenis.target && gebeurtenis.target.id === "gemeente-filter")) return;
    vuil = true;
    meld("Wijzigingen nog niet bewaard…");
    clearTimeout(timer);
    timer = setTimeout(bewaar, 1500);
  }

  form.addEventListener("input", gewijzigd);
  form.addEventListener("change", gewijzigd);

  // An explicit save must carry the version of the last autosave.
  var verzenden = false;
  form.addEventListener("submit", function (gebeurtenis) {
    clearTimeout(timer);
    if (verzenden || !lopend) { gestopt = true; return; }
    gebeurtenis.preventDefault();
    var knop = gebeurtenis.submitter;
    lopend.then(function () {
      verzenden = true;
      gestopt = true;
      if (knop && knop.name) {
        var actie = document.createElement("input");
        actie.type = "hidden"; actie.name = knop.name; actie.value = knop.value;
        form.appendChild(actie);
      }
      form.submit();
    });
  });

  // Leaving by a link (another step, the result): first save what is pending.
  document.addEventListener("click", function (gebeurtenis) {
    var link = gebeurtenis.target.closest && gebeurtenis.target.closest("a[href]");
    if (!link || gestopt || !(vuil || lopend) || link.target === "_blank") return;
    gebeurtenis.preventDefault();
    meld("Bezig met bewaren…");
    bewaar().then(function () { if (!vuil) window.location.assign(link.href); });
  });
  window.addEventListener("beforeunload", function (gebeurtenis) {
    if (!gestopt && vuil) { bewaar(); gebeurtenis.preventDefault(); gebeurtenis.returnValue = ""; }
  });
})();
