"""Importing an exported afweging: the round trip, refused documents, and the command."""

import copy
import io
import json
import re
from datetime import datetime

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from afweging.models import Afweging, Antwoord, Deelnemer, SuccesfactorAntwoord, Wijziging
from afweging.selectors import met_alles, resultaat
from afweging.voorbeeld import maak_voorbeeldafweging
from businesscase.models import Businesscase, BusinesscaseVariant
from review.models import Deling, Opmerking, Reactie
from tests.factories import GemeenteFactory, SecretarisFactory
from uitwisseling.exporteren import als_dict, als_json
from uitwisseling.importeren import MAX_TEKENS, ImportFout, importeer

pytestmark = pytest.mark.django_db

# What an imported afweging may not share with the one exported: the new row's id and the
# moments it was made and saved. The comments' ids are new too; `antwoord_op` points to them.
EIGEN_VELDEN = ["id", "aangemaakt", "gewijzigd"]
EIGEN_VELDEN_OPMERKING = ["id", "antwoord_op"]

MODELLEN = [
    Afweging, Deelnemer, Antwoord, SuccesfactorAntwoord, Businesscase, BusinesscaseVariant,
    Deling, Opmerking, Reactie, Wijziging,
]  # fmt: skip


def tellingen() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELLEN}


def zonder_eigen_velden(document: dict) -> dict:
    document = copy.deepcopy(document)
    for veld in EIGEN_VELDEN:
        del document[veld]
    for opmerking in document["opmerkingen"]:
        for veld in EIGEN_VELDEN_OPMERKING:
            del opmerking[veld]
    return document


def geschiedenis(afweging: Afweging) -> list[str]:
    return list(afweging.wijzigingen.order_by("moment", "pk").values_list("wat", flat=True))


# --- the round trip ------------------------------------------------------------------


def test_an_exported_afweging_imports_back_unchanged(afweging, adviseur, secretaris, collega):
    voor = als_dict(afweging)
    # The document carries everything this test claims to compare.
    assert voor["status"] == "vastgesteld" and voor["vastgesteld_door"] == adviseur.username
    assert voor["centrumgemeente"] == "GM0597"
    assert [o["auteur"] for o in voor["opmerkingen"]] == [
        secretaris.username, adviseur.username, secretaris.username,
    ]  # fmt: skip
    assert voor["reacties"][0]["antwoord"] == "Aangepast."
    assert voor["reacties"][0]["beantwoord_door"] == adviseur.username
    # Amended after that answer, and one received by e-mail, recorded by the adviseur.
    assert (voor["reacties"][0]["eerdere_tekst"], voor["reacties"][0]["eerder_standpunt"]) == (
        "Eens, mits de evaluatie later komt.", "kanttekeningen",
    )  # fmt: skip
    assert (voor["reacties"][1]["ontvangen_per"], voor["reacties"][1]["auteur"]) == (
        "email", adviseur.username,
    )  # fmt: skip
    assert voor["gedeeld_met"] == [secretaris.username, "secretaris-albrandswaard"]
    assert voor["businesscase"]["varianten"][0]["besparing_pct"] == 2.5
    assert voor["uitkomst"]["volledigheid_procent"] < 100

    kopie = importeer(copy.deepcopy(voor), collega)
    na = als_dict(Afweging.objects.get(pk=kopie.pk))

    # What must differ: a new afweging, made now, with its comments under new ids; an
    # answer still points to the comment it answers.
    assert na["id"] == kopie.pk != voor["id"]
    assert datetime.fromisoformat(na["aangemaakt"]) > datetime.fromisoformat(voor["aangemaakt"])
    assert datetime.fromisoformat(na["gewijzigd"]) > datetime.fromisoformat(voor["gewijzigd"])
    nieuwe_id = {
        oud["id"]: nieuw["id"]
        for oud, nieuw in zip(voor["opmerkingen"], na["opmerkingen"], strict=True)
    }
    assert set(nieuwe_id).isdisjoint(nieuwe_id.values())
    assert [o["antwoord_op"] for o in na["opmerkingen"]] == [
        None, nieuwe_id[voor["opmerkingen"][0]["id"]], None,
    ]  # fmt: skip
    # Everything else is the same, the outcome computed from it included.
    assert zonder_eigen_velden(na) == zonder_eigen_velden(voor)

    # Not in the document, so about this database: who imported, and the history.
    assert kopie.aangemaakt_door == collega and kopie.gewijzigd_door == collega
    assert kopie.provincie == collega.provincie
    assert [d.gedeeld_door for d in kopie.delingen.all()] == [collega, collega]
    assert geschiedenis(kopie) == [
        f"Geïmporteerd uit een exportbestand (afweging {afweging.pk} in de bron)"
    ]
    # The original is untouched.
    assert als_dict(Afweging.objects.get(pk=afweging.pk)) == voor


def test_an_export_from_before_answers_carried_their_author_still_imports(afweging, collega):
    document = als_dict(afweging)
    for reactie in document["reacties"]:
        del reactie["beantwoord_door"], reactie["beantwoord_op"]

    kopie = importeer(document, collega)

    reactie = kopie.reacties.get(gemeente__code="GM0489")
    assert reactie.antwoord == "Aangepast."
    assert reactie.beantwoord_door == collega and reactie.beantwoord_op is not None
    assert geschiedenis(kopie)[1] == (
        "Bij het importeren: Wie een formele reactie beantwoordde, staat niet in het bestand of "
        f"bestaat hier niet; die antwoorden staan op naam van {collega.get_full_name()}."
    )


# A file as exports wrote it before the herindeling motive was split (issue 11): the keys
# an import reads, with the joint motive 'herindeling'.
BESTAND_VAN_VOOR_DE_SPLITSING = """{
  "formaat": "fusietoets-afweging/1",
  "titel": "Leiderdorp en Oegstgeest",
  "provincie": "PV28",
  "status": "concept",
  "kaderversie": 1,
  "variant": "openbaar_lichaam",
  "deelnemers": [
    {"gemeentecode": "GM0547", "gemeente": "Leiderdorp", "perspectief": "eindoplossing",
     "motieven": ["kwetsbaarheid", "zelfstandigheid"], "motieven_toelichting": ""},
    {"gemeentecode": "GM0579", "gemeente": "Oegstgeest", "perspectief": "tussenstap",
     "motieven": ["kosten", "herindeling"], "motieven_toelichting": "Zie het raadsvoorstel."}
  ]
}"""


def test_a_file_from_before_the_motive_was_split_still_imports(collega):
    kopie = importeer(BESTAND_VAN_VOOR_DE_SPLITSING, collega)

    oegstgeest = kopie.deelnemers.get(gemeente__code="GM0579")
    # Kept as the old, joint choice: which half was meant is not guessed...
    assert oegstgeest.motieven == ["kosten", "herindeling"]
    assert oegstgeest.motief_ongesplitst
    # ... but asked for, and the contradiction with Leiderdorp is not assumed either.
    codes = {s.code for s in resultaat(met_alles(Afweging.objects).get(pk=kopie.pk)).signalen}
    assert "motief_herindeling_ongesplitst" in codes
    assert "ongelijke_verwachtingen" not in codes
    # It goes out again as it came in.
    assert als_dict(kopie)["deelnemers"][1]["motieven"] == ["kosten", "herindeling"]


def test_the_split_motives_go_there_and_back(afweging, collega):
    afweging.deelnemers.filter(gemeente__code="GM0613").update(
        motieven=["herindeling_voorkomen", "herindeling_vooruitlopen"]
    )
    voor = als_dict(Afweging.objects.get(pk=afweging.pk))
    na = als_dict(Afweging.objects.get(pk=importeer(copy.deepcopy(voor), collega).pk))
    assert [d["motieven"] for d in na["deelnemers"]] == [d["motieven"] for d in voor["deelnemers"]]
    assert ["herindeling_voorkomen", "herindeling_vooruitlopen"] in [
        d["motieven"] for d in na["deelnemers"]
    ]


def test_the_voorbeeldafweging_survives_the_trip_through_json_text(adviseur, collega):
    voorbeeld, _ = maak_voorbeeldafweging(door=adviseur)
    voor = als_dict(voorbeeld)
    assert voor["status"] == "concept" and voor["is_voorbeeld"] is True

    kopie = importeer(als_json(voorbeeld), collega)

    na = als_dict(Afweging.objects.get(pk=kopie.pk))
    assert na["id"] != voor["id"]
    assert zonder_eigen_velden(na) == zonder_eigen_velden(voor)
    assert geschiedenis(kopie) == [
        f"Geïmporteerd uit een exportbestand (afweging {voorbeeld.pk} in de bron)"
    ]


def test_people_who_are_not_here_are_replaced_and_named_in_the_history(
    afweging, adviseur, secretaris, collega
):
    # "elders" is here, but a secretaris of Amsterdam: no member.
    SecretarisFactory(username="elders", gemeenten=[GemeenteFactory(code="GM0363")])
    document = als_dict(afweging)
    document["opmerkingen"][0]["auteur"] = "vertrokken"
    document["reacties"][0]["auteur"] = "vertrokken"
    document["reacties"][0]["beantwoord_door"] = "vertrokken"
    document["gedeeld_met"] += ["onbekend", "elders"]
    document["vastgesteld_door"] = "weg"
    document["vorige"] = 17

    kopie = importeer(document, collega)

    assert [o.auteur for o in kopie.opmerkingen.order_by("pk")] == [collega, adviseur, secretaris]
    assert kopie.reacties.get(gemeente__code="GM0489").auteur == collega
    assert [d.gebruiker.username for d in kopie.delingen.all()] == [
        secretaris.username, "secretaris-albrandswaard",
    ]  # fmt: skip
    assert kopie.vastgesteld_door is None and kopie.vorige is None
    naam = collega.get_full_name()
    meldingen = [
        "De koppeling met de vorige versie (afweging 17 in de bron) is niet overgenomen.",
        "Gebruiker ‘vertrokken’ bestaat hier niet; haar of zijn opmerkingen en reacties staan "
        f"op naam van {naam}.",
        "Wie een formele reactie beantwoordde, staat niet in het bestand of bestaat hier niet; "
        f"die antwoorden staan op naam van {naam}.",
        "Gebruiker ‘weg’, die de afweging vaststelde, bestaat hier niet; ‘vastgesteld door’ "
        "blijft leeg.",
        "Niet gedeeld met ‘onbekend’: die gebruiker bestaat hier niet.",
        "Niet gedeeld met ‘elders’: geen actieve gemeentesecretaris van een deelnemende gemeente.",
    ]
    eerste = kopie.wijzigingen.order_by("moment", "pk").first()
    assert eerste.details == {"bron_id": afweging.pk, "meldingen": meldingen}
    assert geschiedenis(kopie)[1:] == [f"Bij het importeren: {m}" for m in meldingen]


# --- refused documents ---------------------------------------------------------------


def test_a_bad_document_reports_every_problem_at_once_and_writes_nothing(afweging, collega):
    document = als_dict(afweging)
    opmerkingen = [o["id"] for o in document["opmerkingen"]]
    document["titel"] = "x" * 201
    document["versie"] = True
    document["status"] = "klaar"
    document["geplande_startdatum"] = "2028-13-01"
    document["deelnemers"].append({"gemeentecode": "GM9999"})
    document["deelnemers"][0]["motieven"] = ["geld"]
    document["antwoorden"][0]["oordeel"] = 7
    document["antwoorden"][1]["motivering"] = "half\x00vol"
    document["antwoorden"].append({"deelvraag": 2.3, "oordeel": "1"})
    document["succesfactoren"][0]["code"] = "geluk"
    document["businesscase"]["varianten"][0]["besparing_pct"] = 150
    document["businesscase"]["varianten"][1]["frictiekosten"] = 10.5
    document["reacties"][0]["gemeentecode"] = "GM0363"
    document["opmerkingen"][1]["antwoord_op"] = 999999
    document["opmerkingen"][2]["tekst"] = " "
    document["gedeeld_met"] = "iedereen"
    voor = tellingen()

    with pytest.raises(ImportFout) as fout:
        importeer(document, collega)

    assert sorted(fout.value.problemen) == sorted([
        "Titel is te lang: 201 tekens, hooguit 200.",
        "Versie moet een geheel getal zijn, niet true of false.",
        "Status ‘klaar’ bestaat niet; kies uit: concept, ter_review, vastgesteld.",
        "Geplande startdatum ‘2028-13-01’ is geen datum (verwacht jjjj-mm-dd).",
        "Gemeente GM9999 bestaat niet.",
        "Motief ‘geld’ van deelnemer GM0613 bestaat niet.",  # Albrandswaard, first by name.
        "Score 7 bij deelvraag 1 ligt niet tussen −2 en +2; kies −2, −1, 0, 1 of 2, ‘?’ voor "
        "onvoldoende informatie, of laat de score leeg.",
        "Motivering bij deelvraag 2 bevat tekens die niet kunnen worden opgeslagen.",
        "Deelvraag 2.3 bestaat niet in kader versie 1.",
        "Succesfactor ‘geluk’ bestaat niet in kader versie 1.",
        "Besparing van de variant ‘voorgesteld’ is 150; dat ligt niet tussen 0 en 100.",
        "Frictiekosten van de variant ‘alternatief’ is 10.5; geef een bedrag in hele euro's.",
        "De reactie namens GM0363 komt van een gemeente die geen deelnemer is.",
        f"Opmerking {opmerkingen[1]} antwoordt op opmerking 999999, maar die staat niet eerder "
        "in het bestand.",
        f"Tekst van opmerking {opmerkingen[2]} is leeg.",
        "Gedeeld met moet een lijst zijn, niet tekst.",
    ])  # fmt: skip
    assert str(fout.value).startswith("De afweging is niet geïmporteerd:\n- ")
    assert tellingen() == voor


def test_an_afweging_of_another_provincie_is_refused(afweging, ander_adviseur):
    voor = tellingen()
    with pytest.raises(ImportFout) as fout:
        importeer(als_dict(afweging), ander_adviseur)
    assert fout.value.problemen == [
        "Deze afweging hoort bij de provincie Zuid-Holland (PV28); u bent adviseur voor "
        "Utrecht (PV26). Importeer alleen afwegingen van uw eigen provincie, of vraag een "
        "adviseur van Zuid-Holland om dit te doen."
    ]
    assert tellingen() == voor


def test_only_an_adviseur_with_a_provincie_imports(afweging, secretaris):
    with pytest.raises(ImportFout) as fout:
        importeer(als_dict(afweging), secretaris)
    assert fout.value.problemen == [
        "Alleen een adviseur met een provincie kan een afweging importeren."
    ]


def test_an_unknown_kader_version_is_named(afweging, collega):
    document = als_dict(afweging) | {"kaderversie": 99}
    with pytest.raises(ImportFout) as fout:
        importeer(document, collega)
    assert fout.value.problemen == ["Kader versie 99 bestaat niet."]


AF = "fusietoets-afweging/1"
GEEN_OBJECT = "Het bestand is geen afweging: verwacht een JSON-object, maar het is "


@pytest.mark.parametrize(
    ("invoer", "problemen"),
    [
        (None, [GEEN_OBJECT + "leeg (null)."]),
        (42, [GEEN_OBJECT + "een geheel getal."]),
        ("[]", [GEEN_OBJECT + "een lijst."]),
        ("", ["Het bestand is geen geldige JSON (regel 1, kolom 1)."]),
        ('{"formaat":', ["Het bestand is geen geldige JSON (regel 1, kolom 12)."]),
        ("[" * 100_000, ["Het bestand is geen geldige JSON."]),
        ("9" * 5_000, ["Het bestand is geen geldige JSON."]),
        (f'{{"formaat": "{AF}", "taakstelling": NaN}}', ["Het bestand is geen geldige JSON."]),
        (" " * (MAX_TEKENS + 1), ["Het bestand is te groot: 5.000.001 tekens; een export van een "
                                  "afweging is hooguit 5.000.000 tekens."]),
        ({"titel": "x"}, ["Het bestand noemt geen formaat; een export van een afweging heeft "
                          "‘fusietoets-afweging/1’."]),
        ({"formaat": "fusietoets-afweging/2"}, ["Onbekend formaat ‘fusietoets-afweging/2’; "
                                                "Fusietoets leest ‘fusietoets-afweging/1’."]),
        ({"formaat": AF}, [
            "Het veld ‘provincie’ ontbreekt (provincie).",
            "Het veld ‘kaderversie’ ontbreekt (kaderversie).",
            "Het veld ‘deelnemers’ ontbreekt (deelnemers).",
            "Het veld ‘titel’ ontbreekt (titel).",
            "Het veld ‘variant’ ontbreekt (variant).",
        ]),
        ({"formaat": AF, "provincie": "PV28", "kaderversie": 1, "titel": "T",
          "variant": "x" * 10**6, "deelnemers": [["GM0489"], {"gemeentecode": 489}]}, [
            "Deelnemer 1 moet een object zijn, niet een lijst.",
            "Gemeentecode van deelnemer 2 moet tekst zijn, niet een geheel getal.",
            "Variant ‘xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…’ bestaat niet; kies uit: "
            "openbaar_lichaam, bedrijfsvoeringsorganisatie, centrumconstructie.",
        ]),
    ],
)  # fmt: skip
def test_absurd_input_is_refused_with_dutch_reasons(collega, invoer, problemen):
    voor = tellingen()
    with pytest.raises(ImportFout) as fout:
        importeer(invoer, collega)
    assert fout.value.problemen == problemen
    assert tellingen() == voor


def _paden(waarde, pad=()):
    """Every place in a document: a key of an object or an index of a list."""
    yield pad
    if isinstance(waarde, dict):
        for sleutel, kind in waarde.items():
            yield from _paden(kind, (*pad, sleutel))
    elif isinstance(waarde, list):
        for index, kind in enumerate(waarde):
            yield from _paden(kind, (*pad, index))


JSON_WAARDEN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
    lambda binnen: (
        st.lists(binnen, max_size=3) | st.dictionaries(st.text(max_size=8), binnen, max_size=3)
    ),
    max_leaves=8,
)


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_value_anywhere_gives_an_afweging_or_dutch_reasons(afweging, collega, data):
    # A deep copy: the export hands out the business case's own `vaste_verdeling`.
    document = copy.deepcopy(als_dict(afweging))
    pad = data.draw(st.sampled_from([p for p in _paden(document) if p]), label="pad")
    waarde = data.draw(JSON_WAARDEN, label="waarde")
    plek = document
    for stap in pad[:-1]:
        plek = plek[stap]
    plek[pad[-1]] = waarde
    try:
        kopie = importeer(document, collega)
    except ImportFout as fout:
        assert fout.problemen
        assert all(isinstance(p, str) and p for p in fout.problemen)
    else:
        # What was accepted is an afweging the app can show and export again.
        assert als_dict(Afweging.objects.get(pk=kopie.pk))["titel"]


# --- the command ---------------------------------------------------------------------


def test_the_command_imports_a_file_and_prints_where_it_went(tmp_path, afweging, collega):
    pad = tmp_path / "afweging.json"
    pad.write_text(als_json(afweging), encoding="utf-8")
    uit, fouten = io.StringIO(), io.StringIO()

    call_command(
        "importeer_afweging", str(pad), "--door", collega.username, stdout=uit, stderr=fouten
    )

    kopie = Afweging.objects.exclude(pk=afweging.pk).get()
    adres = settings.BASIS_URL.rstrip("/") + reverse("afweging:uitkomst", kwargs={"pk": kopie.pk})
    assert uit.getvalue() == f"Afweging {kopie.pk} geïmporteerd: {adres}\n"
    assert kopie.aangemaakt_door == collega and kopie.titel == afweging.titel
    assert fouten.getvalue() == ""


def test_the_command_reads_standard_input(monkeypatch, afweging, collega):
    invoer = io.TextIOWrapper(io.BytesIO(als_json(afweging).encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", invoer)
    uit = io.StringIO()
    call_command(
        "importeer_afweging", "-", "--door", collega.username, stdout=uit, stderr=io.StringIO()
    )
    assert re.fullmatch(r"Afweging \d+ geïmporteerd: \S+/\d+/\n", uit.getvalue())
    assert Afweging.objects.count() == 2


def test_the_command_lists_every_problem_and_fails(tmp_path, afweging, collega):
    document = als_dict(afweging)
    # One reactie, so one problem with it.
    document |= {"titel": "", "deelnemers": [{"gemeentecode": "GM9999"}],
                 "reacties": document["reacties"][:1]}  # fmt: skip
    pad = tmp_path / "fout.json"
    pad.write_text(json.dumps(document), encoding="utf-8")
    voor = tellingen()

    with pytest.raises(CommandError) as fout:
        call_command(
            "importeer_afweging", str(pad), "--door", collega.username, stdout=io.StringIO()
        )

    assert fout.value.returncode == 1
    assert str(fout.value) == (
        "De afweging is niet geïmporteerd:\n"
        "- Een afweging heeft minstens twee deelnemende gemeenten; dit bestand noemt er 1.\n"
        "- Gemeente GM9999 bestaat niet.\n"
        "- Titel is leeg.\n"
        "- De reactie namens GM0489 komt van een gemeente die geen deelnemer is."
    )
    assert tellingen() == voor


@pytest.mark.parametrize(
    ("inhoud", "gebruiker", "melding"),
    [
        (None, "collega", "Het bestand {pad} bestaat niet."),
        (b"\xff\xfe{}", "collega", "{pad} is geen UTF-8-tekst en dus geen JSON-export."),
        (b"{}", "niemand", "Er is geen gebruiker met gebruikersnaam 'niemand'."),
    ],
)
def test_the_command_refuses_what_it_cannot_read(tmp_path, collega, inhoud, gebruiker, melding):
    pad = tmp_path / "afweging.json"
    if inhoud is not None:
        pad.write_bytes(inhoud)
    door = collega.username if gebruiker == "collega" else gebruiker
    with pytest.raises(CommandError) as fout:
        call_command("importeer_afweging", str(pad), "--door", door)
    assert str(fout.value) == melding.format(pad=pad)
    assert not Afweging.objects.exists()


# --- the keys of §6.4.1 (issue 12) -------------------------------------------------------


def test_a_file_from_before_the_keys_of_the_report_still_imports(afweging, collega):
    document = als_dict(afweging)
    for sleutel in ["verdeelgegevens", "uurtarieven", "domeinsleutels", "verdeling"]:
        del document["businesscase"][sleutel]

    kopie = importeer(document, collega)

    businesscase = Businesscase.objects.get(afweging=kopie)
    assert businesscase.verdeelsleutel == "vast"
    assert businesscase.vaste_verdeling == {"GM0489": 50.5, "GM0613": 20.0, "GM0597": 29.5}
    assert (businesscase.verdeelgegevens, businesscase.uurtarieven) == ({}, {})
    assert businesscase.domeinsleutels == []


def test_the_entered_figures_and_domains_are_imported_and_the_computed_split_is_not_read(
    afweging, collega
):
    document = als_dict(afweging)
    document["businesscase"]["verdeling"] = {"onzin": True}  # computed: not read
    kopie = importeer(document, collega)
    businesscase = Businesscase.objects.get(afweging=kopie)
    assert businesscase.verdeelgegevens["fte"]["GM0613"] == {
        "waarde": 80, "bron": "Formatieoverzicht 2025",
    }  # fmt: skip
    assert businesscase.uurtarieven == {"schaal_7_9": {"waarde": 65.5, "bron": "Begroting 2025"}}
    assert businesscase.domeinsleutels == afweging.businesscase.domeinsleutels


def test_an_entered_figure_needs_its_source_and_a_domain_a_key_of_its_own(afweging, collega):
    document = als_dict(afweging)
    bc = document["businesscase"]
    bc["verdeelgegevens"]["fte"]["GM0489"]["bron"] = " "
    del bc["verdeelgegevens"]["clienten"]["GM0489"]["bron"]
    bc["verdeelgegevens"]["uren"] = {}
    bc["uurtarieven"]["schaal_7_9"]["waarde"] = -1
    bc["domeinsleutels"][0]["verdeelsleutel"] = "vast"
    voor = tellingen()

    with pytest.raises(ImportFout) as fout:
        importeer(document, collega)

    assert sorted(fout.value.problemen) == sorted([
        "Bron van het gegeven bij GM0489 is leeg.",
        "Het veld ‘bron’ ontbreekt (bron van het gegeven bij GM0489).",
        "Soort gegeven ‘uren’ bestaat niet; kies uit: fte, clienten, uren_schaal_1_6, "
        "uren_schaal_7_9, uren_schaal_10.",
        "Uurtarief schaal_7_9 is -1; dat ligt niet tussen 0 en 99.999.999.999.999.",
        "Verdeelsleutel van domein 1 ‘vast’ bestaat niet; kies uit: inwoners, begroting, fte, "
        "uren, clienten.",
    ])  # fmt: skip
    assert tellingen() == voor


def _domein(naam: str, aandeel) -> dict:
    return {"domein": naam, "aandeel_pct": aandeel, "verdeelsleutel": "fte", "bron": "Begroting"}


def test_a_business_case_has_at_most_the_forms_three_domains_issue_12(afweging, collega):
    document = als_dict(afweging)
    document["businesscase"]["domeinsleutels"] = [_domein(f"Domein {i}", 10) for i in range(4)]
    voor = tellingen()

    with pytest.raises(ImportFout) as fout:
        importeer(document, collega)

    assert fout.value.problemen == [
        "De businesscase heeft hooguit 3 domeinen met een eigen verdeelsleutel; dit bestand "
        "noemt er 4."
    ]
    assert tellingen() == voor


def test_a_domain_has_a_share_above_0_and_the_domains_at_most_100_together_issue_12(
    afweging, collega
):
    document = als_dict(afweging)
    document["businesscase"]["domeinsleutels"] = [
        _domein("Sociaal domein", 0), _domein("P&O", 100.5), _domein("ICT", -1),
    ]  # fmt: skip
    with pytest.raises(ImportFout) as fout:
        importeer(document, collega)
    assert fout.value.problemen == [
        "Aandeel van domein 1 is 0; een domein heeft een deel van de kosten, meer dan 0%.",
        "Aandeel van domein 2 is 100.5; dat ligt niet tussen 0 en 100.",
        "Aandeel van domein 3 is -1; een domein heeft een deel van de kosten, meer dan 0%.",
    ]

    document["businesscase"]["domeinsleutels"] = [
        _domein("Sociaal domein", 60.5),
        _domein("P&O", 40),
    ]
    with pytest.raises(ImportFout) as fout:
        importeer(document, collega)
    assert fout.value.problemen == ["De domeinen hebben samen 100,5% van de kosten; hooguit 100%."]
    assert not Afweging.objects.exclude(pk=afweging.pk).exists()

    document["businesscase"]["domeinsleutels"] = [_domein("Sociaal domein", 60), _domein("P&O", 40)]
    kopie = importeer(document, collega)
    assert [d["aandeel_pct"] for d in kopie.businesscase.domeinsleutels] == [60, 40]


def test_the_fixed_split_and_the_figures_name_only_deelnemers_issue_12(afweging, collega):
    document = als_dict(afweging)
    bc = document["businesscase"]
    bc["vaste_verdeling"] = {"GM0489": 50.5, "GM0613": 20.0, "GM0363": 29.5}
    bc["verdeelgegevens"]["clienten"]["GM9999"] = {"waarde": 10, "bron": "Monitor"}
    bc["verdeelgegevens"]["fte"]["GM0363"] = {"waarde": 10, "bron": "Formatie"}
    voor = tellingen()

    with pytest.raises(ImportFout) as fout:
        importeer(document, collega)

    assert fout.value.problemen == [
        "Vaste verdeling: gemeente GM0363 is geen deelnemer; de businesscase verdeelt alleen "
        "over de deelnemende gemeenten.",
        "Gegevens ‘fte’: gemeente GM0363 is geen deelnemer; de businesscase verdeelt alleen "
        "over de deelnemende gemeenten.",
        "Gegevens ‘clienten’: gemeente GM9999 is geen deelnemer; de businesscase verdeelt "
        "alleen over de deelnemende gemeenten.",
    ]
    assert tellingen() == voor


def test_a_fixed_split_as_the_key_adds_up_to_100_as_in_the_form_issue_12(afweging, collega):
    document = als_dict(afweging)
    document["businesscase"]["vaste_verdeling"] = {"GM0489": 50.5, "GM0613": 20.0}

    with pytest.raises(ImportFout) as fout:
        importeer(document, collega)

    assert fout.value.problemen == ["De vaste verdeling moet samen 100% zijn; nu 70,5%."]

    # Under another key the fixed split is not used, and the form does not add it up either.
    document["businesscase"]["verdeelsleutel"] = "inwoners"
    kopie = importeer(document, collega)
    assert kopie.businesscase.vaste_verdeling == {"GM0489": 50.5, "GM0613": 20.0}


def test_each_text_over_its_limit_is_refused_by_name_issue_12(afweging, collega):
    document = als_dict(afweging)
    document["antwoorden"][0]["motivering"] = "m" * 5_001
    document["antwoorden"][0]["bronnen"] = "b" * 2_001
    document["succesfactoren"][0]["notitie"] = "n" * 2_001
    document["deelnemers"][0]["motieven_toelichting"] = "t" * 3_001
    document["reacties"][0]["antwoord"] = "a" * 10_001
    voor = tellingen()

    with pytest.raises(ImportFout) as fout:
        importeer(document, collega)

    teksten = " | ".join(fout.value.problemen)
    assert "Motivering bij deelvraag 1 is te lang: 5.001 tekens, hooguit 5.000." in teksten
    assert "Bronnen bij deelvraag 1 is te lang: 2.001 tekens, hooguit 2.000." in teksten
    assert "is te lang: 2.001 tekens, hooguit 2.000." in teksten.split("Notitie bij ")[1]
    assert "is te lang: 3.001 tekens, hooguit 3.000." in teksten.split("Toelichting op ")[1]
    assert "is te lang: 10.001 tekens, hooguit 10.000." in teksten.split("Antwoord op ")[1]
    assert len(fout.value.problemen) == 5
    assert tellingen() == voor


def test_a_text_at_its_limit_with_line_breaks_imports_as_the_app_saved_it(afweging, collega):
    """The app counts a line break as one character, as the browser does, and stores the
    two it sends: such a text comes back in."""
    document = als_dict(afweging)
    tekst = ("x" * 98 + "\r\n") * 50  # 4,950 characters in the browser, 5,000 stored
    document["antwoorden"][0]["motivering"] = tekst + "y" * 50
    nieuw = importeer(document, collega)
    assert nieuw.antwoorden.order_by("deelvraag__nummer")[0].motivering == tekst + "y" * 50
