"""The reference data: counts, computed totals, successors, idempotence and bad files."""

import csv
import shutil
from datetime import date

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum

from casussen import referentiedata
from casussen.models import (
    Casus,
    Deelname,
    Fusieorganisatie,
    Gemeente,
    Herindeling,
    Inwonertal,
    Provincie,
)
from casussen.referentiedata import ReferentiedataFout, laad_referentiedata

pytestmark = pytest.mark.django_db


def test_it_loads_the_342_current_gemeenten_in_12_provincies():
    huidig = Gemeente.objects.filter(datum_opheffing__isnull=True)
    assert huidig.count() == 342
    assert huidig.filter(code__isnull=True).count() == 0
    assert Provincie.objects.count() == 12
    assert huidig.filter(provincie__isnull=True).count() == 0


def test_it_loads_every_gemeente_of_1_january_2018():
    with open(referentiedata.FIXTURES / "cbs" / "gemeenten_2018.csv", encoding="utf-8") as f:
        codes = {rij["gemeentecode"] for rij in csv.DictReader(f)}
    assert len(codes) == 380
    assert Gemeente.objects.filter(code__in=codes).count() == 380


def test_inhabitants_equal_the_cbs_totals():
    # National totals on 1 January, as CBS publishes them (see fixtures/BRONNEN.md).
    totalen = dict(
        Inwonertal.objects.values("jaar").annotate(som=Sum("aantal")).values_list("jaar", "som")
    )
    assert totalen[2022] == 17_590_672
    assert totalen[2023] == 17_811_291
    assert totalen[2024] == 17_942_942
    assert totalen[2025] == 18_045_532


def test_an_unknown_inhabitant_count_stays_unknown():
    voorne_aan_zee = Gemeente.objects.get(code="GM1992")
    assert not voorne_aan_zee.inwonertallen.filter(jaar=2022).exists()
    assert voorne_aan_zee.inwonertallen.filter(jaar=2023).exists()


def test_it_loads_every_row_of_the_bijlage():
    bijlage = Fusieorganisatie.objects.exclude(slug="houten-wijk-bij-duurstede")
    assert bijlage.count() == 28
    nummers = sorted(bijlage.exclude(nummer=None).values_list("nummer", flat=True))
    assert nummers == list(range(1, 26))
    ongenummerd = set(bijlage.filter(nummer=None).values_list("slug", flat=True))
    assert ongenummerd == {"millingen-groesbeek", "de-waard", "werkorganisatie-voorne"}


def test_the_25_numbered_organisations_have_61_members_as_the_report_says():
    # §2.7: on 1 January 2018 there were 25 ambtelijke fusies with 61 gemeenten.
    assert Deelname.objects.filter(fusieorganisatie__nummer__isnull=False).count() == 61


def test_the_two_organisations_that_ended_before_2018_are_kept():
    for slug in ("millingen-groesbeek", "de-waard"):
        org = Fusieorganisatie.objects.get(slug=slug)
        assert org.einddatum < date(2018, 1, 1)
        assert org.status == Fusieorganisatie.Status.HERINDELING
        assert org.inwoners_rapport is None  # The Bijlage gives none: not invented.


def test_gemeenten_that_ceased_before_2018_keep_name_and_end_date_without_code():
    graafstroom = Gemeente.objects.get(slug="graafstroom")
    assert graafstroom.code is None
    assert graafstroom.datum_opheffing == date(2013, 1, 1)


@pytest.mark.parametrize(
    ("oud", "huidig"),
    [
        ("gm0009", {"Groningen"}),  # Ten Boer, 2019.
        ("graafstroom", {"Molenlanden"}),  # Via Molenwaard: two steps.
        ("gm1684", {"Land van Cuijk"}),  # Cuijk, 2022.
        ("gm0788", {"Boxtel", "Oisterwijk", "Tilburg", "Vught"}),  # Haaren, split.
        ("gm0501", {"Voorne aan Zee"}),  # Brielle, 2023.
    ],
)
def test_every_dissolved_gemeente_links_to_its_current_successor(oud, huidig):
    gemeente = Gemeente.objects.get(slug=oud)
    assert {g.naam for g in gemeente.huidige_gemeenten.all()} == huidig
    assert all(g.bestaat for g in gemeente.huidige_gemeenten.all())


def test_every_dissolved_gemeente_has_a_current_successor():
    zonder = Gemeente.objects.filter(datum_opheffing__isnull=False).annotate(
        n=Count("huidige_gemeenten")
    )
    assert list(zonder.filter(n=0).values_list("naam", flat=True)) == []


def test_the_nine_casussen_are_linked_to_their_fusieorganisatie():
    assert Casus.objects.count() == 9
    cgm = Casus.objects.get(slug="cgm")
    assert cgm.fusieorganisatie.slug == "werkorganisatie-cgm"
    assert cgm.paragraaf == "5.2.1"


@pytest.mark.parametrize(
    "slug",
    ["cgm", "de-wolden-hoogeveen", "bar", "duivenvoorde", "ddfk", "ommen-hardenberg",
     "uw-samenwerking", "houten-wijk-bij-duurstede"],
)  # fmt: skip
def test_casus_totals_computed_from_members_equal_the_headings_of_5_2(slug):
    casus = Casus.objects.get(slug=slug)
    som = sum(d.inwoners_rapport for d in casus.deelnemers.all())
    assert som == casus.inwoners_kop


def test_cgm_total_is_the_sum_of_its_three_members():
    cgm = Casus.objects.get(slug="cgm")
    assert [d.inwoners_rapport for d in cgm.deelnemers.all()] == [24_696, 12_370, 10_807]
    assert cgm.inwoners_kop == 47_873


def test_de_kompanjie_heading_differs_from_the_sum_and_both_are_kept():
    casus = Casus.objects.get(slug="de-kompanjie")
    som = sum(d.inwoners_rapport for d in casus.deelnemers.all())
    assert (som, casus.inwoners_kop) == (40_044, 40_004)


def _momentopname():
    modellen = [Provincie, Gemeente, Inwonertal, Herindeling, Fusieorganisatie, Deelname, Casus]
    opname = {m.__name__: sorted(m.objects.values_list(), key=str) for m in modellen}
    opname["koppelingen"] = sorted(Gemeente.huidige_gemeenten.through.objects.values_list())
    return opname


def test_loading_twice_changes_nothing():
    voor = _momentopname()
    verslag = laad_referentiedata()
    assert not verslag.iets_gewijzigd
    assert _momentopname() == voor


def test_the_command_says_nothing_changed_on_a_second_run(capsys):
    call_command("laad_referentiedata")
    uitvoer = capsys.readouterr().out
    assert "Referentiegegevens waren al actueel." in uitvoer
    assert "Gemeenten: 0 nieuw, 0 gewijzigd, 410 ongewijzigd" in uitvoer


def test_it_repairs_a_changed_row():
    Gemeente.objects.filter(code="GM0489").update(naam="Verkeerd")
    verslag = laad_referentiedata()
    assert verslag.tellingen["Gemeenten"].gewijzigd == 1
    assert Gemeente.objects.get(code="GM0489").naam == "Barendrecht"


@pytest.fixture
def kapotte_fixtures(tmp_path, monkeypatch):
    kopie = tmp_path / "fixtures"
    shutil.copytree(referentiedata.FIXTURES, kopie)
    monkeypatch.setattr(referentiedata, "FIXTURES", kopie)
    return kopie


def test_a_malformed_file_is_reported_with_its_lines_and_loads_nothing(kapotte_fixtures):
    pad = kapotte_fixtures / "cbs" / "herindelingen_2018_2023.csv"
    regels = pad.read_text(encoding="utf-8").splitlines()
    regels[1] = regels[1].replace("2018-01-01", "1-1-2018")
    regels[2] = regels[2].replace("GM1952", "GM9999")
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    Gemeente.objects.filter(code="GM0489").update(naam="Verkeerd")

    with pytest.raises(ReferentiedataFout) as fout:
        laad_referentiedata()

    assert fout.value.fouten == [
        "fixtures/cbs/herindelingen_2018_2023.csv regel 2: ongeldige datum '1-1-2018'",
        "fixtures/cbs/herindelingen_2018_2023.csv regel 3: onbekende gemeentecode GM9999",
    ]
    assert Gemeente.objects.get(code="GM0489").naam == "Verkeerd"  # Nothing was loaded.


def test_the_command_fails_with_a_dutch_message_on_a_bad_file(kapotte_fixtures):
    pad = kapotte_fixtures / "cbs" / "gemeenten_2022_2025.csv"
    regels = pad.read_text(encoding="utf-8").splitlines()
    velden = regels[5].split(",")
    velden[10] = "veel"  # inwoners_2025_01_01
    regels[5] = ",".join(velden)
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")

    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="regel 6: inwoners_2025_01_01 is geen geheel getal"):
        call_command("laad_referentiedata")


def test_an_unknown_member_in_the_register_file_loads_nothing(kapotte_fixtures):
    pad = kapotte_fixtures / "rapport" / "fusieorganisaties.json"
    pad.write_text(pad.read_text(encoding="utf-8").replace('"GM0489"', '"GM4890"'))
    Fusieorganisatie.objects.filter(slug="bar-organisatie").update(naam="Verkeerd")

    with pytest.raises(ReferentiedataFout) as fout:
        laad_referentiedata()

    assert fout.value.fouten == [
        "fixtures/rapport/fusieorganisaties.json: bar-organisatie: onbekende deelnemer GM4890"
    ]
    assert Fusieorganisatie.objects.get(slug="bar-organisatie").naam == "Verkeerd"


def test_a_broken_json_file_is_reported_with_its_line(kapotte_fixtures):
    pad = kapotte_fixtures / "rapport" / "casussen.json"
    pad.write_text(pad.read_text(encoding="utf-8").replace('"slug": "bar"', '"slug": bar'))

    with pytest.raises(ReferentiedataFout, match=r"fixtures/rapport/casussen.json regel \d+"):
        laad_referentiedata()
