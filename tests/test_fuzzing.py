"""Fuzzing every form, GET parameter and the Iv3 import with Hypothesis.

No input may cause a server error. Bad input gets the form back (200, or the 400 of the
result page) with a Dutch message and with what was typed still in it, or a clean 4xx;
user text never comes back as live HTML. The Iv3 import either loads or refuses with
its own `Iv3Fout` in Dutch, and then changes nothing. Every text field refuses a NUL in
Dutch (PostgreSQL cannot store one), every form survives a body in an odd charset, and
every view reads every state the autosave can leave behind (issue 12).

Every example runs in a savepoint that is rolled back, so the examples do not see each
other's writes. `derandomize` makes a run reproducible in CI; the `@example`s pin the
inputs that once caused a server error. Run it on PostgreSQL too (DATABASE_URL, as
.ci/run does): some limits, such as the length of a varchar or the range of a numeric
column, only bite there.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import html
import re
import urllib.parse
from datetime import date

import pytest
from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from afweging.models import MOTIEVEN, Afweging, Antwoord, Deelnemer, SuccesfactorAntwoord
from afweging.voorbeeld import maak_voorbeeldafweging
from benchmark.iv3 import Iv3Fout, laad_iv3, naam_naar_code
from benchmark.models import Iv3Bestand, Iv3Regel, Iv3Totaal, Taakveld
from casussen.models import Gemeente
from review import services as review
from tests.factories import GemeenteFactory, SecretarisFactory

pytestmark = pytest.mark.django_db


def fuzz(aantal: int):
    return settings(
        max_examples=aantal,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# --- strategies -------------------------------------------------------------------------

# Markers in the HTML payloads: none of these may come back unescaped.
INJECTIES = [
    "<script>fz()</script>",
    '"><script>fz()</script>',
    "</textarea><script>fz()</script>",
    "'><img src=x onerror=fz()>",
    "<svg onload=fz()>",
]
GEVAARLIJK = re.compile(r"<script>fz\(\)|<img src=x onerror=fz\(\)>|<svg onload=fz\(\)>")

LASTIG = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\t\r\n",
    "\x0b\x0c\x1b\x7f",
    "\u200b\ufeff\u202e",
    "é ë − € ß İ ǅ 𝔘 😀",
    "１２３",
    "١٢٣",
    "1_000",
    "-0",
    "0",
    "-1",
    "1e999",
    "-1e-999",
    "NaN",
    "-Infinity",
    "0x1F",
    "1,5",
    "2,55",
    "1.000.000,00",
    " 12 ",
    "9" * 20,
    "9" * 5000,
    str(2**63),
    str(-(2**63) - 1),
    "9999999999999.95",
    "2025-02-30",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "31-12-2027",
    "{{ 7|add:7 }}{% debug %}",
    "%s%n%x",
    "' OR 1=1 --",
    "../../etc/passwd",
    *INJECTIES,
]

getal_als_tekst = st.one_of(
    st.integers().map(str),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(lambda f: f"{f:.2f}".replace(".", ",")),
)
lang = st.builds(
    lambda stuk, keer: stuk * keer, st.text(min_size=1, max_size=3), st.integers(200, 12_000)
)
tekst = st.one_of(
    st.sampled_from(LASTIG),
    st.text(max_size=40),
    st.text(st.characters(codec="utf-8"), max_size=40),
    getal_als_tekst,
    lang,
    st.builds(
        lambda voor, inj, na: voor + inj + na,
        st.text(max_size=5),
        st.sampled_from(INJECTIES),
        st.text(max_size=5),
    ),
)
datum = st.one_of(
    st.just(""),
    st.dates().map(date.isoformat),
    st.dates().map(lambda d: d.strftime("%d-%m-%Y")),
    st.dates(min_value=date(9990, 1, 1)).map(date.isoformat),
    tekst,
)
bedrag = st.one_of(
    st.just(""),
    st.integers(min_value=0, max_value=10**15).map(str),
    st.decimals(min_value=0, max_value=10**14, places=1).map(lambda d: str(d).replace(".", ",")),
    tekst,
)
percentage = st.one_of(
    st.decimals(min_value=-1, max_value=101, places=1).map(lambda d: str(d).replace(".", ",")),
    st.sampled_from(["0", "100", "100,0", "100,05", "33,3", "2.5"]),
    tekst,
)
jaren = st.one_of(st.integers(-5, 40_000).map(str), st.just(str(2**63)), tekst)
KANDIDATEN = ["GM0547", "GM0579", "GM0638", "GM0489", "GM0363"]
gemeentekeuze = st.one_of(st.sampled_from(KANDIDATEN), tekst)


def keuze(waarden):
    return st.one_of(st.sampled_from(list(waarden)), tekst)


def geldige_tekst(lengte: int) -> st.SearchStrategy[str]:
    """Text a form accepts (no NUL, not blank, not too long), with the odd control
    character that pasting from Word brings, and HTML that must stay text."""
    zichtbaar = st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Zs", "Zl", "Zp"])
    rest = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=lengte - 1)
    return st.one_of(
        st.builds(lambda eerste, verder: eerste + verder, zichtbaar, rest),
        st.sampled_from(INJECTIES),
        st.just("Regel een\x0bregel twee (een verticale tab uit Word)"),
    )


def geldig_of_niet(geldig, fuzz: dict) -> st.SearchStrategy[dict]:
    """Valid values; in about half the examples some of them replaced by anything, so that
    both the save and the refusal are exercised."""
    return st.builds(
        lambda velden, anders: velden | anders,
        geldig,
        st.one_of(st.just({}), st.fixed_dictionaries({}, optional=fuzz)),
    )


def als_pk(waarde: str) -> str:
    """A sampled gemeentecode becomes that gemeente's pk; anything else stays as typed."""
    if waarde in KANDIDATEN:
        return str(Gemeente.objects.get(code=waarde).pk)
    return waarde


# --- checks -----------------------------------------------------------------------------

ENGELS = re.compile(
    r"\b(this field|enter a|select a|ensure|valid|required|must be|characters|invalid)\b",
    re.IGNORECASE,
)


@contextlib.contextmanager
def teruggedraaid():
    """Run one example in a savepoint that is always rolled back. The page cache is emptied
    first: a rolled-back example may leave pages cached under a stand the next one reuses."""
    cache.clear()
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def vraag(client, methode: str, url: str, data=None, **extra):
    """One request. A view that raises fails the test just like a 500 would."""
    try:
        response = getattr(client, methode)(url, data if data is not None else {}, **extra)
    except Exception as fout:
        raise AssertionError(
            f"{methode.upper()} {url} gaf {type(fout).__name__}: {fout}; invoer {data!r:.600}"
        ) from fout
    assert response.status_code < 500, f"{methode.upper()} {url}: {response.status_code}"
    with contextlib.suppress(InvalidArgument):  # also used by plain (parametrized) tests
        event(f"{methode.upper()} {response.status_code}")
    return response


def inhoud(response) -> str:
    return response.content.decode()


def geen_injectie(response):
    if response["Content-Type"].startswith("text/html"):
        gevonden = GEVAARLIJK.search(inhoud(response))
        assert gevonden is None, f"ongeëscapete HTML in de pagina: {gevonden.group()}"


def getoond(waarde: str) -> bool:
    """Whether typed text is expected back verbatim: printable and not blank."""
    return waarde.isprintable() and waarde.strip() != ""


def staat_erin(response, waarde: str) -> bool:
    return html.escape(waarde) in inhoud(response)


def uit_context(response, naam: str):
    """A form the view showed: in the context of a plain page, or on the page object of an
    afweging's page (its own forms, or those of review's part of the page)."""
    pagina = response.context.get("pagina")
    if pagina is None:
        return response.context.get(naam)
    if naam in getattr(pagina, "forms", {}):
        return pagina.forms[naam]
    return getattr(pagina.delen["review"], naam, None)


def foutmeldingen(*formulieren) -> list[tuple[str, bool]]:
    """Every error of these forms and formsets, with whether it belongs on the page: not
    for a hidden field (a formset's `id`), which no template shows by itself."""
    meldingen = []

    def van_form(form):
        for veld, fouten in form.errors.items():
            verborgen = veld != NON_FIELD_ERRORS and form[veld].is_hidden
            meldingen.extend((str(m), not verborgen) for m in fouten)

    for formulier in formulieren:
        if formulier is None:
            continue
        if hasattr(formulier, "forms"):  # a formset
            meldingen.extend((str(m), True) for m in formulier.non_form_errors())
            for form in formulier.forms:
                van_form(form)
        else:
            van_form(formulier)
    return meldingen


def nederlandse_fouten(response, *formulieren, zichtbaar=True):
    """The forms have errors, all in Dutch; with `zichtbaar`, each one that belongs on the
    page is on it, and at least one is."""
    meldingen = foutmeldingen(*formulieren)
    assert meldingen, "formulier afgewezen zonder foutmelding"
    for melding, _ in meldingen:
        assert not ENGELS.search(melding), f"Engelse foutmelding: {melding}"
    if zichtbaar:
        for melding, hoort_erbij in meldingen:
            if hoort_erbij:
                assert staat_erin(response, melding), f"foutmelding niet getoond: {melding}"
        assert any(staat_erin(response, m) for m, _ in meldingen), "geen foutmelding getoond"


# --- fixtures ---------------------------------------------------------------------------


@pytest.fixture
def afweging(adviseur):
    afweging, _ = maak_voorbeeldafweging(door=adviseur)
    return afweging


@pytest.fixture
def reviewer(afweging, adviseur):
    """A gemeentesecretaris of Leiderdorp, with whom the example afweging is shared."""
    secretaris = SecretarisFactory(gemeenten=[GemeenteFactory(code="GM0547")])
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    return secretaris


@pytest.fixture
def reviewer_client(reviewer):
    client = Client()
    client.force_login(reviewer)
    return client


def url(naam: str, afweging: Afweging, **kwargs) -> str:
    return reverse(f"afweging:{naam}", kwargs={"pk": afweging.pk, **kwargs})


def toont_afweging(client, afweging: Afweging, *paginas: str):
    """After a save, the pages and exports that show what was saved still work."""
    for pagina in paginas:
        if pagina.startswith("export."):
            adres = url("export", afweging, formaat=pagina.removeprefix("export."))
        elif pagina in ("uitkomst", "rapport", "businesscase"):
            adres = url(pagina, afweging)
        else:
            adres = url("stap", afweging, stap=pagina)
        response = vraag(client, "get", adres)
        assert response.status_code == 200, f"GET {adres}: {response.status_code}"
        geen_injectie(response)


# --- the proposal: new afweging and the basis step ----------------------------------------

DATUMPAREN = [
    ("9998-06-01", "9999-12-31"),
    ("9999-12-30", "9999-12-31"),
    ("0001-01-01", "0002-01-01"),
    ("2028-02-29", "2029-03-01"),
    ("2027-01-01", "2027-01-02"),
]
ingevuld_bedrag = st.one_of(
    st.integers(0, 10**14 - 1).map(str), st.sampled_from(["0", "99999999999999"])
)
geldig_bedrag = st.one_of(st.just(""), ingevuld_bedrag)


def met_centrum(velden: dict) -> dict:
    """A centrumconstructie names one of its members as centrumgemeente; others none."""
    centrum = velden["gemeenten"][0] if velden["variant"] == "centrumconstructie" else ""
    return velden | {"centrumgemeente": centrum}


geldige_basis = st.builds(
    lambda velden, datums: (
        met_centrum(velden)
        | {"geplande_startdatum": datums[0], "geplande_evaluatiedatum": datums[1]}
    ),
    st.fixed_dictionaries(
        {
            "titel": geldige_tekst(200),
            "gemeenten": st.lists(st.sampled_from(KANDIDATEN), min_size=2, max_size=4, unique=True),
            "variant": st.sampled_from(Afweging.Variant.values),
            "taakstelling": geldig_bedrag,
            "frictiekostenbudget": geldig_bedrag,
            "reorganisatie_gecombineerd": st.sampled_from(Afweging.JaNeeOnbekend.values),
        }
    ),
    st.one_of(
        st.sampled_from(DATUMPAREN),
        st.tuples(st.dates().map(date.isoformat), st.dates().map(date.isoformat)),
        st.just(("", "")),
    ),
)
basisvelden = geldig_of_niet(
    geldige_basis,
    {
        "titel": tekst,
        "gemeenten": st.lists(gemeentekeuze, max_size=4),
        "variant": keuze(Afweging.Variant.values),
        "centrumgemeente": st.one_of(st.just(""), gemeentekeuze),
        "geplande_startdatum": datum,
        "geplande_evaluatiedatum": datum,
        "taakstelling": bedrag,
        "frictiekostenbudget": bedrag,
        "reorganisatie_gecombineerd": keuze(Afweging.JaNeeOnbekend.values),
    },
)


def basisdata(velden: dict) -> dict:
    return velden | {
        "gemeenten": [als_pk(g) for g in velden["gemeenten"]],
        "centrumgemeente": als_pk(velden["centrumgemeente"]),
    }


# A valid proposal, for the examples that pin the bugs this file found.
VOORSTEL = {
    "titel": "Fusie Leiderdorp en Zoeterwoude",
    "gemeenten": ["GM0547", "GM0638"],
    "variant": "openbaar_lichaam",
    "centrumgemeente": "",
    "geplande_startdatum": "2027-01-01",
    "geplande_evaluatiedatum": "2030-01-01",
    "taakstelling": "",
    "frictiekostenbudget": "",
    "reorganisatie_gecombineerd": "nee",
}
BASIS_TEKSTVELDEN = [
    "titel",
    "geplande_startdatum",
    "geplande_evaluatiedatum",
    "taakstelling",
    "frictiekostenbudget",
]


def teruggezet(response, velden: dict, namen=None):
    """Every printable text the user typed in these fields is in the re-shown page."""
    for naam in namen or velden:
        waarde = velden[naam]
        if isinstance(waarde, str) and getoond(waarde):
            assert staat_erin(response, waarde), f"{naam} niet teruggezet: {waarde!r:.80}"


@fuzz(20)
@example(VOORSTEL | {"geplande_startdatum": "9998-06-01", "geplande_evaluatiedatum": "9999-12-31"})
@example(VOORSTEL | {"gemeenten": ["GM0547", str(2**63)]})
@example(VOORSTEL | {"titel": "Regel een\x0bregel twee"})
@given(velden=basisvelden)
def test_a_new_afweging_never_fails(adviseur_client, velden):
    with teruggedraaid():
        aantal = Afweging.objects.count()
        response = vraag(adviseur_client, "post", reverse("afweging:nieuw"), basisdata(velden))
        geen_injectie(response)
        if response.status_code == 302:
            nieuw = Afweging.objects.latest("pk")
            toont_afweging(adviseur_client, nieuw, "uitkomst", "rapport", "export.xlsx")
            return
        assert response.status_code == 200
        assert "Het formulier is nog niet goed ingevuld" in inhoud(response)
        nederlandse_fouten(response, uit_context(response, "form"))
        teruggezet(response, velden, BASIS_TEKSTVELDEN)
        assert Afweging.objects.count() == aantal


@fuzz(20)
@given(
    velden=basisvelden,
    autosave=st.booleans(),
    versie=st.tuples(st.integers(0, 3), tekst),
)
def test_the_basis_step_never_fails(adviseur_client, afweging, velden, autosave, versie):
    """As a new afweging, plus the optimistic lock: once in four, a version from anywhere."""
    with teruggedraaid():
        data = basisdata(velden) | {"versie": versie[1] if versie[0] == 0 else afweging.versie}
        if autosave:
            data["_autosave"] = "1"
        response = vraag(adviseur_client, "post", url("stap", afweging, stap="basis"), data)
        geen_injectie(response)
        if autosave:
            assert response.status_code in (200, 400, 409)
            assert response.json()["opgeslagen"] is (response.status_code == 200)
        elif response.status_code == 302:
            toont_afweging(adviseur_client, afweging, "uitkomst", "rapport", "export.xlsx")
        elif response.status_code == 409:
            assert "Uw wijzigingen zijn niet opgeslagen" in inhoud(response)
            teruggezet(response, velden, BASIS_TEKSTVELDEN)
        else:
            assert response.status_code == 200
            if 'id="vraag"' not in inhoud(response):  # else: it asks before removing members
                assert "Niet opgeslagen" in inhoud(response)
                nederlandse_fouten(response, uit_context(response, "form"))
            teruggezet(response, velden, BASIS_TEKSTVELDEN)
        if response.status_code not in (200, 302) or (response.status_code == 200 and not autosave):
            afweging.refresh_from_db()
            assert afweging.titel.startswith("Voorbeeld:"), "afgewezen invoer toch opgeslagen"


# --- the steps with formsets ---------------------------------------------------------------


def beheer(prefix: str, aantal: int) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": aantal,
        f"{prefix}-INITIAL_FORMS": aantal,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }


def formsetdata(prefix: str, rijen, velden_per_rij: list[dict]) -> dict:
    """POST data for the rows of a formset, with the values of `velden_per_rij` in turn."""
    data = beheer(prefix, len(rijen))
    for i, rij in enumerate(rijen):
        velden = velden_per_rij[i % len(velden_per_rij)]
        data[f"{prefix}-{i}-id"] = rij.pk
        data |= {f"{prefix}-{i}-{veld}": waarde for veld, waarde in velden.items()}
    return data


def stap_geweigerd(response, velden_per_rij: list[dict], tekstvelden: list[str]):
    """A refused step: a Dutch banner, Dutch messages, and all typed text still there."""
    assert response.status_code in (200, 409)
    if response.status_code == 200:
        assert "Niet opgeslagen" in inhoud(response)
        namen = ("deelnemers", "antwoorden", "succesfactoren")
        nederlandse_fouten(response, *[uit_context(response, naam) for naam in namen])
    for velden in velden_per_rij:
        teruggezet(response, velden, [n for n in tekstvelden if n in velden])


deelnemervelden = geldig_of_niet(
    st.fixed_dictionaries(
        {
            "perspectief": st.sampled_from(Deelnemer.Perspectief.values),
            "motieven": st.lists(st.sampled_from([c for c, _ in MOTIEVEN]), unique=True),
            "motieven_toelichting": st.one_of(st.just(""), geldige_tekst(3000)),
        }
    ),
    {
        "perspectief": keuze(Deelnemer.Perspectief.values),
        "motieven": st.lists(st.one_of(st.sampled_from(["kosten", "identiteit"]), tekst)),
        "motieven_toelichting": tekst,
    },
)


@fuzz(15)
@given(
    rijen=st.lists(deelnemervelden, min_size=3, max_size=3),
    autosave=st.booleans(),
    actie=keuze(["vorige", "opslaan", "volgende"]),
)
def test_the_deelnemers_step_never_fails(adviseur_client, afweging, rijen, autosave, actie):
    with teruggedraaid():
        deelnemers = list(afweging.deelnemers.order_by("gemeente__naam"))
        data = {"versie": afweging.versie, "actie": actie}
        data |= formsetdata("deelnemers", deelnemers, rijen)
        if autosave:
            data["_autosave"] = "1"
        response = vraag(adviseur_client, "post", url("stap", afweging, stap="deelnemers"), data)
        geen_injectie(response)
        if autosave:
            assert response.status_code in (200, 400)
        elif response.status_code == 302:
            assert response["Location"].startswith("/afwegingen/")
            toont_afweging(adviseur_client, afweging, "deelnemers", "uitkomst", "rapport")
        else:
            stap_geweigerd(response, rijen, ["motieven_toelichting"])


antwoordvelden = geldig_of_niet(
    st.fixed_dictionaries(
        {
            "score": st.sampled_from(Antwoord.Score.values),
            "motivering": geldige_tekst(3000),
            "bronnen": st.one_of(st.just(""), geldige_tekst(500)),
        }
    ),
    {"score": keuze(Antwoord.Score.values), "motivering": tekst, "bronnen": tekst},
)
succesfactorvelden = geldig_of_niet(
    st.fixed_dictionaries(
        {
            "status": st.sampled_from(SuccesfactorAntwoord.Status.values),
            "notitie": st.one_of(st.just(""), geldige_tekst(500)),
        }
    ),
    {"status": keuze(SuccesfactorAntwoord.Status.values), "notitie": tekst},
)


@fuzz(15)
@example(
    stap="meerwaarde",
    antwoorden=[{"score": "1", "motivering": "Uit Word:\x0bnieuwe regel", "bronnen": ""}],
    factoren=[{"status": "voldaan", "notitie": ""}],
    autosave=False,
)
@given(
    stap=st.sampled_from(["meerwaarde", "succesfactoren", "condities", "weging"]),
    antwoorden=st.lists(antwoordvelden, min_size=3, max_size=3),
    factoren=st.lists(succesfactorvelden, min_size=2, max_size=2),
    autosave=st.booleans(),
)
def test_the_deelvraag_steps_never_fail(
    adviseur_client, afweging, stap, antwoorden, factoren, autosave
):
    with teruggedraaid():
        data = {"versie": afweging.versie, "actie": "opslaan"}
        if stap == "succesfactoren":
            data |= formsetdata("succesfactoren", afweging.succesfactorantwoorden.all(), factoren)
        else:
            rijen = list(
                afweging.antwoorden.filter(deelvraag__onderdeel__code=stap).order_by(
                    "deelvraag__nummer"
                )
            )
            data |= formsetdata("antwoorden", rijen, antwoorden)
        if autosave:
            data["_autosave"] = "1"
        response = vraag(adviseur_client, "post", url("stap", afweging, stap=stap), data)
        geen_injectie(response)
        if autosave:
            assert response.status_code in (200, 400)
        elif response.status_code == 302:
            toont_afweging(adviseur_client, afweging, "uitkomst", "rapport", "export.xlsx")
        else:
            rijen_ = factoren if stap == "succesfactoren" else antwoorden
            stap_geweigerd(response, rijen_, ["motivering", "bronnen", "notitie"])


@fuzz(15)
@example(stap="businesscase", beheervelden={}, ids=[], overig={})
@given(
    stap=st.sampled_from(
        ["deelnemers", "meerwaarde", "succesfactoren", "condities", "weging", "businesscase"]
    ),
    beheervelden=st.dictionaries(
        st.sampled_from(["TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"]),
        st.one_of(st.integers(-3, 2100).map(str), tekst),
    ),
    ids=st.lists(st.one_of(st.none(), st.integers(-1, 10**20).map(str), tekst), max_size=4),
    overig=st.dictionaries(tekst, tekst, max_size=3),
)
def test_tampered_formsets_get_a_dutch_error(
    adviseur_client, afweging, stap, beheervelden, ids, overig
):
    """Management forms and ids as no browser sends them: refused in Dutch, never a 500."""
    with teruggedraaid():
        prefix = {
            "deelnemers": "deelnemers", "businesscase": "varianten",
            "succesfactoren": "succesfactoren",
        }.get(stap, "antwoorden")  # fmt: skip
        data = {"versie": afweging.versie, **beheer(prefix, 2), "actie": "opslaan"}
        data |= {f"{prefix}-{sleutel}": w for sleutel, w in beheervelden.items()}
        for i, pk in enumerate(ids):
            if pk is not None:
                data[f"{prefix}-{i}-id"] = pk
        data |= {k: v for k, v in overig.items() if k not in data}
        if stap == "businesscase":
            adres = url("businesscase", afweging)
        else:
            adres = url("stap", afweging, stap=stap)
        response = vraag(adviseur_client, "post", adres, data)
        geen_injectie(response)
        # 400: a field name too long for Django's multipart parser.
        assert response.status_code in (200, 302, 400, 409)
        if response.status_code == 200:
            assert "Niet opgeslagen" in inhoud(response)
            if stap == "businesscase":
                namen = ["form", "varianten_formset"]
            else:
                namen = ["deelnemers", "antwoorden", "succesfactoren"]
            nederlandse_fouten(response, *[uit_context(response, naam) for naam in namen])


# --- the business case --------------------------------------------------------------------


def procent(komma: bool = True) -> st.SearchStrategy[str]:
    """A valid percentage with one decimal, as typed in a text field in Dutch (comma) or
    as a browser sends a number field (point)."""
    getal = st.decimals(min_value=0, max_value=100, places=1).map(str)
    return getal.map(lambda d: d.replace(".", ",")) if komma else getal


variantvelden = geldig_of_niet(
    st.fixed_dictionaries(
        {
            "besparing_pct": procent(),
            "ingroei_jaren": st.integers(0, 32767).map(str),
            "frictiekosten": ingevuld_bedrag,
            "frictie_jaren": st.integers(1, 32767).map(str),
            "extra_kosten": ingevuld_bedrag,
            "btw_aandeel_pct": procent(),
        }
    ),
    {
        "besparing_pct": percentage,
        "ingroei_jaren": jaren,
        "frictiekosten": bedrag,
        "frictie_jaren": jaren,
        "extra_kosten": bedrag,
        "btw_aandeel_pct": percentage,
    },
)
businesscasevelden = geldig_of_niet(
    st.fixed_dictionaries(
        {
            "basis_overhead": geldig_bedrag,
            "verdeelsleutel": st.sampled_from(["inwoners", "begroting", "vast", "mix"]),
            "mix_inwoners_pct": procent(komma=False),
            "vast": st.sampled_from([("33,3", "33,3", "33,4"), ("100", "0", "0"), ("", "", "")]),
        }
    ),
    {
        "basis_overhead": bedrag,
        "verdeelsleutel": keuze(["inwoners", "begroting", "vast", "mix"]),
        "mix_inwoners_pct": percentage,
        "vast": st.tuples(percentage, percentage, percentage),
    },
)

GEWONE_VARIANT = {
    "besparing_pct": "0", "ingroei_jaren": "3", "frictiekosten": "0", "frictie_jaren": "3",
    "extra_kosten": "0", "btw_aandeel_pct": "0",
}  # fmt: skip


@fuzz(20)
@example(
    velden={
        "basis_overhead": "",
        "verdeelsleutel": "inwoners",
        "mix_inwoners_pct": "50",
        "vast": ("", "", ""),
    },
    varianten=[GEWONE_VARIANT | {"frictiekosten": "sNaN"}, GEWONE_VARIANT],
)
@given(velden=businesscasevelden, varianten=st.lists(variantvelden, min_size=2, max_size=2))
def test_the_businesscase_never_fails(adviseur_client, afweging, velden, varianten):
    with teruggedraaid():
        codes = sorted(d.gemeente.code for d in afweging.deelnemers.all())
        data = {"versie": afweging.versie, **velden}
        data |= {f"vast_{code}": w for code, w in zip(codes, data.pop("vast"), strict=True)}
        data |= formsetdata(
            "varianten", afweging.businesscase.varianten.order_by("-soort"), varianten
        )
        response = vraag(adviseur_client, "post", url("businesscase", afweging), data)
        geen_injectie(response)
        if response.status_code == 302:
            toont_afweging(adviseur_client, afweging, "businesscase", "meerwaarde", "uitkomst")
            return
        assert response.status_code == 200
        assert "Niet opgeslagen" in inhoud(response)
        formulieren = [uit_context(response, "form"), uit_context(response, "varianten_formset")]
        nederlandse_fouten(response, *formulieren)
        teruggezet(response, {k: v for k, v in data.items() if k != "verdeelsleutel"})


# --- review: comments, reactions, sharing, vaststellen ------------------------------------

opmerkingvelden = geldig_of_niet(
    st.fixed_dictionaries(
        {
            "deelvraag": st.integers(1, 8).map(str),
            "antwoord_op": st.just("<opmerking>"),
            "tekst": geldige_tekst(5000),
        }
    ),
    {
        "deelvraag": st.one_of(st.integers(-1, 10**20).map(str), tekst),
        "antwoord_op": st.one_of(st.just(""), st.integers(-1, 10**20).map(str), tekst),
        "tekst": tekst,
    },
)


@fuzz(15)
@given(velden=opmerkingvelden, als_eigenaar=st.booleans())
def test_comments_never_fail(
    adviseur_client, reviewer_client, reviewer, afweging, velden, als_eigenaar
):
    """A reviewer comments on a deelvraag; the adviseur answers a reviewer's comment."""
    with teruggedraaid():
        client = adviseur_client if als_eigenaar else reviewer_client
        data = dict(velden)
        if data["antwoord_op"] == "<opmerking>":
            opmerking = review.opmerking_plaatsen(
                onderwerp=afweging,
                plek=afweging.antwoorden.get(deelvraag__nummer=3).deelvraag,
                auteur=reviewer,
                tekst="Hoe zit het met de regio?",
            )
            data["antwoord_op"] = str(opmerking.pk) if als_eigenaar else ""
        response = vraag(client, "post", url("opmerking", afweging), data)
        geen_injectie(response)
        assert response.status_code in (302, 400, 403)
        if response.status_code == 400:
            nederlandse_fouten(response, uit_context(response, "opmerking_form"), zichtbaar=False)
            if data["deelvraag"] in {str(n) for n in range(1, 9)}:
                teruggezet(response, data, ["tekst"])
        if response.status_code == 302:
            toont_afweging(client, afweging, "uitkomst")


# Field names: the page's own, boxes that are not there, and short nonsense (a name of
# thousands of characters no browser sends, and the test client's multipart refuses it).
opmerkingvak = st.one_of(
    st.integers(1, 8).map(lambda n: f"opmerking-{n}"),
    st.sampled_from(["antwoord-<opmerking>", "opmerking-0", "opmerking-99", "antwoord-1"]),
    st.text(max_size=40),
)


@fuzz(15)
@given(
    vakken=st.dictionaries(opmerkingvak, st.one_of(geldige_tekst(5000), tekst), max_size=4),
    gekozen=opmerkingvak,
    als_eigenaar=st.booleans(),
)
def test_the_boxes_beside_the_deelvragen_never_fail(
    adviseur_client, reviewer_client, reviewer, afweging, vakken, gekozen, als_eigenaar
):
    """The uitkomst page's one form of opmerking boxes (issue 11): any button, any text in
    any box. A refused post shows the text of every box on the page again."""
    from review.forms import VAK

    with teruggedraaid():
        opmerking = review.opmerking_plaatsen(
            onderwerp=afweging,
            plek=afweging.antwoorden.get(deelvraag__nummer=3).deelvraag,
            auteur=reviewer,
            tekst="Hoe zit het met de regio?",
        )

        def echt(naam):
            return naam.replace("<opmerking>", str(opmerking.pk))

        data = {echt(naam): waarde for naam, waarde in vakken.items()} | {"vak": echt(gekozen)}
        client = adviseur_client if als_eigenaar else reviewer_client
        response = vraag(client, "post", url("opmerking", afweging), data)
        geen_injectie(response)
        assert response.status_code in (302, 400, 403)
        if response.status_code == 400:
            nederlandse_fouten(response, uit_context(response, "opmerking_form"), zichtbaar=False)
            op_de_pagina = (
                {f"antwoord-{opmerking.pk}"} if als_eigenaar
                else {f"opmerking-{n}" for n in range(1, 9)}
            )  # fmt: skip
            for naam, waarde in data.items():
                if VAK.fullmatch(naam) and (naam in op_de_pagina or naam == data["vak"]):
                    teruggezet(response, {naam: waarde})
        if response.status_code == 302:
            toont_afweging(client, afweging, "uitkomst")


reactievelden = geldig_of_niet(
    st.fixed_dictionaries(
        {
            "gemeente": st.just("GM0547"),
            "standpunt": st.sampled_from(["instemmend", "kanttekeningen", "niet_instemmend"]),
            "tekst": geldige_tekst(10_000),
        }
    ),
    {
        "gemeente": st.one_of(st.just("GM0638"), tekst),
        "standpunt": keuze(["instemmend", "kanttekeningen", "niet_instemmend"]),
        "tekst": tekst,
    },
)


@fuzz(10)
@given(velden=reactievelden)
def test_reactions_never_fail(reviewer_client, afweging, velden):
    with teruggedraaid():
        data = velden | {"gemeente": als_pk(velden["gemeente"])}
        response = vraag(reviewer_client, "post", url("reactie", afweging), data)
        geen_injectie(response)
        assert response.status_code in (302, 400)
        if response.status_code == 400:
            nederlandse_fouten(response, uit_context(response, "reactie_form"))
            teruggezet(response, data, ["tekst"])
        else:
            toont_afweging(reviewer_client, afweging, "uitkomst", "rapport")


@fuzz(10)
@example(antwoord="Dank u wel.\x00", reactie_pk=None)  # issue 12: a 500 on PostgreSQL
@example(antwoord="   ", reactie_pk=None)
@given(
    antwoord=st.one_of(geldige_tekst(20_000), tekst),
    reactie_pk=st.one_of(st.none(), st.integers(0, 2**31)),
)
def test_answering_a_reaction_never_fails(
    adviseur_client, reviewer, afweging, antwoord, reactie_pk
):
    with teruggedraaid():
        reactie = review.reactie_geven(
            onderwerp=afweging,
            gemeente=Gemeente.objects.get(code="GM0547"),
            auteur=reviewer,
            standpunt="instemmend",
            tekst="Akkoord.",
        )
        adres = url("reactie-antwoord", afweging, reactie_pk=reactie_pk or reactie.pk)
        response = vraag(adviseur_client, "post", adres, {"antwoord": antwoord})
        geen_injectie(response)
        assert response.status_code in (302, 400, 404)
        if response.status_code == 400:  # empty, or a NUL: said beside the box, text kept
            formulieren = uit_context(response, "antwoordformulieren")
            fouten = formulieren[reactie.pk].errors["antwoord"]
            assert all(staat_erin(response, fout) for fout in fouten)
            if getoond(antwoord):
                assert staat_erin(response, antwoord), "antwoord niet teruggezet"
        if response.status_code == 302:
            toont_afweging(adviseur_client, afweging, "uitkomst", "rapport")


@fuzz(15)
@example(gebruikers=["<secretaris>", str(2**63)], termijn="")
@example(gebruikers=["<secretaris>"], termijn="2026-02-30")
@given(
    gebruikers=st.lists(st.one_of(st.just("<secretaris>"), tekst), max_size=3),
    termijn=st.one_of(tekst, st.dates().map(lambda d: d.isoformat())),
)
def test_sharing_never_fails(adviseur_client, afweging, gebruikers, termijn):
    secretaris = SecretarisFactory(gemeenten=[GemeenteFactory(code="GM0638")])
    with teruggedraaid():
        keuzes = [str(secretaris.pk) if g == "<secretaris>" else g for g in gebruikers]
        response = vraag(
            adviseur_client, "post", url("delen", afweging),
            {"gebruikers": keuzes, "reactietermijn": termijn},
        )  # fmt: skip
        geen_injectie(response)
        assert response.status_code in (302, 400)
        if response.status_code == 400:
            nederlandse_fouten(response, uit_context(response, "delen_form"))


@fuzz(10)
@given(versie=st.one_of(tekst, st.integers().map(str)))
def test_vaststellen_with_a_bad_version_never_fails(adviseur_client, afweging, versie):
    assume(versie.strip() != str(afweging.versie))  # A valid version renders the PDF: slow.
    with teruggedraaid():
        response = vraag(
            adviseur_client, "post", url("vaststellen", afweging),
            {"versie": versie, "bevestigd": "on"},
        )  # fmt: skip
        assert response.status_code in (302, 400)
        afweging.refresh_from_db()
        assert afweging.status != Afweging.Status.VASTGESTELD


# --- GET parameters, URLs and the login ---------------------------------------------------

PARAMETERS = {
    "casussen:register": {
        "status": ["actief", "opgeheven"],
        "provincie": ["PV28", "PV26"],
        "bestuurskundige_vorm": ["bedrijfsvoeringsorganisatie"],
        "juridische_vorm": ["openbaar_lichaam"],
        "sorteer": ["naam", "-inwoners", "-start", "status"],
    },
    "casussen:gemeenten": {"q": ["Leiden", "GM0547", "a"]},
    "casussen:kaart": {"kleur": ["status"]},
    "casussen:casussen": {},
    "benchmark:benchmark": {
        "bestand": ["2023-jaarrekening", "2025-begroting", "2023-"],
        "fusieorganisatie": ["hlt-samenwerking", "bar-organisatie"],
        "gemeenten": ["GM0547", "GM0363", "NL01"],
    },
    "afweging:lijst": {"status": ["concept", "ter_review", "vastgesteld"]},
}


@st.composite
def queryparameters(draw):
    pagina = draw(st.sampled_from(sorted(PARAMETERS)))
    bekend = PARAMETERS[pagina]
    namen = draw(st.lists(st.one_of(st.sampled_from(sorted(bekend) or ["x"]), tekst), max_size=4))
    parameters = {
        naam: draw(
            st.lists(
                st.one_of(st.sampled_from(bekend.get(naam) or [""]), tekst), min_size=1, max_size=3
            )
        )
        for naam in namen
    }
    return pagina, parameters


@fuzz(25)
@given(verzoek=queryparameters())
def test_list_pages_accept_any_query_parameters(adviseur_client, verzoek):
    pagina, parameters = verzoek
    response = vraag(adviseur_client, "get", reverse(pagina), parameters)
    assert response.status_code == 200
    geen_injectie(response)


@fuzz(10)
@given(ruw=st.binary(max_size=60))
def test_raw_query_strings_never_fail(adviseur_client, ruw):
    """Bytes as a browser would never encode them, including invalid UTF-8."""
    query = urllib.parse.quote_from_bytes(ruw, safe="=&;%+")
    for pagina in ("casussen:register", "benchmark:benchmark", "casussen:gemeenten"):
        response = vraag(adviseur_client, "get", f"{reverse(pagina)}?{query}")
        assert response.status_code == 200


@fuzz(20)
@given(
    pk=st.integers(min_value=-1, max_value=10**30),
    slug=tekst,
    formaat=st.one_of(st.sampled_from(["csv", "xlsx", "json", "pdf"]), tekst),
)
def test_urls_with_unknown_ids_give_404(adviseur_client, pk, slug, formaat):
    paden = [
        f"/afwegingen/{pk}/",
        f"/afwegingen/{pk}/businesscase/",
        f"/afwegingen/{pk}/{urllib.parse.quote(slug, safe='')}/",
        f"/afwegingen/{pk}/export.{urllib.parse.quote(formaat, safe='')}",
        f"/fusieorganisaties/{urllib.parse.quote(slug, safe='')}/",
        f"/gemeenten/{urllib.parse.quote(slug, safe='')}/",
    ]
    for pad in paden:
        response = vraag(adviseur_client, "get", pad)
        assert response.status_code in (200, 301, 302, 404), pad


@fuzz(25)
@example(adres="login", gebruikersnaam="x" * 300, wachtwoord="fout", volgende="")
@example(adres="admin:login", gebruikersnaam="x" * 300, wachtwoord="fout", volgende="")
@given(
    adres=st.sampled_from(["login", "admin:login"]),
    gebruikersnaam=st.one_of(st.just("<adviseur>"), tekst),
    wachtwoord=st.one_of(st.just("<wachtwoord>"), tekst),
    volgende=st.one_of(
        st.sampled_from(["", "/", "//evil.example", "https://evil.example/", "/afwegingen/"]),
        tekst,
    ),
)
def test_the_login_never_fails(client, adviseur, adres, gebruikersnaam, wachtwoord, volgende):
    """Our login and the admin's: a wrong login is refused in Dutch with the username kept
    (django-axes records each failure), a right one never redirects off the site."""
    echt = {"<adviseur>": adviseur.username, "<wachtwoord>": "een-lang-testwachtwoord"}
    data = {
        "username": echt.get(gebruikersnaam, gebruikersnaam),
        "password": echt.get(wachtwoord, wachtwoord),
        "next": volgende,
    }
    with teruggedraaid():
        response = vraag(client, "post", reverse(adres), data)
        geen_injectie(response)
        assert response.status_code in (200, 302, 403, 429)
        if response.status_code == 302:
            assert urllib.parse.urlsplit(response["Location"]).netloc in ("", "testserver")
            client.logout()
        if response.status_code == 200:
            nederlandse_fouten(response, uit_context(response, "form"), zichtbaar=False)
            tekst_ = inhoud(response)
            assert (
                "Gebruikersnaam en wachtwoord horen niet bij elkaar" in tekst_
                or "invalid-feedback" in tekst_
                or "errornote" in tekst_
            )
            if getoond(data["username"]):
                assert staat_erin(response, data["username"]), "gebruikersnaam niet teruggezet"
        response = vraag(client, "get", reverse("login"), {"next": volgende})
        assert response.status_code == 200
        geen_injectie(response)


# --- the Iv3 import ---------------------------------------------------------------------

KOP_LANG = "gemeentecode,jaar,document,taakveld,lasten,baten,salarissen"
KOP_MICHIELSD = "Gemeenten;Taakveld;Lasten;Baten;L1.1 Salarissen en sociale lasten"


def tellingen() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Iv3Bestand, Iv3Regel, Iv3Totaal, Taakveld)) + tuple(
        Iv3Bestand.objects.order_by("pk").values_list("controlesom", flat=True)
    )


def importeer(pad):
    """Load one file: a list of Dutch lines, or Iv3Fout with Dutch lines and nothing changed."""
    voor = tellingen()
    try:
        regels = laad_iv3([pad])
    except Iv3Fout as fout:
        event("Iv3Fout")
        assert fout.fouten, "Iv3Fout zonder melding"
        for melding in fout.fouten:
            eigen_tekst = re.split("['\"]", melding)[0]  # before the quoted input, if any
            assert eigen_tekst.strip() and not ENGELS.search(eigen_tekst), melding
        assert tellingen() == voor, "een afgewezen import veranderde de database"
        return None
    except Exception as fout:
        raise AssertionError(f"import gaf {type(fout).__name__}: {fout}") from fout
    event("geladen")
    assert all(regel.startswith("Iv3 ") for regel in regels)
    return regels


def huidige_codes() -> list[str]:
    return list(
        Gemeente.objects.filter(datum_opheffing__isnull=True)
        .order_by("code")
        .values_list("code", flat=True)
    )


csvwaarde = st.one_of(
    tekst,
    st.sampled_from(
        [
            "1e13",
            "-1e13",
            "9999999999999.9",
            "9999999999999.95",
            "123456789012345",
            "1.25",
            "-0",
            "0.4",
            "0.10",
            "9.99",
            "GM0000",
            "NL01",
            "2000",
            "2101",
            "begroting",
            "",
        ]
    ),
    st.decimals(min_value=-(10**14), max_value=10**14, places=2).map(str),
)


@fuzz(25)
@example(kolom=4, waarde="1e13", rij=0)
@example(kolom=5, waarde="-9999999999999.95", rij=0)
@given(
    kolom=st.one_of(st.integers(0, 6), st.sampled_from([4, 5, 6])),
    waarde=csvwaarde,
    rij=st.integers(0, 341),
)
def test_a_long_format_file_with_one_bad_cell_loads_or_is_refused(tmp_path, kolom, waarde, rij):
    """A complete new year in the long format with one cell replaced by anything."""
    regels = [
        [code, "2031", "jaarrekening", "0.4", f"{1000 + i}.5", "10", f"{500 + i}"]
        for i, code in enumerate(huidige_codes())
    ]
    regels[rij % len(regels)][kolom] = waarde
    pad = tmp_path / "lang_2031.csv"
    with pad.open("w", encoding="utf-8", newline="") as bestand:
        schrijver = csv.writer(bestand)
        schrijver.writerow(KOP_LANG.split(","))
        schrijver.writerows(regels)
    with teruggedraaid():
        importeer(pad)


taakveldcel = st.one_of(
    st.sampled_from(
        [
            "0.9x Nieuw taakveld",
            "0.4 Overhead",
            "0.123456789012 Lang",
            "9.9z " + "Naam " * 40,
            "١.١ Arabisch",
            "0.4 Over\x00head",
        ]
    ),
    csvwaarde,
)


@fuzz(25)
@example(cellen=("1.25", "5"), rij=0)
@example(cellen=("0.9x " + "Naam " * 40, "5"), rij=0)
@example(cellen=("0.4 Over\x00head", "5"), rij=0)
@given(
    cellen=st.one_of(
        st.tuples(st.just("0.9x Nieuw taakveld"), csvwaarde),
        st.tuples(taakveldcel, st.just("5")),
    ),
    rij=st.integers(0, 341),
)
def test_a_michielsd_file_with_one_bad_row_loads_or_is_refused(tmp_path, cellen, rij):
    """A complete new year in the michielsd format plus one row, its taakveld or lasten fuzzed."""
    namen = {code: naam for naam, code in naam_naar_code().items()}
    codes = huidige_codes()
    regels = [
        [namen[code], "0.4 Overhead", f"{1000 + i}.5", "10", ""] for i, code in enumerate(codes)
    ]
    regels.append([namen[codes[rij % len(codes)]], *cellen, "1", "1"])
    pad = tmp_path / "iv3_taakvelden_2031_jaarrekening.csv"
    with pad.open("w", encoding="utf-8", newline="") as bestand:
        schrijver = csv.writer(bestand, delimiter=";")
        schrijver.writerow(KOP_MICHIELSD.split(";"))
        schrijver.writerows(regels)
    with teruggedraaid():
        importeer(pad)


def ingepakt(inhoud_: bytes, afkappen: int, omdraaien: int) -> bytes:
    """Gzip, possibly cut short or with one byte flipped."""
    gz = bytearray(gzip.compress(inhoud_))
    if omdraaien:
        gz[omdraaien % len(gz)] ^= 0xFF
    return bytes(gz[: len(gz) - afkappen])


@fuzz(30)
@example(naam="x.csv.gz", kop=KOP_LANG, inhoud_=b"", gzip_=None)
@example(naam="x.csv.gz", kop=KOP_LANG, inhoud_=b"GM0489,2031", gzip_=(5, 0))
@example(naam="x.csv.gz", kop=KOP_LANG, inhoud_=b"GM0489,2031", gzip_=(0, 20))
@example(naam="lang.csv", kop=KOP_LANG, inhoud_=b"\xff\xfe", gzip_=None)
@given(
    naam=st.sampled_from(
        [
            "lang.csv",
            "iv3_taakvelden_2031_begroting.csv",
            "x.csv.gz",
            "iv3_taakvelden_2031_jaarrekening.csv.gz",
        ]
    ),
    kop=st.sampled_from([KOP_LANG, KOP_MICHIELSD, ""]),
    inhoud_=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(str.encode),
        st.lists(st.lists(csvwaarde, max_size=7), max_size=5).map(
            lambda rijen: "\n".join(",".join(r) for r in rijen).encode()
        ),
        st.just(b'"' + b"x" * 200_000 + b'"'),
    ),
    gzip_=st.one_of(st.none(), st.tuples(st.integers(0, 30), st.integers(0, 400))),
)
def test_any_file_content_loads_or_is_refused(tmp_path, naam, kop, inhoud_, gzip_):
    """Any bytes, text or rows, with or without a header, plain or (broken) gzip."""
    pad = tmp_path / naam
    bestand = kop.encode() + b"\n" + inhoud_
    if gzip_ is not None and naam.endswith(".gz"):
        bestand = ingepakt(bestand, *gzip_)
    pad.write_bytes(bestand)
    with teruggedraaid():
        importeer(pad)


# --- issue 12: NUL and odd charsets in every text field ----------------------------------
#
# A NUL character passes SQLite but PostgreSQL refuses it (psycopg.DataError, a 500): every
# text a user can send must meet Django's ProhibitNullCharactersValidator first. Run this on
# PostgreSQL as well (DATABASE_URL); on SQLite the check is that nothing with a NUL was saved.

NUL_MELDING = "De tekst bevat een onzichtbaar teken (NUL"
NULWAARDEN = ["\x00", "Tekst met\x00NUL erin"]


@pytest.fixture
def stukken(afweging, reviewer, adviseur):
    """What the forms below refer to: a reactie to answer, an opmerking, a secretaris to
    share with."""
    reactie = review.reactie_geven(
        onderwerp=afweging, gemeente=Gemeente.objects.get(code="GM0547"), auteur=reviewer,
        standpunt="instemmend", tekst="Akkoord.",
    )  # fmt: skip
    andere = SecretarisFactory(gemeenten=[GemeenteFactory(code="GM0638")])
    return {"afweging": afweging, "reactie": reactie, "secretaris": andere}


def _rijen(afweging, stap):
    if stap == "deelnemers":
        return "deelnemers", list(afweging.deelnemers.order_by("gemeente__naam"))
    if stap == "succesfactoren":
        return "succesfactoren", list(afweging.succesfactorantwoorden.all())
    rijen = afweging.antwoorden.filter(deelvraag__onderdeel__code=stap)
    return "antwoorden", list(rijen.order_by("deelvraag__nummer"))


RIJ = {
    "deelnemers": {"perspectief": "onbekend", "motieven": [], "motieven_toelichting": "Goed."},
    "antwoorden": {"score": "1", "motivering": "Goed onderbouwd.", "bronnen": ""},
    "succesfactoren": {"status": "voldaan", "notitie": ""},
}


def stapdata(afweging, stap) -> dict:
    prefix, rijen = _rijen(afweging, stap)
    return {"versie": afweging.versie, "actie": "opslaan"} | formsetdata(
        prefix, rijen, [RIJ[prefix]]
    )


def businesscasedata(afweging) -> dict:
    codes = sorted(d.gemeente.code for d in afweging.deelnemers.all())
    data = {"versie": afweging.versie, "basis_overhead": "", "verdeelsleutel": "inwoners",
            "mix_inwoners_pct": "50"} | {f"vast_{code}": "" for code in codes}  # fmt: skip
    varianten = afweging.businesscase.varianten.order_by("-soort")
    return data | formsetdata("varianten", varianten, [GEWONE_VARIANT])


# (name, who posts, the URL, valid data, its text fields, whether a field is a text the
# form shows again). Every form and endpoint that takes text from a user.
FORMULIEREN = [
    ("nieuw", "adviseur", lambda s: reverse("afweging:nieuw"),
     lambda s: basisdata(VOORSTEL), ["titel", "taakstelling", "geplande_startdatum"]),
    ("basis", "adviseur", lambda s: url("stap", s["afweging"], stap="basis"),
     lambda s: basisdata(VOORSTEL) | {"versie": s["afweging"].versie}, ["titel"]),
    ("deelnemers", "adviseur", lambda s: url("stap", s["afweging"], stap="deelnemers"),
     lambda s: stapdata(s["afweging"], "deelnemers"), ["deelnemers-0-motieven_toelichting"]),
    ("meerwaarde", "adviseur", lambda s: url("stap", s["afweging"], stap="meerwaarde"),
     lambda s: stapdata(s["afweging"], "meerwaarde"),
     ["antwoorden-0-motivering", "antwoorden-1-bronnen"]),
    ("succesfactoren", "adviseur", lambda s: url("stap", s["afweging"], stap="succesfactoren"),
     lambda s: stapdata(s["afweging"], "succesfactoren"), ["succesfactoren-0-notitie"]),
    ("businesscase", "adviseur", lambda s: url("businesscase", s["afweging"]),
     lambda s: businesscasedata(s["afweging"]), ["basis_overhead", "varianten-0-frictiekosten"]),
    ("opmerking", "reviewer", lambda s: url("opmerking", s["afweging"]),
     lambda s: {"vak": "opmerking-3", "opmerking-3": "Hoe zit het met de regio?"},
     ["opmerking-3"]),
    ("reactie", "reviewer", lambda s: url("reactie", s["afweging"]),
     lambda s: {"gemeente": s["reactie"].gemeente_id, "standpunt": "kanttekeningen",
                "tekst": "Akkoord, met kanttekeningen.", "versie": s["reactie"].versie},
     ["tekst"]),
    ("reactie-namens", "adviseur", lambda s: url("reactie-namens", s["afweging"], code="GM0638"),
     lambda s: {"ontvangen_per": "brief", "standpunt": "instemmend", "tekst": "Per brief.",
                "versie": ""}, ["tekst"]),
    ("reactie-antwoord", "adviseur",
     lambda s: url("reactie-antwoord", s["afweging"], reactie_pk=s["reactie"].pk),
     lambda s: {"antwoord": "Dank u wel."}, ["antwoord"]),
    ("delen", "adviseur", lambda s: url("delen", s["afweging"]),
     lambda s: {"gebruikers": [s["secretaris"].pk], "reactietermijn": ""}, ["reactietermijn"]),
    ("vaststellen", "adviseur", lambda s: url("vaststellen", s["afweging"]),
     lambda s: {"versie": s["afweging"].versie}, ["versie"]),
    ("login", "anoniem", lambda s: reverse("login"),
     lambda s: {"username": "adviseur-bestaat-niet", "password": "fout"},
     ["username", "password"]),
    ("admin-login", "anoniem", lambda s: reverse("admin:login"),
     lambda s: {"username": "adviseur-bestaat-niet", "password": "fout"},
     ["username", "password"]),
]  # fmt: skip
# The autosave posts the step forms in the background: the same fields, answered in JSON.
AUTOSAVES = ["basis", "deelnemers", "meerwaarde", "succesfactoren"]
TEKSTEN = {"titel", "deelnemers-0-motieven_toelichting", "antwoorden-0-motivering",
           "antwoorden-1-bronnen", "succesfactoren-0-notitie", "opmerking-3", "tekst",
           "antwoord", "username"}  # fmt: skip
VELDEN = [
    pytest.param(naam, veld, autosave, id=f"{naam}{'-autosave' if autosave else ''}-{veld}")
    for naam, _, _, _, velden in FORMULIEREN
    for veld in velden
    for autosave in ([False, True] if naam in AUTOSAVES else [False])
]


def clients(adviseur_client, reviewer_client):
    return {"adviseur": adviseur_client, "reviewer": reviewer_client, "anoniem": Client()}


def formulier(naam):
    return next(f for f in FORMULIEREN if f[0] == naam)


def opgeslagen_stand() -> tuple:
    """What a refused post must leave as it was."""
    from review.models import Deling, Opmerking, Reactie

    return (
        list(Afweging.objects.order_by("pk").values_list("pk", "versie", "titel")),
        Opmerking.objects.count(),
        list(Reactie.objects.order_by("pk").values_list("versie", "antwoord")),
        Deling.objects.count(),
    )


def geen_nul_opgeslagen():
    """On SQLite, which stores a NUL: no text column of an afweging or its review holds one.
    (PostgreSQL refuses it, and that refusal would have been the 500 `vraag` reports.)"""
    from django.apps import apps
    from django.db import connection, models

    if connection.vendor != "sqlite":
        return
    for app in ("afweging", "review", "businesscase"):
        for model in apps.get_app_config(app).get_models():
            for veld in model._meta.concrete_fields:
                if isinstance(veld, models.CharField | models.TextField):
                    # Not as a LIKE: SQLite ends a pattern at its NUL, which matches anything.
                    for waarde in model.objects.values_list(veld.name, flat=True):
                        assert "\x00" not in (waarde or ""), (
                            f"NUL opgeslagen in {model.__name__}.{veld.name}"
                        )


@pytest.mark.parametrize("waarde", NULWAARDEN, ids=["nul", "nul-in-tekst"])
@pytest.mark.parametrize(("naam", "veld", "autosave"), VELDEN)
def test_a_nul_in_any_text_field_is_refused_in_dutch_and_kept(
    adviseur_client, reviewer_client, stukken, naam, veld, autosave, waarde
):
    _, wie, adres, data, _ = formulier(naam)
    client = clients(adviseur_client, reviewer_client)[wie]
    invoer = data(stukken) | {veld: waarde}
    if autosave:
        invoer["_autosave"] = "1"
    with teruggedraaid():
        voor = opgeslagen_stand()
        response = vraag(client, "post", adres(stukken), invoer)
        assert response.status_code in (200, 400, 409), response.status_code
        assert opgeslagen_stand() == voor, "invoer met een NUL toch (deels) opgeslagen"
        geen_nul_opgeslagen()
        if autosave:
            assert response.json()["opgeslagen"] is False
        elif veld in TEKSTEN:
            assert NUL_MELDING in inhoud(response), "geen Nederlandse melding over de NUL"
            assert waarde in inhoud(response), "getypte tekst niet teruggezet"


# How the body is sent: (the body, the charset it declares). A str is encoded by the test
# client in the declared charset; bytes go as they are.
ANDERE_TEKENSETS = {
    "utf-16": lambda tekst: (tekst, "utf-16"),
    "latin-1": lambda tekst: (tekst, "latin-1"),
    "utf-16-als-utf-8": lambda tekst: (tekst.encode("utf-16"), "utf-8"),
    "ongeldige-utf-8": lambda tekst: (tekst.encode() + b"&x=%FF%FE%C3%28&y=\xff\xfe", "utf-8"),
}


@pytest.mark.parametrize("tekenset", sorted(ANDERE_TEKENSETS))
@pytest.mark.parametrize("naam", [f[0] for f in FORMULIEREN])
def test_every_form_in_an_odd_charset_is_refused_or_read_never_a_500(
    adviseur_client, reviewer_client, stukken, naam, tekenset
):
    """A body declared in another charset than UTF-8: a Dutch 400 and nothing saved. A
    body of bytes that are no UTF-8, declared as UTF-8: read (with replacement
    characters), refused in Dutch, or saved; never a server error."""
    _, wie, adres, data, _ = formulier(naam)
    client = clients(adviseur_client, reviewer_client)[wie]
    tekst = urllib.parse.urlencode(data(stukken) | {"_x": "café"}, doseq=True)
    body, verklaard = ANDERE_TEKENSETS[tekenset](tekst)
    with teruggedraaid():
        voor = opgeslagen_stand()
        response = vraag(
            client, "post", adres(stukken), body,
            content_type=f"application/x-www-form-urlencoded; charset={verklaard}",
        )  # fmt: skip
        geen_injectie(response)
        if verklaard != "utf-8":
            assert response.status_code == 400
            assert "andere tekenset dan UTF-8" in inhoud(response)
            assert opgeslagen_stand() == voor
        geen_nul_opgeslagen()


# --- issue 12: every view under every state the autosave can leave behind -------------------
#
# The autosave stores drafts an explicit save refuses (a score without a motivation, a
# motivation without a score, a deelnemer half filled in). Every page, document and export
# of the afweging must read whatever it stored: a score without a motivation once made the
# steps and the uitkomst answer 500.

conceptantwoord = st.fixed_dictionaries(
    {
        "score": st.sampled_from(["", "?", "-2", "0", "1", "2"]),
        "motivering": st.sampled_from(["", " ", "\n", "Een motivering."]),
        "bronnen": st.sampled_from(["", "CBS"]),
    }
)
conceptdeelnemer = st.fixed_dictionaries(
    {
        "perspectief": st.sampled_from(Deelnemer.Perspectief.values),
        "motieven": st.lists(st.sampled_from([c for c, _ in MOTIEVEN]), unique=True, max_size=3),
        "motieven_toelichting": st.sampled_from(["", "Toelichting."]),
    }
)
conceptfactor = st.fixed_dictionaries(
    {
        "status": st.sampled_from(SuccesfactorAntwoord.Status.values),
        "notitie": st.sampled_from(["", "Notitie."]),
    }
)
ZONDER_MOTIVERING = {"score": "1", "motivering": "", "bronnen": ""}
ZONDER_SCORE = {"score": "", "motivering": "Nog zonder score.", "bronnen": ""}
LEEG = {"score": "", "motivering": "", "bronnen": ""}
HALVE_DEELNEMER = {"perspectief": "onbekend", "motieven": [], "motieven_toelichting": ""}


def autosave(client, afweging, stap: str, rijen: list[dict]):
    """Post a step as static/js/afweging.js does while typing; it must be kept."""
    afweging.refresh_from_db()
    prefix, bestaand = _rijen(afweging, stap)
    data = {"versie": afweging.versie, "_autosave": "1"} | formsetdata(prefix, bestaand, rijen)
    response = vraag(client, "post", url("stap", afweging, stap=stap), data)
    assert response.json()["opgeslagen"] is True, response.json()


def leesadressen(afweging, reactie, deling) -> list[str]:
    """Every URL of the afweging and the start page, filled in (tests/adressen.py)."""
    from afweging.stappen import STAPPEN
    from tests.adressen import adressen, routes

    waarden = {
        "pk": [afweging.pk], "stap": [s.code for s in STAPPEN],
        "formaat": ["csv", "xlsx", "json"], "reactie_pk": [reactie.pk],
        "deling_pk": [deling.pk], "code": ["GM0547"],
    }  # fmt: skip
    return [
        adres
        for route in routes()
        if route.startswith(("afwegingen/", "start/"))
        for adres in adressen(route, waarden)
    ]


@fuzz(3)
@example(antwoorden=[ZONDER_MOTIVERING] * 8, deelnemers=[HALVE_DEELNEMER] * 3, factoren=[])
@example(antwoorden=[ZONDER_SCORE] * 8, deelnemers=[HALVE_DEELNEMER] * 3, factoren=[])
@example(antwoorden=[LEEG] * 8, deelnemers=[], factoren=[])
@given(
    antwoorden=st.lists(conceptantwoord, min_size=8, max_size=8),
    deelnemers=st.lists(conceptdeelnemer, max_size=3),
    factoren=st.lists(conceptfactor, max_size=15),
)
def test_every_view_reads_every_state_the_autosave_leaves(
    adviseur_client, reviewer_client, reviewer, afweging, antwoorden, deelnemers, factoren
):
    with teruggedraaid():
        reactie = review.reactie_geven(
            onderwerp=afweging, gemeente=Gemeente.objects.get(code="GM0547"), auteur=reviewer,
            standpunt="kanttekeningen", tekst="Akkoord, met kanttekeningen.",
        )  # fmt: skip
        eerste = 0
        for stap in ("meerwaarde", "condities", "weging"):
            aantal = len(_rijen(afweging, stap)[1])
            autosave(adviseur_client, afweging, stap, antwoorden[eerste : eerste + aantal])
            eerste += aantal
        if deelnemers:  # an empty list: the step was never autosaved
            autosave(adviseur_client, afweging, "deelnemers", deelnemers)
        if factoren:
            autosave(adviseur_client, afweging, "succesfactoren", factoren)
        deling = afweging.delingen.get(gebruiker=reviewer)
        status = {}
        for adres in leesadressen(afweging, reactie, deling):
            response = vraag(adviseur_client, "get", adres)
            geen_injectie(response)
            status[adres] = response.status_code
        # Its pages, documents and exports open for the adviseur, and for the reviewer.
        for pagina in ("uitkomst", "rapport", "rapport-pdf", "vaststellen", "businesscase"):
            assert status[url(pagina, afweging)] == 200, pagina
        for stap in ("basis", "deelnemers", "meerwaarde", "succesfactoren", "weging"):
            assert status[url("stap", afweging, stap=stap)] == 200, stap
        for formaat in ("csv", "xlsx", "json"):
            assert status[url("export", afweging, formaat=formaat)] == 200, formaat
        for pagina in ("uitkomst", "rapport", "businesscase"):
            response = vraag(reviewer_client, "get", url(pagina, afweging))
            assert response.status_code == 200, pagina
            geen_injectie(response)
