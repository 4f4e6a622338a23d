"""The afwegingskader as versioned data, and the afwegingen made with it.

A Kader that any afweging uses is frozen: the admin only allows changing a version no
afweging uses yet, and a change to a used kader starts from a copy with a new version
number (see `kader.py`). An afweging keeps the version it was made with.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse

from casussen.models import Gemeente, Provincie


class Kader(models.Model):
    versie = models.PositiveIntegerField(unique=True)
    naam = models.CharField(max_length=120)
    toelichting = models.TextField(blank=True)
    bron = models.CharField(max_length=200)
    rapport_regel = models.PositiveIntegerField(null=True, blank=True)
    schaal = models.JSONField(
        default=dict, help_text="Labels van de vijfpuntsschaal, bijv. {'-2': 'duidelijk negatief'}."
    )
    gepubliceerd = models.BooleanField(
        default=False,
        help_text="Nieuwe afwegingen gebruiken de gepubliceerde versie met het hoogste nummer.",
    )
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-versie"]
        verbose_name_plural = "kaders"

    def __str__(self) -> str:
        return f"{self.naam} (versie {self.versie})"

    @property
    def in_gebruik(self) -> bool:
        return self.afwegingen.exists()


class Onderdeel(models.Model):
    kader = models.ForeignKey(Kader, on_delete=models.CASCADE, related_name="onderdelen")
    code = models.SlugField(max_length=30)
    naam = models.CharField(max_length=80)
    volgorde = models.PositiveSmallIntegerField()
    toelichting = models.TextField(blank=True)
    rapport_paragraaf = models.CharField(max_length=40, blank=True)
    rapport_regel = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
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
        ordering = ["kader", "volgorde"]
        verbose_name_plural = "kritieke succesfactoren"
        verbose_name = "kritieke succesfactor"
        constraints = [
            models.UniqueConstraint(fields=["kader", "code"], name="uniek_succesfactor_per_kader")
        ]

    def __str__(self) -> str:
        return self.naam


# The motives of §2.6 (table of kansen, line 917), as choices for each deelnemer.
MOTIEVEN = [
    ("uitvoeringskracht", "Uitvoeringskracht versterken (huidige en toekomstige opgaven)"),
    ("strategisch", "Strategische beleids- en ontwikkelcapaciteit versterken"),
    ("dienstverlening", "Kwaliteit van dienstverlening verbeteren"),
    ("professionalisering", "Professionalisering (kennisdeling, specialisatie)"),
    ("werkgeverschap", "Werkgeverschap versterken"),
    ("kwetsbaarheid", "Kwetsbaarheid verminderen"),
    ("kosten", "Kosten beheersen of verlagen"),
    ("regionale_positie", "Bestuurlijke positie in de regio versterken"),
    ("zelfstandigheid", "Bestuurlijke zelfstandigheid behouden"),
    ("identiteit", "Eigen identiteit en nabijheid behouden"),
    ("herindeling", "Herindeling voorkomen of erop vooruitlopen"),
]


class Afweging(models.Model):
    class Status(models.TextChoices):
        CONCEPT = "concept", "Concept"
        TER_REVIEW = "ter_review", "Ter review"
        VASTGESTELD = "vastgesteld", "Vastgesteld"

    class Variant(models.TextChoices):
        OPENBAAR_LICHAAM = "openbaar_lichaam", "Klassieke ambtelijke fusie als openbaar lichaam"
        BEDRIJFSVOERINGSORGANISATIE = (
            "bedrijfsvoeringsorganisatie",
            "Klassieke ambtelijke fusie als bedrijfsvoeringsorganisatie",
        )
        CENTRUMCONSTRUCTIE = "centrumconstructie", "Enkelvoudige centrumconstructie"

    class JaNeeOnbekend(models.TextChoices):
        JA = "ja", "Ja"
        NEE = "nee", "Nee"
        ONBEKEND = "onbekend", "Onbekend"

    titel = models.CharField(max_length=200)
    provincie = models.ForeignKey(Provincie, on_delete=models.PROTECT, related_name="afwegingen")
    kader = models.ForeignKey(Kader, on_delete=models.PROTECT, related_name="afwegingen")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONCEPT)
    variant = models.CharField(max_length=40, choices=Variant.choices)
    centrumgemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    geplande_startdatum = models.DateField("geplande startdatum", null=True, blank=True)
    geplande_evaluatiedatum = models.DateField("geplande eerste evaluatie", null=True, blank=True)
    taakstelling = models.DecimalField(
        "besparingstaakstelling (euro per jaar)",
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    frictiekostenbudget = models.DecimalField(
        "budget frictiekosten (euro, eenmalig)",
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    reorganisatie_gecombineerd = models.CharField(
        "gecombineerd met reorganisatie of nieuwe sturingsfilosofie",
        max_length=10,
        choices=JaNeeOnbekend.choices,
        default=JaNeeOnbekend.ONBEKEND,
    )
    is_voorbeeld = models.BooleanField(default=False)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="afwegingen"
    )
    aangemaakt = models.DateTimeField(auto_now_add=True)
    gewijzigd = models.DateTimeField(auto_now=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    # Optimistic locking: every save raises it; a save based on an older value is refused.
    versie = models.PositiveIntegerField(default=1)
    vorige = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="volgende",
        help_text="De vastgestelde afweging waarvan deze een nieuwe versie is.",
    )
    vastgesteld_op = models.DateTimeField(null=True, blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The PDF as it was when the afweging was vastgesteld: reproducible whatever changes later.
    vastgestelde_pdf = models.BinaryField(null=True, blank=True, editable=False)
    gemeenten = models.ManyToManyField(Gemeente, through="Deelnemer", related_name="afwegingen")

    class Meta:
        ordering = ["-gewijzigd"]
        verbose_name_plural = "afwegingen"

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("afweging:uitkomst", kwargs={"pk": self.pk})

    @property
    def is_klassiek(self) -> bool:
        return self.variant != self.Variant.CENTRUMCONSTRUCTIE

    @property
    def versienummer(self) -> int:
        """1 for the first afweging, 2 for the new version of a vastgestelde one, and so on."""
        nummer, vorige = 1, self.vorige
        while vorige is not None:
            nummer, vorige = nummer + 1, vorige.vorige
        return nummer


class Deelnemer(models.Model):
    class Perspectief(models.TextChoices):
        EINDOPLOSSING = "eindoplossing", "Eindoplossing"
        TUSSENSTAP = "tussenstap", "Tussenstap naar herindeling"
        ONBEKEND = "onbekend", "Onbekend"

    afweging = models.ForeignKey(Afweging, on_delete=models.CASCADE, related_name="deelnemers")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    motieven = models.JSONField(default=list, blank=True)
    motieven_toelichting = models.TextField("andere motieven of toelichting", blank=True)
    perspectief = models.CharField(
        max_length=20, choices=Perspectief.choices, default=Perspectief.ONBEKEND
    )

    class Meta:
        ordering = ["afweging", "gemeente__naam"]
        verbose_name_plural = "deelnemers"
        constraints = [
            models.UniqueConstraint(fields=["afweging", "gemeente"], name="uniek_deelnemer")
        ]

    def __str__(self) -> str:
        return f"{self.gemeente.naam} in {self.afweging}"

    @property
    def motieven_labels(self) -> list[str]:
        labels = dict(MOTIEVEN)
        return [labels[code] for code in self.motieven if code in labels]


class Antwoord(models.Model):
    class Oordeel(models.TextChoices):
        MIN2 = "-2", "−2"
        MIN1 = "-1", "−1"
        NUL = "0", "0"
        PLUS1 = "1", "+1"
        PLUS2 = "2", "+2"
        ONVOLDOENDE = "?", "Onvoldoende informatie"

    afweging = models.ForeignKey(Afweging, on_delete=models.CASCADE, related_name="antwoorden")
    deelvraag = models.ForeignKey(Deelvraag, on_delete=models.PROTECT, related_name="antwoorden")
    oordeel = models.CharField(max_length=2, choices=Oordeel.choices, blank=True)
    motivering = models.TextField(blank=True)
    bronnen = models.TextField(blank=True)

    class Meta:
        ordering = ["afweging", "deelvraag__nummer"]
        verbose_name_plural = "antwoorden"
        constraints = [
            models.UniqueConstraint(fields=["afweging", "deelvraag"], name="uniek_antwoord")
        ]

    def __str__(self) -> str:
        return f"{self.afweging}: deelvraag {self.deelvraag.nummer}"


class SuccesfactorAntwoord(models.Model):
    class Status(models.TextChoices):
        VOLDAAN = "voldaan", "Voldaan"
        DEELS = "deels", "Deels"
        NIET = "niet", "Niet"
        ONBEKEND = "onbekend", "Onbekend"

    afweging = models.ForeignKey(
        Afweging, on_delete=models.CASCADE, related_name="succesfactorantwoorden"
    )
    succesfactor = models.ForeignKey(Succesfactor, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ONBEKEND)
    notitie = models.TextField(blank=True)

    class Meta:
        ordering = ["afweging", "succesfactor__volgorde"]
        verbose_name = "antwoord op succesfactor"
        verbose_name_plural = "antwoorden op succesfactoren"
        constraints = [
            models.UniqueConstraint(
                fields=["afweging", "succesfactor"], name="uniek_succesfactorantwoord"
            )
        ]

    def __str__(self) -> str:
        return f"{self.afweging}: {self.succesfactor}"


class Businesscase(models.Model):
    """The inputs of an afweging's business case; the figures are computed, never stored."""

    class Sleutel(models.TextChoices):
        INWONERS = "inwoners", "Naar inwoners"
        BEGROTING = "begroting", "Naar ingebracht budget (huidige overhead)"
        VAST = "vast", "Vaste verdeling"
        MIX = "mix", "Mix van inwoners en ingebracht budget"

    afweging = models.OneToOneField(Afweging, on_delete=models.CASCADE, related_name="businesscase")
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
        ordering = ["businesscase", "soort"]
        constraints = [
            models.UniqueConstraint(
                fields=["businesscase", "soort"], name="uniek_businesscasevariant"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.businesscase})"


class Deling(models.Model):
    """An afweging shared with a gemeentesecretaris for review."""

    afweging = models.ForeignKey(Afweging, on_delete=models.CASCADE, related_name="delingen")
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gedeelde_afwegingen"
    )
    gedeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    gedeeld_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["afweging", "gedeeld_op"]
        verbose_name_plural = "delingen"
        constraints = [
            models.UniqueConstraint(fields=["afweging", "gebruiker"], name="uniek_deling")
        ]

    def __str__(self) -> str:
        return f"{self.afweging} gedeeld met {self.gebruiker}"


class Opmerking(models.Model):
    """A reviewer's comment on a deelvraag, or the adviseur's answer to one."""

    afweging = models.ForeignKey(Afweging, on_delete=models.CASCADE, related_name="opmerkingen")
    deelvraag = models.ForeignKey(Deelvraag, on_delete=models.PROTECT, related_name="+")
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    tekst = models.TextField()
    antwoord_op = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="antwoorden"
    )
    geplaatst = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["afweging", "deelvraag__nummer", "geplaatst"]
        verbose_name_plural = "opmerkingen"

    def __str__(self) -> str:
        return f"Opmerking bij deelvraag {self.deelvraag.nummer} ({self.afweging})"


class Reactie(models.Model):
    """The one formal reaction of a gemeente to an afweging."""

    class Standpunt(models.TextChoices):
        INSTEMMEND = "instemmend", "Instemmend"
        KANTTEKENINGEN = "kanttekeningen", "Instemmend met kanttekeningen"
        NIET = "niet_instemmend", "Niet instemmend"

    afweging = models.ForeignKey(Afweging, on_delete=models.CASCADE, related_name="reacties")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    standpunt = models.CharField(max_length=20, choices=Standpunt.choices)
    tekst = models.TextField("toelichting")
    gegeven = models.DateTimeField(auto_now=True)
    antwoord = models.TextField("antwoord van de provincie", blank=True)
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    beantwoord_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["afweging", "gemeente__naam"]
        verbose_name_plural = "reacties"
        constraints = [
            models.UniqueConstraint(fields=["afweging", "gemeente"], name="uniek_reactie")
        ]

    def __str__(self) -> str:
        return f"Reactie van {self.gemeente} op {self.afweging}"


class Wijziging(models.Model):
    """One recorded change to an afweging: who, when, what."""

    afweging = models.ForeignKey(Afweging, on_delete=models.CASCADE, related_name="wijzigingen")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    moment = models.DateTimeField(auto_now_add=True)
    wat = models.CharField(max_length=300)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-moment", "-pk"]
        verbose_name_plural = "wijzigingen"

    def __str__(self) -> str:
        return f"{self.moment:%d-%m-%Y %H:%M} {self.wat}"
