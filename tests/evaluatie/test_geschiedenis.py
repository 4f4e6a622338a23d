"""An evaluatie's history, kept as an afweging's is (`afweging.services.vastleggen` on the
abstract `Geschiedenisregel`): who started it with which kader, each save with the indicators
and what changed, autosaves while typing merged into one line, shown on the overview."""

import pytest
from django.urls import reverse

from afweging.models import Wijziging as Afwegingwijziging
from evaluatie.models import Wijziging
from tests.html import soep

pytestmark = pytest.mark.django_db


def post_domein(client, evaluatie, volgorde: int, score: str, motivering: str, **extra):
    rijen = list(
        evaluatie.oordelen.filter(indicator__domein__code="publieke_waarde").order_by(
            "indicator__volgorde"
        )
    )
    evaluatie.refresh_from_db()
    data = {
        "versie": evaluatie.versie, "oordelen-TOTAL_FORMS": len(rijen),
        "oordelen-INITIAL_FORMS": len(rijen), "oordelen-MIN_NUM_FORMS": 0,
        "oordelen-MAX_NUM_FORMS": 1000, "actie": "opslaan",
    }  # fmt: skip
    for i, o in enumerate(rijen):
        nieuw = o.indicator.volgorde == volgorde
        data |= {
            f"oordelen-{i}-id": o.pk,
            f"oordelen-{i}-score": score if nieuw else o.score,
            f"oordelen-{i}-motivering": motivering if nieuw else o.motivering,
            f"oordelen-{i}-bronnen": o.bronnen,
        }
    return client.post(
        reverse("evaluatie:domein", kwargs={"pk": evaluatie.pk, "domein": "publieke_waarde"}),
        data | extra,
    )


def test_starting_and_saving_are_in_the_evaluaties_own_history(adviseur_client, maak_evaluatie):
    evaluatie = maak_evaluatie()
    afwegingregels = Afwegingwijziging.objects.count()
    [start] = evaluatie.wijzigingen.all()
    assert start.wat.startswith(f"Evaluatie gestart: {evaluatie.titel}")
    assert f"evaluatiekader versie {evaluatie.kader.versie}" in start.wat

    antwoord = post_domein(
        adviseur_client, evaluatie, 2, "1", "De KTO-score steeg van 6,8 naar 7,4."
    )
    assert antwoord.status_code == 302
    laatste = evaluatie.wijzigingen.first()
    assert laatste.door == evaluatie.aangemaakt_door
    assert laatste.wat.startswith(
        "Publieke waarde, indicator 2 ‘De dienstverlening aan burgers en bedrijven is verbeterd’: "
    )
    assert "score leeg → +1" in laatste.wat and "motivering gewijzigd" in laatste.wat
    # Nothing of it in any afweging's history.
    assert Afwegingwijziging.objects.count() == afwegingregels

    pagina = soep(adviseur_client.get(reverse("evaluatie:overzicht", kwargs={"pk": evaluatie.pk})))
    tabel = pagina.find(id="geschiedenis-kop").find_parent("section").table
    teksten = [r.find_all("td")[2].get_text() for r in tabel.tbody.find_all("tr")]
    assert teksten == [laatste.tekst, start.tekst]


def test_autosaves_of_the_same_text_are_one_line(adviseur_client, maak_evaluatie):
    evaluatie = maak_evaluatie()
    for tekst in ("Eerste", "Eerste zin", "Eerste zin, langer"):
        antwoord = post_domein(adviseur_client, evaluatie, 3, "", tekst, _autosave="1")
        assert antwoord.json()["opgeslagen"] is True
    assert Wijziging.objects.filter(evaluatie=evaluatie).count() == 2  # started, one edit


def test_indicators_that_share_their_text_are_told_apart_by_their_number(
    adviseur_client, maak_evaluatie
):
    evaluatie = maak_evaluatie()
    besturing = evaluatie.kader.domeinen.get(code__startswith="besturing")
    oordelen = list(
        evaluatie.oordelen.filter(indicator__domein=besturing).order_by("indicator__volgorde")
    )
    per_tekst = {}
    for o in oordelen:
        per_tekst.setdefault(o.indicator.naam, []).append(o)
    (paar,) = [lijst for lijst in per_tekst.values() if len(lijst) > 1]
    url = reverse("evaluatie:domein", kwargs={"pk": evaluatie.pk, "domein": besturing.code})
    regels = []
    for nieuw in paar:
        evaluatie.refresh_from_db()
        data = {
            "versie": evaluatie.versie, "oordelen-TOTAL_FORMS": len(oordelen),
            "oordelen-INITIAL_FORMS": len(oordelen), "oordelen-MIN_NUM_FORMS": 0,
            "oordelen-MAX_NUM_FORMS": 1000, "actie": "opslaan",
        }  # fmt: skip
        for i, o in enumerate(oordelen):
            data |= {
                f"oordelen-{i}-id": o.pk, f"oordelen-{i}-bronnen": "",
                f"oordelen-{i}-score": "1" if o.pk == nieuw.pk else o.score,
                f"oordelen-{i}-motivering": "Zo bevonden." if o.pk == nieuw.pk else o.motivering,
            }  # fmt: skip
        assert adviseur_client.post(url, data).status_code == 302
        oordelen = [o.__class__.objects.get(pk=o.pk) for o in oordelen]
        regels.append(evaluatie.wijzigingen.first().wat)
    eerste, tweede = paar
    assert regels[0].startswith(f"{besturing.naam}, indicator {eerste.indicator.volgorde} ‘")
    assert regels[1].startswith(f"{besturing.naam}, indicator {tweede.indicator.volgorde} ‘")
    assert eerste.indicator.volgorde != tweede.indicator.volgorde
