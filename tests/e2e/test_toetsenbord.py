"""WCAG 2.1 AA for the afweging wizard: it works by keyboard alone, every field has a
label and its error is tied to it, and focus is visible.

The journey uses no mouse and no locator.click()/fill(): only Tab, Shift+Tab, typing,
arrow keys, Space and Enter, as a keyboard user would.
"""

import re

import pytest

from afweging.models import Afweging, Antwoord, SuccesfactorAntwoord
from afweging.services import afweging_aanmaken
from afweging.stappen import STAPPEN
from casussen.models import Gemeente
from tests.e2e.conftest import WACHTWOORD

pytestmark = pytest.mark.django_db(transaction=True)

MAX_TABS = 150

# A short description of an element, for failure messages.
BESCHRIJF = """el => {
    if (!el || el === document.body) return "<body>";
    const naam = el.id ? "#" + el.id : el.name ? `[name=${el.name}]` : "";
    const tekst = (el.innerText || el.value || "").trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()}${naam}> ${tekst}`;
}"""


def focus_op(pagina) -> str:
    return pagina.evaluate(f"() => ({BESCHRIJF})(document.activeElement)")


def heeft_focus(doel) -> bool:
    return doel.evaluate("el => el === document.activeElement")


def tab_naar(pagina, doel, *, terug=False, max_tabs=MAX_TABS):
    """Press Tab (or Shift+Tab) until `doel` has focus; fail clearly if it never does."""
    toets = "Shift+Tab" if terug else "Tab"
    element = doel.element_handle()  # Found once: a locator would search again each time.
    for _ in range(max_tabs):
        if heeft_focus(element):
            return
        pagina.keyboard.press(toets)
    raise AssertionError(
        f"{doel} kreeg na {max_tabs} keer {toets} geen focus; de focus staat op {focus_op(pagina)}"
    )


def kies_radio(pagina, groep: str, waarde: str):
    """Tab into radio group `groep`, then move with the arrow keys to `waarde` and select it."""
    in_groep = f"el => el.type === 'radio' && el.name === {groep!r}"
    for _ in range(MAX_TABS):
        if pagina.evaluate(f"() => ({in_groep})(document.activeElement)"):
            break
        pagina.keyboard.press("Tab")
    else:
        raise AssertionError(
            f"Tab bereikte de keuzegroep {groep} niet; focus op {focus_op(pagina)}"
        )
    doel = pagina.locator(f"input[type=radio][name='{groep}'][value='{waarde}']")
    for _ in range(12):
        if heeft_focus(doel):
            if not doel.is_checked():
                pagina.keyboard.press("Space")  # Focus without a choice: nothing was checked.
            assert doel.is_checked(), f"{groep}={waarde} is niet gekozen"
            return
        pagina.keyboard.press("ArrowDown")
    raise AssertionError(f"De pijltjestoetsen bereikten {groep}={waarde} niet")


def vink_aan(pagina, vakje):
    tab_naar(pagina, vakje)
    pagina.keyboard.press("Space")
    assert vakje.is_checked(), f"{vakje} is niet aangevinkt"


def typ_in(pagina, veld, tekst: str):
    """Tab to a field and type, replacing what is there (Ctrl+A selects a field's text)."""
    tab_naar(pagina, veld)
    pagina.keyboard.press("Control+A")
    pagina.keyboard.type(tekst)


def enter(pagina, url: str):
    """Press Enter and wait for the page it leads to (which may have the same address)."""
    with pagina.expect_navigation(url=re.compile(url)):
        pagina.keyboard.press("Enter")


def druk_knop(pagina, knop, url: str):
    """Tab to a button or link, press Enter and wait for the next page."""
    tab_naar(pagina, knop)
    enter(pagina, url)


def volgende_stap(pagina, url: str):
    knop = pagina.get_by_role(
        "button", name=re.compile("^Opslaan en (volgende stap|naar de uitkomst)$")
    )
    druk_knop(pagina, knop, url)


def inloggen_met_toetsenbord(pagina, gebruikersnaam: str):
    pagina.goto(pagina.basis + "/account/login/")
    typ_in(pagina, pagina.get_by_label("Gebruikersnaam"), gebruikersnaam)
    typ_in(pagina, pagina.get_by_label("Wachtwoord"), WACHTWOORD)
    pagina.keyboard.press("Enter")  # Enter in a field submits its form.
    pagina.wait_for_url(pagina.basis + "/start/")


@pytest.fixture
def gegevens_zonder_iv3(request, monkeypatch):
    """The reference data without the Iv3 figures, the slowest part to load (seconds per
    test): they only feed the businesscase figures, which these tests do not look at."""
    monkeypatch.setattr("tests.e2e.conftest.laad_iv3", lambda: [])
    return request.getfixturevalue("gegevens")


def nieuwe_afweging(gegevens) -> Afweging:
    return afweging_aanmaken(
        door=gegevens["adviseur"],
        velden={"titel": "Fusie Leiderdorp en Zoeterwoude", "variant": "openbaar_lichaam"},
        gemeenten=Gemeente.objects.filter(code__in=["GM0547", "GM0638"]),
    )


def test_een_adviseur_doorloopt_de_wizard_alleen_met_het_toetsenbord(
    gegevens_zonder_iv3, nieuwe_pagina
):
    a = nieuwe_pagina()
    inloggen_met_toetsenbord(a, "e2e-adviseur")
    druk_knop(a, a.get_by_role("link", name="Afwegingen").first, r".*/afwegingen/$")
    druk_knop(a, a.get_by_role("link", name="Nieuwe afweging"), r".*/afwegingen/nieuw/$")

    # Enter in the empty title submits: the error summary gets focus, nothing is made.
    tab_naar(a, a.get_by_label("Titel van de afweging"))
    enter(a, r".*/afwegingen/nieuw/$")
    melding = a.locator("[data-foutmelding]")
    melding.wait_for()
    assert heeft_focus(melding), f"de foutmelding heeft geen focus maar {focus_op(a)}"
    assert not Afweging.objects.exists()

    typ_in(a, a.get_by_label("Titel van de afweging"), "Fusie Leiderdorp en Zoeterwoude")
    # The filter narrows the list of gemeenten; a checked one stays in the list.
    zoek = a.get_by_label("Zoek een gemeente")
    typ_in(a, zoek, "leiderdorp")
    vink_aan(a, a.get_by_label("Leiderdorp (Zuid-Holland)"))
    tab_naar(a, zoek, terug=True)
    a.keyboard.press("Control+A")
    a.keyboard.type("zoeterwoude")
    vink_aan(a, a.get_by_label("Zoeterwoude (Zuid-Holland)"))
    assert "Gekozen (2)" in a.locator("#gemeente-gekozen").inner_text()
    kies_radio(a, "variant", "centrumconstructie")
    # A closed select takes type-ahead, as with a screen reader or the keyboard alone.
    centrum = a.get_by_label("Centrumgemeente (alleen bij een centrumconstructie)")
    tab_naar(a, centrum)
    a.keyboard.type("Leiderdorp")
    assert centrum.evaluate("el => el.selectedOptions[0].text") == "Leiderdorp"
    # Chromium's date field takes the digits of dd-mm-jjjj (locale nl-NL).
    typ_in(a, a.get_by_label("Geplande startdatum"), "01012027")
    typ_in(a, a.get_by_label("Geplande eerste evaluatie"), "01012030")
    typ_in(a, a.get_by_label("Besparingstaakstelling (euro per jaar)"), "200000")
    typ_in(a, a.get_by_label("Budget frictiekosten (euro, eenmalig)"), "300000")
    kies_radio(a, "reorganisatie_gecombineerd", "nee")
    druk_knop(a, a.get_by_role("button", name="Afweging aanmaken"), r".*/deelnemers/$")

    afweging = Afweging.objects.get()
    assert afweging.titel == "Fusie Leiderdorp en Zoeterwoude"
    assert afweging.variant == "centrumconstructie"
    assert afweging.centrumgemeente.naam == "Leiderdorp"
    assert str(afweging.geplande_startdatum) == "2027-01-01"
    assert str(afweging.geplande_evaluatiedatum) == "2030-01-01"
    assert (afweging.taakstelling, afweging.frictiekostenbudget) == (200_000, 300_000)
    assert afweging.reorganisatie_gecombineerd == "nee"
    assert sorted(d.gemeente.naam for d in afweging.deelnemers.all()) == [
        "Leiderdorp",
        "Zoeterwoude",
    ]

    # Step 2, deelnemers; then back to step 1 and forward again by the step buttons.
    for i, perspectief in enumerate(("eindoplossing", "tussenstap")):
        kies_radio(a, f"deelnemers-{i}-perspectief", perspectief)
        vink_aan(a, a.locator(f"input[name='deelnemers-{i}-motieven'][value='kwetsbaarheid']"))
        typ_in(a, a.locator(f"#id_deelnemers-{i}-motieven_toelichting"), f"Toelichting {i}.")
    druk_knop(a, a.get_by_role("button", name="Opslaan en vorige stap"), r".*/basis/$")

    # Step 1, the proposal again: a keyboard user filters the long list away first.
    typ_in(a, a.get_by_label("Zoek een gemeente"), "zoeterwoude")
    typ_in(a, a.get_by_label("Besparingstaakstelling (euro per jaar)"), "250000")
    volgende_stap(a, r".*/deelnemers/$")
    assert a.locator("#id_deelnemers-1-perspectief_1").is_checked()
    volgende_stap(a, r".*/meerwaarde/$")

    # Steps 3 to 6: a score by arrow keys and a motivation for each deelvraag; step 4 is
    # the checklist of kritieke succesfactoren.
    for nummers, volgende in (
        ((1, 2, 3), r".*/succesfactoren/$"),
        ((), r".*/condities/$"),
        ((4, 5, 6), r".*/weging/$"),
        ((7, 8), rf".*/afwegingen/{afweging.pk}/$"),
    ):
        if not nummers:
            kies_radio(a, "succesfactoren-0-status", "voldaan")
            typ_in(a, a.locator("#id_succesfactoren-0-notitie"), "Vaart in het proces.")
        for i, nummer in enumerate(nummers):
            kies_radio(a, f"antwoorden-{i}-score", "1" if nummer != 8 else "2")
            typ_in(a, a.get_by_label(f"Motivering deelvraag {nummer}"), f"Motivering {nummer}.")
        volgende_stap(a, volgende)

    # The outcome page shows what was typed; the database has it too.
    assert a.get_by_role("heading", name=re.compile("^Advies: ")).is_visible()
    assert a.get_by_text("8 van 8 deelvragen gemotiveerd beantwoord").first.is_visible()
    for nummer in range(1, 9):
        assert a.get_by_text(f"Motivering {nummer}.", exact=True).first.is_visible()
    afweging.refresh_from_db()
    assert afweging.taakstelling == 250_000
    deelnemers = list(afweging.deelnemers.order_by("gemeente__naam"))
    assert [d.perspectief for d in deelnemers] == ["eindoplossing", "tussenstap"]
    assert [d.motieven for d in deelnemers] == [["kwetsbaarheid"], ["kwetsbaarheid"]]
    assert [d.motieven_toelichting for d in deelnemers] == ["Toelichting 0.", "Toelichting 1."]
    antwoorden = Antwoord.objects.filter(afweging=afweging).order_by("deelvraag__nummer")
    assert [(x.score, x.motivering) for x in antwoorden] == [
        ("2" if n == 8 else "1", f"Motivering {n}.") for n in range(1, 9)
    ]
    factor = SuccesfactorAntwoord.objects.filter(afweging=afweging).first()
    assert (factor.status, factor.notitie) == ("voldaan", "Vaart in het proces.")


# What has focus and how it looks. Transitions are finished first, so the style is the one
# a user sees once the focus ring has appeared. Each element is marked when visited, so a
# second visit means Tab has gone round the whole page.
FOCUS_STIJL = """() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    if (el.dataset.toetsGezien) return "rond";
    el.dataset.toetsGezien = "1";
    el.getAnimations().forEach(a => a.finish());
    const s = getComputedStyle(el);
    return {
        wie: (BESCHRIJF)(el),
        in_menu: !!el.closest(".navbar"),
        outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor,
        boxShadow: s.boxShadow,
        // The colour the outline is seen against: the first ancestor with a background.
        achtergrond: (() => {
            for (let e = el.parentElement; e; e = e.parentElement) {
                const k = getComputedStyle(e).backgroundColor;
                if (k && k !== "transparent" && k !== "rgba(0, 0, 0, 0)") return k;
            }
            return "rgb(255, 255, 255)";
        })(),
    };
}""".replace("BESCHRIJF", BESCHRIJF)


def _doorzichtig(kleur: str) -> bool:
    return kleur == "transparent" or bool(re.fullmatch(r"rgba\(.*,\s*0\)", kleur.strip()))


def _luminantie(kleur: str) -> float:
    rood, groen, blauw = (int(x) / 255 for x in re.findall(r"[\d.]+", kleur)[:3])

    def kanaal(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * kanaal(rood) + 0.7152 * kanaal(groen) + 0.0722 * kanaal(blauw)


def contrast(een: str, ander: str) -> float:
    licht, donker = sorted((_luminantie(een), _luminantie(ander)), reverse=True)
    return (licht + 0.05) / (donker + 0.05)


def focus_zichtbaar(stijl: dict) -> bool:
    """A visible outline, or a box-shadow with colour and size."""
    if (
        stijl["outlineStyle"] != "none"
        and float(stijl["outlineWidth"].removesuffix("px") or 0) > 0
        and not _doorzichtig(stijl["outlineColor"])
    ):
        return True
    if stijl["boxShadow"] == "none":
        return False
    for schaduw in re.split(r",\s*(?![^()]*\))", stijl["boxShadow"]):
        kleur = re.search(r"rgba?\([^)]*\)", schaduw)
        maten = [float(m) for m in re.findall(r"(-?[\d.]+)px", schaduw)]
        if kleur and not _doorzichtig(kleur.group()) and any(m != 0 for m in maten[2:]):
            return True
    return False


def test_direct_naar_de_inhoud_en_zichtbare_focus_op_elke_stap(gegevens_zonder_iv3, nieuwe_pagina):
    afweging = nieuwe_afweging(gegevens_zonder_iv3)
    a = nieuwe_pagina()
    a.emulate_media(reduced_motion="reduce")
    inloggen_met_toetsenbord(a, "e2e-adviseur")
    paginas = ["/", "/afwegingen/nieuw/"] + [
        f"/afwegingen/{afweging.pk}/{s}/" for s in (s.code for s in STAPPEN)
    ]

    # The first tab stop skips the menu; Enter puts focus on the main content.
    for pad in paginas:
        a.goto(a.basis + pad)
        a.keyboard.press("Tab")
        sprong = a.locator("a[href='#inhoud']")
        assert heeft_focus(sprong), f"{pad}: eerste tabstop is {focus_op(a)}"
        assert sprong.inner_text() == "Direct naar de inhoud"
        vak = sprong.bounding_box()
        assert vak and vak["width"] > 20 and vak["height"] > 10 and vak["y"] >= 0, (
            f"{pad}: de link is niet zichtbaar als hij focus heeft ({vak})"
        )
        a.keyboard.press("Enter")
        assert a.evaluate("() => document.activeElement.id") == "inhoud", (
            f"{pad}: na Enter staat de focus op {focus_op(a)}"
        )
        a.keyboard.press("Tab")
        assert a.evaluate("() => !!document.activeElement.closest('main')"), (
            f"{pad}: de tabstop na de inhoud ligt buiten <main>: {focus_op(a)}"
        )

    # Every element that Tab reaches on a wizard step shows where the focus is.
    onzichtbaar = []
    for stap in (s.code for s in STAPPEN):
        a.goto(f"{a.basis}/afwegingen/{afweging.pk}/{stap}/")
        for _ in range(800):
            a.keyboard.press("Tab")
            stijl = a.evaluate(FOCUS_STIJL)
            if stijl is None or stijl == "rond":
                break
            # Bootstrap's pale blue ring vanishes on the dark blue menu bar: there it must be
            # the house outline.
            if not focus_zichtbaar(stijl) or (stijl["in_menu"] and stijl["outlineStyle"] == "none"):
                onzichtbaar.append(f"{stap}: {stijl}")
            # WCAG 1.4.11: the focus indicator needs 3:1 against what surrounds it; Bootstrap's
            # pale rings (1.4-1.8:1) do not count, so it must be an outline that has it.
            elif stijl["outlineStyle"] == "none" or (
                contrast(stijl["outlineColor"], stijl["achtergrond"]) < 3
            ):
                onzichtbaar.append(f"{stap} (contrast): {stijl}")
        else:
            raise AssertionError(f"{stap}: Tab kwam na 800 stappen niet rond")
    assert not onzichtbaar, "Focus niet zichtbaar:\n" + "\n".join(onzichtbaar)


ZICHTBARE_VELDEN = """[...document.querySelectorAll(
    "input:not([type=hidden]), select, textarea")].filter(el => el.checkVisibility())"""


def velden_zonder_naam(pagina) -> list[str]:
    """Visible form controls that Chromium's accessibility tree gives no name (or only a
    placeholder)."""
    cdp = pagina.context.new_cdp_session(pagina)
    try:
        lijst = cdp.send("Runtime.evaluate", {"expression": ZICHTBARE_VELDEN})["result"]
        velden = [
            p["value"]["objectId"]
            for p in cdp.send(
                "Runtime.getProperties", {"objectId": lijst["objectId"], "ownProperties": True}
            )["result"]
            if p["name"].isdigit()
        ]
        assert velden, "geen zichtbare formuliervelden gevonden"
        zonder = []
        for veld in velden:
            knoop = cdp.send(
                "Accessibility.getPartialAXTree", {"objectId": veld, "fetchRelatives": False}
            )["nodes"][0]
            naam = knoop.get("name", {})
            bron = next(
                (b for b in naam.get("sources", []) if "value" in b and not b.get("superseded")),
                {},
            )
            # A placeholder is no label: it disappears as soon as one types.
            if not naam.get("value", "").strip() or bron.get("type") == "placeholder":
                wie = cdp.send(
                    "Runtime.callFunctionOn",
                    {"objectId": veld, "returnByValue": True,
                     "functionDeclaration": "function () { return this.outerHTML.slice(0, 160); }"},
                )["result"]["value"]  # fmt: skip
                zonder.append(wie)
        return zonder
    finally:
        cdp.detach()


# For each visible control: is it marked invalid, and does its own aria-describedby (or, for
# a radio or checkbox, that of its fieldset) point to a visible element with the error?
FOUTKOPPELING = """(verwacht) => {
    const problemen = [];
    const velden = ZICHTBARE_VELDEN;
    for (const el of velden) {
        const fout = verwacht[el.name];
        const ongeldig = el.getAttribute("aria-invalid") === "true";
        if (fout === undefined) {
            if (ongeldig) problemen.push(`${el.id || el.name}: aria-invalid zonder fout`);
            continue;
        }
        if (!ongeldig) problemen.push(`${el.id || el.name}: geen aria-invalid="true"`);
        const dragers = [el];
        if (el.type === "radio" || el.type === "checkbox") dragers.push(el.closest("fieldset"));
        const ids = dragers.filter(Boolean)
            .flatMap(d => (d.getAttribute("aria-describedby") || "").split(/\\s+/))
            .filter(Boolean);
        const gevonden = ids.map(id => document.getElementById(id))
            .some(d => d && d.textContent.includes(fout) && d.checkVisibility());
        if (!gevonden) {
            problemen.push(`${el.id || el.name}: aria-describedby "${ids.join(" ")}" wijst niet naar een zichtbare "${fout}"`);
        }
    }
    for (const naam of Object.keys(verwacht)) {
        if (!velden.some(el => el.name === naam)) problemen.push(`${naam}: geen zichtbaar veld`);
    }
    return problemen;
}""".replace("ZICHTBARE_VELDEN", ZICHTBARE_VELDEN)


def controleer_fouten(pagina, verwacht: dict[str, str], samenvatting: str):
    """The error summary has focus and every invalid field is tied to its Dutch message."""
    melding = pagina.locator("[data-foutmelding]")
    melding.wait_for()
    assert samenvatting in melding.inner_text()
    assert heeft_focus(melding), f"na verzenden staat de focus op {focus_op(pagina)}"
    problemen = pagina.evaluate(FOUTKOPPELING, verwacht)
    assert not problemen, "\n".join(problemen[:10]) + f"\n({len(problemen)} in totaal)"


def test_velden_hebben_een_naam_en_fouten_zijn_eraan_gekoppeld(gegevens_zonder_iv3, nieuwe_pagina):
    afweging = nieuwe_afweging(gegevens_zonder_iv3)
    a = nieuwe_pagina()
    inloggen_met_toetsenbord(a, "e2e-adviseur")

    zonder_naam = {}
    for pad in ["/afwegingen/nieuw/"] + [
        f"/afwegingen/{afweging.pk}/{s}/" for s in (s.code for s in STAPPEN)
    ]:
        a.goto(a.basis + pad)
        if gemist := velden_zonder_naam(a):
            zonder_naam[pad] = gemist
    assert not zonder_naam, f"Velden zonder toegankelijke naam: {zonder_naam}"

    # The create form, sent empty.
    a.goto(a.basis + "/afwegingen/nieuw/")
    tab_naar(a, a.get_by_label("Titel van de afweging"))
    enter(a, r".*/afwegingen/nieuw/$")
    samenvatting = "Het formulier is nog niet goed ingevuld."
    controleer_fouten(
        a,
        {"titel": "Geef de afweging een titel.",
         "gemeenten": "Kies minstens twee deelnemende gemeenten.",
         "variant": "Kies de voorgestelde variant."},
        samenvatting,
    )  # fmt: skip
    assert not velden_zonder_naam(a)

    # A select and a date field with help text: the error joins the help text.
    typ_in(a, a.get_by_label("Titel van de afweging"), "Fusie")
    typ_in(a, a.get_by_label("Zoek een gemeente"), "geen gemeente heet zo")
    kies_radio(a, "variant", "centrumconstructie")
    typ_in(a, a.get_by_label("Geplande startdatum"), "01012030")
    typ_in(a, a.get_by_label("Geplande eerste evaluatie"), "01012027")
    druk_knop(a, a.get_by_role("button", name="Afweging aanmaken"), r".*/afwegingen/nieuw/$")
    controleer_fouten(
        a,
        {"gemeenten": "Kies minstens twee deelnemende gemeenten.",
         "centrumgemeente": "Kies bij een centrumconstructie de centrumgemeente.",
         "geplande_evaluatiedatum": "De eerste evaluatie moet na de geplande start liggen."},
        samenvatting,
    )  # fmt: skip
    beschreven = a.get_by_label("Geplande eerste evaluatie").get_attribute("aria-describedby")
    assert "id_geplande_evaluatiedatum_helptext" in beschreven.split()

    # A wizard step: a score without a motivation is refused on an explicit save.
    a.goto(f"{a.basis}/afwegingen/{afweging.pk}/meerwaarde/")
    kies_radio(a, "antwoorden-0-score", "1")
    druk_knop(a, a.get_by_role("button", name="Opslaan", exact=True), r".*/meerwaarde/$")
    controleer_fouten(
        a,
        {"antwoorden-0-motivering": "Motiveer de score: elke score vraagt een toelichting."},
        "Niet opgeslagen",
    )
    assert a.locator("#id_antwoorden-0-score_3").is_checked(), "de gekozen score is weg"
