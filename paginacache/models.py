from django.db import models


class Gegevensstand(models.Model):
    """A stamp that changes whenever reference data changes (see paginacache/stand.py).

    Cached pages are keyed on it, so that a change shows at once in every process.
    """

    sleutel = models.CharField(max_length=40, primary_key=True)
    stempel = models.CharField(max_length=32)
    bijgewerkt = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "casussen_gegevensstand"  # Its table from before it moved here.
        verbose_name = "gegevensstand"
        verbose_name_plural = "gegevensstanden"

    def __str__(self) -> str:
        return f"{self.sleutel}: {self.stempel}"
