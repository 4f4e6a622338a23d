"""factory_boy factories for what tests build, exposed as fixtures in tests/conftest.py.

Gemeenten and provincies are the real reference data that the test session loads: their
factories look them up by code and never invent one. An afweging is made the way the
product makes it (`afweging_aanmaken`), so it has its antwoorden, checklist, history and
the parts other apps add.
"""

from __future__ import annotations

from datetime import date

import factory
from django.contrib.auth.models import Group

from afweging.models import Afweging
from afweging.services import afweging_aanmaken
from casussen.models import Fusieorganisatie, Gemeente, Provincie
from evaluatie.models import Evaluatie
from evaluatie.services import evaluatie_aanmaken
from gebruikers import rollen
from gebruikers.models import Gebruiker
from kader.models import Evaluatiedomein, Evaluatieindicator, Evaluatiekader


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


# A small evaluatiekader for tests: three real indicators or so per domein, as the report's
# table of §4.3 (from line 1817) words them, with their lines; the codes are those the
# afwegingskader links its deelvragen to (fixtures/kader/kader_v1.json). (aspect, niveau,
# code, naam, regel, bewijs) per domein.
KLEIN_EVALUATIEKADER = {
    ("publieke_waarde", "Publieke waarde", 1819): [
        ("Resultaten", "eigen gemeenten", "pw_g_dienstverlening",
         "De dienstverlening aan burgers en bedrijven is verbeterd", 1828, ""),
        ("Resultaten", "eigen gemeenten", "pw_g_continuiteit",
         "De continuïteit is toegenomen door afname van kwetsbaarheid binnen de organisatie",
         1841, ""),
        ("Resultaten", "eigen gemeenten", "pw_g_totale_kosten",
         "De totale kosten van de organisatie zijn in verhouding tot het takenpakket afgenomen",
         1844, "kosten"),
        ("Resultaten", "regio", "pw_r_slagkracht", "De slagkracht in de regio is verbeterd",
         1849, ""),
    ],
    ("legitimiteit", "Legitimiteit", 1853): [
        ("Rechtmatigheid", "eigen gemeenten", "lg_g_wetgeving",
         "Er wordt conform wet- en regelgeving gehandeld", 1858, ""),
        ("Draagvlak", "bevolking", "lg_b_burgers",
         "De burgers kunnen zich vinden in het bestaan van de fusieorganisatie", 1868, ""),
        ("Draagvlak", "eigen gemeenten", "lg_g_wenselijkheid",
         "De raden en colleges erkennen de wenselijkheid van het bestaan van de "
         "fusieorganisatie", 1874, ""),
    ],
    ("besturing_organisatie", "Besturing en organisatie", 1896): [
        ("Besturingsgremia", "eigen gemeenten", "bo_g_raden_positie",
         "De raden zijn effectief gepositioneerd om hun kaderstellende, controlerende en "
         "volksvertegenwoordigende rol in te vullen", 1900, ""),
        ("Informatievoorziening", "gemeenten en de regio", "bo_gr_info_cycli",
         "De processen van informatievoorziening passen bij de cycli van besluitvorming, "
         "controle en verantwoording", 1927, ""),
        ("Vormgeving ambtelijke organisatie", "eigen gemeenten", "bo_g_juridische_vorm",
         "De juridische vorm past bij de doelen van de fusiegemeenten", 1939, ""),
    ],
}  # fmt: skip


class EvaluatiekaderFactory(factory.django.DjangoModelFactory):
    """A published evaluatiekader with the domeinen and indicators of KLEIN_EVALUATIEKADER;
    its version is above any that fixtures load, so it is the active one."""

    class Meta:
        model = Evaluatiekader
        skip_postgeneration_save = True

    versie = factory.Sequence(lambda n: 900 + n)
    naam = "Evaluatiekader ambtelijke fusie (klein, voor tests)"
    bron = "Rapport §4.3"
    rapport_regel = 1817
    schaal = factory.LazyFunction(
        lambda: {
            "-2": "duidelijk negatief",
            "-1": "licht negatief",
            "0": "neutraal",
            "1": "licht positief",
            "2": "duidelijk positief",
        }  # fmt: skip
    )
    gepubliceerd = True

    @factory.post_generation
    def domeinen(obj, create, extracted, **kwargs):
        if not create:
            return
        for volgorde, ((code, naam, regel), indicatoren) in enumerate(
            (extracted or KLEIN_EVALUATIEKADER).items(), 1
        ):
            domein = Evaluatiedomein.objects.create(
                kader=obj, code=code, naam=naam, volgorde=volgorde, rapport_paragraaf="4.3",
                rapport_regel=regel,
            )  # fmt: skip
            Evaluatieindicator.objects.bulk_create(
                Evaluatieindicator(
                    domein=domein,
                    aspect=aspect,
                    niveau=niveau,
                    code=icode,
                    naam=inaam,
                    rapport_regel=iregel,
                    bewijs=bewijs,
                    volgorde=n,
                )  # fmt: skip
                for n, (aspect, niveau, icode, inaam, iregel, bewijs) in enumerate(indicatoren, 1)
            )


class EvaluatieFactory(factory.Factory):
    """`EvaluatieFactory(door=adviseur, fusieorganisatie="werkorganisatie-duivenvoorde")`: an
    evaluatie as the product starts one (`evaluatie_aanmaken`), of a fusieorganisatie in the
    register (by slug) or of an afweging, with the deelnemers as the start form offers them."""

    class Meta:
        model = Evaluatie

    door = factory.SubFactory(AdviseurFactory)
    fusieorganisatie = "werkorganisatie-duivenvoorde"
    afweging = None
    peildatum = factory.LazyFunction(lambda: date(2026, 6, 1))

    @classmethod
    def _create(cls, model_class, *, door, fusieorganisatie, afweging, peildatum, **velden):
        from evaluatie import vertrekpunt

        if afweging is not None:
            punt = vertrekpunt.van_afweging(afweging)
        else:
            punt = vertrekpunt.van_fusieorganisatie(
                Fusieorganisatie.objects.get(slug=fusieorganisatie)
            )
        velden.setdefault("titel", punt.titel)
        velden.setdefault("gemeenten", punt.gemeenten)
        velden.setdefault("startdatum_fusie", punt.startdatum)
        return evaluatie_aanmaken(
            door=door, peildatum=peildatum, fusieorganisatie=punt.fusieorganisatie,
            afweging=punt.afweging, **velden,
        )  # fmt: skip

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise TypeError("Een evaluatie bestaat pas met haar oordelen: gebruik create().")


def scoor_alles(evaluatie: Evaluatie, score: str = "1") -> Evaluatie:
    """Every indicator scored with a motivation (the rows as the product keeps them; the
    version is left alone, as a data fix would)."""
    for oordeel in evaluatie.oordelen.select_related("indicator"):
        oordeel.score = score
        oordeel.motivering = f"Motivering bij {oordeel.indicator.naam}."
        oordeel.save(update_fields=["score", "motivering"])
    return evaluatie
