"""The Iv3 import: equal to the source for every gemeente, idempotent, atomic, two formats."""

import csv
import gzip
import shutil
from decimal import Decimal

import pytest

from benchmark import iv3
from benchmark.iv3 import Iv3Fout, laad_iv3, naam_naar_code
from benchmark.models import Iv3Bestand, Iv3Regel, Iv3Totaal
from casussen.models import Gemeente

pytestmark = pytest.mark.django_db

BESTANDEN = [
    (2023, "jaarrekening"), (2023, "begroting"), (2024, "begroting"), (2025, "begroting"),
]  # fmt: skip


@pytest.mark.parametrize(("jaar", "document"), BESTANDEN)
def test_the_imported_figures_equal_the_source_file_for_every_gemeente(jaar, document):
    pad = iv3.IV3_FIXTURES / f"iv3_taakvelden_{jaar}_{document}.csv.gz"
    codes = naam_naar_code()
    with gzip.open(pad, "rt", encoding="utf-8") as bestand:
        bron = list(csv.DictReader(bestand, delimiter=";"))
    opgeslagen = {
        (r["gemeente__code"], r["taakveld__code"]): r
        for r in Iv3Regel.objects.filter(bestand__jaar=jaar, bestand__document=document).values(
            "gemeente__code", "taakveld__code", "lasten", "baten", "salarissen"
        )
    }
    totalen = {
        r["taakveld__code"]: r
        for r in Iv3Totaal.objects.filter(bestand__jaar=jaar, bestand__document=document).values(
            "taakveld__code", "lasten", "baten", "salarissen"
        )
    }
    for rij in bron:
        taakveld = rij["Taakveld"].split(" ", 1)[0]
        if rij["Gemeenten"] == "Nederland":
            doel = totalen[taakveld]
        else:
            doel = opgeslagen.pop((codes[rij["Gemeenten"]], taakveld))
        assert doel["lasten"] == Decimal(rij["Lasten"])
        assert doel["baten"] == Decimal(rij["Baten"])
        salaris = rij["L1.1 Salarissen en sociale lasten"]
        assert doel["salarissen"] == (Decimal(salaris) if salaris else None)
    assert opgeslagen == {}  # Nothing in the database that the file does not have.


def test_every_current_gemeente_is_matched_including_suffixed_names():
    for jaar, document in BESTANDEN:
        bestand = Iv3Bestand.objects.get(jaar=jaar, document=document)
        gemeenten = bestand.regels.values("gemeente").distinct().count()
        assert gemeenten == Gemeente.objects.filter(datum_opheffing__isnull=True).count() == 342
    assert Iv3Regel.objects.filter(gemeente__code="GM0518").exists()  # 's-Gravenhage (gemeente)


def test_the_nederland_totals_are_kept_apart():
    bestand = Iv3Bestand.objects.get(jaar=2023, document="jaarrekening")
    overhead = bestand.totalen.get(taakveld__code="0.4")
    assert overhead.lasten == Decimal("8662696.0")  # × € 1.000: € 8,66 bn (PROVENANCE check)
    assert not Iv3Regel.objects.filter(gemeente__code__isnull=True).exists()


def test_loading_again_changes_nothing():
    voor = list(Iv3Regel.objects.order_by("pk").values_list("pk", flat=True)[:5])
    regels = laad_iv3()
    assert all("ongewijzigd" in r for r in regels)
    assert list(Iv3Regel.objects.order_by("pk").values_list("pk", flat=True)[:5]) == voor


@pytest.fixture
def map_(tmp_path):
    return tmp_path


def schrijf_lang(pad, regels, kop="gemeentecode,jaar,document,taakveld,lasten,baten,salarissen"):
    pad.write_text(kop + "\n" + "\n".join(regels) + "\n", encoding="utf-8")
    return pad


def volledig_jaar(jaar=2026):
    """A complete year in the long format: every current gemeente, overhead only."""
    codes = Gemeente.objects.filter(datum_opheffing__isnull=True).values_list("code", flat=True)
    return [
        f"{code},{jaar},jaarrekening,0.4,{1000 + i}.5,10,{500 + i}" for i, code in enumerate(codes)
    ]


def test_a_new_year_in_the_long_format_loads_next_to_the_others(map_):
    pad = schrijf_lang(
        map_ / "lang_2026.csv", [*volledig_jaar(), "NL01,2026,jaarrekening,0.4,9,1,"]
    )
    regels = laad_iv3([pad])
    assert regels == ["Iv3 jaarrekening 2026: geladen (343 regels)"]
    bestand = Iv3Bestand.objects.get(jaar=2026)
    assert bestand.regels.count() == 342
    assert bestand.totalen.get().salarissen is None
    assert Iv3Bestand.objects.count() == 5
    assert laad_iv3([pad]) == ["Iv3 jaarrekening 2026: ongewijzigd (343 regels)"]


def test_bad_rows_are_all_reported_with_their_line_and_nothing_loads(map_):
    regels = volledig_jaar()
    regels[0] = regels[0].replace(",0.4,", ",9.99,")
    regels[1] = regels[1].replace("jaarrekening", "rekening")
    regels[2] = regels[2].replace(".5,10,", ".5,veel,")
    regels[3] = "GM9999" + regels[3][6:]
    regels.append(regels[4])
    pad = schrijf_lang(map_ / "lang_2026.csv", regels)
    with pytest.raises(Iv3Fout) as fout:
        laad_iv3([pad])
    assert fout.value.fouten == [
        "lang_2026.csv regel 3: document moet jaarrekening of begroting zijn, niet 'rekening'",
        "lang_2026.csv regel 4: baten is geen getal: 'veel'",
        "lang_2026.csv regel 2: onbekend taakveld '9.99'",
        "lang_2026.csv regel 5: onbekende gemeentecode GM9999",
        "lang_2026.csv regel 344: dubbel met lang_2026.csv regel 6 ("
        + regels[4].split(",")[0]
        + ", taakveld 0.4, jaarrekening 2026)",
        fout.value.fouten[-1],
    ]
    assert fout.value.fouten[-1].startswith("jaarrekening 2026: geen cijfers voor 3 gemeente(n)")
    assert not Iv3Bestand.objects.filter(jaar=2026).exists()


def test_a_file_without_the_required_columns_is_refused(map_):
    pad = schrijf_lang(
        map_ / "lang.csv", ["GM0489,2026,0.4,1"], kop="gemeentecode,jaar,taakveld,lasten"
    )
    with pytest.raises(Iv3Fout, match="lang.csv regel 1: kolommen ontbreken: document, baten"):
        laad_iv3([pad])


def test_a_shipped_file_with_an_unknown_name_is_refused(map_):
    bron = iv3.IV3_FIXTURES / "iv3_taakvelden_2025_begroting.csv.gz"
    kopie = map_ / bron.name
    shutil.copy(bron, kopie)
    with gzip.open(kopie, "rt", encoding="utf-8") as f:
        inhoud = f.read().replace("\nBarendrecht;", "\nBarendrect;", 1)
    with gzip.open(kopie, "wt", encoding="utf-8") as f:
        f.write(inhoud)
    with pytest.raises(Iv3Fout) as fout:
        laad_iv3([kopie])
    assert "onbekende gemeentenaam 'Barendrect'" in fout.value.fouten[0]
    assert Iv3Bestand.objects.get(jaar=2025).regels.filter(gemeente__code="GM0489").exists()
