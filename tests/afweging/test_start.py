"""The start page (issue 11): what is new since the user last opened each afweging, the
reacties past their termijn, what waits for a secretaris and by when, per role; and
"Laatst gewijzigd" moving with opmerkingen and reacties without raising the lock.

The clock is frozen (time-machine) and moved on explicitly, so that "after the last visit"
never depends on two moments happening to differ."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from afweging import services
from afweging.models import Afweging, Gezien
from afweging.selectors import stand
from kader.models import Deelvraag
from review import services as review
from tests.factories import SecretarisFactory

pytestmark = pytest.mark.django_db

BEGIN = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def klok():
    with time_machine.travel(BEGIN, tick=False) as klok:
        yield klok


def als(gebruiker) -> Client:
    """A browser of this user, logged in on the clock as it stands (sessions expire)."""
    client = Client()
    client.force_login(gebruiker)
    return client


def start(gebruiker) -> BeautifulSoup:
    response = als(gebruiker).get(reverse("start"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def deel(pagina: BeautifulSoup, kop: str) -> str:
    """The text of the section with this heading id, whitespace folded."""
    return " ".join(pagina.find(attrs={"aria-labelledby": kop}).get_text(" ").split())


def rij(pagina: BeautifulSoup, titel: str) -> list[str]:
    """The cells of the start page's row of this afweging, as text."""
    for kop in pagina.find_all("th", attrs={"scope": "row"}):
        if kop.a and kop.a.get_text(strip=True) == titel:
            return [" ".join(c.get_text(" ").split()) for c in kop.parent.find_all(["th", "td"])]
    raise AssertionError(f"geen rij voor {titel}")


def deelvraag(afweging, nummer):
    return Deelvraag.objects.get(onderdeel__kader=afweging.kader, nummer=nummer)


def opmerking(afweging, door, nummer=5, tekst="Hoe groot is de steun in de raad?", **extra):
    return review.opmerking_plaatsen(
        onderwerp=afweging, plek=deelvraag(afweging, nummer), auteur=door, tekst=tekst, **extra
    )


def openen(gebruiker, afweging):
    response = als(gebruiker).get(afweging.get_absolute_url())
    assert response.status_code == 200


@pytest.fixture
def gedeeld(klok, maak_afweging, adviseur, secretaris):
    """Barendrecht and Albrandswaard, shared with the secretaris of Barendrecht."""
    afweging = maak_afweging(titel="BAR-fusie", gemeenten=["GM0489", "GM0613"])
    review.delen(
        onderwerp=afweging, gebruikers=[secretaris], door=adviseur,
        reactietermijn=date(2026, 3, 16),
    )  # fmt: skip
    klok.shift(timedelta(minutes=1))
    return afweging


def test_an_opmerking_is_new_to_the_adviseur_until_they_open_the_afweging(
    klok, gedeeld, adviseur, secretaris
):
    openen(adviseur, gedeeld)
    klok.shift(timedelta(minutes=5))
    opmerking(gedeeld, secretaris)
    klok.shift(timedelta(minutes=5))

    pagina = start(adviseur)
    assert "1 nieuwe opmerking" in deel(pagina, "nieuw-kop")
    assert "1 nieuwe opmerking" in rij(pagina, "BAR-fusie")[2]

    openen(adviseur, gedeeld)
    pagina = start(adviseur)
    assert "Niets nieuw." in deel(pagina, "nieuw-kop")
    assert rij(pagina, "BAR-fusie")[2] == "niets nieuw"


def test_only_what_others_placed_after_the_last_visit_counts(klok, gedeeld, adviseur, secretaris):
    opmerking(gedeeld, secretaris, nummer=1, tekst="Gezien voor het bezoek.")
    klok.shift(timedelta(minutes=1))
    openen(adviseur, gedeeld)
    klok.shift(timedelta(minutes=1))
    opmerking(gedeeld, secretaris, nummer=2)
    opmerking(gedeeld, secretaris, nummer=3)
    # The adviseur's own answer is never new to themselves.
    opmerking(gedeeld, adviseur, tekst="Antwoord.", antwoord_op=gedeeld.opmerkingen.first())

    assert "2 nieuwe opmerkingen" in deel(start(adviseur), "nieuw-kop")
    assert "antwoord" not in deel(start(adviseur), "nieuw-kop")
    # The secretaris never opened it: their own opmerkingen are not new, the answer is.
    assert deel(start(secretaris), "nieuw-kop").startswith(
        "Nieuw sinds uw laatste bezoek 1 nieuw antwoord op een opmerking"
    )


def test_reacties_and_their_answers_are_new_to_the_other_side(klok, gedeeld, adviseur, secretaris):
    openen(adviseur, gedeeld)
    openen(secretaris, gedeeld)
    klok.shift(timedelta(minutes=1))
    reactie = review.reactie_geven(
        onderwerp=gedeeld, gemeente=gedeeld.deelnemers.get(gemeente__code="GM0489").gemeente,
        auteur=secretaris, standpunt="instemmend", tekst="Barendrecht stemt in.",
    )  # fmt: skip
    assert "1 nieuwe of gewijzigde reactie" in deel(start(adviseur), "nieuw-kop")
    assert "Niets nieuw." in deel(start(secretaris), "nieuw-kop")

    klok.shift(timedelta(minutes=1))
    review.reactie_beantwoorden(reactie=reactie, door=adviseur, tekst="Dank u.")
    assert "1 nieuw antwoord op een reactie" in deel(start(secretaris), "nieuw-kop")


def test_opening_one_afweging_leaves_what_is_new_on_another(
    klok, gedeeld, maak_afweging, adviseur, secretaris
):
    ander = maak_afweging(titel="Tweede fusie", gemeenten=["GM0489", "GM0597"])
    review.delen(onderwerp=ander, gebruikers=[secretaris], door=adviseur)
    klok.shift(timedelta(minutes=1))
    opmerking(gedeeld, secretaris)
    opmerking(ander, secretaris)
    klok.shift(timedelta(minutes=1))
    openen(adviseur, gedeeld)

    pagina = start(adviseur)
    assert rij(pagina, "BAR-fusie")[2] == "niets nieuw"
    assert rij(pagina, "Tweede fusie")[2] == "1 nieuwe opmerking"
    assert "1 nieuwe opmerking" in deel(pagina, "nieuw-kop")


def test_opening_an_afweging_writes_no_row_of_the_afweging(klok, gedeeld, adviseur):
    voor = Afweging.objects.values("versie", "gewijzigd", "eigen_sinds").get(pk=gedeeld.pk)
    wijzigingen = gedeeld.wijzigingen.count()
    openen(adviseur, gedeeld)
    klok.shift(timedelta(minutes=1))
    openen(adviseur, gedeeld)
    assert Afweging.objects.values("versie", "gewijzigd", "eigen_sinds").get(pk=gedeeld.pk) == voor
    assert gedeeld.wijzigingen.count() == wijzigingen
    assert Gezien.objects.get(afweging=gedeeld, gebruiker=adviseur).moment == BEGIN + timedelta(
        minutes=2
    )


def test_a_reactie_past_its_termijn_shows_on_the_adviseurs_start_page(
    klok, gedeeld, adviseur, secretaris
):
    # Albrandswaard was never asked (no secretaris shared with): it is not waited for.
    pagina = start(adviseur)
    assert "Geen: elke gemeente heeft gereageerd of haar termijn loopt nog." in deel(
        pagina, "te-laat-kop"
    )
    assert rij(pagina, "BAR-fusie")[3] == "Barendrecht: uiterlijk 16 maart 2026, nog 14 dagen"

    klok.move_to(datetime(2026, 3, 16, 23, 59, tzinfo=ZoneInfo("Europe/Amsterdam")))
    assert "uiterlijk vandaag, 16 maart 2026" in rij(start(adviseur), "BAR-fusie")[3]

    klok.move_to(datetime(2026, 3, 18, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam")))
    pagina = start(adviseur)
    assert deel(pagina, "te-laat-kop") == (
        "Reacties over de termijn BAR-fusie : nog geen formele reactie van Barendrecht , "
        "termijn verstreken op 16 maart 2026 (2 dagen geleden)"
    )

    review.reactie_geven(
        onderwerp=gedeeld, gemeente=gedeeld.deelnemers.get(gemeente__code="GM0489").gemeente,
        auteur=secretaris, standpunt="instemmend", tekst="Laat, maar instemmend.",
    )  # fmt: skip
    pagina = start(adviseur)
    assert "Barendrecht" not in deel(pagina, "te-laat-kop")
    assert rij(pagina, "BAR-fusie")[3] == "niets open"


def test_the_secretaris_sees_what_waits_for_their_reactie_and_by_when(
    klok, maak_afweging, adviseur, secretaris
):
    later = maak_afweging(titel="Later", gemeenten=["GM0489", "GM0613"])
    eerder = maak_afweging(titel="Eerder", gemeenten=["GM0489", "GM0597"])
    zonder = maak_afweging(titel="Zonder termijn", gemeenten=["GM0489", "GM0547"])
    review.delen(onderwerp=later, gebruikers=[secretaris], door=adviseur,
                 reactietermijn=date(2026, 4, 1))  # fmt: skip
    review.delen(onderwerp=eerder, gebruikers=[secretaris], door=adviseur,
                 reactietermijn=date(2026, 3, 3))  # fmt: skip
    review.delen(onderwerp=zonder, gebruikers=[secretaris], door=adviseur)

    pagina = start(secretaris)
    regels = [" ".join(li.get_text(" ").split()) for li in pagina.find(
        attrs={"aria-labelledby": "wacht-kop"}).find_all("li")]  # fmt: skip
    assert regels == [
        "Eerder : uw formele reactie namens Barendrecht, uiterlijk 3 maart 2026, nog 1 dag",
        "Later : uw formele reactie namens Barendrecht, uiterlijk 1 april 2026, nog 30 dagen",
        "Zonder termijn : uw formele reactie namens Barendrecht, geen termijn",
    ]
    assert pagina.h1.get_text(strip=True) == "Start – Barendrecht"
    assert not pagina.find("a", string="Nieuwe afweging")


def test_each_role_sees_only_its_own(
    klok, gedeeld, maak_afweging, adviseur, ander_adviseur, secretaris, gemeente
):
    # Not shared with the secretaris, and of another provincie: neither shows up.
    maak_afweging(titel="Niet gedeeld", gemeenten=["GM0489", "GM0597"])
    andere = SecretarisFactory(gemeenten=[gemeente("GM0613")])
    review.delen(onderwerp=gedeeld, gebruikers=[andere], door=adviseur)

    titels = [a.get_text(strip=True) for a in start(secretaris).select("tbody th a")]
    assert titels == ["BAR-fusie"]
    # Albrandswaard's reactie is owed by its own secretaris, not by Barendrecht's...
    assert "Albrandswaard" not in deel(start(secretaris), "wacht-kop")
    assert "Albrandswaard" in deel(start(andere), "wacht-kop")
    # ...and the adviseur waits for both, the nearest termijn first.
    assert rij(start(adviseur), "BAR-fusie")[3] == (
        "Barendrecht: uiterlijk 16 maart 2026, nog 14 dagen Albrandswaard: geen termijn"
    )
    assert start(ander_adviseur).select("tbody th a") == []

    # A secretaris who no longer serves Barendrecht owes it nothing, even if still shared.
    secretaris.gemeenten.set([gemeente("GM0547")])
    assert "Er wacht geen afweging op een reactie van u." in deel(start(secretaris), "wacht-kop")


def test_a_vastgestelde_afweging_is_no_longer_on_the_start_page(klok, gedeeld, adviseur):
    Afweging.objects.filter(pk=gedeeld.pk).update(status=Afweging.Status.VASTGESTELD)
    klok.move_to(datetime(2026, 4, 1, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam")))
    pagina = start(adviseur)
    assert pagina.select("tbody th a") == []
    assert "Barendrecht" not in deel(pagina, "te-laat-kop")
    assert pagina.find("a", string="Alle afwegingen, ook de vastgestelde")["href"] == reverse(
        "afweging:lijst"
    )


def test_the_adviseur_has_nieuwe_afweging_in_sight(adviseur):
    pagina = start(adviseur)
    assert pagina.h1.get_text(strip=True) == "Start – Zuid-Holland"
    assert pagina.find("a", string="Nieuwe afweging")["href"] == reverse("afweging:nieuw")
    assert "Er zijn geen lopende afwegingen." in deel(pagina, "lopend-kop")


@pytest.mark.parametrize(
    ("rol", "tekst"),
    [
        ("beheerder", "U bent beheerder van Fusietoets"),
        ("zonder_rol", "Uw account heeft nog geen rol."),
    ],
)
def test_who_has_no_afwegingen_is_told_where_to_go(maak_gebruiker, maak_afweging, rol, tekst):
    maak_afweging(titel="Niet voor hen")
    pagina = start(getattr(maak_gebruiker, rol)())
    assert tekst in pagina.main.get_text()
    assert "Niet voor hen" not in pagina.main.get_text()
    assert not pagina.find("a", string="Nieuwe afweging")
    assert pagina.find("a", string="het register van fusieorganisaties")


def test_an_adviseur_without_provincie_is_told_so(maak_gebruiker):
    pagina = start(maak_gebruiker.adviseur(provincie=None))
    assert "hoort nog bij geen provincie" in pagina.main.get_text()


def test_the_start_page_needs_a_login(client):
    response = client.get(reverse("start"))
    assert response["Location"] == f"{reverse('login')}?next={reverse('start')}"


def test_the_start_page_costs_the_same_queries_for_one_afweging_or_many(
    klok, gedeeld, maak_afweging, adviseur, secretaris, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = als(adviseur)
    with CaptureQueriesContext(connection) as een:
        client.get(reverse("start"))
    for i in range(3):
        ander = maak_afweging(titel=f"Nog een {i}", gemeenten=["GM0489", "GM0597"])
        review.delen(onderwerp=ander, gebruikers=[secretaris], door=adviseur)
        opmerking(ander, secretaris)
    with django_assert_max_num_queries(len(een)):
        inhoud = client.get(reverse("start")).content.decode()
    assert inhoud.count("1 nieuwe opmerking") == 3


def test_laatst_gewijzigd_moves_with_an_opmerking_without_raising_the_lock(
    klok, gedeeld, adviseur, secretaris
):
    versie = gedeeld.versie
    stand_voor = stand(Afweging.objects.get(pk=gedeeld.pk))
    klok.shift(timedelta(hours=1))
    opmerking(gedeeld, secretaris)

    vers = Afweging.objects.get(pk=gedeeld.pk)
    assert (vers.versie, vers.gewijzigd_door) == (versie, adviseur)
    # The cached pages of the afweging are keyed on the stand: it moves.
    assert stand(vers) != stand_voor
    lijst = BeautifulSoup(als(adviseur).get(reverse("afweging:lijst")).content, "html.parser")
    cellen = [c.get_text(" ", strip=True) for c in lijst.select("tbody tr")[0].find_all("td")]
    naam = secretaris.get_full_name()
    assert cellen[-1] == f"2 maart 2026 10:01 door {naam}"
    assert rij(start(adviseur), "BAR-fusie")[-1] == f"2 maart 2026 10:01 door {naam}"

    # The adviseur who opened the step before the opmerking saves without a conflict.
    services.stap_opslaan(afweging=vers, versie=versie, door=adviseur, opslaan=lambda: None)
    assert Afweging.objects.get(pk=gedeeld.pk).versie == versie + 1
