"""Every afweging URL against every role: who gets in, and none may see what is not theirs.

Expected codes: 200 for who may, 302 to the login page for who is not logged in, 404 for
who may not know the afweging exists (another provincie, not shared), 403 for a role
that may never do this.
"""

import pytest
from django.test import Client
from django.urls import reverse

from afweging import services
from afweging.models import Afweging
from casussen.models import Gemeente
from review import services as review
from tests.factories import (
    AdviseurFactory,
    AfwegingFactory,
    ProvincieFactory,
    SecretarisFactory,
    beantwoord_alles,
)
from tests.html import soep

pytestmark = pytest.mark.django_db

ROLLEN = ["anoniem", "adviseur", "ander_adviseur", "reviewer", "andere_secretaris", "beheerder"]

# GET pages: name, expected per role (same order as ROLLEN).
PAGINAS = {
    "lijst": (302, 200, 200, 200, 200, 403),
    "nieuw": (302, 200, 200, 403, 403, 403),
    "uitkomst": (302, 200, 404, 200, 404, 403),
    "stap:basis": (302, 200, 404, 403, 403, 403),
    "stap:meerwaarde": (302, 200, 404, 403, 403, 403),
    "stap:deelnemers": (302, 200, 404, 403, 403, 403),
    "stap:succesfactoren": (302, 200, 404, 403, 403, 403),
    "stap:condities": (302, 200, 404, 403, 403, 403),
    "stap:weging": (302, 200, 404, 403, 403, 403),
    # Read-only for a reviewer (issue 11): figures and charts, no form.
    "businesscase": (302, 200, 404, 200, 404, 403),
    "rapport": (302, 200, 404, 200, 404, 403),
    "vaststellen": (302, 200, 404, 403, 403, 403),
    "vastgesteld": (302, 302, 404, 403, 403, 403),  # a concept: back to the check page
    "verwijderen": (302, 200, 404, 403, 403, 403),  # the page that asks; the POST: tests/afweging
    "reactie-namens": (302, 200, 404, 403, 403, 403),
    "delen-stoppen": (302, 200, 404, 403, 403, 403),  # the page that asks
    "rapport-pdf": (302, 200, 404, 200, 404, 403),
    "export:csv": (302, 200, 404, 200, 404, 403),
    "export:xlsx": (302, 200, 404, 200, 404, 403),
    "export:json": (302, 200, 404, 200, 404, 403),
}
# POST actions: expected per role; a refused role must change nothing.
ACTIES = {
    "delen": (302, 400, 404, 403, 403, 403),
    "opmerking": (302, 403, 404, 302, 404, 403),
    "reactie": (302, 403, 403, 302, 404, 403),
    "vaststellen": (302, 302, 404, 403, 403, 403),
    "nieuwe-versie": (302, 302, 404, 403, 403, 403),
    "stap:meerwaarde": (302, 200, 404, 403, 403, 403),
    "businesscase": (302, 409, 404, 403, 404, 403),
    "reactie-namens": (302, 302, 404, 403, 403, 403),
    "delen-stoppen": (302, 302, 404, 403, 403, 403),
}


@pytest.fixture
def opzet(adviseur, ander_adviseur, secretaris, beheerder, maak_afweging, gemeente):
    afweging = maak_afweging(titel="Matrix", gemeenten=["GM0489", "GM0613"])
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=adviseur)
    # A secretaris of a member, but not shared with.
    andere = SecretarisFactory(username="andere-secretaris", gemeenten=[gemeente("GM0613")])
    gebruikers = {
        "adviseur": adviseur, "ander_adviseur": ander_adviseur, "reviewer": secretaris,
        "andere_secretaris": andere, "beheerder": beheerder,
    }  # fmt: skip
    return afweging, gebruikers


def client_voor(rol, gebruikers):
    client = Client()
    if rol != "anoniem":
        client.force_login(gebruikers[rol])
    return client


def pagina_url(naam, afweging, code="GM0613"):
    if naam in ("lijst", "nieuw"):
        return reverse(f"afweging:{naam}")
    if naam.startswith("export:"):
        return reverse("afweging:export", kwargs={"pk": afweging.pk, "formaat": naam.split(":")[1]})
    if naam.startswith("stap:"):
        return reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": naam.split(":")[1]})
    if naam == "reactie-namens":
        return reverse("afweging:reactie-namens", kwargs={"pk": afweging.pk, "code": code})
    if naam == "delen-stoppen":
        deling = afweging.delingen.get()
        return reverse("afweging:delen-stoppen", kwargs={"pk": afweging.pk, "deling_pk": deling.pk})
    return reverse(f"afweging:{naam}", kwargs={"pk": afweging.pk})


@pytest.mark.parametrize("naam", PAGINAS)
@pytest.mark.parametrize("rol", ROLLEN)
def test_page_access(opzet, naam, rol):
    afweging, gebruikers = opzet
    response = client_voor(rol, gebruikers).get(pagina_url(naam, afweging))
    verwacht = PAGINAS[naam][ROLLEN.index(rol)]
    assert response.status_code == verwacht, (naam, rol)
    if verwacht == 302 and rol == "anoniem":
        assert response["Location"].startswith(reverse("login"))
    elif verwacht == 302:  # the confirmation of a concept: to the check page instead
        assert (naam, response["Location"]) == ("vastgesteld", pagina_url("vaststellen", afweging))


def actie_data(naam, afweging):
    barendrecht = Gemeente.objects.get(code="GM0489")
    return {
        "delen": {"gebruikers": []},
        "opmerking": {"deelvraag": 1, "tekst": "Vraag"},
        "reactie": {"gemeente": barendrecht.pk, "standpunt": "instemmend", "tekst": "Akkoord"},
        "vaststellen": {"versie": afweging.versie, "bevestigd": "on"},
        "nieuwe-versie": {},
        # An invalid step post (no formset data) re-shows the form; a stale business case
        # post is a conflict. Either way: the right role gets in, and nothing changes.
        "stap:meerwaarde": {"versie": afweging.versie},
        "businesscase": {"versie": afweging.versie - 1},
        "reactie-namens": {
            "ontvangen_per": "brief",
            "standpunt": "instemmend",
            "tekst": "Per brief.",
        },
        "delen-stoppen": {},
    }[naam]


@pytest.mark.parametrize("naam", ACTIES)
@pytest.mark.parametrize("rol", ROLLEN)
def test_action_access(opzet, naam, rol):
    afweging, gebruikers = opzet
    voor = (afweging.opmerkingen.count(), afweging.reacties.count(), afweging.status,
            afweging.delingen.count())  # fmt: skip
    response = client_voor(rol, gebruikers).post(
        pagina_url(naam, afweging), actie_data(naam, afweging)
    )
    verwacht = ACTIES[naam][ROLLEN.index(rol)]
    assert response.status_code == verwacht, (naam, rol)
    afweging.refresh_from_db()
    na = (afweging.opmerkingen.count(), afweging.reacties.count(), afweging.status,
          afweging.delingen.count())  # fmt: skip
    if verwacht in (403, 404) or rol == "anoniem":
        assert na == voor, (naam, rol)


@pytest.mark.parametrize("rol", ["ander_adviseur", "andere_secretaris"])
def test_lists_leak_nothing(opzet, rol):
    afweging, gebruikers = opzet
    inhoud = client_voor(rol, gebruikers).get(reverse("afweging:lijst")).content.decode()
    assert afweging.titel not in inhoud


@pytest.mark.parametrize("rol", ROLLEN[1:])
def test_nobody_changes_a_vastgestelde_afweging(opzet, rol):
    afweging, gebruikers = opzet
    beantwoord_alles(afweging)
    services.vaststellen(afweging=afweging, versie=afweging.versie, door=gebruikers["adviseur"])
    client = client_voor(rol, gebruikers)
    stap = reverse("afweging:stap", kwargs={"pk": afweging.pk, "stap": "meerwaarde"})
    # The adviseur hears why (409, with what was typed still on the page); others get
    # 403 or 404 as ever. Nothing changes either way.
    verwacht = (409,) if rol == "adviseur" else (403, 404)
    voor = Afweging.objects.values_list("versie", "gewijzigd").get(pk=afweging.pk)
    assert client.post(stap, {"versie": afweging.versie + 1}).status_code in verwacht
    for naam in ("opmerking", "reactie"):
        client.post(pagina_url(naam, afweging), actie_data(naam, afweging))
    assert (afweging.opmerkingen.count(), afweging.reacties.count()) == (0, 0)
    assert Afweging.objects.values_list("versie", "gewijzigd").get(pk=afweging.pk) == voor


# --- Across a provincial border -------------------------------------------------------
# Real fusies across a border, on the gemeenten of today (the form offers only those):
# BEL Combinatie (Blaricum and Laren in Noord-Holland, Eemnes in Utrecht), led by
# Noord-Holland; and at the border of the former fusie Vijfheerenlanden, Vijfheerenlanden
# (Utrecht since 2019; Leerdam and Zederik were in Zuid-Holland) with Gorinchem and
# Molenlanden (Zuid-Holland), led by Utrecht. Each has an adviseur of the leading
# provincie, one of the other provincie with a deelnemer (reads along), and one of a
# provincie with no deelnemer (sees nothing).
GRENSFUSIES = {
    "bel": {"leidend": "PV27", "meelezer": "PV26", "buiten": "PV28",
            "gemeenten": ["GM0376", "GM0317", "GM0417"]},
    "vijfheerenlanden": {"leidend": "PV26", "meelezer": "PV28", "buiten": "PV27",
                         "gemeenten": ["GM1961", "GM0512", "GM1978"]},
}  # fmt: skip
GRENSROLLEN = ["leidend", "meelezer", "buiten"]
LEZEN = {"lijst", "nieuw", "uitkomst", "businesscase", "rapport", "rapport-pdf",
         "export:csv", "export:xlsx", "export:json"}  # fmt: skip
# The leading provincie's adviseur is the `adviseur` of the matrix above; the one who reads
# along may read what a reviewer reads and is told why (403) everywhere else; the
# provincie without a deelnemer is the `ander_adviseur` above: 404.
GRENSPAGINAS = {
    naam: (codes[ROLLEN.index("adviseur")], 200 if naam in LEZEN else 403,
           codes[ROLLEN.index("ander_adviseur")])
    for naam, codes in PAGINAS.items()
}  # fmt: skip
GRENSACTIES = {
    "delen": (400, 403, 404),
    "opmerking": (403, 302, 404),  # reads along and comments; the leading one answers
    "reactie": (403, 403, 403),  # a formal reactie is a gemeente's
    "vaststellen": (302, 403, 404),
    "nieuwe-versie": (302, 403, 404),
    "stap:meerwaarde": (200, 403, 404),
    "businesscase": (409, 403, 404),
    "reactie-namens": (302, 403, 404),
    "delen-stoppen": (302, 403, 404),
}


@pytest.fixture(params=list(GRENSFUSIES))
def grens(request):
    fusie = GRENSFUSIES[request.param]
    gebruikers = {
        rol: AdviseurFactory(provincie=ProvincieFactory(code=fusie[rol])) for rol in GRENSROLLEN
    }
    afweging = AfwegingFactory(
        door=gebruikers["leidend"], gemeenten=fusie["gemeenten"], titel=f"Grens {request.param}"
    )
    # Shared with the secretaris of the deelnemer in the other provincie.
    tweede = fusie["gemeenten"][1]
    secretaris = SecretarisFactory(gemeenten=[Gemeente.objects.get(code=tweede)])
    review.delen(onderwerp=afweging, gebruikers=[secretaris], door=gebruikers["leidend"])
    return afweging, gebruikers, tweede


def test_the_gemeenten_lie_where_the_matrix_says(grens):
    afweging, gebruikers, _ = grens
    provincies = {d.gemeente.provincie_id for d in afweging.deelnemers.select_related("gemeente")}
    assert afweging.provincie == gebruikers["leidend"].provincie
    assert provincies == {gebruikers["leidend"].provincie_id, gebruikers["meelezer"].provincie_id}


@pytest.mark.parametrize("naam", PAGINAS)
@pytest.mark.parametrize("rol", GRENSROLLEN)
def test_page_access_across_a_border(grens, naam, rol):
    afweging, gebruikers, tweede = grens
    client = client_voor(rol, gebruikers)
    response = client.get(pagina_url(naam, afweging, code=tweede))
    assert response.status_code == GRENSPAGINAS[naam][GRENSROLLEN.index(rol)], (naam, rol)
    if response.status_code == 403:  # says who leads, and what the reader may do
        tekst = response.content.decode()
        assert f"geleid door de provincie {afweging.provincie.naam}" in tekst
        assert "bij elke deelvraag een opmerking plaatsen" in tekst


@pytest.mark.parametrize("naam", ACTIES)
@pytest.mark.parametrize("rol", GRENSROLLEN)
def test_action_access_across_a_border(grens, naam, rol):
    afweging, gebruikers, tweede = grens

    def stand():
        afweging.refresh_from_db()
        return (afweging.opmerkingen.count(), afweging.reacties.count(), afweging.status,
                afweging.delingen.count(), afweging.versie)  # fmt: skip

    voor = stand()
    data = actie_data(naam, afweging)
    if naam == "opmerking":
        data = {"deelvraag": 2, "tekst": "Vraag uit de buurprovincie"}
    response = client_voor(rol, gebruikers).post(pagina_url(naam, afweging, code=tweede), data)
    verwacht = GRENSACTIES[naam][GRENSROLLEN.index(rol)]
    assert response.status_code == verwacht, (naam, rol)
    if verwacht in (403, 404):
        assert stand() == voor, (naam, rol)
    if (naam, rol) == ("opmerking", "meelezer"):
        opmerking = afweging.opmerkingen.get()
        assert (opmerking.auteur, opmerking.tekst) == (
            gebruikers["meelezer"],
            "Vraag uit de buurprovincie",
        )


@pytest.mark.parametrize("rol", GRENSROLLEN)
def test_lists_follow_the_border_rule(grens, rol):
    afweging, gebruikers, _ = grens
    client = client_voor(rol, gebruikers)
    gezien = rol != "buiten"
    for adres in (reverse("afweging:lijst"), reverse("afweging:lijst") + "?status=ter_review",
                  reverse("start")):  # fmt: skip
        pagina = client.get(adres)
        titels = [a.get_text() for a in soep(pagina).select("tbody th a")]
        assert titels == ([afweging.titel] if gezien else []), (adres, rol)
    if gezien:
        rij = soep(client.get(reverse("afweging:lijst"))).select_one("tbody tr")
        andere = [p.naam for p in afweging.andere_provincies]
        assert [td.get_text() for td in rij.select("td")][1] == (
            f"{afweging.provincie.naam} (leidend), met {andere[0]}"
        )
    start = soep(client.get(reverse("start"))).get_text(" ", strip=True)
    meelezen = f"Geleid door {afweging.provincie.naam}; u leest mee."
    assert (meelezen in start) == (rol == "meelezer")
    # Another status is filtered out for everyone.
    leeg = client.get(reverse("afweging:lijst"), {"status": "vastgesteld"})
    assert soep(leeg).select("tbody th a") == []
