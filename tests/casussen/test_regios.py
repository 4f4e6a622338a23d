"""Issue 12, item 2: every current gemeente has its COROP-gebied and arbeidsmarktregio, and
a region signaal that lacks a region says so instead of staying silent."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from afweging.signalen import Context, Deelnemerprofiel, context_van, signalen
from casussen import referentiedata
from casussen.models import Gemeente
from tests.html import soep

pytestmark = pytest.mark.django_db


def test_every_current_gemeente_has_both_regions():
    huidige = Gemeente.objects.filter(datum_opheffing__isnull=True)
    assert huidige.count() == 342
    zonder = huidige.filter(corop_code="") | huidige.filter(arbeidsmarktregio_code="")
    assert list(zonder.values_list("naam", flat=True)) == []


def test_voorne_aan_zee_lies_where_its_three_predecessors_lay():
    voorne = Gemeente.objects.get(code="GM1992")
    assert (voorne.corop_code, voorne.corop_naam) == ("CR29", "Groot-Rijnmond")
    assert (voorne.arbeidsmarktregio_code, voorne.arbeidsmarktregio_naam) == ("AM22", "Rijnmond")
    voorgangers = Gemeente.objects.filter(code__in=["GM0501", "GM0530", "GM0614"])
    assert {(g.corop_code, g.arbeidsmarktregio_code) for g in voorgangers} == {("CR29", "AM22")}


def test_the_gemeente_page_shows_voorne_aan_zees_regions(adviseur_client):
    url = reverse("casussen:gemeente", kwargs={"slug": "gm1992"})
    tekst = soep(adviseur_client.get(url)).get_text(" ", strip=True)
    assert "COROP-gebied Groot-Rijnmond" in tekst
    assert "Arbeidsmarktregio Rijnmond" in tekst


def test_the_loader_refuses_a_current_gemeente_without_regions(monkeypatch):
    monkeypatch.setattr(referentiedata, "_lees_regioaanvulling", lambda fouten: {})
    with pytest.raises(referentiedata.ReferentiedataFout) as fout:
        referentiedata.laad_referentiedata()
    assert len(fout.value.fouten) == 1
    assert "GM1992 Voorne aan Zee heeft geen COROP-gebied of arbeidsmarktregio" in str(fout.value)
    assert Gemeente.objects.get(code="GM1992").corop_code == "CR29"  # nothing was written


def test_voorne_aan_zee_and_westland_lie_in_different_regions(maak_afweging):
    afweging = maak_afweging(gemeenten=["GM1992", "GM1783"])
    gevonden = {s.code: s for s in signalen(context_van(afweging))}
    assert "Delft en Westland, Groot-Rijnmond" in gevonden["corop"].bericht
    assert "Haaglanden, Rijnmond" in gevonden["arbeidsmarktregio"].bericht
    assert not {"corop_onbekend", "arbeidsmarktregio_onbekend"} & set(gevonden)


def profiel(naam, corop="Groot-Rijnmond", inwoners=50_000):
    return Deelnemerprofiel(naam, inwoners, "Zuid-Holland", corop, "Rijnmond", "eindoplossing")


def context(*deelnemers):
    return Context(
        deelnemers=deelnemers,
        klassiek=True,
        startdatum=date(2027, 1, 1),
        evaluatiedatum=date(2030, 1, 1),
        frictiekostenbudget=Decimal("500000"),
        reorganisatie="nee",
    )


def test_a_missing_region_is_said_not_skipped():
    gevonden = {s.code: s for s in signalen(context(profiel("A"), profiel("B", corop="")))}
    assert "corop" not in gevonden
    signaal = gevonden["corop_onbekend"]
    assert signaal.ernst == "aandacht"
    assert signaal.titel == "COROP-gebieden: niet te beoordelen"
    assert signaal.bericht == (
        "Of de deelnemers in verschillende COROP-gebieden liggen, kan niet beoordeeld worden: "
        "het COROP-gebied van B is onbekend in de referentiegegevens."
    )


def test_a_difference_among_the_known_regions_still_warns_and_names_the_unknown():
    deelnemers = (profiel("A"), profiel("B", corop="Elders"), profiel("C", corop=""))
    gevonden = {s.code: s for s in signalen(context(*deelnemers))}
    assert "corop_onbekend" not in gevonden
    assert "Van C is de COROP-gebied onbekend." not in gevonden["corop"].bericht
    assert "Van C is het COROP-gebied onbekend." in gevonden["corop"].bericht


def test_a_missing_inhabitant_count_is_said_not_skipped():
    gevonden = {s.code: s for s in signalen(context(profiel("A"), profiel("B", inwoners=None)))}
    assert "grootteverschil" not in gevonden
    assert gevonden["grootteverschil_onbekend"].bericht == (
        "Of de deelnemers sterk in omvang verschillen, kan niet beoordeeld worden: het aantal "
        "inwoners van B is onbekend in de referentiegegevens."
    )
