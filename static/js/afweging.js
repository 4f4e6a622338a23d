// The afweging forms: a filter for the list of gemeenten, focus on error summaries, a copy
// of what is typed kept in this browser until it is saved, and autosave while typing.
//
// Nothing typed is lost. Every change is kept in localStorage (per user and page) until
// the server has it: a reload, an expired session, a refused save or a crash brings it
// back into the form. Autosave posts the step form with _autosave=1; the server keeps it
// as a draft (a score without motivation is allowed there) and answers with the new
// version number, which goes back into the form. With each save the page names the fields
// it changed (_aangeraakt): the server then takes one's own save based on an older version
// (another tab, a reload while a save was under way) and writes only those fields; a
// colleague's save in between is a conflict, shown in Dutch, and the text stays here.
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
    // The centrumgemeente is one of the deelnemers: the choice offers only those (the
    // server checks it too). A choice made earlier stays visible, so it is never lost.
    var centrum = document.getElementById("id_centrumgemeente");
    var beperkCentrum = function () {
      if (!centrum) return;
      var ids = keuzes
        .filter(function (k) { return k.querySelector("input").checked; })
        .map(function (k) { return k.querySelector("input").value; });
      Array.prototype.forEach.call(centrum.options, function (optie) {
        var tonen = optie.value === "" || optie.selected || ids.indexOf(optie.value) !== -1;
        optie.hidden = !tonen;
        optie.disabled = !tonen;
      });
    };
    var bijWijziging = function () { toonGekozen(); beperkCentrum(); };
    keuzes.forEach(function (k) { k.querySelector("input").addEventListener("change", bijWijziging); });
    if (centrum) centrum.addEventListener("change", beperkCentrum);
    bijWijziging();
    window.fusietoetsToonGekozen = bijWijziging;
  }

  // Each tab keeps its own copy (two tabs of one page must not wipe each other's), under
  // an id that survives a reload of the tab: sessionStorage is per tab.
  var tabblad = "";
  try {
    tabblad = window.sessionStorage.getItem("fusietoets-tabblad") || "";
    if (!tabblad) {
      tabblad = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
      window.sessionStorage.setItem("fusietoets-tabblad", tabblad);
    }
  } catch (e) { /* no storage: nothing is kept */ }

  // A new afweging was made from the kept copy: it is no longer needed.
  if (window.location.hash === "#aangemaakt") {
    try {
      window.localStorage.removeItem(sleutelVoor("nieuw") + tabblad);
    } catch (e) { /* no storage: nothing kept */ }
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }

  function sleutelVoor(naam) {
    return "fusietoets-concept:" + (document.body.dataset.gebruiker || "") + ":" + naam + "@";
  }

  // Every form on the page with a copy of its own (an evaluatie's domein page has two: the
  // scores, and the opmerkingen among them), each on its own key.
  Array.prototype.forEach.call(document.querySelectorAll("form[data-concept]"), beheer);

  function beheer(form) {

    var TWEE_WEKEN = 14 * 24 * 60 * 60 * 1000;
    var EEN_MINUUT = 60 * 1000;
    var basisSleutel = sleutelVoor(form.dataset.concept);
    var sleutel = basisSleutel + tabblad;
    var versie = form.querySelector("[data-versie]");
    var status = document.getElementById("autosave-status");
    var fout = document.getElementById("autosave-fout");
    var aangeraakt = {}; // the names of the fields changed on this page, as a set
    // What the form saves, in the messages ("de evaluatie"); an afweging unless it says so.
    var onderwerp = form.dataset.onderwerp || "de afweging";

    function meld(tekst) { if (status) status.textContent = tekst; }
    function meldFout(tekst) { if (fout) fout.textContent = tekst; }

    function velden(naam) {
      return Array.prototype.filter.call(form.elements, function (el) { return el.name === naam; });
    }
    function waarden(naam) {
      var uit = [];
      velden(naam).forEach(function (el) {
        if (el.type === "checkbox" || el.type === "radio") {
          if (el.checked) uit.push(el.value);
        } else if (el.tagName === "SELECT" && el.multiple) {
          Array.prototype.forEach.call(el.options, function (o) { if (o.selected) uit.push(o.value); });
        } else {
          uit.push(el.value);
        }
      });
      return uit;
    }
    function zet(naam, lijst) {
      velden(naam).forEach(function (el) {
        if (el.type === "checkbox" || el.type === "radio") {
          el.checked = lijst.indexOf(el.value) !== -1;
        } else if (el.tagName === "SELECT" && el.multiple) {
          Array.prototype.forEach.call(el.options, function (o) { o.selected = lijst.indexOf(o.value) !== -1; });
        } else {
          el.value = lijst.length ? lijst[0] : "";
        }
      });
    }
    function gelijk(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

    function lees() {
      try {
        return JSON.parse(window.localStorage.getItem(sleutel) || "null");
      } catch (e) { return null; }
    }
    // A copy of this page left by a tab that is gone (closed, crashed): it has not been
    // written for a minute. This tab takes it over.
    function verweesd() {
      try {
        for (var i = 0; i < window.localStorage.length; i++) {
          var naam = window.localStorage.key(i);
          if (naam === sleutel || naam.indexOf(basisSleutel) !== 0) continue;
          var ander = JSON.parse(window.localStorage.getItem(naam) || "null");
          if (ander && Date.now() - ander.tijd > EEN_MINUUT) {
            window.localStorage.removeItem(naam);
            schrijf(ander);
            return ander;
          }
        }
      } catch (e) { /* nothing kept */ }
      return null;
    }
    function schrijf(concept) {
      try {
        window.localStorage.setItem(sleutel, JSON.stringify(concept));
      } catch (e) { /* full or blocked: the autosave still runs */ }
    }
    function wis() {
      try { window.localStorage.removeItem(sleutel); } catch (e) { /* nothing kept */ }
    }
    // The copy in this browser: every changed field with its value now, and the version the
    // page was based on (the server compares it with who saved since).
    function bewaarKopie(extra) {
      clearTimeout(kopieTimer); // a write now makes the one planned superfluous
      kopieTimer = null;
      var concept = lees() || {};
      // A conflict stays marked until the user answers it (biedAan).
      var kopie = { basis: versie ? Number(versie.value) : null, velden: concept.velden || {},
                    tijd: Date.now(), conflict: !!concept.conflict };
      Object.keys(aangeraakt).forEach(function (naam) { kopie.velden[naam] = waarden(naam); });
      Object.keys(extra || {}).forEach(function (k) { kopie[k] = extra[k]; });
      schrijf(kopie);
    }

    function zetTerug(concept, metBasis) {
      Object.keys(concept.velden).forEach(function (naam) {
        zet(naam, concept.velden[naam]);
        aangeraakt[naam] = true;
      });
      if (versie && metBasis && concept.basis !== null) versie.value = concept.basis;
      if (window.fusietoetsToonGekozen) window.fusietoetsToonGekozen();
      if (window.fusietoetsTellers) window.fusietoetsTellers();
    }
    function anders(concept) {
      return Object.keys(concept.velden).filter(function (naam) {
        return velden(naam).length && !gelijk(waarden(naam), concept.velden[naam]);
      });
    }

    // After a conflict the kept text is not put back by itself: the page now shows a
    // colleague's version, and the user decides.
    function biedAan(concept) {
      var blok = document.createElement("div");
      blok.className = "alert alert-warning";
      blok.setAttribute("role", "region");
      blok.setAttribute("aria-label", "Niet bewaarde tekst");
      blok.tabIndex = -1;
      var tijd = new Date(concept.tijd);
      var uur = ("0" + tijd.getHours()).slice(-2) + ":" + ("0" + tijd.getMinutes()).slice(-2);
      var tekst = document.createElement("p");
      tekst.textContent = "In deze browser staat nog tekst die u om " + uur + " typte en die niet " +
        "is bewaard, omdat iemand anders " + onderwerp + " tussendoor opsloeg. Hieronder staat die " +
        "nieuwe versie. Zet uw tekst terug om hem over die versie heen te bewaren, of gooi hem weg.";
      var terug = document.createElement("button");
      terug.type = "button"; terug.className = "btn btn-primary btn-sm me-2";
      terug.textContent = "Mijn tekst terugzetten";
      var weg = document.createElement("button");
      weg.type = "button"; weg.className = "btn btn-outline-secondary btn-sm";
      weg.textContent = "Weggooien";
      blok.appendChild(tekst); blok.appendChild(terug); blok.appendChild(weg);
      form.insertBefore(blok, form.firstChild);
      terug.addEventListener("click", function () {
        zetTerug(concept, false);
        blok.remove();
        concept.conflict = false;
        schrijf(concept);
        wijziging();
      });
      weg.addEventListener("click", function () { wis(); blok.remove(); });
    }

    // What the page found in this browser when it opened.
    var gevonden = lees() || verweesd();
    var terugGezet = false;
    // A button that sends one box of several (data-verstuurt: the opmerkingen beside the
    // deelvragen) sent only those fields. When the page shows a higher version than the copy
    // was based on, they landed: only they leave the copy; the other boxes come back below.
    if (gevonden && gevonden.velden && Array.isArray(gevonden.verzonden) && versie &&
        Number(versie.value) > gevonden.basis) {
      gevonden.verzonden.forEach(function (naam) { delete gevonden.velden[naam]; });
      gevonden.verzonden = false;
      gevonden.basis = Number(versie.value);
      schrijf(gevonden);
    }
    if (gevonden && (Date.now() - gevonden.tijd > TWEE_WEKEN || !gevonden.velden)) {
      wis();
    } else if (gevonden && gevonden.verzonden && versie && Number(versie.value) > gevonden.basis) {
      wis(); // The explicit save that was sent has landed.
    } else if (gevonden && gevonden.bewaard && versie && Number(versie.value) >= gevonden.basis) {
      wis(); // What the copy holds was saved, and this page shows that save or a later one.
    } else if (gevonden) {
      if (!anders(gevonden).length) {
        wis();
      } else if (gevonden.conflict) {
        biedAan(gevonden);
      } else {
        zetTerug(gevonden, true);
        terugGezet = true;
        var bericht = document.createElement("p");
        bericht.id = "concept-terug";
        bericht.className = "alert alert-info";
        bericht.setAttribute("role", "status");
        bericht.textContent = "Wat u eerder typte en nog niet bewaard was, staat weer in het " +
          "formulier" + (form.dataset.autosave ? "; het wordt nu bewaard." : ".");
        form.insertBefore(bericht, form.firstChild);
      }
    }

    var autosave = form.dataset.autosave && window.fetch;
    var timer = null;
    var lopend = null;   // the autosave under way, as a promise
    var vuil = false;    // changes not yet sent
    var gestopt = false; // after a conflict nothing is saved automatically any more
    var verzenden = false;

    // A form the server showed again with what was posted (errors, a conflict, a
    // vaststelling in between): all of it is unsaved, and kept here like typed text.
    if (form.hasAttribute("data-niet-bewaard")) {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name && ["hidden", "submit", "button"].indexOf(el.type) === -1) aangeraakt[el.name] = true;
      });
      vuil = true;
      gestopt = form.hasAttribute("data-conflict") || form.hasAttribute("data-wacht") || !autosave;
      bewaarKopie(form.hasAttribute("data-conflict") ? { conflict: true } : null);
      // A question waits for its answer: nothing is saved before it (an autosave would say
      // "bewaard" while the question's change is not).
      if (form.hasAttribute("data-wacht")) meld("Nog niet bewaard: beantwoord eerst de vraag hierboven.");
    }

    function metAangeraakt(data) {
      data.set("_aangeraakt_bekend", "1");
      data.delete("_aangeraakt");
      Object.keys(aangeraakt).forEach(function (naam) { data.append("_aangeraakt", naam); });
      return data;
    }

    function loginLink() {
      return "/account/login/?next=" + encodeURIComponent(window.location.pathname);
    }

    // A save that must outlive the page (leaving it) asks for keepalive; browsers refuse a
    // keepalive body over 64 KB outright, so a long text goes without (the copy here keeps it).
    var KEEPALIVE_MAX = 60000;
    function omvang(data) {
      var n = 0;
      data.forEach(function (waarde) { n += typeof waarde === "string" ? waarde.length * 3 : 0; });
      return n;
    }

    function bewaar(bijVertrek) {
      clearTimeout(timer);
      if (gestopt || !autosave) return Promise.resolve();
      if (lopend) return lopend.then(function () { return vuil ? bewaar(bijVertrek) : null; });
      vuil = false;
      var data = metAangeraakt(new FormData(form));
      data.set("_autosave", "1");
      lopend = fetch(form.dataset.autosave, {
        method: "POST", body: data, credentials: "same-origin",
        keepalive: !!bijVertrek && omvang(data) < KEEPALIVE_MAX,
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
            if (vuil) {
              bewaarKopie(); // typed on while this save was under way: the next one follows
              meld("Wijzigingen nog niet bewaard…");
            } else {
              // Kept, marked as saved, not wiped: a page that opened before this save landed
              // (a reload while it was under way) still shows the older text, and puts this back.
              bewaarKopie({ bewaard: true });
              meld(inhoud.gewijzigd ? "Concept automatisch bewaard om " + inhoud.moment + "." : "Alles is bewaard.");
            }
          } else if (code === 409) {
            gestopt = true;
            vuil = true;
            bewaarKopie({ conflict: true });
            meldFout(inhoud.conflict + " Uw tekst blijft ook in deze browser bewaard.");
          } else {
            vuil = true;
            meldFout(inhoud.fout || "Niet automatisch bewaard.");
          }
        })
        .catch(function (e) {
          vuil = true;
          if (e && e.message === "geen-json") {
            fout.textContent = "Automatisch bewaren lukte niet: uw sessie is verlopen, of u logde " +
              "opnieuw in. Uw tekst is in deze browser bewaard. ";
            var link = document.createElement("a");
            link.href = loginLink();
            link.target = "_blank";
            link.textContent = "Log opnieuw in (nieuw tabblad)";
            fout.appendChild(link);
            fout.appendChild(document.createTextNode(" en herlaad daarna deze pagina: uw tekst komt terug."));
          } else {
            meldFout("Automatisch bewaren lukte niet (geen verbinding?). Uw tekst staat nog in het formulier en in deze browser.");
          }
        })
        .finally(function () { lopend = null; });
      return lopend;
    }

    // The copy is written at most every 300 ms while typing (a pasted page of text would
    // otherwise be serialised on every key), and at once before leaving or sending.
    var kopieTimer = null;
    function kopieStraks() {
      if (kopieTimer) return;
      kopieTimer = setTimeout(function () { kopieTimer = null; bewaarKopie(); }, 300);
    }
    function kopieNu() {
      clearTimeout(kopieTimer);
      kopieTimer = null;
      bewaarKopie();
    }

    function wijziging(gebeurtenis) {
      var doel = gebeurtenis && gebeurtenis.target;
      if (doel && (doel.id === "gemeente-filter" || !doel.name)) return;
      if (doel) aangeraakt[doel.name] = true;
      vuil = true;
      if (gebeurtenis && gebeurtenis.type === "input") kopieStraks(); else kopieNu();
      if (!autosave || gestopt) return;
      meld("Wijzigingen nog niet bewaard…");
      clearTimeout(timer);
      timer = setTimeout(bewaar, 1500);
    }

    // On the document, not the form: a box may stand elsewhere on the page and belong to the
    // form by its form attribute (an evaluatie's opmerkingen among its indicators).
    function vanHetFormulier(gebeurtenis) {
      if (gebeurtenis.target && gebeurtenis.target.form === form) wijziging(gebeurtenis);
    }
    document.addEventListener("input", vanHetFormulier);
    document.addEventListener("change", vanHetFormulier);
    if (autosave && !gestopt && (terugGezet || vuil)) { vuil = true; bewaar(); }

    // An explicit save carries the version of the last autosave and the changed fields; the
    // copy here stays until a page shows that the save landed.
    function verstuur(knop, knopMee) {
      verzenden = true;
      gestopt = true;
      var alleen = knop && knop.getAttribute("data-verstuurt");
      bewaarKopie({ verzonden: alleen ? alleen.split(" ") : true });
      Array.prototype.forEach.call(form.querySelectorAll("input[data-meegestuurd]"), function (el) { el.remove(); });
      var extra = [["_aangeraakt_bekend", "1"]].concat(
        Object.keys(aangeraakt).map(function (naam) { return ["_aangeraakt", naam]; }));
      // form.submit() sends no button: its name and value go along as a field.
      if (knopMee && knop && knop.name) extra.push([knop.name, knop.value]);
      extra.forEach(function (paar) {
        var veld = document.createElement("input");
        veld.type = "hidden"; veld.name = paar[0]; veld.value = paar[1];
        veld.setAttribute("data-meegestuurd", "");
        form.appendChild(veld);
      });
    }
    form.addEventListener("submit", function (gebeurtenis) {
      clearTimeout(timer);
      if (lopend && !verzenden) {
        // First the autosave under way, so this save carries the version it returns.
        gebeurtenis.preventDefault();
        var knop = gebeurtenis.submitter;
        lopend.then(function () { verstuur(knop, true); form.submit(); });
        return;
      }
      verstuur(gebeurtenis.submitter, false); // The browser sends the button itself.
    });

    var VRAAG = "U heeft wijzigingen die niet zijn bewaard. Ze blijven in deze browser bewaard " +
      "tot u deze pagina weer opent. Toch verlaten?";
    // Leaving by a link (another step, the result): first save what is pending; ask when it
    // cannot be saved.
    document.addEventListener("click", function (gebeurtenis) {
      var link = gebeurtenis.target.closest && gebeurtenis.target.closest("a[href]");
      if (!link || verzenden || !(vuil || lopend) || link.target === "_blank") return;
      if (link.getAttribute("href").charAt(0) === "#") return;
      gebeurtenis.preventDefault();
      if (gestopt || !autosave) {
        if (window.confirm(VRAAG)) { vuil = false; window.location.assign(link.href); }
        return;
      }
      meld("Bezig met bewaren…");
      bewaar().then(function () {
        if (!vuil || window.confirm(VRAAG)) { vuil = false; window.location.assign(link.href); }
      });
    });
    window.addEventListener("beforeunload", function (gebeurtenis) {
      if (verzenden) return;
      // A save under way may land after the next page has been made: the copy keeps its text.
      if (lopend || vuil) kopieNu();
      if (!vuil) return;
      bewaar(true);
      gebeurtenis.preventDefault();
      gebeurtenis.returnValue = "";
    });
  }
})();
