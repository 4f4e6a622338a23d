"""factory_boy factories for what tests build, exposed as fixtures in tests/conftest.py.

Gemeenten and provincies are the real reference data that the test session loads: their
factories look them up by code and never invent one. An afweging is made the way the
product makes it (`afweging_aanmaken`), so it has its antwoorden, checklist, history and
the parts other apps add.
"""

from __future__ import annotations

import factory
from django.contrib.auth.models import Group

from afweging.models import Afweging
from afweging.services import afweging_aanmaken
from casussen.models import Gemeente, Provincie
from gebruikers import rollen
from gebruikers.models import Gebruiker


class _Bestaand(factory.django.DjangoModelFactory):
    """A row of the reference data, found by its code; a code that is not there is an
    error in the test, not a reason to make up a gemeente."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        try:
            return model_class.objects.get(code=kwargs["code"])
        except model_class.DoesNotExist:
            raise LookupError(
                f"{model_class.__name__} {kwargs['code']} staat niet in de referentiegegevens"
            ) from None


class ProvincieFactory(_Bestaand):
    class Meta:
        model = Provincie

    code = "PV28"  # Zuid-Holland


class GemeenteFactory(_Bestaand):
    class Meta:
        model = Gemeente

    # Real gemeenten of Zuid-Holland, in turn: Leiderdorp, Zoeterwoude, Barendrecht,
    # Albrandswaard, Ridderkerk.
    code = factory.Iterator(["GM0547", "GM0638", "GM0489", "GM0613", "GM0597"])


class GebruikerFactory(factory.django.DjangoModelFactory):
    """A user without a role; the role factories below give one."""

    class Meta:
        model = Gebruiker
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    password = factory.django.Password("een-lang-testwachtwoord")


def _met_rol(rol: str):
    """The role is a group; the groups exist after migrating (gebruikers.rollen)."""

    def geef(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get(name=rol))

    return factory.PostGeneration(geef)


class AdviseurFactory(GebruikerFactory):
    """A provincial adviseur, of Zuid-Holland unless told otherwise."""

    provincie = factory.SubFactory(ProvincieFactory)
    rol = _met_rol(rollen.ADVISEUR)


class SecretarisFactory(GebruikerFactory):
    """A gemeentesecretaris of the gemeenten given (`gemeenten=[...]`; Barendrecht if none)."""

    rol = _met_rol(rollen.GEMEENTESECRETARIS)

    @factory.post_generation
    def gemeenten(obj, create, extracted, **kwargs):
        if create:
            obj.gemeenten.add(
                *(extracted if extracted is not None else [GemeenteFactory(code="GM0489")])
            )


class BeheerderFactory(GebruikerFactory):
    is_staff = True
    rol = _met_rol(rollen.BEHEERDER)


class AfwegingFactory(factory.Factory):
    """`AfwegingFactory(door=adviseur, gemeenten=["GM0547", "GM0638"], titel=..., ...)`:
    the gemeenten by code (or as rows), every other keyword a field of the afweging."""

    class Meta:
        model = Afweging

    door = factory.SubFactory(AdviseurFactory)
    gemeenten = ("GM0547", "GM0638")
    titel = factory.Sequence(lambda n: f"Afweging {n}")
    variant = Afweging.Variant.OPENBAAR_LICHAAM

    @classmethod
    def _create(cls, model_class, *, door, gemeenten, **velden):
        rijen = [g if isinstance(g, Gemeente) else GemeenteFactory(code=g) for g in gemeenten]
        return afweging_aanmaken(door=door, velden=velden, gemeenten=rijen)

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise TypeError("Een afweging bestaat pas met haar antwoorden: gebruik create().")


def beantwoord_alles(afweging: Afweging, score: str = "1") -> Afweging:
    """Every deelvraag answered with a score and a motivation, as vaststellen demands (the
    rows as the product keeps them; the version is left alone, as a data fix would)."""
    for antwoord in afweging.antwoorden.select_related("deelvraag"):
        antwoord.score = score
        antwoord.motivering = f"Motivering bij deelvraag {antwoord.deelvraag.nummer}."
        antwoord.save(update_fields=["score", "motivering"])
    return afweging
