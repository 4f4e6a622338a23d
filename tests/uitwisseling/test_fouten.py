"""The table from pydantic's error types to the Dutch messages: every entry is reached, and
says what the importer has always said."""

import copy

import pytest
from pydantic import ValidationError

from uitwisseling.exporteren import als_dict
from uitwisseling.fouten import BERICHTEN, VELDBERICHTEN, vertaal
from uitwisseling.importeren import ImportFout, importeer
from uitwisseling.schema import Afwegingdocument

pytestmark = pytest.mark.django_db

DATUM = "is geen datum (verwacht jjjj-mm-dd)."
MOMENT = "is geen datum met tijd (verwacht bijvoorbeeld 2025-03-01T14:30:00+01:00)."
STATUS = "bestaat niet; kies uit: concept, ter_review, vastgesteld."


def zet(pad, waarde):
    def wijzig(document):
        plek = document
        for stap in pad[:-1]:
            plek = plek[stap]
        if waarde is WEG:
            del plek[pad[-1]]
        else:
            plek[pad[-1]] = waarde(plek[pad[-1]]) if callable(waarde) else waarde

    return wijzig


WEG = object()
BC = "businesscase"

# The table's key (an error type, or a field and an error type), what to change in the
# document, where pydantic finds the error, and the message.
GEVALLEN = [
    ("missing", zet(("titel",), WEG), ("titel",), "Het veld ‘titel’ ontbreekt (titel)."),
    ("model_type", zet(("deelnemers", 0), []), ("deelnemers", 0),
     "Deelnemer 1 moet een object zijn, niet een lijst."),
    ("dict_type", zet((BC, "vaste_verdeling"), []), (BC, "vaste_verdeling"),
     "Vaste verdeling van de businesscase moet een object zijn, niet een lijst."),
    ("list_type", zet(("gedeeld_met",), "iedereen"), ("gedeeld_met",),
     "Gedeeld met moet een lijst zijn, niet tekst."),
    ("too_long", zet(("antwoorden",), [{}] * 2001), ("antwoorden",),
     "Antwoorden: te veel regels (2.001; hooguit 2.000)."),
    ("string_type", zet(("titel",), 5), ("titel",), "Titel moet tekst zijn, niet een geheel getal."),
    ("tekst_niet_opslaanbaar", zet(("titel",), "half\x00vol"), ("titel",),
     "Titel bevat tekens die niet kunnen worden opgeslagen."),
    ("string_too_long", zet(("titel",), "x" * 201), ("titel",),
     "Titel is te lang: 201 tekens, hooguit 200."),
    ("string_too_short", zet(("titel",), ""), ("titel",), "Titel is leeg."),
    ("tekst_leeg", zet(("titel",), " \x1c"), ("titel",), "Titel is leeg."),
    ("literal_error", zet(("status",), "klaar"), ("status",), f"Status ‘klaar’ {STATUS}"),
    ("string_unicode", zet(("status",), "\ud800"), ("status",), f"Status ‘’ {STATUS}"),
    ("bool_type", zet(("is_voorbeeld",), "ja"), ("is_voorbeeld",),
     "Voorbeeld moet true of false zijn, niet tekst."),
    ("int_type", zet(("versie",), True), ("versie",),
     "Versie moet een geheel getal zijn, niet true of false."),
    ("greater_than_equal", zet(("versie",), 0), ("versie",),
     "Versie is 0; dat ligt niet tussen 1 en 2.147.483.647."),
    ("less_than_equal", zet(("versie",), 2**31), ("versie",),
     "Versie is 2147483648; dat ligt niet tussen 1 en 2.147.483.647."),
    ("float_type", zet(("taakstelling",), "400000"), ("taakstelling",),
     "Besparingstaakstelling moet een getal zijn, niet tekst."),
    ("finite_number", zet(("taakstelling",), float("inf")), ("taakstelling",),
     "Besparingstaakstelling moet een getal zijn."),
    ("decimal_max_places", zet((BC, "mix_inwoners_pct"), 50.55), (BC, "mix_inwoners_pct"),
     "Aandeel inwoners in de mix is 50.55; geef hooguit 1 decimaal."),
    ("decimal_max_places/0", zet(("taakstelling",), 10.5), ("taakstelling",),
     "Besparingstaakstelling is 10.5; geef een bedrag in hele euro's."),
    ("date_type", zet(("geplande_startdatum",), 20280101), ("geplande_startdatum",),
     f"Geplande startdatum ‘20280101’ {DATUM}"),
    ("date_parsing", zet(("geplande_startdatum",), "2028-13-01"), ("geplande_startdatum",),
     f"Geplande startdatum ‘2028-13-01’ {DATUM}"),
    ("datetime_type", zet(("vastgesteld_op",), 5), ("vastgesteld_op",),
     f"Vastgesteld op ‘5’ {MOMENT}"),
    ("datetime_parsing", zet(("vastgesteld_op",), "gisteren"), ("vastgesteld_op",),
     f"Vastgesteld op ‘gisteren’ {MOMENT}"),
    (("deelnemers", "too_short"), zet(("deelnemers",), lambda d: d[:1]), ("deelnemers",),
     "Een afweging heeft minstens twee deelnemende gemeenten; dit bestand noemt er 1."),
    (("deelnemers[].motieven[]", "*"), zet(("deelnemers", 0, "motieven"), ["geld"]),
     ("deelnemers", 0, "motieven", 0), "Motief ‘geld’ van deelnemer GM0613 bestaat niet."),
    (("antwoorden[].deelvraag", "*"), zet(("antwoorden", 0, "deelvraag"), 2.5),
     ("antwoorden", 0, "deelvraag"), "Deelvraag 2.5 bestaat niet in kader versie 1."),
    (("opmerkingen[].deelvraag", "*"), zet(("opmerkingen", 0, "deelvraag"), "twee"),
     ("opmerkingen", 0, "deelvraag"), "Deelvraag twee bestaat niet in kader versie 1."),
    (("antwoorden[].oordeel", "*"), zet(("antwoorden", 0, "oordeel"), 7),
     ("antwoorden", 0, "oordeel"), "Score 7 bij deelvraag 1 ligt niet tussen −2 en +2; kies "
     "−2, −1, 0, 1 of 2, ‘?’ voor onvoldoende informatie, of laat de score leeg."),
    (("businesscase.vaste_verdeling", "too_long"),
     zet((BC, "vaste_verdeling"), {f"GM{i:04}": 0 for i in range(2001)}), (BC, "vaste_verdeling"),
     "Vaste verdeling van de businesscase heeft te veel gemeenten (2001)."),
    (("businesscase.vaste_verdeling{sleutel}", "*"), zet((BC, "vaste_verdeling"), {"x" * 51: 1}),
     (BC, "vaste_verdeling", "x" * 51, "[key]"),
     "Vaste verdeling: ‘xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…’ is geen gemeentecode."),
    (("businesscase.domeinsleutels", "too_long"),
     zet((BC, "domeinsleutels"), lambda rijen: rijen * 4), (BC, "domeinsleutels"),
     "De businesscase heeft hooguit 3 domeinen met een eigen verdeelsleutel; dit bestand noemt "
     "er 4."),
    (("businesscase.domeinsleutels[].aandeel_pct", "greater_than"),
     zet((BC, "domeinsleutels", 0, "aandeel_pct"), 0), (BC, "domeinsleutels", 0, "aandeel_pct"),
     "Aandeel van domein 1 is 0; een domein heeft een deel van de kosten, meer dan 0%."),
    (("gedeeld_met[]", "*"), zet(("gedeeld_met",), ["", "x"]), ("gedeeld_met", 0),
     "Gebruiker 1 bij ‘gedeeld_met’ is geen gebruikersnaam: ."),
]  # fmt: skip


@pytest.mark.parametrize(("sleutel", "wijzig", "loc", "bericht"), GEVALLEN, ids=str)
def test_every_entry_says_what_the_importer_always_said(
    afweging, collega, sleutel, wijzig, loc, bericht
):
    document = copy.deepcopy(als_dict(afweging))
    wijzig(document)
    with pytest.raises(ValidationError) as fouten:
        Afwegingdocument.model_validate(document)
    fouttype = sleutel[1] if isinstance(sleutel, tuple) else sleutel.split("/")[0]
    assert any(
        f["loc"] == loc and (fouttype == "*" or f["type"] == fouttype)
        for f in fouten.value.errors()
    ), fouten.value.errors()

    with pytest.raises(ImportFout) as fout:
        importeer(document, collega)
    assert bericht in fout.value.problemen


def test_every_entry_of_the_table_is_reached():
    bereikt = {sleutel for sleutel, *_ in GEVALLEN}
    assert bereikt == {*BERICHTEN, *VELDBERICHTEN}


def test_too_few_deelnemers_is_said_even_when_the_rows_have_problems(afweging, collega):
    document = als_dict(afweging) | {"deelnemers": [{"gemeentecode": 489}]}
    with pytest.raises(ImportFout) as fout:
        importeer(document, collega)
    assert fout.value.problemen[:2] == [
        "Een afweging heeft minstens twee deelnemende gemeenten; dit bestand noemt er 1.",
        "Gemeentecode van deelnemer 1 moet tekst zijn, niet een geheel getal.",
    ]


def test_an_error_type_the_table_does_not_know_is_still_named_in_dutch():
    fout = {"type": "iets_nieuws", "loc": ("titel",), "msg": "", "input": 5, "ctx": {}}
    (probleem,) = vertaal([fout], {"titel": 5}, namen={}, kaderversie=1)
    assert probleem.tekst == "Titel is ongeldig: 5."


def test_at_most_a_hundred_problems_are_listed_and_the_rest_counted(afweging, collega):
    document = als_dict(afweging)
    document["antwoorden"] = [{"deelvraag": 1, "oordeel": 9, "motivering": 5}] * 75
    with pytest.raises(ImportFout) as fout:
        importeer(document, collega)
    assert len(fout.value.problemen) == 101
    assert fout.value.problemen[-1] == "En nog 124 problemen."


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"])
def test_a_moment_the_database_cannot_hold_gets_a_dutch_message(afweging, collega, moment):
    """It passed the checks and crashed on saving (OverflowError in the UTC conversion)."""
    document = copy.deepcopy(als_dict(afweging))
    document["opmerkingen"][0]["geplaatst"] = moment
    with pytest.raises(ImportFout) as fout:
        importeer(document, collega)
    assert any(p.endswith(f"‘{moment}’ {MOMENT}") for p in fout.value.problemen), (
        fout.value.problemen
    )
