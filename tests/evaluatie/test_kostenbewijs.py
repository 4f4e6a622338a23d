"""The evidence of the cost indicator ("De totale kosten van de organisatie zijn in
verhouding tot het takenpakket afgenomen"): on its domein's page, the deelnemers' overhead
per inhabitant together in every Iv3 file the app holds, against the counterfactual
(benchmark.tegenfeitelijk, whose figures its own tests recompute from the rows). Here: the
evaluatie shows exactly its deelnemers' series, recomputed from the Iv3 rows, and only on the
domein that holds that indicator."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.db.models import Sum
from django.urls import reverse

from benchmark.models import Iv3Bestand, Iv3Regel
from casussen.models import Inwonertal
from tests.html import soep
from weergave import getallen

pytestmark = pytest.mark.django_db


def per_inwoner_met_de_hand(bestand, codes) -> Decimal:
    lasten = Iv3Regel.objects.filter(
        bestand=bestand, taakveld__code="0.4", gemeente__code__in=codes
    ).aggregate(s=Sum("lasten"))["s"]
    inwoners = Inwonertal.objects.filter(jaar=bestand.jaar, gemeente__code__in=codes).aggregate(
        s=Sum("aantal")
    )["s"]
    return Decimal(lasten) * 1000 / Decimal(inwoners)  # Iv3 gives thousands of euros


def test_the_cost_indicator_shows_the_deelnemers_overhead_in_every_file(
    adviseur_client, maak_evaluatie
):
    evaluatie = maak_evaluatie()  # Werkorganisatie Duivenvoorde: Voorschoten and Wassenaar
    codes = sorted(evaluatie.gemeenten.values_list("code", flat=True))
    assert codes == ["GM0626", "GM0629"]
    antwoord = adviseur_client.get(
        reverse("evaluatie:domein", kwargs={"pk": evaluatie.pk, "domein": "publieke_waarde"})
    )
    pagina = soep(antwoord)
    bewijs = pagina.find(id="kostenbewijs-kop").find_parent("section")
    # Under the cost indicator, not elsewhere.
    kop = bewijs.find_previous("h4")
    assert "De totale kosten van de organisatie" in kop.get_text()
    rijen = {
        r.th.get_text(" ", strip=True).lower(): [td.get_text(strip=True) for td in r.find_all("td")]
        for r in bewijs.find("table").tbody.find_all("tr")
    }
    bestanden = list(Iv3Bestand.objects.all())
    assert len(rijen) == len(bestanden) >= 4
    for bestand in bestanden:
        naam = f"{bestand.get_document_display()} {bestand.jaar}".lower()
        label = next(k for k in rijen if k.startswith(naam))
        verwacht = per_inwoner_met_de_hand(bestand, codes).quantize(Decimal("1"), ROUND_HALF_UP)
        assert rijen[label][1] == getallen.bedrag(verwacht)
    assert "Kanttekeningen" in bewijs.get_text()
    assert pagina.find("script", src=lambda s: s and "plotly" in s) is not None


def test_other_domeinen_show_no_evidence_and_load_no_charts(adviseur_client, maak_evaluatie):
    evaluatie = maak_evaluatie()
    pagina = soep(
        adviseur_client.get(
            reverse("evaluatie:domein", kwargs={"pk": evaluatie.pk, "domein": "legitimiteit"})
        )
    )
    assert pagina.find(id="kostenbewijs-kop") is None
    assert pagina.find("script", src=lambda s: s and "plotly" in s) is None


def test_a_fusion_that_worked_in_none_of_the_years_has_no_evidence_and_says_why(
    adviseur_client, maak_evaluatie
):
    """Werkorganisatie Voorne merged into Voorne aan Zee on 1 January 2023: the figures of
    2023–2025 are the new gemeente's, not the werkorganisatie's costs. (Zuid-Holland.)"""
    from evaluatie.rapport import rapport_van
    from evaluatie.selectors import met_alles

    evaluatie = maak_evaluatie(fusieorganisatie="werkorganisatie-voorne")
    pagina = soep(
        adviseur_client.get(
            reverse("evaluatie:domein", kwargs={"pk": evaluatie.pk, "domein": "publieke_waarde"})
        )
    )
    bewijs = pagina.find(id="kostenbewijs-kop").find_parent("section")
    tekst = bewijs.get_text(" ", strip=True)
    zin = (
        "Deze fusieorganisatie bestaat niet meer sinds 1 januari 2023 (opgegaan in herindeling): "
        "in geen van de jaren waarvan Fusietoets Iv3-cijfers heeft (2023–2025) werkte zij."
    )
    assert zin in tekst
    assert bewijs.find("table") is None and "CBS-code" not in tekst
    rapport = rapport_van(met_alles(type(evaluatie).objects.filter(pk=evaluatie.pk)).get())
    assert rapport.kostenbewijs.deel is None
    assert rapport.kostenbewijs.waarom_niet.startswith(zin)
