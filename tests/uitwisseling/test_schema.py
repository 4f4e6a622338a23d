"""The published JSON Schema of fusietoets-afweging/1: up to date, and about the export."""

import io
import json

import pytest
from django.core.management import call_command

from uitwisseling.exporteren import als_dict
from uitwisseling.schema import FORMAAT, SCHEMABESTAND, json_schema


def test_the_schema_file_is_what_the_command_prints():
    uit = io.StringIO()
    call_command("schema_afweging", stdout=uit)
    assert SCHEMABESTAND.read_text(encoding="utf-8") == uit.getvalue(), (
        "Het schemabestand is verouderd; maak het opnieuw met "
        f"`python manage.py schema_afweging > uitwisseling/{SCHEMABESTAND.name}`."
    )
    assert json.loads(uit.getvalue()) == json_schema()


def test_the_schema_has_a_title_and_describes_every_field_in_dutch():
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == f"Afweging ({FORMAAT})"
    objecten = [schema, *schema["$defs"].values()]
    for object_ in objecten:
        assert object_["title"] and object_["description"]
        for naam, veld in object_["properties"].items():
            assert veld.get("description"), naam
    assert schema["properties"]["formaat"]["const"] == FORMAAT
    assert schema["properties"]["deelnemers"]["minItems"] == 2


def _eigenschappen(schema: dict, deel: dict) -> set[str]:
    if "$ref" in deel:
        deel = schema["$defs"][deel["$ref"].rsplit("/", 1)[1]]
    return set(deel["properties"])


@pytest.mark.django_db
def test_the_schema_names_every_key_the_export_writes_and_no_other(afweging):
    document = als_dict(afweging)
    schema = json_schema()
    eigen = schema["properties"]
    assert _eigenschappen(schema, schema) == set(document)
    for lijst in ["deelnemers", "antwoorden", "succesfactoren", "reacties", "opmerkingen"]:
        assert document[lijst], lijst
        for rij in document[lijst]:
            assert _eigenschappen(schema, eigen[lijst]["items"]) == set(rij), lijst
    businesscase = schema["$defs"]["Businesscasegegevens"]
    assert set(businesscase["properties"]) == set(document["businesscase"])
    for variant in document["businesscase"]["varianten"]:
        assert _eigenschappen(schema, businesscase["properties"]["varianten"]["items"]) == set(
            variant
        )
    uitkomst = schema["$defs"]["Uitkomstgegevens"]
    assert set(uitkomst["properties"]) == set(document["uitkomst"])
