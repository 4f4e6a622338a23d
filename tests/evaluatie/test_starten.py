"""Starting an evaluatie: from a fusieorganisatie's page in the register, and from a
vastgestelde afweging whose fusion started. The deelnemers are the gemeenten that exist
now, with each one's reason; the start of the fusion comes from the register or the
recorded afloop; the evaluatie pins the active evaluatiekader with one oordeel per
indicator and is led by the adviseur's provincie."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from afweging.models import Afweging
from casussen.models import Fusieorganisatie, Gemeente
from evaluatie.models import Afloop, Evaluatie
from kader.models import Evaluatieindicator, Evaluatiekader
from kader.versies import actief_evaluatiekader
from tests.factories import AdviseurFactory, ProvincieFactory
from tests.html import soep

pytestmark = pytest.mark.django_db

DUIVENVOORDE = "werkorganisatie-duivenvoorde"


def start_url(slug=DUIVENVOORDE):
    return reverse("evaluatie:start-fusieorganisatie", kwargs={"slug": slug})


def gemeente(naam):
    return Gemeente.objects.get(naam=naam, datum_opheffing__isnull=True)


def adviseur_van(client, code):
    adviseur = AdviseurFactory(provincie=ProvincieFactory(code=code))
    client.force_login(adviseur)
    return adviseur


def knop(client, slug=DUIVENVOORDE):
    pagina = soep(client.get(reverse("casussen:fusieorganisatie", kwargs={"slug": slug})))
    return pagina.find("a", string="Evaluatie starten")


def test_the_register_page_offers_an_adviseur_of_a_members_provincie_to_start(adviseur_client):
    link = knop(adviseur_client)
    assert link is not None
    assert link["href"] == start_url()


def test_the_register_page_offers_nothing_to_others(client, secretaris, ander_adviseur):
    client.force_login(ander_adviseur)  # Utrecht: neither Voorschoten nor Wassenaar
    assert knop(client) is None
    client.force_login(secretaris)
    assert knop(client) is None


def test_the_button_follows_the_user_not_the_cached_page(client, adviseur, ander_adviseur):
    """The page's content is cached for everyone; the button is not part of it."""
    client.force_login(ander_adviseur)
    assert knop(client) is None
    client.force_login(adviseur)
    assert knop(client) is not None


@time_machine.travel(date(2026, 5, 4), tick=False)
def test_the_form_offers_title_today_and_the_current_members(adviseur_client):
    pagina = soep(adviseur_client.get(start_url()))
    assert (
        pagina.find("input", {"name": "titel"})["value"] == "Evaluatie Werkorganisatie Duivenvoorde"
    )
    assert pagina.find("input", {"name": "peildatum"})["value"] == "2026-05-04"
    aangevinkt = {
        pagina.find("label", {"for": vak["id"]}).get_text(strip=True)
        for vak in pagina.find_all("input", {"name": "gemeenten"})
        if vak.has_attr("checked")
    }
    assert aangevinkt == {"Voorschoten (Zuid-Holland)", "Wassenaar (Zuid-Holland)"}
    assert "1 januari 2013" in pagina.find(id="start").get_text()


def test_starting_makes_the_evaluatie_led_by_the_adviseurs_provincie(adviseur_client, adviseur):
    wassenaar, voorschoten = gemeente("Wassenaar"), gemeente("Voorschoten")
    response = adviseur_client.post(
        start_url(),
        {"titel": "Duivenvoorde na dertien jaar", "peildatum": "2026-01-01",
         "gemeenten": [wassenaar.pk, voorschoten.pk]},
    )  # fmt: skip
    evaluatie = Evaluatie.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "evaluatie:domein", kwargs={"pk": evaluatie.pk, "domein": "publieke_waarde"}
    )
    assert (evaluatie.titel, evaluatie.peildatum) == (
        "Duivenvoorde na dertien jaar",
        date(2026, 1, 1),
    )
    assert evaluatie.provincie == adviseur.provincie
    assert evaluatie.kader == actief_evaluatiekader()
    assert evaluatie.kader.versie == 1  # fixtures/kader/evaluatiekader_v1.json
    assert evaluatie.fusieorganisatie.slug == DUIVENVOORDE
    assert evaluatie.startdatum_fusie == date(2013, 1, 1)  # the register: 1-1-2013
    assert set(evaluatie.gemeenten.all()) == {wassenaar, voorschoten}
    # One oordeel per indicator of the pinned kader (the report's table: 13, 13 and 12), all
    # open.
    indicatoren = set(Evaluatieindicator.objects.filter(domein__kader=evaluatie.kader))
    assert {o.indicator for o in evaluatie.oordelen.all()} == indicatoren
    assert evaluatie.oordelen.count() == len(indicatoren) == 13 + 13 + 12
    assert not evaluatie.oordelen.exclude(score="").exists()


def test_a_peildatum_before_the_start_is_refused_and_named(adviseur_client):
    response = adviseur_client.post(
        start_url(),
        {"titel": "Te vroeg", "peildatum": "2012-12-31", "gemeenten": [gemeente("Wassenaar").pk]},
    )
    pagina = soep(response)
    assert not Evaluatie.objects.exists()
    samenvatting = pagina.find(attrs={"data-foutmelding": True})
    link = samenvatting.find("a", href="#id_peildatum")
    assert "De peildatum ligt vóór de start van de fusie (1 januari 2013)" in link.get_text()
    assert pagina.find("input", {"name": "titel"})["value"] == "Te vroeg"


def test_the_leading_provincie_keeps_a_deelnemer(client):
    """BEL Combinatie: Blaricum and Laren in Noord-Holland, Eemnes in Utrecht. A Utrecht
    adviseur may start, but not without Eemnes."""
    adviseur_van(client, "PV26")
    slug = "bel-combinatie"
    assert knop(client, slug) is not None
    blaricum, laren = gemeente("Blaricum"), gemeente("Laren")
    response = client.post(
        start_url(slug),
        {"titel": "BEL", "peildatum": "2026-01-01", "gemeenten": [blaricum.pk, laren.pk]},
    )
    assert not Evaluatie.objects.exists()
    fout = soep(response).find(attrs={"data-foutmelding": True}).find("a", href="#id_gemeenten_0")
    assert "Houd minstens één deelnemer in uw eigen provincie, Utrecht" in fout.get_text()


# The successors are the vertrekpunt's (evaluatie/vertrekpunt.py); the three fusions below
# went up in a herindeling, so no evaluatie of them starts (the test after these), but a
# running fusion whose member merges is taken the same way.


def redenen(slug) -> dict[str, str]:
    from evaluatie.vertrekpunt import van_fusieorganisatie

    punt = van_fusieorganisatie(Fusieorganisatie.objects.get(slug=slug))
    return {d.gemeente.naam: d.reden for d in punt.deelnemers}


def test_a_member_that_merged_counts_as_its_successor_and_says_why(db):
    """Werkorganisatie CGM: Cuijk, Grave and Mill en Sint Hubert went up in Land van Cuijk on
    1 January 2022 (CBS); the evaluatie's one deelnemer is Land van Cuijk."""
    assert list(redenen("werkorganisatie-cgm")) == ["Land van Cuijk"]
    assert redenen("werkorganisatie-cgm")["Land van Cuijk"].endswith(
        "Opvolger van Cuijk, Grave en Mill en Sint Hubert: per 1 januari 2022 opgegaan in "
        "Land van Cuijk."
    )


def test_a_successor_reached_through_two_herindelingen_names_both(db):
    """De Waard: Graafstroom went up in Molenwaard (2013), which went up in Molenlanden
    (2019)."""
    assert (
        "Opvolger van Graafstroom, Liesveld en Nieuw-Lekkerland: per 1 januari 2013 opgegaan "
        "in Molenwaard, dat per 1 januari 2019 opging in Molenlanden."
        in redenen("de-waard")["Molenlanden"]
    )


def test_a_member_that_stayed_on_its_own_stays_itself(db):
    """DDFK: Dantumadiel stayed; the other three are Noardeast-Fryslân since 2019."""
    assert list(redenen("ddfk-gemeenten")) == ["Dantumadiel", "Noardeast-Fryslân"]


@pytest.mark.parametrize(
    ("slug", "provincie", "reden"),
    [
        ("werkorganisatie-cgm", "PV30", "opgegaan in een herindeling"),
        ("de-waard", "PV28", "opgegaan in een herindeling"),
        ("bestuursdienst-ommen-hardenberg", "PV23", "beëindigd"),
    ],
)
def test_a_fusion_that_ended_is_not_evaluated(client, slug, provincie, reden):
    """An evaluatie takes the stand of a fusion that runs: not of one that went up in a
    herindeling (its successor is a gemeente of its own) or was dissolved."""
    adviseur_van(client, provincie)
    assert knop(client, slug) is None
    response = client.get(start_url(slug))
    assert response.status_code == 403
    tekst = response.content.decode()
    assert reden in tekst and "een fusie die loopt" in tekst


def test_the_successor_decides_which_provincie_may_start(db):
    """Vijfheerenlanden: Leerdam and Zederik lay in Zuid-Holland, Vianen in Utrecht; all went
    up in Vijfheerenlanden, which lies in Utrecht: only Utrecht's adviseurs would lead."""
    from casussen.models import Provincie
    from evaluatie.vertrekpunt import provincies_nu

    organisatie = Fusieorganisatie.objects.get(slug="vijfheerenlanden")
    assert provincies_nu(organisatie) == {Provincie.objects.get(code="PV26").pk}


def test_a_fusieorganisatie_that_never_formed_is_not_evaluated(client):
    adviseur_van(client, "PV26")
    assert knop(client, "houten-wijk-bij-duurstede") is None
    response = client.get(start_url("houten-wijk-bij-duurstede"))
    assert response.status_code == 403
    assert "nooit tot stand gekomen" in response.content.decode()


def test_an_unknown_start_is_left_empty_and_said(adviseur_client):
    """The register gives a start as text only ("2008"): here made so for Duivenvoorde."""
    Fusieorganisatie.objects.filter(slug=DUIVENVOORDE).update(
        startdatum=None, startdatum_tekst="2013"
    )
    pagina = soep(adviseur_client.get(start_url()))
    start = pagina.find(id="start").get_text(" ", strip=True)
    assert start.startswith("Onbekend")
    assert "het register noemt als start ‘2013’, geen datum" in start
    adviseur_client.post(
        start_url(),
        {"titel": "X", "peildatum": "2026-01-01", "gemeenten": [gemeente("Wassenaar").pk]},
    )
    assert Evaluatie.objects.get().startdatum_fusie is None


def test_without_a_published_evaluatiekader_nothing_starts(adviseur_client):
    Evaluatiekader.objects.update(gepubliceerd=False)
    response = adviseur_client.post(
        start_url(),
        {"titel": "X", "peildatum": "2026-01-01", "gemeenten": [gemeente("Wassenaar").pk]},
    )
    assert not Evaluatie.objects.exists()
    assert "Er is geen gepubliceerd evaluatiekader" in response.content.decode()


# --- from a vastgestelde afweging -----------------------------------------------------------


@pytest.fixture
def vastgesteld(maak_afweging, adviseur):
    afweging = maak_afweging(titel="Leiderdorp en Zoeterwoude", gemeenten=["GM0547", "GM0638"])
    Afweging.objects.filter(pk=afweging.pk).update(
        status=Afweging.Status.VASTGESTELD, vastgesteld_op=timezone.now(), vastgesteld_door=adviseur
    )
    afweging.refresh_from_db()
    return afweging


def gestart(afweging, adviseur, datum=date(2027, 1, 1)):
    """The fusion's start recorded as the product records an afloop: the row, and a line in
    the afweging's history (its pages are keyed on that)."""
    from afweging.services import vastleggen

    afloop = Afloop.objects.create(
        afweging=afweging, soort=Afloop.Soort.GESTART, datum=datum,
        bron="Besluit van beide raden", vastgelegd_door=adviseur,
    )  # fmt: skip
    vastleggen(afweging, adviseur, f"Afloop vastgelegd: gestart op {datum}")
    return afloop


def uitkomst_knop(client, afweging):
    pagina = soep(client.get(reverse("afweging:uitkomst", kwargs={"pk": afweging.pk})))
    return pagina.find("a", string="Evaluatie starten"), pagina


def test_a_vastgestelde_afweging_offers_an_evaluatie_only_once_its_fusion_started(
    adviseur_client, adviseur, vastgesteld
):
    link, pagina = uitkomst_knop(adviseur_client, vastgesteld)
    assert link is None
    assert (
        "zodra is vastgelegd dat de fusie gestart is"
        in pagina.find(id="evaluatie-kop").parent.get_text()
    )
    gestart(vastgesteld, adviseur)
    link, _ = uitkomst_knop(adviseur_client, vastgesteld)  # the cached page follows the afloop
    assert link["href"] == reverse("evaluatie:start-afweging", kwargs={"pk": vastgesteld.pk})


def test_a_concept_afweging_offers_no_evaluatie(adviseur_client, adviseur, maak_afweging):
    afweging = maak_afweging(gemeenten=["GM0547", "GM0638"])
    gestart(afweging, adviseur)
    link, pagina = uitkomst_knop(adviseur_client, afweging)
    assert link is None and pagina.find(id="evaluatie-kop") is None
    assert (
        adviseur_client.get(
            reverse("evaluatie:start-afweging", kwargs={"pk": afweging.pk})
        ).status_code
        == 403
    )


def test_starting_from_the_afweging_takes_its_deelnemers_and_the_recorded_start(
    adviseur_client, adviseur, vastgesteld
):
    gestart(vastgesteld, adviseur, date(2027, 1, 1))
    url = reverse("evaluatie:start-afweging", kwargs={"pk": vastgesteld.pk})
    pagina = soep(adviseur_client.get(url))
    assert pagina.find("input", {"name": "titel"})["value"] == "Evaluatie Leiderdorp en Zoeterwoude"
    assert "1 januari 2027" in pagina.find(id="start").get_text()
    ids = [v["value"] for v in pagina.find_all("input", {"name": "gemeenten"})]
    adviseur_client.post(
        url, {"titel": "Na drie jaar", "peildatum": "2030-02-01", "gemeenten": ids}
    )
    evaluatie = Evaluatie.objects.get()
    assert (evaluatie.afweging, evaluatie.fusieorganisatie) == (vastgesteld, None)
    assert evaluatie.startdatum_fusie == date(2027, 1, 1)
    assert {g.code for g in evaluatie.gemeenten.all()} == {"GM0547", "GM0638"}
    assert vastgesteld.wijzigingen.order_by("-pk").first().wat == (
        "Evaluatie gestart: Na drie jaar (peildatum 1 februari 2030)"
    )
    # And the uitkomst page lists it.
    _, pagina = uitkomst_knop(adviseur_client, vastgesteld)
    assert pagina.find("a", string="Na drie jaar")["href"] == evaluatie.get_absolute_url()


def test_the_button_and_the_form_agree_on_where_the_deelnemers_lie(db):
    """The register page asks one query (`provincies_nu`); the form follows every member to
    its gemeente now (`van_fusieorganisatie`). Over the whole register they must agree."""
    from evaluatie.vertrekpunt import provincies_nu, van_fusieorganisatie

    for organisatie in Fusieorganisatie.objects.all():
        punt = van_fusieorganisatie(organisatie)
        assert provincies_nu(organisatie) == {g.provincie_id for g in punt.gemeenten}, organisatie


def test_the_register_page_costs_an_adviseur_two_queries_more_from_the_cache(
    adviseur_client, secretaris
):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    pagina = reverse("casussen:fusieorganisatie", kwargs={"slug": DUIVENVOORDE})
    client = Client()
    client.force_login(secretaris)
    client.get(pagina)
    adviseur_client.get(pagina)
    with CaptureQueriesContext(connection) as zonder:
        client.get(pagina)
    with CaptureQueriesContext(connection) as met:
        adviseur_client.get(pagina)
    # The provincies of the deelnemers now, and the evaluaties of it the adviseur may see.
    assert len(met.captured_queries) == len(zonder.captured_queries) + 2


def test_the_form_names_the_evaluaties_of_the_same_fusion_one_may_see(
    adviseur_client, adviseur, maak_evaluatie
):
    assert soep(adviseur_client.get(start_url())).find(id="eerdere-kop") is None
    eerste = maak_evaluatie(titel="Duivenvoorde na vijf jaar", peildatum=date(2018, 3, 1))
    tweede = maak_evaluatie(titel="Duivenvoorde <b>na</b> tien jaar", peildatum=date(2023, 3, 1))
    # Another provincie's evaluatie of another fusion: not named.
    maak_evaluatie(fusieorganisatie="bar-organisatie")
    pagina = soep(adviseur_client.get(start_url()))
    blok = pagina.find(id="eerdere-kop").parent
    assert blok.h2.get_text(strip=True) == "Van deze fusie bestaan al 2 evaluaties"
    assert [li.get_text(" ", strip=True) for li in blok.find_all("li")] == [
        "Duivenvoorde <b>na</b> tien jaar : peildatum 1 maart 2023, concept, geleid door "
        "Zuid-Holland",
        "Duivenvoorde na vijf jaar : peildatum 1 maart 2018, concept, geleid door Zuid-Holland",
    ]
    assert [a["href"] for a in blok.find_all("a")] == [
        tweede.get_absolute_url(), eerste.get_absolute_url(),
    ]  # fmt: skip
    # Starting a second one is still possible: the form is there.
    assert pagina.find("button", string="Evaluatie starten") is not None


def test_an_evaluatie_led_by_another_provincie_is_named_to_who_reads_along(client, maak_evaluatie):
    """Noord-Holland's evaluatie of BEL Combinatie (Eemnes lies in Utrecht): a Utrecht
    adviseur, who may start one too, reads it along and hears of it."""
    noord_holland = AdviseurFactory(provincie=ProvincieFactory(code="PV27"))
    maak_evaluatie(door=noord_holland, fusieorganisatie="bel-combinatie", titel="BEL bekeken")
    adviseur_van(client, "PV26")
    pagina = soep(client.get(start_url("bel-combinatie")))
    assert "BEL bekeken" in pagina.find(id="eerdere-kop").parent.get_text()
    assert "geleid door Noord-Holland" in pagina.find(id="eerdere-kop").parent.get_text()
