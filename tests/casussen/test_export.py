import json

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_exporteer_register_prints_every_organisation_with_members_and_totals(capsys):
    call_command("exporteer_register")
    gegevens = json.loads(capsys.readouterr().out)
    organisaties = {org["slug"]: org for org in gegevens["fusieorganisaties"]}
    assert len(organisaties) == 29
    bar = organisaties["bar-organisatie"]
    assert {d["naam"] for d in bar["deelnemers"]} == {"Barendrecht", "Albrandswaard", "Ridderkerk"}
    barendrecht = next(d for d in bar["deelnemers"] if d["naam"] == "Barendrecht")
    assert barendrecht["inwoners"]["2025"] == 48_568
    assert bar["inwoners_berekend"]["2025"]["totaal"] == 123_289
    assert bar["inwoners_rapport"] == 118_000
    assert "CBS" in gegevens["bron"]


def test_the_export_keeps_unknown_totals_unknown(capsys):
    call_command("exporteer_register")
    organisaties = {o["slug"]: o for o in json.loads(capsys.readouterr().out)["fusieorganisaties"]}
    ten_boer = organisaties["groningen-ten-boer"]
    assert ten_boer["inwoners_berekend"]["2025"]["totaal"] is None
    assert ten_boer["inwoners_berekend"]["2025"]["deelnemers_met_cijfer"] == 1
    leden = {d["naam"]: d for d in ten_boer["deelnemers"]}
    assert leden["Ten Boer"]["huidige_gemeenten"] == [
        {"naam": "Groningen", "gemeentecode": "GM0014"}
    ]
