"""The evaluatiekader of §4.3 as versioned data: its fixture, loading it, the checks before
publishing, the admin and copying a version.

The expected counts are made by hand from the table in the report (regels 1817–1945), not
from the fixture: every bullet under its aspect and "Voor de …" heading.
"""

import datetime
import json
import re
import shutil
from collections import Counter

import pytest
from django.core.management import call_command
from django.urls import reverse

from casussen.models import Fusieorganisatie, Provincie
from evaluatie.models import Evaluatie
from kader import versies as kadermodule
from kader.models import Evaluatiedomein, Evaluatieindicator, Evaluatiekader
from kader.versies import (
    KaderFout,
    actief_evaluatiekader,
    actief_kader,
    evaluatiekader_nieuwe_versie,
    evaluatiekader_problemen,
    laad_evaluatiekaders,
)

pytestmark = pytest.mark.django_db

PW, LG, BO = "Publieke waarde", "Legitimiteit", "Besturing en organisatie"
EIGEN, REGIO = "eigen gemeenten", "regio"

# The table of §4.3, counted by hand: (domein, aspect, niveau) → number of bullets.
TABEL = {
    (PW, "Resultaten", EIGEN): 10,  # regels 1827–1846
    (PW, "Resultaten", REGIO): 3,  # 1848–1850
    (LG, "Rechtmatigheid", EIGEN): 2,  # 1857–1858 ("Voor de gemeenten")
    (LG, "Rechtmatigheid", REGIO): 2,  # 1860–1863
    (LG, "Draagvlak", "bevolking"): 2,  # 1868–1869
    (LG, "Draagvlak", EIGEN): 5,  # 1874–1887
    (LG, "Draagvlak", REGIO): 2,  # 1889–1893
    (BO, "Besturingsgremia", EIGEN): 4,  # 1900–1911
    (BO, "Besturingsgremia", REGIO): 3,  # 1913–1921
    (BO, "Informatievoorziening", "gemeenten en regio"): 2,  # 1927–1931
    (BO, "Vormgeving ambtelijke organisatie", EIGEN): 3,  # 1939–1945
}

KOSTEN = "De totale kosten van de organisatie zijn in verhouding tot het takenpakket afgenomen"


def _indicatoren(kader):
    return Evaluatieindicator.objects.filter(domein__kader=kader).select_related("domein")


@pytest.fixture
def evaluatie_op(adviseur):
    """An evaluatie of BAR-organisatie that pins the given evaluatiekader version."""

    def maak(kader):
        return Evaluatie.objects.create(
            titel="Evaluatie BAR-organisatie",
            provincie=Provincie.objects.get(code="PV28"),
            kader=kader,
            fusieorganisatie=Fusieorganisatie.objects.get(naam="BAR-organisatie"),
            peildatum=datetime.date(2024, 1, 1),
            aangemaakt_door=adviseur,
        )

    return maak


@pytest.fixture
def kopie(tmp_path):
    """A copy of the kader fixtures to change: `kopie.bewerk(lambda inhoud: …)`."""
    map = tmp_path / "kader"
    shutil.copytree(kadermodule.KADER_FIXTURES, map)

    class Kopie:
        pad = map

        @staticmethod
        def bewerk(wijzig, naam="evaluatiekader_v1.json", bron="evaluatiekader_v1.json"):
            inhoud = json.loads((map / bron).read_text(encoding="utf-8"))
            wijzig(inhoud)
            (map / naam).write_text(json.dumps(inhoud, ensure_ascii=False), encoding="utf-8")

    return Kopie


# The fixture ---------------------------------------------------------------------------


def test_the_evaluatiekader_has_the_three_domains_and_every_indicator_of_the_table():
    kader = actief_evaluatiekader()
    assert [d.naam for d in kader.domeinen.all()] == [PW, LG, BO]
    telling = Counter((i.domein.naam, i.aspect, i.niveau) for i in _indicatoren(kader))
    assert telling == TABEL
    assert sum(TABEL.values()) == 38


def test_its_indicators_are_the_statements_of_the_afwegingskader_list_under_the_same_codes():
    """kader_v1.json lists the same table as its indicatoren; the two must not drift apart."""
    lijst = {i.code: i.naam for i in actief_kader().indicatoren.all()}
    eigen = {i.code: i.naam for i in _indicatoren(actief_evaluatiekader())}
    assert eigen == lijst


def test_the_statements_are_whole_sentences_without_line_breaks_or_hyphenation():
    for indicator in _indicatoren(actief_evaluatiekader()):
        assert indicator.naam == " ".join(indicator.naam.split())
        # "wet- en regelgeving" is the report's; "vraagstel- ling" would be a line break.
        assert not re.search(r"\w- (?!en |of )", indicator.naam), indicator.naam
        assert not indicator.naam.endswith(".")
        assert indicator.naam[0].isupper()


def test_every_rapport_regel_lies_in_the_table_in_its_order():
    kader = actief_evaluatiekader()
    assert kader.rapport_regel == 1789  # "Evaluatiekader als leidraad"
    assert [d.rapport_regel for d in kader.domeinen.all()] == [1817, 1852, 1895]
    regels = [i.rapport_regel for i in _indicatoren(kader)]
    assert regels == sorted(regels) and len(set(regels)) == 38
    assert regels[0] == 1827 and regels[-1] == 1943
    per_domein = {d.naam: d.rapport_regel for d in kader.domeinen.all()}
    volgende = {PW: 1852, LG: 1895, BO: 1946}
    for i in _indicatoren(kader):
        assert per_domein[i.domein.naam] < i.rapport_regel < volgende[i.domein.naam]


def test_only_the_cost_indicator_is_filled_in_from_the_data():
    bewijs = _indicatoren(actief_evaluatiekader()).exclude(bewijs="")
    assert [(i.code, i.naam, i.bewijs) for i in bewijs] == [
        ("pw_g_totale_kosten", KOSTEN, Evaluatieindicator.Bewijs.KOSTEN)
    ]


def test_the_kader_its_domains_and_indicators_explain_themselves():
    kader = actief_evaluatiekader()
    assert (kader.versie, kader.naam) == (1, "Evaluatiekader ambtelijke fusie")
    assert kader.bron == "Rapport §4.3 (naar het Public Value-model van Moore)"
    assert "'toen'" in kader.toelichting and "opstartfase" in kader.toelichting
    assert kader.schaal == actief_kader().schaal
    for deel in [*kader.domeinen.all(), *_indicatoren(kader)]:
        zinnen = [z for z in deel.toelichting.replace("?", ".").split(". ") if z.strip()]
        assert 2 <= len(zinnen) <= 4, deel.code
        assert deel.toelichting != deel.naam
    assert "Iv3" in _indicatoren(kader).get(bewijs="kosten").toelichting


def test_the_published_kader_passes_its_checks():
    assert evaluatiekader_problemen(actief_evaluatiekader()) == []


# Loading ---------------------------------------------------------------------------------


def test_loading_twice_changes_nothing():
    voor = list(_indicatoren(actief_evaluatiekader()).values_list("pk", "naam"))
    assert laad_evaluatiekaders() == ["Evaluatiekader versie 1: ongewijzigd"]
    assert Evaluatiekader.objects.count() == 1
    assert list(_indicatoren(actief_evaluatiekader()).values_list("pk", "naam")) == voor


def test_the_reference_data_command_loads_the_evaluatiekader(capsys):
    call_command("laad_referentiedata")
    uit = capsys.readouterr().out
    assert "Evaluatiekader versie 1: ongewijzigd" in uit.splitlines()
    assert "Referentiegegevens waren al actueel." in uit


def test_an_unused_version_is_restored_from_its_file_and_says_what_it_restored():
    indicator = _indicatoren(actief_evaluatiekader()).get(code="lg_b_burgers")
    indicator.naam = "Gewijzigd in de admin"
    indicator.save()
    Evaluatiedomein.objects.filter(code="legitimiteit").update(toelichting="")
    assert laad_evaluatiekaders() == [
        "Evaluatiekader versie 1: bijgewerkt (teruggezet: domein legitimiteit; indicator "
        "lg_b_burgers)"
    ]
    kader = actief_evaluatiekader()
    assert kader.gepubliceerd
    assert (
        _indicatoren(kader).get(code="lg_b_burgers").naam
        == "De burgers kunnen zich vinden in het bestaan van de fusieorganisatie"
    )
    assert kader.domeinen.get(code="legitimiteit").toelichting


def test_a_version_in_use_is_refused_with_a_message_and_nothing_loads(kopie, evaluatie_op):
    """Version 2 is in use and its file differs; version 1 is unused and its file differs
    too, and is loaded first: it must stay as it was, as the whole load is refused."""
    gebruikt = evaluatiekader_nieuwe_versie(kader=actief_evaluatiekader())
    evaluatie_op(gebruikt)

    def v1_anders(inhoud):
        inhoud["naam"] = "Ander evaluatiekader"

    def v2_anders(inhoud):
        inhoud["versie"] = 2
        inhoud["domeinen"][0]["indicatoren"][1]["naam"] = "Een andere stelling"

    kopie.bewerk(v2_anders, naam="evaluatiekader_v2.json")
    kopie.bewerk(v1_anders)
    with pytest.raises(KaderFout) as fout:
        laad_evaluatiekaders(kopie.pad)
    melding = str(fout.value)
    assert "Evaluatiekader versie 2 wordt gebruikt (1 evaluatie)" in melding
    assert "evaluatiekader_v2.json" in melding and "indicator pw_g_dienstverlening" in melding
    assert "nieuw versienummer" in melding
    assert Evaluatiekader.objects.get(versie=1).naam == "Evaluatiekader ambtelijke fusie"
    assert _indicatoren(gebruikt).get(code="pw_g_dienstverlening").naam == (
        "De dienstverlening aan burgers en bedrijven is verbeterd"
    )


def test_a_file_with_an_empty_domain_a_double_code_or_two_cost_indicators_is_refused(kopie):
    def kapot(inhoud):
        inhoud["versie"] = 2
        inhoud["schaal"].pop("0")
        inhoud["domeinen"][2]["indicatoren"] = []
        inhoud["domeinen"][1]["indicatoren"][0]["code"] = "pw_g_dienstverlening"
        inhoud["domeinen"][0]["indicatoren"][0]["bewijs"] = "kosten"

    kopie.bewerk(kapot, naam="evaluatiekader_v2.json")
    with pytest.raises(KaderFout) as fout:
        laad_evaluatiekaders(kopie.pad)
    melding = str(fout.value)
    assert melding.startswith("evaluatiekader_v2.json: ")
    assert "Domein 'Besturing en organisatie' heeft geen indicatoren." in melding
    assert "De indicatorcode 'pw_g_dienstverlening' komt meer dan eens voor" in melding
    assert "Hooguit één indicator heeft bewijs 'kosten'; nu: pw_g_doelen_lokaal, " in melding
    assert "De schaal moet precies de punten" in melding
    assert not Evaluatiekader.objects.filter(versie=2).exists()


def test_a_file_missing_a_field_names_it(kopie):
    kopie.bewerk(lambda inhoud: inhoud["domeinen"][0]["indicatoren"][2].pop("aspect"))
    with pytest.raises(KaderFout, match="Indicator 3 van domein 1 mist 'aspect'"):
        laad_evaluatiekaders(kopie.pad)


# In use ----------------------------------------------------------------------------------


def test_in_use_follows_from_the_evaluatie_that_pins_the_version(evaluatie_op):
    kader = actief_evaluatiekader()
    assert not kader.in_gebruik
    assert list(Evaluatiekader.objects.ongebruikt()) == [kader]
    evaluatie_op(kader)
    assert kader.in_gebruik and kader.aantal_gebruikt == 1
    assert not Evaluatiekader.objects.ongebruikt().exists()
    assert not actief_kader().in_gebruik  # the afwegingskader's use is its own


# The admin -------------------------------------------------------------------------------


def test_the_admin_refuses_to_change_a_used_evaluatiekader(client, beheerder, evaluatie_op):
    kader = actief_evaluatiekader()
    evaluatie_op(kader)
    client.force_login(beheerder)
    indicator = _indicatoren(kader).get(code="pw_g_dienstverlening")
    url = reverse("admin:kader_evaluatieindicator_change", args=[indicator.pk])
    response = client.post(url, {"naam": "Gewijzigd"})
    assert response.status_code == 403
    assert Evaluatieindicator.objects.get(pk=indicator.pk).naam != "Gewijzigd"
    domein = kader.domeinen.get(code="publieke_waarde")
    response = client.get(reverse("admin:kader_evaluatiedomein_change", args=[domein.pk]))
    assert not response.context["has_change_permission"]
    assert all(
        not formset.has_add_permission and not formset.has_change_permission
        for formset in response.context["inline_admin_formsets"]
    )
    response = client.get(reverse("admin:kader_evaluatieindicator_add"))
    assert not response.context["adminform"].form.fields["domein"].queryset.exists()


def test_the_admin_edits_an_unused_evaluatiekader_with_its_domains_inline(client, beheerder):
    client.force_login(beheerder)
    kader = actief_evaluatiekader()
    response = client.get(reverse("admin:kader_evaluatiekader_change", args=[kader.pk]))
    assert response.context["has_change_permission"]
    (domeinen,) = response.context["inline_admin_formsets"]
    assert [f.original.code for f in domeinen if f.original] == [
        "publieke_waarde", "legitimiteit", "besturing_organisatie",
    ]  # fmt: skip
    domein = kader.domeinen.get(code="besturing_organisatie")
    response = client.get(reverse("admin:kader_evaluatiedomein_change", args=[domein.pk]))
    (indicatoren,) = response.context["inline_admin_formsets"]
    assert len([f for f in indicatoren if f.original]) == 12  # 4 + 3 + 2 + 3 in the table


def test_the_admin_action_makes_an_unpublished_copy(client, beheerder):
    client.force_login(beheerder)
    kader = actief_evaluatiekader()
    client.post(
        reverse("admin:kader_evaluatiekader_changelist"),
        {"action": "nieuwe_versie", "_selected_action": [kader.pk]},
    )
    kopie = Evaluatiekader.objects.get(versie=2)
    assert not kopie.gepubliceerd
    assert kopie.domeinen.count() == 3
    assert Counter((i.domein.naam, i.aspect, i.niveau) for i in _indicatoren(kopie)) == Counter(
        (i.domein.naam, i.aspect, i.niveau) for i in _indicatoren(kader)
    )
    assert actief_evaluatiekader().versie == 1


def test_publishing_a_copy_with_an_empty_domain_is_refused_and_named(client, beheerder):
    client.force_login(beheerder)
    kopie = evaluatiekader_nieuwe_versie(kader=actief_evaluatiekader())
    Evaluatieindicator.objects.filter(domein__kader=kopie, domein__code="legitimiteit").delete()
    url = reverse("admin:kader_evaluatiekader_changelist")
    response = client.post(
        url, {"action": "publiceer", "_selected_action": [kopie.pk]}, follow=True
    )
    kopie.refresh_from_db()
    assert not kopie.gepubliceerd
    meldingen = [str(m) for m in response.context["messages"]]
    assert meldingen == [
        "Versie 2 niet gepubliceerd: Domein 'Legitimiteit' heeft geen indicatoren."
    ]
    assert actief_evaluatiekader().versie == 1


def test_publishing_a_sound_copy_makes_it_the_active_version(client, beheerder):
    client.force_login(beheerder)
    kopie = evaluatiekader_nieuwe_versie(kader=actief_evaluatiekader())
    client.post(
        reverse("admin:kader_evaluatiekader_changelist"),
        {"action": "publiceer", "_selected_action": [kopie.pk]},
    )
    assert actief_evaluatiekader() == kopie


def test_the_command_copies_a_version_of_either_kader(capsys):
    call_command("kader_nieuwe_versie", "evaluatiekader")
    assert capsys.readouterr().out.startswith(
        "Evaluatiekader versie 2 gemaakt als kopie van versie 1 (niet gepubliceerd)"
    )
    kopie = Evaluatiekader.objects.get(versie=2)
    assert _indicatoren(kopie).count() == 38 and not kopie.gepubliceerd
    call_command("kader_nieuwe_versie", "afwegingskader", "1")
    assert "Afwegingskader versie 2 gemaakt" in capsys.readouterr().out


def test_the_change_form_cannot_publish_past_the_checks(client, beheerder):
    client.force_login(beheerder)
    kopie = evaluatiekader_nieuwe_versie(kader=actief_evaluatiekader())
    response = client.get(reverse("admin:kader_evaluatiekader_change", args=[kopie.pk]))
    assert "gepubliceerd" not in response.context["adminform"].form.fields
    assert "naam" in response.context["adminform"].form.fields
