"""The JSON export built from the schema: byte for byte what the export wrote before."""

import warnings
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from afweging import exports as oud
from afweging.afwegingen import met_alles
from afweging.models import Afweging
from afweging.review import nieuwe_versie
from afweging.voorbeeld import maak_voorbeeldafweging
from uitwisseling.exporteren import als_dict, als_json

pytestmark = pytest.mark.django_db


def _beide(afweging):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pydantic warns of a value that does not fit its type
        nieuw = als_json(afweging)
    assert nieuw == oud.als_json(afweging)
    assert als_dict(afweging) == oud.als_dict(afweging)
    return nieuw


def test_the_example_afweging_exports_byte_for_byte_as_before(adviseur):
    voorbeeld, _ = maak_voorbeeldafweging(door=adviseur)
    _beide(voorbeeld)
    _beide(met_alles(Afweging.objects.filter(pk=voorbeeld.pk)).get())


def test_a_full_afweging_exports_byte_for_byte_as_before(afweging, adviseur):
    _beide(afweging)
    Afweging.objects.filter(pk=afweging.pk).update(
        vastgesteld_op=datetime(2026, 3, 2, 14, 30, tzinfo=UTC), taakstelling=Decimal("1E+13")
    )
    afweging.businesscase.vaste_verdeling = {"GM0489": 50, "GM0613": 20.25, "GM0597": 29.75}
    afweging.businesscase.save()
    _beide(Afweging.objects.get(pk=afweging.pk))
    kopie = nieuwe_versie(afweging=afweging, door=adviseur)
    _beide(Afweging.objects.get(pk=kopie.pk))
    afweging.businesscase.delete()
    _beide(Afweging.objects.get(pk=afweging.pk))
