"""An evaluatie: the ex-post judgement of a running ambtelijke fusie against the evaluatiekader
of §4.3 (kader.Evaluatiekader, the version it pins), per indicator a score, a motivation and
sources; and the recorded afloop of a fusion that was assessed in Fusietoets, which the
terugblik on the signalen counts beside the register.

An evaluatie is of a fusieorganisatie in the register, or of the fusion a vastgestelde
afweging proposed (`afweging`), or both. Its deelnemers are the gemeenten it evaluates for.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from afweging import lengtes, scoring
from afweging.models import Afweging, Antwoord, Beoordeling, Geschiedenisregel
from casussen.models import Fusieorganisatie, Gemeente, Provincie
from kader.models import Evaluatieindicator, Evaluatiekader


class Evaluatie(Beoordeling):
    titel = models.CharField(max_length=lengtes.TITEL)
    provincie = models.ForeignKey(Provincie, on_delete=models.PROTECT, related_name="evaluaties")
    kader = models.ForeignKey(Evaluatiekader, on_delete=models.PROTECT, related_name="evaluaties")
    fusieorganisatie = models.ForeignKey(
        Fusieorganisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evaluaties",
        help_text="De fusieorganisatie in het register die geëvalueerd wordt.",
    )
    afweging = models.ForeignKey(
        Afweging,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evaluaties",
        help_text="De vastgestelde afweging waarin deze fusie vooraf is beoordeeld.",
    )
    startdatum_fusie = models.DateField(
        "start van de fusie",
        null=True,
        blank=True,
        help_text="Uit het register of de vastgelegde afloop van de afweging; leeg als onbekend.",
    )
    peildatum = models.DateField(
        "datum van de evaluatie", help_text="De datum waarop de evaluatie de stand opneemt."
    )
    gemeenten = models.ManyToManyField(Gemeente, related_name="evaluaties")
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="evaluaties"
    )

    class Meta:
        ordering = ["-gewijzigd"]
        verbose_name = "evaluatie"
        verbose_name_plural = "evaluaties"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(fusieorganisatie__isnull=False)
                | models.Q(afweging__isnull=False),
                name="evaluatie_van_iets",
            )
        ]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("evaluatie:overzicht", kwargs={"pk": self.pk})


class Indicatoroordeel(models.Model):
    """The score on one indicator of the evaluatiekader, on the afwegingskader's scale
    (−2 … +2, or '?' for too little information), with its motivation and sources."""

    Score = Antwoord.Score

    evaluatie = models.ForeignKey(Evaluatie, on_delete=models.CASCADE, related_name="oordelen")
    indicator = models.ForeignKey(
        Evaluatieindicator, on_delete=models.PROTECT, related_name="oordelen"
    )
    score = models.CharField(max_length=2, choices=Score.choices, blank=True)
    motivering = models.TextField(blank=True, max_length=lengtes.MOTIVERING)
    bronnen = models.TextField(blank=True, max_length=lengtes.BRONNEN)

    class Meta:
        ordering = ["evaluatie", "indicator__domein__volgorde", "indicator__volgorde"]
        verbose_name = "oordeel op een indicator"
        verbose_name_plural = "oordelen op indicatoren"
        constraints = [
            models.UniqueConstraint(
                fields=["evaluatie", "indicator"], name="uniek_indicatoroordeel"
            )
        ]

    def __str__(self) -> str:
        return f"{self.evaluatie}: {self.indicator.code}"

    @property
    def zonder_motivering(self) -> bool:
        """A draft the autosave kept: a score that does not count until it is motivated."""
        return (
            scoring.antwoordstatus(self.score, self.motivering) == scoring.Status.ZONDER_MOTIVERING
        )


class Wijziging(Geschiedenisregel):
    """One recorded change to an evaluatie: its history, kept as an afweging's is
    (`afweging.services.vastleggen`, `afweging.geschiedenis`)."""

    evaluatie = models.ForeignKey(Evaluatie, on_delete=models.CASCADE, related_name="wijzigingen")

    class Meta(Geschiedenisregel.Meta):
        verbose_name = "wijziging van een evaluatie"
        verbose_name_plural = "wijzigingen van evaluaties"


class Afloop(models.Model):
    """What became of a fusion assessed in Fusietoets, as an adviseur records it, with date
    and source: the terugblik counts these beside the register's fusieorganisaties."""

    class Soort(models.TextChoices):
        GESTART = "gestart", "Gestart"
        GEEVALUEERD = "geevalueerd", "Geëvalueerd"
        BEEINDIGD = "beeindigd", "Beëindigd"
        HERINDELING = "herindeling", "Opgegaan in een herindeling"
        NOOIT = "nooit", "Nooit tot stand gekomen"

    afweging = models.ForeignKey(Afweging, on_delete=models.CASCADE, related_name="aflopen")
    soort = models.CharField(max_length=20, choices=Soort.choices)
    datum = models.DateField()
    bron = models.TextField(max_length=lengtes.BRONNEN)
    toelichting = models.TextField(blank=True, max_length=lengtes.NOTITIE)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["afweging", "datum", "pk"]
        verbose_name = "afloop van een fusie"
        verbose_name_plural = "aflopen van fusies"

    def __str__(self) -> str:
        return f"{self.afweging}: {self.get_soort_display()} op {self.datum:%d-%m-%Y}"
