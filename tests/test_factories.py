"""The test factories build what the product builds, from the real reference data."""

import pytest

from gebruikers import rollen
from tests.factories import AfwegingFactory, GemeenteFactory, SecretarisFactory

pytestmark = pytest.mark.django_db


def test_a_gemeente_comes_from_the_reference_data_and_is_never_made_up():
    assert GemeenteFactory(code="GM0547").naam == "Leiderdorp"
    with pytest.raises(LookupError, match="GM9999 staat niet in de referentiegegevens"):
        GemeenteFactory(code="GM9999")


def test_an_afweging_is_made_the_way_the_product_makes_it(adviseur):
    afweging = AfwegingFactory(door=adviseur, gemeenten=["GM0489", "GM0613"], titel="BAR")
    assert afweging.provincie == adviseur.provincie
    assert sorted(d.gemeente.naam for d in afweging.deelnemers.all()) == [
        "Albrandswaard",
        "Barendrecht",
    ]
    assert afweging.antwoorden.count() == afweging.kader.onderdelen.values("deelvragen").count()
    assert afweging.wijzigingen.get().wat == "Afweging aangemaakt"
    with pytest.raises(TypeError, match="gebruik create"):
        AfwegingFactory.build()


def test_a_secretaris_has_the_role_and_the_gemeenten_given():
    geen = SecretarisFactory(gemeenten=[])
    twee = SecretarisFactory(
        gemeenten=[GemeenteFactory(code="GM0547"), GemeenteFactory(code="GM0638")]
    )
    assert list(geen.gemeenten.all()) == []
    assert twee.gemeenten.count() == 2
    assert list(twee.groups.values_list("name", flat=True)) == [rollen.GEMEENTESECRETARIS]
