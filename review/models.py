"""Review of an afweging or an evaluatie by the gemeentesecretarissen of its deelnemende
gemeenten: with whom it is shared, their opmerkingen per deelvraag or indicator (and the
adviseur's answers), and the one formal reactie per gemeente (and the provincie's answer).
Each row belongs to one of the two (`afweging` or `evaluatie`, a check in the database);
`review.onderwerp` is what the services and pages know of either.

The tables keep the names they had when these models lived in `afweging` (migration
review 0001): moving the models did not move a single row.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from afweging import lengtes
from casussen.models import Gemeente
from kader.models import Deelvraag, Evaluatieindicator


def _van_een(*, afweging: list[str] = (), evaluatie: list[str] = (), naam: str):
    """A row of review belongs to an afweging or to an evaluatie, never both nor neither;
    the fields in the lists are filled in only for that one (the place of an opmerking)."""
    bij_afweging = models.Q(afweging__isnull=False, evaluatie__isnull=True)
    bij_evaluatie = models.Q(afweging__isnull=True, evaluatie__isnull=False)
    for veld in afweging:
        bij_afweging &= models.Q(**{f"{veld}__isnull": False})
        bij_evaluatie &= models.Q(**{f"{veld}__isnull": True})
    for veld in evaluatie:
        bij_evaluatie &= models.Q(**{f"{veld}__isnull": False})
        bij_afweging &= models.Q(**{f"{veld}__isnull": True})
    return models.CheckConstraint(condition=bij_afweging | bij_evaluatie, name=naam)


class Deling(models.Model):
    """An afweging or an evaluatie shared with a gemeentesecretaris for review."""

    afweging = models.ForeignKey(
        "afweging.Afweging", on_delete=models.CASCADE, null=True, blank=True,
        related_name="delingen",
    )  # fmt: skip
    evaluatie = models.ForeignKey(
        "evaluatie.Evaluatie", on_delete=models.CASCADE, null=True, blank=True,
        related_name="delingen",
    )  # fmt: skip
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gedeelde_afwegingen"
    )
    gedeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    gedeeld_op = models.DateTimeField(auto_now_add=True)
    # The day by which the adviseur asks this reviewer's gemeente for its formal reactie
    # (inclusive); shares from before there was a termijn have none.
    reactietermijn = models.DateField("reactietermijn", null=True, blank=True)

    class Meta:
        db_table = "afweging_deling"
        ordering = ["afweging", "evaluatie", "gedeeld_op"]
        verbose_name_plural = "delingen"
        constraints = [
            models.UniqueConstraint(fields=["afweging", "gebruiker"], name="uniek_deling"),
            models.UniqueConstraint(
                fields=["evaluatie", "gebruiker"], name="uniek_deling_evaluatie"
            ),
            _van_een(naam="deling_van_een"),
        ]

    def __str__(self) -> str:
        return f"{self.afweging or self.evaluatie} gedeeld met {self.gebruiker}"


class Opmerking(models.Model):
    """A reviewer's comment on a deelvraag of an afweging or on an indicator of an
    evaluatie, or the adviseur's answer to one."""

    afweging = models.ForeignKey(
        "afweging.Afweging", on_delete=models.CASCADE, null=True, blank=True,
        related_name="opmerkingen",
    )  # fmt: skip
    evaluatie = models.ForeignKey(
        "evaluatie.Evaluatie", on_delete=models.CASCADE, null=True, blank=True,
        related_name="opmerkingen",
    )  # fmt: skip
    deelvraag = models.ForeignKey(
        Deelvraag, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    indicator = models.ForeignKey(
        Evaluatieindicator, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    tekst = models.TextField(max_length=lengtes.OPMERKING)
    antwoord_op = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="antwoorden"
    )
    geplaatst = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "afweging_opmerking"
        ordering = [
            "afweging",
            "evaluatie",
            "deelvraag__nummer",
            "indicator__volgorde",
            "geplaatst",
        ]
        verbose_name_plural = "opmerkingen"
        constraints = [
            _van_een(afweging=["deelvraag"], evaluatie=["indicator"], naam="opmerking_van_een")
        ]

    def __str__(self) -> str:
        if self.evaluatie_id:
            return f"Opmerking bij indicator {self.indicator.code} ({self.evaluatie})"
        return f"Opmerking bij deelvraag {self.deelvraag.nummer} ({self.afweging})"


class Reactie(models.Model):
    """The one formal reaction of a gemeente to an afweging.

    Given in Fusietoets by a gemeentesecretaris, or recorded by an adviseur from a letter or
    an e-mail of the gemeente (`ontvangen_per`; `auteur` is then who recorded it). Amending
    it is under the same optimistic lock as an afweging (`versie`, `eigen_sinds`; see
    `afweging.services.versie_ophogen`), so two secretarissen of one gemeente never
    overwrite each other silently. Changed after the provincie answered, it keeps the text
    that answer was about (`eerdere_tekst`, `eerder_standpunt`) until the next answer.
    """

    class Standpunt(models.TextChoices):
        INSTEMMEND = "instemmend", "Instemmend"
        KANTTEKENINGEN = "kanttekeningen", "Instemmend met kanttekeningen"
        NIET = "niet_instemmend", "Niet instemmend"

    class Ontvangen(models.TextChoices):
        BRIEF = "brief", "brief"
        EMAIL = "email", "e-mail"

    afweging = models.ForeignKey(
        "afweging.Afweging", on_delete=models.CASCADE, null=True, blank=True,
        related_name="reacties",
    )  # fmt: skip
    evaluatie = models.ForeignKey(
        "evaluatie.Evaluatie", on_delete=models.CASCADE, null=True, blank=True,
        related_name="reacties",
    )  # fmt: skip
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    standpunt = models.CharField(max_length=20, choices=Standpunt.choices)
    tekst = models.TextField("toelichting", max_length=lengtes.REACTIE)
    gegeven = models.DateTimeField(auto_now=True)
    antwoord = models.TextField(
        "antwoord van de provincie", blank=True, max_length=lengtes.ANTWOORD_OP_REACTIE
    )
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    beantwoord_op = models.DateTimeField(null=True, blank=True)
    ontvangen_per = models.CharField(
        "ontvangen per",
        max_length=10,
        choices=Ontvangen.choices,
        blank=True,
        help_text="Leeg: in Fusietoets gegeven door een gemeentesecretaris.",
    )
    eerdere_tekst = models.TextField(
        "eerdere toelichting",
        blank=True,
        max_length=lengtes.REACTIE,
        help_text="De toelichting waarover het antwoord van de provincie gaat, als de reactie "
        "daarna is gewijzigd.",
    )
    eerder_standpunt = models.CharField(
        "eerder standpunt", max_length=20, choices=Standpunt.choices, blank=True
    )
    versie = models.PositiveIntegerField(default=1)
    eigen_sinds = models.PositiveIntegerField(default=1)

    class Meta:
        db_table = "afweging_reactie"
        ordering = ["afweging", "evaluatie", "gemeente__naam"]
        verbose_name_plural = "reacties"
        constraints = [
            models.UniqueConstraint(fields=["afweging", "gemeente"], name="uniek_reactie"),
            models.UniqueConstraint(
                fields=["evaluatie", "gemeente"], name="uniek_reactie_evaluatie"
            ),
            _van_een(naam="reactie_van_een"),
        ]

    def __str__(self) -> str:
        return f"Reactie van {self.gemeente} op {self.afweging or self.evaluatie}"

    @property
    def antwoord_over_eerdere(self) -> bool:
        """The provincie's answer was about an earlier version of this reactie."""
        return bool(self.antwoord and self.eerdere_tekst)

    @property
    def herkomst(self) -> str:
        """Who gave it, in the words every page, the report and the exports use."""
        naam = self.auteur.get_full_name() or self.auteur.username
        if self.ontvangen_per:
            return f"Ontvangen per {self.get_ontvangen_per_display()}, vastgelegd door {naam}"
        return naam
