"""Frameworks as versioned data: the afwegingskader of §11.3 and the evaluatiekader of §4.3.

A version that anything uses is frozen: the admin only changes a version nothing uses yet,
and a change to a used version starts from a copy with a new number (see `versies.py`).
What uses a version is found from the relations other apps point at it with PROTECT (an
afweging, an evaluatie), so this app knows nothing of them.

The tables keep the names they had when these models lived in `afweging` (migration
kader 0001): moving the models did not move a single row.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models


def _gebruiksrelaties(model: type[models.Model]):
    """The relations through which other apps use a version of a kader model (Kader,
    Evaluatiekader): their PROTECT foreign keys to it (an afweging, an evaluatie pins the
    version it was made with)."""
    return [r for r in model._meta.related_objects if r.on_delete is models.PROTECT]


class VersieQuerySet(models.QuerySet):
    def ongebruikt(self):
        """The versions nothing uses yet: the only ones the admin may change."""
        ongebruikt = self
        for relatie in _gebruiksrelaties(self.model):
            ongebruikt = ongebruikt.filter(**{f"{relatie.name}__isnull": True})
        return ongebruikt


class Versiebeheerd:
    """What a versioned kader model knows of its use, from the PROTECT relations to it."""

    def _gebruikers(self):
        for relatie in _gebruiksrelaties(type(self)):
            yield (
                relatie,
                relatie.related_model._default_manager.filter(**{relatie.field.name: self}),
            )

    @property
    def in_gebruik(self) -> bool:
        return any(rijen.exists() for _, rijen in self._gebruikers())

    @property
    def aantal_gebruikt(self) -> int:
        return sum(rijen.count() for _, rijen in self._gebruikers())

    @property
    def gebruikt_door(self) -> str:
        """In words, for a message: "2 evaluaties" (the related models' own names)."""
        delen = []
        for relatie, rijen in self._gebruikers():
            aantal = rijen.count()
            if aantal:
                opts = relatie.related_model._meta
                delen.append(
                    f"{aantal} {opts.verbose_name if aantal == 1 else opts.verbose_name_plural}"
                )
        return ", ".join(delen)


class Kaderversie(Versiebeheerd, models.Model):
    """What every versioned kader has: its number, name, source in the report, the labels of
    its five-point scale, whether it is published, and what it knows of its use."""

    versie = models.PositiveIntegerField(unique=True)
    naam = models.CharField(max_length=120)
    toelichting = models.TextField(blank=True)
    bron = models.CharField(max_length=200)
    rapport_regel = models.PositiveIntegerField(null=True, blank=True)
    schaal = models.JSONField(
        default=dict, help_text="Labels van de vijfpuntsschaal, bijv. {'-2': 'duidelijk negatief'}."
    )
    gepubliceerd = models.BooleanField(default=False)
    aangemaakt = models.DateTimeField(auto_now_add=True)

    objects = VersieQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-versie"]

    def __str__(self) -> str:
        return f"{self.naam} (versie {self.versie})"


class Kader(Kaderversie):
    gepubliceerd = models.BooleanField(
        default=False,
        help_text="Nieuwe afwegingen gebruiken de gepubliceerde versie met het hoogste nummer.",
    )

    class Meta:
        db_table = "afweging_kader"
        ordering = ["-versie"]
        verbose_name_plural = "kaders"


class Onderdeel(models.Model):
    kader = models.ForeignKey(Kader, on_delete=models.CASCADE, related_name="onderdelen")
    code = models.SlugField(max_length=30)
    naam = models.CharField(max_length=80)
    volgorde = models.PositiveSmallIntegerField()
    toelichting = models.TextField(blank=True)
    rapport_paragraaf = models.CharField(max_length=40, blank=True)
    rapport_regel = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        db_table = "afweging_onderdeel"
        ordering = ["kader", "volgorde"]
        verbose_name_plural = "onderdelen"
        constraints = [
            models.UniqueConstraint(fields=["kader", "code"], name="uniek_onderdeel_per_kader")
        ]

    def __str__(self) -> str:
        return self.naam


class Indicator(models.Model):
    kader = models.ForeignKey(Kader, on_delete=models.CASCADE, related_name="indicatoren")
    code = models.SlugField(max_length=60)
    domein = models.CharField(max_length=60)
    niveau = models.CharField(max_length=30)
    naam = models.CharField(max_length=200)
    rapport_regel = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        db_table = "afweging_indicator"
        ordering = ["kader", "pk"]
        verbose_name_plural = "indicatoren"
        constraints = [
            models.UniqueConstraint(fields=["kader", "code"], name="uniek_indicator_per_kader")
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.domein}, {self.niveau})"


class Deelvraag(models.Model):
    onderdeel = models.ForeignKey(Onderdeel, on_delete=models.CASCADE, related_name="deelvragen")
    nummer = models.PositiveSmallIntegerField()
    code = models.SlugField(max_length=40)
    naam = models.CharField(max_length=300)
    toelichting = models.TextField(blank=True)
    aandachtspunten = models.JSONField(default=list, blank=True)
    gewicht = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        default=Decimal("1.00"),
        # Zero would make a judgement of nothing; the scoring divides by the weights.
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    rapport_paragraaf = models.CharField(max_length=60, blank=True)
    rapport_regels = models.JSONField(default=list, blank=True)
    indicatoren = models.ManyToManyField(Indicator, blank=True, related_name="deelvragen")

    class Meta:
        db_table = "afweging_deelvraag"
        ordering = ["onderdeel__kader", "nummer"]
        verbose_name_plural = "deelvragen"
        constraints = [
            models.UniqueConstraint(fields=["onderdeel", "nummer"], name="uniek_deelvraagnummer")
        ]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.naam}"


class Succesfactor(models.Model):
    class Fase(models.TextChoices):
        VORMING = "vorming", "Bij de vorming"
        WERKING = "werking", "In de werking"
        CHECKLIST = "checklist", "Checklist (§11.2)"

    kader = models.ForeignKey(Kader, on_delete=models.CASCADE, related_name="succesfactoren")
    code = models.SlugField(max_length=60)
    fase = models.CharField(max_length=20, choices=Fase.choices)
    naam = models.CharField(max_length=200)
    adviezen = models.JSONField(default=list, blank=True)
    rapport_regel = models.PositiveIntegerField(null=True, blank=True)
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "afweging_succesfactor"
        ordering = ["kader", "volgorde"]
        verbose_name_plural = "kritieke succesfactoren"
        verbose_name = "kritieke succesfactor"
        constraints = [
            models.UniqueConstraint(fields=["kader", "code"], name="uniek_succesfactor_per_kader")
        ]

    def __str__(self) -> str:
        return self.naam


class Evaluatiekader(Kaderversie):
    """The evaluatiekader of §4.3 (after Moore's public value model), as versioned data: the
    framework an ex-post evaluatie of a running fusieorganisatie scores against. Versioned and
    frozen like the afwegingskader: an evaluatie pins its version (PROTECT), and a used
    version never changes (see `versies.py`)."""

    gepubliceerd = models.BooleanField(
        default=False,
        help_text="Nieuwe evaluaties gebruiken de gepubliceerde versie met het hoogste nummer.",
    )

    class Meta:
        ordering = ["-versie"]
        verbose_name = "evaluatiekader"
        verbose_name_plural = "evaluatiekaders"


class Evaluatiedomein(models.Model):
    """One of the evaluatiekader's three domains: Publieke waarde, Legitimiteit, Besturing en
    organisatie."""

    kader = models.ForeignKey(Evaluatiekader, on_delete=models.CASCADE, related_name="domeinen")
    code = models.SlugField(max_length=30)
    naam = models.CharField(max_length=80)
    volgorde = models.PositiveSmallIntegerField()
    toelichting = models.TextField(blank=True)
    rapport_paragraaf = models.CharField(max_length=40, blank=True)
    rapport_regel = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["kader", "volgorde"]
        verbose_name = "domein van het evaluatiekader"
        verbose_name_plural = "domeinen van het evaluatiekader"
        constraints = [
            models.UniqueConstraint(fields=["kader", "code"], name="uniek_evaluatiedomein")
        ]

    def __str__(self) -> str:
        return self.naam


class Evaluatieindicator(models.Model):
    """One indicator of the evaluatiekader: a statement about the running fusion ("De
    dienstverlening aan burgers en bedrijven is verbeterd"), for the own gemeenten or the
    region, under an aspect of its domain (Resultaten, Draagvlak, ...).

    `bewijs` names the evidence the app fills in from its own data, where there is any: for
    "kosten" the members' overhead against the counterfactual of non-fusion gemeenten
    (`benchmark.tegenfeitelijk`)."""

    class Bewijs(models.TextChoices):
        GEEN = "", "Geen (alleen het oordeel van de adviseur)"
        KOSTEN = "kosten", "Overhead tegen het tegenfeitelijke (Iv3)"

    domein = models.ForeignKey(
        Evaluatiedomein, on_delete=models.CASCADE, related_name="indicatoren"
    )
    code = models.SlugField(max_length=60)
    aspect = models.CharField(max_length=60)
    niveau = models.CharField(max_length=40)
    naam = models.CharField(max_length=300)
    toelichting = models.TextField(blank=True)
    bewijs = models.CharField(max_length=20, choices=Bewijs.choices, blank=True, default="")
    rapport_regel = models.PositiveIntegerField(null=True, blank=True)
    volgorde = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["domein__kader", "domein__volgorde", "volgorde"]
        verbose_name = "indicator van het evaluatiekader"
        verbose_name_plural = "indicatoren van het evaluatiekader"
        constraints = [
            models.UniqueConstraint(fields=["domein", "code"], name="uniek_evaluatieindicator")
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.aspect}, {self.niveau})"
