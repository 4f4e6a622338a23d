"""Issue 12, item 4: the files in fixtures/ are leading. What a beheerder changed in the
admin is put back by `laad_referentiedata`, for every loader, and a second run still changes
nothing. A kader version that afwegingen use never changes."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from benchmark.analyse import analyse
from benchmark.models import Iv3Bestand, Iv3Regel, Iv3Totaal
from casussen.models import Deelname, Fusieorganisatie, Inwonertal
from kader.models import Deelvraag, Kader

pytestmark = pytest.mark.django_db


def laad() -> str:
    uit = io.StringIO()
    call_command("laad_referentiedata", stdout=uit)
    return uit.getvalue()


def overhead_regel(code="GM0489"):
    return Iv3Regel.objects.get(
        bestand__jaar=2023,
        bestand__document="jaarrekening",
        gemeente__code=code,
        taakveld__code="0.4",
    )


def test_an_iv3_amount_edited_in_the_admin_is_put_back():
    regel = overhead_regel()
    origineel = regel.lasten
    regel.lasten = Decimal("1.0")
    regel.save()
    assert analyse(2023, "jaarrekening").rij("GM0489")["overhead_lasten_eur"] == 1000

    uitvoer = laad()
    assert "Iv3 jaarrekening 2023: 1 regel(s) teruggezet naar het bestand" in uitvoer
    assert "Referentiegegevens bijgewerkt." in uitvoer
    assert overhead_regel().lasten == origineel == Decimal("17904.0")
    # The analysis that pages and the business case read shows the file's figure again.
    assert analyse(2023, "jaarrekening").rij("GM0489")["overhead_lasten_eur"] == 17_904_000

    uitvoer = laad()
    assert "Iv3 jaarrekening 2023: ongewijzigd" in uitvoer
    assert "Referentiegegevens waren al actueel." in uitvoer


def test_an_iv3_row_deleted_or_added_in_the_admin_is_put_back():
    bestand = Iv3Bestand.objects.get(jaar=2024, document="begroting")
    regel = bestand.regels.get(gemeente__code="GM0489", taakveld__code="0.4")
    velden = dict(gemeente=regel.gemeente, taakveld=regel.taakveld, lasten=regel.lasten)
    regel.delete()
    totaal = bestand.totalen.get(taakveld__code="0.4")
    totaal.salarissen = None
    totaal.save()

    assert "Iv3 begroting 2024: 2 regel(s) teruggezet" in laad()
    hersteld = bestand.regels.get(gemeente=velden["gemeente"], taakveld=velden["taakveld"])
    assert hersteld.lasten == velden["lasten"]
    assert Iv3Totaal.objects.get(pk=totaal.pk).salarissen is not None
    assert bestand.regels.count() == 24_353 - 71  # the file's rows minus Nederland's 71


def test_register_data_edited_in_the_admin_is_put_back():
    org = Fusieorganisatie.objects.get(slug="ddfk-gemeenten")
    org.status_rapport = Fusieorganisatie.Status.HERINDELING
    org.save()
    deelname = Deelname.objects.get(fusieorganisatie=org, gemeente__code="GM1891")
    deelname.toelichting = "Getypt in de admin"
    deelname.save()
    inwoners = Inwonertal.objects.get(gemeente__code="GM1891", jaar=2025)
    inwoners.aantal = 1
    inwoners.save()

    uitvoer = laad()
    assert "Fusieorganisaties: 0 nieuw, 1 gewijzigd" in uitvoer
    assert "Deelnames: 0 nieuw, 1 gewijzigd" in uitvoer
    assert "Inwonertallen: 0 nieuw, 1 gewijzigd" in uitvoer
    assert Fusieorganisatie.objects.get(pk=org.pk).status_rapport == "actief"
    assert Deelname.objects.get(pk=deelname.pk).toelichting == ""
    assert Inwonertal.objects.get(pk=inwoners.pk).aantal == 19_138
    assert "Referentiegegevens waren al actueel." in laad()


def test_a_kader_nobody_uses_is_put_back():
    deelvraag = Deelvraag.objects.get(onderdeel__kader__versie=1, nummer=1)
    naam = deelvraag.naam
    deelvraag.naam = "Getypt in de admin"
    deelvraag.save()
    assert "Kader versie 1: bijgewerkt" in laad()
    assert Deelvraag.objects.get(onderdeel__kader__versie=1, nummer=1).naam == naam
    assert "Kader versie 1: ongewijzigd" in laad()


def test_a_used_kader_that_differs_is_refused_and_nothing_loads(maak_afweging):
    maak_afweging(gemeenten=["GM0489", "GM0613"])
    assert Kader.objects.get(versie=1).in_gebruik
    deelvraag = Deelvraag.objects.get(onderdeel__kader__versie=1, nummer=1)
    Deelvraag.objects.filter(pk=deelvraag.pk).update(naam="Ernaast geschreven")
    regel = overhead_regel()
    Iv3Regel.objects.filter(pk=regel.pk).update(lasten=Decimal("1.0"))

    with pytest.raises(CommandError, match="Een gebruikte versie verandert nooit"):
        laad()
    assert Deelvraag.objects.get(pk=deelvraag.pk).naam == "Ernaast geschreven"
    assert overhead_regel().lasten == Decimal("1.0")  # one transaction: nothing was put back
