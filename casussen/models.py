"""Reference data: provincies, gemeenten, fusieorganisaties and the studied casussen.

Everything here is loaded by `laad_referentiedata` from the files in `fixtures/`;
nothing is typed in by users. Totals of inhabitants are computed from the members
and never stored, so they cannot drift from the figures they are made of.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse


class Provincie(models.Model):
    code = models.CharField("CBS-code", max_length=4, unique=True)
    naam = models.CharField(max_length=50, unique=True)

    class Meta:
        ordering = ["naam"]
        verbose_name_plural = "provincies"

    def __str__(self) -> str:
        return self.naam


class Gemeente(models.Model):
    """A gemeente, current or dissolved.

    Dissolved gemeenten keep their name and end date; their CBS code is only filled
    in where a shipped source gives one (the gemeenten that ceased before 2018 and
    appear in the report have none).
    """

    slug = models.SlugField(max_length=60, unique=True)
    code = models.CharField("CBS-code", max_length=6, unique=True, null=True, blank=True)
    naam = models.CharField(max_length=80)
    provincie = models.ForeignKey(
        Provincie, on_delete=models.PROTECT, null=True, blank=True, related_name="gemeenten"
    )
    datum_opheffing = models.DateField("datum opheffing", null=True, blank=True)
    corop_code = models.CharField("COROP-code", max_length=6, blank=True)
    corop_naam = models.CharField("COROP-gebied", max_length=80, blank=True)
    arbeidsmarktregio_code = models.CharField(max_length=6, blank=True)
    arbeidsmarktregio_naam = models.CharField("arbeidsmarktregio", max_length=80, blank=True)
    bron = models.CharField(max_length=200, help_text="Herkomst van deze regel.")
    huidige_gemeenten = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="voorgangers_sinds",
        help_text="De huidige gemeente(n) waarin deze opgeheven gemeente is opgegaan.",
    )

    class Meta:
        ordering = ["naam", "slug"]
        verbose_name_plural = "gemeenten"

    def __str__(self) -> str:
        if self.datum_opheffing:
            return f"{self.naam} (tot {self.datum_opheffing:%Y})"
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("casussen:gemeente", kwargs={"slug": self.slug})

    @property
    def bestaat(self) -> bool:
        return self.datum_opheffing is None


class Inwonertal(models.Model):
    """Inhabitants of a gemeente on 1 January of a year, with the source of the figure."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="inwonertallen")
    jaar = models.PositiveSmallIntegerField(help_text="Peildatum 1 januari van dit jaar.")
    aantal = models.PositiveIntegerField()
    bron = models.CharField(max_length=200)

    class Meta:
        ordering = ["gemeente", "jaar"]
        verbose_name_plural = "inwonertallen"
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "jaar"], name="uniek_inwonertal_per_jaar")
        ]

    def __str__(self) -> str:
        return f"{self.gemeente.naam} 1-1-{self.jaar}: {self.aantal}"


class Herindeling(models.Model):
    """One old→new pair of a municipal merger (samenvoeging, toevoeging or splitsing)."""

    oude_gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="herindelingen_als_oude"
    )
    nieuwe_gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="herindelingen_als_nieuwe"
    )
    datum = models.DateField("datum ingang")
    soort = models.CharField(max_length=60)
    opmerking = models.CharField(max_length=200, blank=True)
    bron = models.CharField(max_length=200)

    class Meta:
        ordering = ["datum", "oude_gemeente__naam"]
        verbose_name_plural = "herindelingen"
        constraints = [
            models.UniqueConstraint(
                fields=["oude_gemeente", "nieuwe_gemeente"], name="uniek_herindelingspaar"
            )
        ]

    def __str__(self) -> str:
        return f"{self.oude_gemeente.naam} → {self.nieuwe_gemeente.naam} ({self.datum:%d-%m-%Y})"


class Fusieorganisatie(models.Model):
    class Status(models.TextChoices):
        ACTIEF = "actief", "Actief"
        BEEINDIGD = "beeindigd", "Beëindigd"
        HERINDELING = "herindeling", "Opgegaan in herindeling"
        GEPLAND = "gepland", "Gepland"
        NOOIT = "nooit", "Nooit tot stand gekomen"

    class BestuurskundigeVorm(models.TextChoices):
        KLASSIEK = "klassiek", "Klassieke ambtelijke fusie"
        CENTRUMREGELING = "centrumregeling", "Enkelvoudige centrumregeling"

    class JuridischeVorm(models.TextChoices):
        OPENBAAR_LICHAAM = "openbaar_lichaam", "Publiekrechtelijk – openbaar lichaam"
        BEDRIJFSVOERINGSORGANISATIE = (
            "bedrijfsvoeringsorganisatie",
            "Publiekrechtelijk – bedrijfsvoeringsorganisatie",
        )
        PUBLIEKRECHTELIJK = "publiekrechtelijk", "Publiekrechtelijk (centrumregeling)"
        PRIVAATRECHTELIJK = "privaatrechtelijk", "Privaatrechtelijk (dienstverleningsovereenkomst)"
        ONBEKEND = "onbekend", "Onbekend"

    slug = models.SlugField(max_length=80, unique=True)
    nummer = models.PositiveSmallIntegerField(
        "nummer in Bijlage",
        null=True,
        blank=True,
        help_text="Leeg als de Bijlage geen nummer geeft.",
    )
    naam = models.CharField(max_length=120)
    bestuurskundige_vorm = models.CharField(max_length=20, choices=BestuurskundigeVorm.choices)
    juridische_vorm = models.CharField(max_length=40, choices=JuridischeVorm.choices)
    juridische_vorm_toelichting = models.CharField(max_length=300, blank=True)
    startdatum = models.DateField(null=True, blank=True)
    startdatum_tekst = models.CharField(
        max_length=40, blank=True, help_text="De datum zoals de bron hem noemt, bijv. '2008'."
    )
    einddatum = models.DateField(null=True, blank=True)
    einddatum_tekst = models.CharField(max_length=60, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices)
    status_rapport = models.CharField(
        "status volgens het rapport (peildatum 1-1-2018)", max_length=20, choices=Status.choices
    )
    status_toelichting = models.TextField(blank=True)
    bijzonderheden_rapport = models.TextField("bijzonderheden volgens het rapport", blank=True)
    inwoners_rapport = models.PositiveIntegerField(
        "gezamenlijk aantal inwoners volgens het rapport",
        null=True,
        blank=True,
        help_text="Het afgeronde totaal ('± 40.000') dat het rapport noemt; leeg als het er geen noemt.",
    )
    bron = models.CharField(max_length=200)
    bron_regel = models.PositiveIntegerField("regel in het rapport", null=True, blank=True)
    regeling_url = models.URLField(
        "vindplaats gemeenschappelijke regeling", max_length=300, blank=True
    )
    gemeenten = models.ManyToManyField(
        Gemeente, through="Deelname", related_name="fusieorganisaties"
    )

    class Meta:
        ordering = [models.F("nummer").asc(nulls_last=True), "naam"]
        verbose_name_plural = "fusieorganisaties"

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("casussen:fusieorganisatie", kwargs={"slug": self.slug})

    @property
    def start_alleen_jaar(self) -> bool:
        """The source names only the year ("2008"): `startdatum` is then 1 January of it,
        a day no one gave, and pages say the year."""
        tekst = self.startdatum_tekst.strip()
        return len(tekst) == 4 and tekst.isdigit()

    @property
    def is_klassiek(self) -> bool:
        return self.bestuurskundige_vorm == self.BestuurskundigeVorm.KLASSIEK

    @property
    def vorm_kort(self) -> str:
        """Both forms in a few words, for tables: 'klassiek, openbaar lichaam'."""
        bestuurskundig = {
            self.BestuurskundigeVorm.KLASSIEK: "klassiek",
            self.BestuurskundigeVorm.CENTRUMREGELING: "centrumregeling",
        }[self.bestuurskundige_vorm]
        juridisch = {
            self.JuridischeVorm.OPENBAAR_LICHAAM: "openbaar lichaam",
            self.JuridischeVorm.BEDRIJFSVOERINGSORGANISATIE: "bedrijfsvoeringsorganisatie",
            self.JuridischeVorm.PUBLIEKRECHTELIJK: "publiekrechtelijk",
            self.JuridischeVorm.PRIVAATRECHTELIJK: "privaatrechtelijk",
            self.JuridischeVorm.ONBEKEND: "juridische vorm onbekend",
        }[self.juridische_vorm]
        return f"{bestuurskundig}, {juridisch}"


class Deelname(models.Model):
    """A gemeente's membership of a fusieorganisatie."""

    fusieorganisatie = models.ForeignKey(
        Fusieorganisatie, on_delete=models.CASCADE, related_name="deelnames"
    )
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="deelnames")
    toelichting = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["fusieorganisatie", "gemeente__naam"]
        verbose_name_plural = "deelnames"
        constraints = [
            models.UniqueConstraint(fields=["fusieorganisatie", "gemeente"], name="uniek_deelname")
        ]

    def __str__(self) -> str:
        return f"{self.gemeente.naam} in {self.fusieorganisatie.naam}"


class Casus(models.Model):
    """One of the nine cases studied in §5.2 of the report, in structured fields."""

    slug = models.SlugField(max_length=80, unique=True)
    naam = models.CharField(max_length=120)
    fusieorganisatie = models.OneToOneField(
        Fusieorganisatie, on_delete=models.PROTECT, related_name="casus"
    )
    paragraaf = models.CharField(max_length=10)
    regel_van = models.PositiveIntegerField()
    regel_tot = models.PositiveIntegerField()
    inwoners_kop = models.PositiveIntegerField(
        "gezamenlijk aantal inwoners in de kop van de paragraaf", null=True, blank=True
    )
    startdatum = models.DateField(null=True, blank=True)
    einddatum = models.DateField(null=True, blank=True)
    juridische_vorm = models.CharField(max_length=300, blank=True)
    topstructuur = models.TextField(blank=True)
    motieven = models.JSONField(default=list)
    perspectief = models.TextField(blank=True)
    uitkomst = models.TextField()
    bijzonderheden = models.TextField(blank=True)
    regels = models.JSONField(
        default=dict, help_text="Regelnummers in het rapport per veld, als bronvermelding."
    )

    class Meta:
        ordering = ["paragraaf"]
        verbose_name_plural = "casussen"

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("casussen:casus", kwargs={"slug": self.slug})


class CasusDeelnemer(models.Model):
    """A member of a casus with the inhabitants the report gives for it."""

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="deelnemers")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="casusdeelnames")
    naam_in_rapport = models.CharField(max_length=80)
    inwoners_rapport = models.PositiveIntegerField(null=True, blank=True)
    regel = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["casus", "pk"]
        verbose_name = "casusdeelnemer"
        verbose_name_plural = "casusdeelnemers"
        constraints = [
            models.UniqueConstraint(fields=["casus", "gemeente"], name="uniek_casusdeelnemer")
        ]

    def __str__(self) -> str:
        return f"{self.naam_in_rapport} ({self.casus.naam})"
