"""Every page on a phone and at 200% zoom (issue 11, WCAG 1.4.10 and 2.4.7): at 390 px wide
no page scrolls sideways (a wide data table scrolls inside its own focusable region), and
the sticky save bar of a step never covers the field that has focus."""

import re

import pytest
from django.template.loader import render_to_string

from afweging import services
from afweging.models import Afweging, SuccesfactorAntwoord
from afweging.stappen import STAPPEN
from casussen.models import Fusieorganisatie, Gemeente
from review import services as review
from tests.e2e.conftest import inloggen
from tests.e2e.test_toetsenbord import gegevens_zonder_iv3  # noqa: F401
from tests.factories import beantwoord_alles

pytestmark = pytest.mark.django_db(transaction=True)

SMAL = {"width": 390, "height": 844}

# How wide the page is, and every region that scrolls sideways (it must be a focusable,
# named region: a keyboard user scrolls it, a screen reader says what it holds).
METING = """() => ({
    breedte: document.documentElement.scrollWidth,
    scrollers: [...document.querySelectorAll('main *')]
        .filter(el => el.scrollWidth > el.clientWidth + 1
                && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
        .map(el => ({
            rol: el.getAttribute('role'), tabindex: el.getAttribute('tabindex'),
            naam: el.getAttribute('aria-label') || el.getAttribute('aria-labelledby'),
            html: el.outerHTML.slice(0, 80),
        })),
})"""


@pytest.fixture
def pagina_van(browser, live_server):
    """Pages of a given size in fresh browser contexts, closed after the test (an open page
    would go on sending its autosave to the next test's server)."""
    contexten = []

    def maak(viewport, **opties):
        context = browser.new_context(viewport=viewport, locale="nl-NL", **opties)
        contexten.append(context)
        pagina = context.new_page()
        pagina.set_default_timeout(15_000)
        pagina.basis = live_server.url
        return pagina

    yield maak
    for context in contexten:
        context.close()


def afweging_met_alles(gegevens, titel, codes) -> Afweging:
    """An afweging as a province makes one: every deelvraag answered, part of the checklist,
    the business case with a fixed split over real gemeenten."""
    afweging = services.afweging_aanmaken(
        door=gegevens["adviseur"],
        velden={"titel": titel, "variant": "bedrijfsvoeringsorganisatie", "taakstelling": 400_000,
                "frictiekostenbudget": 750_000},
        gemeenten=Gemeente.objects.filter(code__in=codes),
    )  # fmt: skip
    beantwoord_alles(afweging)
    factoren = list(afweging.succesfactorantwoorden.all())
    for factor, status in zip(factoren, ["voldaan", "deels", "niet"], strict=False):
        factor.status, factor.notitie = status, "Bedrijfsvoeringsorganisatiebesluit volgt."
        factor.save()
    return afweging


def meet(pagina, naam, te_breed, zonder_regio):
    meting = pagina.evaluate(METING)
    if meting["breedte"] > SMAL["width"]:
        te_breed[naam] = meting["breedte"]
    for scroller in meting["scrollers"]:
        if scroller["rol"] != "region" or scroller["tabindex"] != "0" or not scroller["naam"]:
            zonder_regio.setdefault(naam, []).append(scroller["html"])


def test_no_page_scrolls_sideways_at_390_px(gegevens, pagina_van, toegankelijk):
    afweging = afweging_met_alles(
        gegevens, "Ambtelijke fusie Leiderdorp, Oegstgeest en Zoeterwoude",
        ["GM0547", "GM0579", "GM0638"],
    )  # fmt: skip
    review.delen(onderwerp=afweging, gebruikers=[gegevens["secretaris"]], door=gegevens["adviseur"])
    vast = afweging_met_alles(
        gegevens, "Vastgesteld: Leiderdorp en Zoeterwoude", ["GM0547", "GM0638"]
    )
    services.vaststellen(afweging=vast, versie=vast.versie, door=gegevens["adviseur"])
    te_breed, zonder_regio = {}, {}

    def bezoek(pagina, pad, naam=None, axe=False):
        pagina.goto(pagina.basis + pad)
        pagina.wait_for_load_state("networkidle")  # plotly draws after the load
        meet(pagina, naam or pad, te_breed, zonder_regio)
        if axe:
            toegankelijk(pagina, f"{naam or pad} (390 px)")

    def smal():
        pagina = pagina_van(SMAL)
        # Leaving a form with typed text asks first: yes, leave.
        pagina.on("dialog", lambda dialoog: dialoog.accept())
        return pagina

    # Not logged in: the login page, with a wrong password, and the pages of errors.
    anoniem = smal()
    bezoek(anoniem, "/account/login/", axe=True)
    anoniem.get_by_label("Gebruikersnaam").fill("e2e-adviseur")
    anoniem.get_by_label("Wachtwoord").fill("fout")
    anoniem.locator("main").get_by_role("button", name="Inloggen").click()
    # Measure the page the POST returns, not the one it replaces while it loads.
    anoniem.get_by_role("alert").filter(has_text="horen niet bij elkaar").wait_for()
    anoniem.wait_for_load_state("load")
    meet(anoniem, "inloggen mislukt", te_breed, zonder_regio)
    # The server error and the lockout page, served as Django renders them (no request).
    for sjabloon in ("500.html", "registration/geblokkeerd.html"):
        html = render_to_string(sjabloon)
        anoniem.route(anoniem.basis + "/schijn/", lambda route, _verzoek, html=html: route.fulfill(
            status=500, body=html, content_type="text/html"
        ))  # fmt: skip
        bezoek(anoniem, "/schijn/", sjabloon)
        anoniem.unroute(anoniem.basis + "/schijn/")
        assert anoniem.locator("h1").count() == 1

    a = smal()
    inloggen(a, "e2e-adviseur")
    organisaties = list(Fusieorganisatie.objects.values_list("slug", flat=True))
    assert len(organisaties) >= 29
    for pad in ["/", "/?status=actief", "/casussen/", "/gemeenten/", "/gemeenten/?q=Hendrik",
                "/kaart/", "/benchmark/", "/benchmark/?fusieorganisatie=bar-organisatie",
                "/over-de-data/", "/toegankelijkheid/", "/afwegingen/", "/afwegingen/nieuw/",
                "/terugblik/", "/evaluaties/", "/bestaat-niet/", "/afwegingen/999999/"]:  # fmt: skip
        bezoek(a, pad, axe=pad in ("/", "/benchmark/"))
    for slug in organisaties:
        bezoek(a, f"/fusieorganisaties/{slug}/")
    a.goto(a.basis + "/casussen/")
    casussen = sorted(
        {link.get_attribute("href") for link in a.locator("main a[href^='/casussen/']").all()}
    )
    assert len(casussen) >= 9
    for pad in casussen:
        bezoek(a, pad)
    for code in ("GM0547", "GM0579", "GM0638", "GM0531", "GM0489"):
        bezoek(a, f"/gemeenten/{code.lower()}/")

    basis = f"/afwegingen/{afweging.pk}"
    for stap in STAPPEN:
        bezoek(a, f"{basis}/{stap.code}/", axe=stap.code == "succesfactoren")
    for pad in ("/", "/rapport/", "/businesscase/", "/vaststellen/", "/verwijderen/"):
        bezoek(a, basis + pad, axe=pad in ("/", "/rapport/", "/businesscase/"))
    bezoek(a, f"/afwegingen/{vast.pk}/vastgesteld/", "vastgesteld")
    bezoek(a, f"/afwegingen/{vast.pk}/", "uitkomst vastgesteld")

    # Forms with their errors shown.
    a.goto(a.basis + "/afwegingen/nieuw/")
    a.locator("main").get_by_role("button", name="Afweging aanmaken").click()
    a.locator("[data-foutmelding]").wait_for()
    meet(a, "nieuw met fouten", te_breed, zonder_regio)
    a.goto(f"{a.basis}{basis}/meerwaarde/")
    a.get_by_label("Motivering deelvraag 1").fill("")
    a.get_by_role("button", name="Opslaan", exact=True).click()
    a.locator("[data-foutmelding]").wait_for()
    meet(a, "stap met fouten", te_breed, zonder_regio)
    a.goto(f"{a.basis}{basis}/businesscase/")
    a.locator("input[name='varianten-0-besparing_pct']").fill("veel")
    a.get_by_role("button", name="Opslaan en doorrekenen").click()
    a.locator("[data-foutmelding]").wait_for()
    meet(a, "businesscase met fouten", te_breed, zonder_regio)
    # A form sent after the session was lost: the CSRF refusal.
    a.goto(a.basis + "/afwegingen/nieuw/")
    a.context.clear_cookies()
    a.locator("main").get_by_role("button", name="Afweging aanmaken").click()
    a.get_by_role("heading", name="Uw formulier is niet verzonden").wait_for()
    meet(a, "CSRF-weigering", te_breed, zonder_regio)

    s = smal()
    inloggen(s, "e2e-secretaris")
    for pad in ("/afwegingen/", f"{basis}/", f"{basis}/rapport/", f"{basis}/businesscase/",
                f"{basis}/meerwaarde/"):  # fmt: skip
        bezoek(s, pad, f"secretaris {pad}", axe=pad == f"{basis}/")
    # Logging out by the menu, which a phone folds away.
    s.get_by_role("button", name="Menu tonen of verbergen").click()
    s.get_by_role("button", name="Uitloggen").click()
    s.wait_for_url(re.compile(r".*/account/login/$"))
    meet(s, "uitgelogd", te_breed, zonder_regio)

    assert not te_breed, f"Breder dan 390 px: {te_breed}"
    assert not zonder_regio, f"Scrollt opzij zonder benoemde, focusbare regio: {zonder_regio}"


# The focused element against the save bar: is it in view, and does the bar cover it?
FOCUS_EN_BALK = """() => {
    const el = document.activeElement, balk = document.querySelector('.opslaanbalk');
    if (!el || el === document.body || !balk) return null;
    const r = el.getBoundingClientRect(), b = balk.getBoundingClientRect();
    const plakt = getComputedStyle(balk).position === 'sticky';
    return {
        naam: el.id || el.name || el.tagName, in_balk: balk.contains(el), plakt: plakt,
        in_beeld: r.bottom > 0 && r.top < innerHeight,
        bedekt: plakt && r.bottom > b.top + 0.5 && r.top < b.bottom,
        binnen_formulier: !!el.closest('form[data-autosave]'),
    };
}"""


@pytest.mark.parametrize(
    ("breedte", "hoogte", "plakt"),
    [(640, 400, False),  # 1280×800 at 200% zoom: the bar stays at the end of the form
     (390, 844, True), (1280, 720, True)],  # the bar sticks: fields scroll clear of it
)  # fmt: skip
def test_the_save_bar_never_covers_the_focused_field(
    gegevens_zonder_iv3,  # noqa: F811
    pagina_van,
    breedte,
    hoogte,
    plakt,
):
    afweging = afweging_met_alles(gegevens_zonder_iv3, "Fusie Leiderdorp en Zoeterwoude",
                                  ["GM0547", "GM0638"])  # fmt: skip
    # Smooth scrolling would be measured half-way: a user waits for it, the test need not.
    a = pagina_van({"width": breedte, "height": hoogte}, reduced_motion="reduce")
    inloggen(a, "e2e-adviseur")
    bedekt, bezocht = [], 0
    for stap in ("deelnemers", "meerwaarde", "succesfactoren", "condities", "weging"):
        a.goto(f"{a.basis}/afwegingen/{afweging.pk}/{stap}/")
        gezien = set()
        for _ in range(400):
            a.keyboard.press("Tab")
            focus = a.evaluate(FOCUS_EN_BALK)
            if focus is None or not focus["binnen_formulier"]:
                if gezien:
                    break  # past the form: the footer
                continue
            if focus["in_balk"]:
                break  # the fields are done; the bar's own buttons come last
            assert focus["plakt"] is plakt, f"{stap}: de balk plakt {'niet ' if plakt else ''}"
            gezien.add(focus["naam"])
            if focus["bedekt"] or not focus["in_beeld"]:
                bedekt.append(f"{stap}: {focus['naam']}")
        assert len(gezien) >= 5, f"{stap}: maar {len(gezien)} velden bereikt"
        bezocht += len(gezien)
    assert not bedekt, f"Onder de opslaanbalk of buiten beeld na Tab: {bedekt}"
    assert bezocht > 60
    # Nothing was changed by tabbing alone.
    assert SuccesfactorAntwoord.objects.filter(afweging=afweging, status="voldaan").count() == 1
