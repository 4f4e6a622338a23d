"""Who may see and change an evaluatie (evaluatie/toegang.py), over every page and role.

An evaluatie of BEL Combinatie (Blaricum and Laren in Noord-Holland, Eemnes in Utrecht), led
by Noord-Holland: its adviseurs edit; Utrecht's read along; Zuid-Holland's may not know it
exists (404); a gemeentesecretaris of a deelnemer reads it once it is shared with them
(review), and until then may not know it exists (404); beheerders and an adviseur without a
provincie see no evaluatie (403 in Dutch, saying which roles do); who is not logged in goes
to the login page.
"""

import pytest
from django.test import Client
from django.urls import reverse

from casussen.models import Gemeente
from review import services as review
from tests.factories import (
    AdviseurFactory,
    BeheerderFactory,
    EvaluatieFactory,
    ProvincieFactory,
    SecretarisFactory,
)
from tests.html import soep

pytestmark = pytest.mark.django_db

ROLLEN = [
    "anoniem", "leidend", "meelezer", "buiten", "zonder_provincie", "secretaris", "gedeeld",
    "beheerder",
]  # fmt: skip

PAGINAS = {
    "lijst": (302, 200, 200, 200, 403, 200, 200, 403),
    "overzicht": (302, 200, 200, 404, 403, 404, 200, 403),
    "domein": (302, 200, 200, 404, 403, 404, 200, 403),
    "start-fusieorganisatie": (302, 200, 200, 403, 403, 403, 403, 403),
}
# A valid autosave of one indicator: only the leading provincie's adviseur saves it.
AUTOSAVE = (302, 200, 403, 404, 403, 404, 403, 403)


@pytest.fixture
def opzet(db):
    noord_holland, utrecht = ProvincieFactory(code="PV27"), ProvincieFactory(code="PV26")
    leidend = AdviseurFactory(provincie=noord_holland)
    gebruikers = {
        "leidend": leidend,
        "meelezer": AdviseurFactory(provincie=utrecht),
        "buiten": AdviseurFactory(provincie=ProvincieFactory(code="PV28")),
        "zonder_provincie": AdviseurFactory(provincie=None),
        "secretaris": SecretarisFactory(gemeenten=[Gemeente.objects.get(code="GM0376")]),
        "gedeeld": SecretarisFactory(gemeenten=[Gemeente.objects.get(code="GM0417")]),
        "beheerder": BeheerderFactory(),
    }
    evaluatie = EvaluatieFactory(
        door=leidend, fusieorganisatie="bel-combinatie", titel="BEL geëvalueerd"
    )
    review.delen(onderwerp=evaluatie, gebruikers=[gebruikers["gedeeld"]], door=leidend)
    return evaluatie, gebruikers


def client_voor(rol, gebruikers):
    client = Client()
    if rol != "anoniem":
        client.force_login(gebruikers[rol])
    return client


def url(naam, evaluatie):
    if naam == "lijst":
        return reverse("evaluatie:lijst")
    if naam == "domein":
        return reverse("evaluatie:domein", kwargs={"pk": evaluatie.pk, "domein": "legitimiteit"})
    if naam == "start-fusieorganisatie":
        return reverse("evaluatie:start-fusieorganisatie", kwargs={"slug": "bel-combinatie"})
    return reverse(f"evaluatie:{naam}", kwargs={"pk": evaluatie.pk})


def test_the_evaluatie_crosses_the_border_as_the_register_does(opzet):
    evaluatie, gebruikers = opzet
    assert evaluatie.provincie.naam == "Noord-Holland"
    assert sorted(g.naam for g in evaluatie.gemeenten.all()) == ["Blaricum", "Eemnes", "Laren"]


@pytest.mark.parametrize("naam", PAGINAS)
@pytest.mark.parametrize("rol", ROLLEN)
def test_page_access(opzet, naam, rol):
    evaluatie, gebruikers = opzet
    response = client_voor(rol, gebruikers).get(url(naam, evaluatie))
    verwacht = PAGINAS[naam][ROLLEN.index(rol)]
    assert response.status_code == verwacht, (naam, rol)
    if verwacht == 302:
        assert response["Location"].startswith(reverse("login"))
    if verwacht == 403:
        tekst = soep(response).get_text(" ", strip=True)
        assert any(
            zin in tekst
            for zin in (
                "Alleen provinciale adviseurs met een provincie starten en bewerken evaluaties.",
                "Evaluaties zijn er voor provinciale adviseurs met een provincie, en voor "
                "gemeentesecretarissen met wie een evaluatie is gedeeld.",
                "Geen van de deelnemers ligt in uw provincie",
            )
        ), tekst
        # A beheerder hears what they can do themselves, not to ask the beheerder.
        assert ("Als beheerder kunt u uw eigen account" in tekst) is (rol == "beheerder"), tekst


def autosave_data(evaluatie):
    oordelen = list(
        evaluatie.oordelen.filter(indicator__domein__code="legitimiteit").order_by(
            "indicator__volgorde"
        )
    )
    data = {
        "versie": evaluatie.versie, "_autosave": "1",
        "oordelen-TOTAL_FORMS": len(oordelen), "oordelen-INITIAL_FORMS": len(oordelen),
        "oordelen-MIN_NUM_FORMS": 0, "oordelen-MAX_NUM_FORMS": 1000,
    }  # fmt: skip
    for i, oordeel in enumerate(oordelen):
        data |= {f"oordelen-{i}-id": oordeel.pk, f"oordelen-{i}-score": "2" if i == 0 else "",
                 f"oordelen-{i}-motivering": "Nageleefd." if i == 0 else "",
                 f"oordelen-{i}-bronnen": ""}  # fmt: skip
    return data


@pytest.mark.parametrize("rol", ROLLEN)
def test_only_the_leading_provincie_saves(opzet, rol):
    evaluatie, gebruikers = opzet
    response = client_voor(rol, gebruikers).post(url("domein", evaluatie), autosave_data(evaluatie))
    verwacht = AUTOSAVE[ROLLEN.index(rol)]
    assert response.status_code == verwacht, rol
    evaluatie.refresh_from_db()
    gescoord = evaluatie.oordelen.exclude(score="").count()
    assert (evaluatie.versie, gescoord) == ((2, 1) if verwacht == 200 else (1, 0)), rol
    if rol == "meelezer":
        assert "geleid door de provincie Noord-Holland" in response.content.decode()


def test_the_adviseur_who_reads_along_gets_no_form_and_hears_who_leads(opzet):
    evaluatie, gebruikers = opzet
    client = client_voor("meelezer", gebruikers)
    domein = soep(client.get(url("domein", evaluatie)))
    # No scores to fill in; as on an afweging, who reads along comments per indicator.
    assert domein.find(attrs={"name": "oordelen-TOTAL_FORMS"}) is None
    vakken = domein.find_all("textarea")
    assert vakken and all(v["name"].startswith("opmerking-") for v in vakken)
    kop = (
        soep(client.get(url("overzicht", evaluatie)))
        .find(id="provincies")
        .get_text(" ", strip=True)
    )
    assert kop == (
        "Geleid door de provincie Noord-Holland; de provincie Utrecht leest mee, omdat daar ook "
        "een deelnemer ligt. U leest mee; alleen de adviseurs van de provincie Noord-Holland "
        "wijzigen deze evaluatie."
    )


@pytest.mark.parametrize(
    ("rol", "gezien"),
    [("leidend", True), ("meelezer", True), ("buiten", False), ("secretaris", False),
     ("gedeeld", True)],
)  # fmt: skip
def test_the_list_shows_what_one_may_see_and_nothing_else(opzet, rol, gezien):
    evaluatie, gebruikers = opzet
    pagina = soep(client_voor(rol, gebruikers).get(url("lijst", evaluatie)))
    titels = [a.get_text(strip=True) for a in pagina.select("tbody th a")]
    assert titels == (["BEL geëvalueerd"] if gezien else [])


def test_the_main_menu_offers_evaluaties_to_adviseurs_and_secretarissen(opzet):
    evaluatie, gebruikers = opzet
    for rol, verwacht in (("leidend", True), ("secretaris", True), ("beheerder", False)):
        menu = soep(client_voor(rol, gebruikers).get(reverse("casussen:register"))).find(
            "nav", attrs={"aria-label": "Hoofdmenu"}
        )
        assert (menu.find("a", string="Evaluaties") is not None) is verwacht, rol
