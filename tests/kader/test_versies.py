"""The kader as versioned data: loaded from its fixture, frozen once used, copied to change."""

import json
import shutil

import pytest
from django.core.management import call_command
from django.urls import reverse

from afweging.selectors import resultaat
from afweging.services import afweging_aanmaken
from casussen.models import Gemeente
from kader import versies as kadermodule
from kader.models import Deelvraag, Kader, Succesfactor
from kader.versies import KaderFout, actief_kader, kader_nieuwe_versie, laad_kaders

pytestmark = pytest.mark.django_db


def test_the_kader_has_three_onderdelen_and_the_eight_deelvragen_of_11_3():
    kader = actief_kader()
    assert [o.naam for o in kader.onderdelen.all()] == [
        "Meerwaarde",
        "Condities",
        "Weging varianten",
    ]
    nummers = {o.code: [d.nummer for d in o.deelvragen.all()] for o in kader.onderdelen.all()}
    assert nummers == {"meerwaarde": [1, 2, 3], "condities": [4, 5, 6], "weging": [7, 8]}
    assert Deelvraag.objects.get(onderdeel__kader=kader, nummer=5).naam.startswith(
        "Is er voldoende politiek draagvlak"
    )
    assert all(d.toelichting and d.rapport_paragraaf for d in Deelvraag.objects.all())


def test_the_succesfactoren_come_from_both_boxes_and_the_checklist():
    fasen = [s.fase for s in actief_kader().succesfactoren.all()]
    assert (fasen.count("vorming"), fasen.count("werking"), fasen.count("checklist")) == (5, 4, 6)
    assert Succesfactor.objects.filter(naam="Niet te vroeg evalueren").exists()


def test_the_indicators_of_4_3_are_linked_to_deelvragen():
    kader = actief_kader()
    assert kader.indicatoren.count() == 38
    assert {i.domein for i in kader.indicatoren.all()} == {
        "Publieke waarde", "Legitimiteit", "Besturing en organisatie",
    }  # fmt: skip
    assert all(d.indicatoren.exists() for d in Deelvraag.objects.filter(onderdeel__kader=kader))


def test_loading_twice_changes_nothing():
    assert laad_kaders() == ["Kader versie 1: ongewijzigd"]
    assert Kader.objects.count() == 1


@pytest.fixture
def gewijzigd_bestand(tmp_path):
    kopie = tmp_path / "kader"
    shutil.copytree(kadermodule.KADER_FIXTURES, kopie)
    pad = kopie / "kader_v1.json"
    inhoud = json.loads(pad.read_text(encoding="utf-8"))
    inhoud["onderdelen"][0]["deelvragen"][0]["gewicht"] = 2.0
    pad.write_text(json.dumps(inhoud, ensure_ascii=False), encoding="utf-8")
    return kopie


def test_an_unused_version_follows_its_file(gewijzigd_bestand):
    assert laad_kaders(gewijzigd_bestand) == ["Kader versie 1: bijgewerkt"]
    assert float(Deelvraag.objects.get(nummer=1).gewicht) == 2.0


def test_a_used_version_never_changes(gewijzigd_bestand, adviseur):
    afweging_aanmaken(
        door=adviseur,
        velden={"titel": "In gebruik", "variant": "openbaar_lichaam"},
        gemeenten=Gemeente.objects.filter(code__in=["GM0547", "GM0638"]),
    )
    with pytest.raises(KaderFout, match="wordt gebruikt door afwegingen"):
        laad_kaders(gewijzigd_bestand)
    assert float(Deelvraag.objects.get(nummer=1).gewicht) == 1.0


def test_an_afweging_keeps_its_kader_version_after_the_kader_changes(adviseur):
    leden = Gemeente.objects.filter(code__in=["GM0547", "GM0638"])
    oud = afweging_aanmaken(
        door=adviseur, velden={"titel": "Oud", "variant": "openbaar_lichaam"}, gemeenten=leden
    )
    nieuw_kader = kader_nieuwe_versie(kader=oud.kader)
    deelvraag = Deelvraag.objects.get(onderdeel__kader=nieuw_kader, nummer=1)
    deelvraag.naam = "Gewijzigde deelvraag 1"
    deelvraag.gewicht = 3
    deelvraag.save()
    nieuw_kader.gepubliceerd = True
    nieuw_kader.save()

    nieuw = afweging_aanmaken(
        door=adviseur, velden={"titel": "Nieuw", "variant": "openbaar_lichaam"}, gemeenten=leden
    )
    oud.refresh_from_db()
    assert (oud.kader.versie, nieuw.kader.versie) == (1, 2)
    assert oud.antwoorden.get(deelvraag__nummer=1).deelvraag.naam.startswith("Wat is de bijdrage")
    assert nieuw.antwoorden.get(deelvraag__nummer=1).deelvraag.naam == "Gewijzigde deelvraag 1"
    assert resultaat(oud).uitkomst.volledigheid.aantal == 8


def test_the_admin_refuses_to_change_a_used_kader(client, beheerder, adviseur):
    kader = actief_kader()
    afweging_aanmaken(
        door=adviseur,
        velden={"titel": "In gebruik", "variant": "openbaar_lichaam"},
        gemeenten=Gemeente.objects.filter(code__in=["GM0547", "GM0638"]),
    )
    client.force_login(beheerder)
    deelvraag = Deelvraag.objects.get(onderdeel__kader=kader, nummer=1)
    url = reverse("admin:kader_deelvraag_change", args=[deelvraag.pk])
    response = client.post(url, {"naam": "Gewijzigd"})
    assert response.status_code == 403
    assert Deelvraag.objects.get(pk=deelvraag.pk).naam != "Gewijzigd"


def test_the_admin_action_makes_an_unpublished_copy(client, beheerder):
    client.force_login(beheerder)
    kader = actief_kader()
    client.post(
        reverse("admin:kader_kader_changelist"),
        {"action": "nieuwe_versie", "_selected_action": [kader.pk]},
    )
    kopie = Kader.objects.get(versie=2)
    assert not kopie.gepubliceerd
    assert kopie.onderdelen.count() == 3
    assert Deelvraag.objects.filter(onderdeel__kader=kopie).count() == 8
    assert kopie.succesfactoren.count() == 15
    assert actief_kader().versie == 1


def test_the_voorbeeldafweging_is_made_once_and_is_complete(adviseur, capsys, settings):
    adviseur.username = "adviseur"
    adviseur.save()
    call_command("maak_voorbeeldafweging")
    eerste = capsys.readouterr().out.strip()
    call_command("maak_voorbeeldafweging")
    assert capsys.readouterr().out.strip() == eerste
    from afweging.models import Afweging

    afweging = Afweging.objects.get(pk=int(eerste))
    assert afweging.is_voorbeeld
    assert Afweging.objects.filter(is_voorbeeld=True).count() == 1
    uitkomst = resultaat(afweging).uitkomst
    assert uitkomst.volledigheid.volledig
    assert uitkomst.advies.value == "positief_onder_voorwaarden"
    assert sorted(d.gemeente.naam for d in afweging.deelnemers.all()) == [
        "Leiderdorp", "Oegstgeest", "Zoeterwoude",
    ]  # fmt: skip


def test_a_kader_without_the_eight_numbered_deelvragen_or_with_a_zero_weight_is_refused(tmp_path):
    kopie = tmp_path / "kader"
    shutil.copytree(kadermodule.KADER_FIXTURES, kopie)
    pad = kopie / "kader_v1.json"
    inhoud = json.loads(pad.read_text(encoding="utf-8"))
    inhoud["versie"] = 2
    inhoud["onderdelen"][2]["deelvragen"][1]["nummer"] = 7
    inhoud["onderdelen"][0]["deelvragen"][0]["gewicht"] = 0
    (kopie / "kader_v2.json").write_text(json.dumps(inhoud, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(KaderFout) as fout:
        laad_kaders(kopie)
    assert "nummers 1 tot en met 8" in str(fout.value)
    assert "Deelvraag 1 heeft gewicht 0" in str(fout.value)
    assert not Kader.objects.filter(versie=2).exists()


def test_the_admin_offers_no_used_kader_to_add_a_deelvraag_to(client, beheerder, adviseur):
    afweging_aanmaken(
        door=adviseur,
        velden={"titel": "In gebruik", "variant": "openbaar_lichaam"},
        gemeenten=Gemeente.objects.filter(code__in=["GM0547", "GM0638"]),
    )
    client.force_login(beheerder)
    response = client.get(reverse("admin:kader_deelvraag_add"))
    keuzes = response.context["adminform"].form.fields["onderdeel"].queryset
    assert not keuzes.exists()


def test_publishing_a_broken_copy_is_refused(client, beheerder):
    client.force_login(beheerder)
    kopie = kader_nieuwe_versie(kader=actief_kader())
    Deelvraag.objects.filter(onderdeel__kader=kopie, nummer=8).delete()
    client.post(
        reverse("admin:kader_kader_changelist"),
        {"action": "publiceer", "_selected_action": [kopie.pk]},
    )
    kopie.refresh_from_db()
    assert not kopie.gepubliceerd


def test_the_beheerder_cannot_see_afwegingen_in_the_admin(client, beheerder, adviseur):
    afweging = afweging_aanmaken(
        door=adviseur,
        velden={"titel": "Geheim", "variant": "openbaar_lichaam"},
        gemeenten=Gemeente.objects.filter(code__in=["GM0547", "GM0638"]),
    )
    client.force_login(beheerder)
    assert client.get(reverse("admin:afweging_afweging_changelist")).status_code == 403
    url = reverse("admin:afweging_afweging_change", args=[afweging.pk])
    assert client.get(url).status_code in (302, 403)
