"""Municipal finance per taakveld from CBS Iv3, per gemeente, year and document.

Amounts are stored as the source gives them: thousands of euros. The Nederland totals
are kept apart in `Iv3Totaal`, so no query over gemeenten can count them by mistake.
"""

from django.db import models

from casussen.models import Gemeente


class Taakveld(models.Model):
    code = models.CharField(max_length=10, unique=True)
    naam = models.CharField(max_length=120)

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "taakvelden"

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"


class Iv3Bestand(models.Model):
    """One loaded year and document (e.g. jaarrekening 2023), with a checksum of its rows."""

    class Document(models.TextChoices):
        JAARREKENING = "jaarrekening", "Jaarrekening"
        BEGROTING = "begroting", "Begroting"

    jaar = models.PositiveSmallIntegerField()
    document = models.CharField(max_length=20, choices=Document.choices)
    bron = models.CharField(max_length=300)
    controlesom = models.CharField(max_length=64)
    aantal_regels = models.PositiveIntegerField()
    geladen = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-jaar", "document"]
        verbose_name = "Iv3-bestand"
        verbose_name_plural = "Iv3-bestanden"
        constraints = [
            models.UniqueConstraint(fields=["jaar", "document"], name="uniek_iv3_jaar_document")
        ]

    def __str__(self) -> str:
        return f"{self.get_document_display()} {self.jaar}"


class Iv3Regel(models.Model):
    bestand = models.ForeignKey(Iv3Bestand, on_delete=models.CASCADE, related_name="regels")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="iv3_regels")
    taakveld = models.ForeignKey(Taakveld, on_delete=models.PROTECT, related_name="+")
    lasten = models.DecimalField("lasten (× € 1.000)", max_digits=14, decimal_places=1)
    baten = models.DecimalField("baten (× € 1.000)", max_digits=14, decimal_places=1)
    salarissen = models.DecimalField(
        "salarissen en sociale lasten (× € 1.000)",
        max_digits=14,
        decimal_places=1,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = "Iv3-regel"
        verbose_name_plural = "Iv3-regels"
        constraints = [
            models.UniqueConstraint(
                fields=["bestand", "gemeente", "taakveld"], name="uniek_iv3_regel"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} {self.taakveld.code} {self.bestand}"


class Iv3Totaal(models.Model):
    """The Nederland total per taakveld, as the source gives it."""

    bestand = models.ForeignKey(Iv3Bestand, on_delete=models.CASCADE, related_name="totalen")
    taakveld = models.ForeignKey(Taakveld, on_delete=models.PROTECT, related_name="+")
    lasten = models.DecimalField("lasten (× € 1.000)", max_digits=14, decimal_places=1)
    baten = models.DecimalField("baten (× € 1.000)", max_digits=14, decimal_places=1)
    salarissen = models.DecimalField(max_digits=14, decimal_places=1, null=True, blank=True)

    class Meta:
        verbose_name = "Iv3-totaal Nederland"
        verbose_name_plural = "Iv3-totalen Nederland"
        constraints = [
            models.UniqueConstraint(fields=["bestand", "taakveld"], name="uniek_iv3_totaal")
        ]

    def __str__(self) -> str:
        return f"Nederland {self.taakveld.code} {self.bestand}"
