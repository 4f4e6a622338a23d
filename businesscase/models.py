"""The inputs of an afweging's business case. The figures are computed from them and the
Iv3 benchmark (`berekening.py`), never stored.

The tables keep the names they had when these models lived in `afweging` (migration
businesscase 0001): moving the models did not move a single row.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models

from businesscase.projectie import Verdeelsleutel


class Businesscase(models.Model):
    """The inputs of an afweging's business case; the figures are computed, never stored."""

    Sleutel = Verdeelsleutel

    afweging = models.OneToOneField(
        "afweging.Afweging", on_delete=models.CASCADE, related_name="businesscase"
    )
    basis_overhead = models.DecimalField(
        "overhead van de deelnemers samen (euro per jaar)",
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Leeg: de som uit de Iv3-jaarrekening van de deelnemers.",
    )
    verdeelsleutel = models.CharField(
        max_length=20, choices=Sleutel.choices, default=Sleutel.INWONERS
    )
    mix_inwoners_pct = models.DecimalField(
        "aandeel inwoners in de mix (%)",
        max_digits=5,
        decimal_places=1,
        default=Decimal("50"),
        validators=[MinValueValidator(0)],
    )
    vaste_verdeling = models.JSONField(
        default=dict, blank=True, help_text="Per gemeentecode het percentage, samen 100."
    )
    # What the data cannot supply, entered with its source (a key needs them all known):
    # {soort: {gemeentecode: {"waarde": 120.5, "bron": "..."}}}, soort as in
    # projectie.INGEVULDE_GEGEVENS (fte, cliënten, uren per group of scales).
    verdeelgegevens = models.JSONField(default=dict, blank=True)
    # The hourly rate per group of scales: {groep: {"waarde": 65, "bron": "..."}}.
    uurtarieven = models.JSONField(default=dict, blank=True)
    # Parts of the costs under a key of their own: [{"domein": "Sociaal domein",
    # "aandeel_pct": 25.0, "verdeelsleutel": "clienten", "bron": "..."}].
    domeinsleutels = models.JSONField(default=list, blank=True)

    class Meta:
        db_table = "afweging_businesscase"

    def __str__(self) -> str:
        return f"Businesscase {self.afweging}"


class BusinesscaseVariant(models.Model):
    class Soort(models.TextChoices):
        VOORGESTELD = "voorgesteld", "Voorgestelde variant"
        ALTERNATIEF = "alternatief", "Alternatieve vorm"

    businesscase = models.ForeignKey(
        Businesscase, on_delete=models.CASCADE, related_name="varianten"
    )
    soort = models.CharField(max_length=20, choices=Soort.choices)
    besparing_pct = models.DecimalField(
        "structurele besparing (%)", max_digits=5, decimal_places=1, default=Decimal("0"),
        validators=[MinValueValidator(0)],
    )  # fmt: skip
    ingroei_jaren = models.PositiveSmallIntegerField("jaren tot volle besparing", default=3)
    frictiekosten = models.DecimalField(
        "frictiekosten (euro, eenmalig)", max_digits=14, decimal_places=0, default=Decimal("0"),
        validators=[MinValueValidator(0)],
    )  # fmt: skip
    frictie_jaren = models.PositiveSmallIntegerField(
        "frictiekosten verdeeld over (jaren)", default=3, validators=[MinValueValidator(1)]
    )
    extra_kosten = models.DecimalField(
        "extra kosten per jaar (euro)", max_digits=14, decimal_places=0, default=Decimal("0"),
        validators=[MinValueValidator(0)],
        help_text="Bediening van meerdere colleges, eigen P&C-cyclus, urenregistratie.",
    )  # fmt: skip
    btw_aandeel_pct = models.DecimalField(
        "deel van de diensten met btw (%)", max_digits=5, decimal_places=1, default=Decimal("0"),
        validators=[MinValueValidator(0)],
    )  # fmt: skip

    class Meta:
        db_table = "afweging_businesscasevariant"
        ordering = ["businesscase", "soort"]
        constraints = [
            models.UniqueConstraint(
                fields=["businesscase", "soort"], name="uniek_businesscasevariant"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.businesscase})"
