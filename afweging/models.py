"""An afweging: the proposal, its deelnemers, the answers to the deelvragen of the kader
version it pins, the checklist of kritieke succesfactoren, and the history of changes.

Review (`review/`) and the business case (`businesscase/`) hang off an afweging in apps of
their own; this app imports neither of them.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse

from afweging import lengtes, scoring
from casussen.models import Gemeente, Provincie
from kader.models import Deelvraag, Kader, Succesfactor
from weergave.getallen import opsomming

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
    # The report's table joins the two ("het voorkomen van of vooruitlopen op een
    # herindeling", line 981); as one choice it hid the very contradiction §8.3.2 warns of.
    ("herindeling_voorkomen", "Een herindeling voorkomen"),
    ("herindeling_vooruitlopen", "Vooruitlopen op een herindeling"),
]

# The joint motive as it was before the split. Rows that have it keep it: which half was
# meant is the adviseur's to say, never ours to guess. It is no choice for new input; the
# form shows it only where it is stored, with a note asking to choose (DeelnemerForm), and
# the signal `motief_herindeling_ongesplitst` names it until then. Its code stays the
# one of fusietoets-afweging/1, so old files import unchanged.
MOTIEF_ONGESPLITST = "herindeling"
MOTIEF_ONGESPLITST_LABEL = (
    "Herindeling voorkomen of erop vooruitlopen (oude keuze, nog te splitsen)"
)
MOTIEF_LABELS = dict(MOTIEVEN) | {MOTIEF_ONGESPLITST: MOTIEF_ONGESPLITST_LABEL}


class Beoordeling(models.Model):
    """What every judgement of a fusion has, an afweging beforehand and an evaluatie afterwards:
    its status (concept → ter review → vastgesteld), who changed it last and when, the
    optimistic lock of `afweging.services.versie_ophogen`, and the vaststelling with its PDF.
    Each judged model adds its own subject, maker (with its own related name) and history."""

    class Status(models.TextChoices):
        CONCEPT = "concept", "Concept"
        TER_REVIEW = "ter_review", "Ter review"
        VASTGESTELD = "vastgesteld", "Vastgesteld"

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONCEPT)
    aangemaakt = models.DateTimeField(auto_now_add=True)
    gewijzigd = models.DateTimeField(auto_now=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    # Optimistic locking: every save raises it; a save based on an older value is refused,
    # unless every save since that value was by the same person (`eigen_sinds`): one's own
    # earlier save (an autosave that landed after a reload, another tab) is no conflict.
    versie = models.PositiveIntegerField(default=1)
    eigen_sinds = models.PositiveIntegerField(
        default=1,
        help_text="Vanaf deze versie is elke opslag gedaan door wie het laatst opsloeg.",
    )
    vastgesteld_op = models.DateTimeField(null=True, blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The PDF as it was when it was vastgesteld: reproducible whatever changes later.
    vastgestelde_pdf = models.BinaryField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True


class Afweging(Beoordeling):
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

    titel = models.CharField(max_length=lengtes.TITEL)
    provincie = models.ForeignKey(Provincie, on_delete=models.PROTECT, related_name="afwegingen")
    kader = models.ForeignKey(Kader, on_delete=models.PROTECT, related_name="afwegingen")
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
    vorige = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="volgende",
        help_text="De vastgestelde afweging waarvan deze een nieuwe versie is.",
    )
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
    def andere_provincies(self) -> list[Provincie]:
        """The provincies besides the leading one (`provincie`) in which a deelnemer lies,
        by name: their adviseurs read along (afweging/toegang.py). Reads the prefetched
        deelnemers when there are."""
        andere = {
            d.gemeente.provincie_id: d.gemeente.provincie
            for d in self.deelnemers.all()
            if d.gemeente.provincie_id not in (None, self.provincie_id)
        }
        return sorted(andere.values(), key=lambda p: p.naam)

    @property
    def provincies_kort(self) -> str:
        """'Zuid-Holland', or across a border 'Noord-Holland (leidend), met Utrecht'."""
        andere = [p.naam for p in self.andere_provincies]
        if not andere:
            return self.provincie.naam
        return f"{self.provincie.naam} (leidend), met {opsomming(andere)}"

    @property
    def provincies_zin(self) -> str:
        """Who leads, in a sentence for the pages and the report."""
        andere = [p.naam for p in self.andere_provincies]
        if not andere:
            return f"Provincie {self.provincie.naam}."
        if len(andere) == 1:
            return (
                f"Geleid door de provincie {self.provincie.naam}; de provincie {andere[0]} "
                "leest mee, omdat daar ook een deelnemer ligt."
            )
        return (
            f"Geleid door de provincie {self.provincie.naam}; de provincies "
            f"{opsomming(andere)} lezen mee, omdat daar ook deelnemers liggen."
        )

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
    motieven = models.JSONField(
        default=list,
        blank=True,
        help_text=(
            "Codes uit MOTIEVEN; ‘herindeling’ is de oude keuze ‘Herindeling voorkomen of "
            "erop vooruitlopen’, die blijft staan tot de adviseur een van beide kiest."
        ),
    )
    motieven_toelichting = models.TextField(
        "andere motieven of toelichting", blank=True, max_length=lengtes.MOTIEVEN_TOELICHTING
    )
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
        return [MOTIEF_LABELS[code] for code in self.motieven if code in MOTIEF_LABELS]

    @property
    def motief_ongesplitst(self) -> bool:
        """Whether the joint herindeling motive from before the split is still stored."""
        return MOTIEF_ONGESPLITST in self.motieven


class Antwoord(models.Model):
    class Score(models.TextChoices):
        """The score on a deelvraag: −2 … +2, or '?' for too little information. (An
        *oordeel* is verstandig, effectief or duurzaam: scoring.Oordeel.)"""

        MIN2 = "-2", "−2"
        MIN1 = "-1", "−1"
        NUL = "0", "0"
        PLUS1 = "1", "+1"
        PLUS2 = "2", "+2"
        ONVOLDOENDE = "?", "Onvoldoende informatie"

    afweging = models.ForeignKey(Afweging, on_delete=models.CASCADE, related_name="antwoorden")
    deelvraag = models.ForeignKey(Deelvraag, on_delete=models.PROTECT, related_name="antwoorden")
    score = models.CharField(max_length=2, choices=Score.choices, blank=True)
    motivering = models.TextField(blank=True, max_length=lengtes.MOTIVERING)
    bronnen = models.TextField(blank=True, max_length=lengtes.BRONNEN)

    class Meta:
        ordering = ["afweging", "deelvraag__nummer"]
        verbose_name_plural = "antwoorden"
        constraints = [
            models.UniqueConstraint(fields=["afweging", "deelvraag"], name="uniek_antwoord")
        ]

    def __str__(self) -> str:
        return f"{self.afweging}: deelvraag {self.deelvraag.nummer}"

    @property
    def zonder_motivering(self) -> bool:
        """A draft the autosave kept: a score that does not count until it is motivated."""
        return (
            scoring.antwoordstatus(self.score, self.motivering) == scoring.Status.ZONDER_MOTIVERING
        )


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
    notitie = models.TextField(blank=True, max_length=lengtes.NOTITIE)

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


class Geschiedenisregel(models.Model):
    """One recorded change to what is being judged (an afweging, an evaluatie): who, when,
    what. Each judged model has its own table of these, as the related manager
    `wijzigingen`; `services.vastleggen` writes them and `geschiedenis.tekst` reads them,
    whatever the model."""

    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    moment = models.DateTimeField(auto_now_add=True)
    wat = models.CharField(max_length=300)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True
        ordering = ["-moment", "-pk"]
        verbose_name_plural = "wijzigingen"

    def __str__(self) -> str:
        return f"{self.moment:%d-%m-%Y %H:%M} {self.wat}"

    @property
    def tekst(self) -> str:
        """What the history shows: in full, in Dutch labels (see afweging.geschiedenis)."""
        from afweging.geschiedenis import tekst

        return tekst(self)


class Wijziging(Geschiedenisregel):
    """One recorded change to an afweging."""

    afweging = models.ForeignKey(Afweging, on_delete=models.CASCADE, related_name="wijzigingen")

    class Meta(Geschiedenisregel.Meta):
        verbose_name_plural = "wijzigingen"


class Gezien(models.Model):
    """When a user last opened an afweging: what is "new since your last visit".

    "New" is per user per afweging: what others added after this user last opened the
    afweging's page (its uitkomst, where opmerkingen and reacties are shown), so opening one
    afweging leaves what is new on another untouched, and a visit to another page (the
    register, the start page) marks nothing as seen. An afweging never opened counts all
    that others added as new. One's own contributions are never new. The row is written on
    GET, which is why it is a row of its own: the afweging's row (and its optimistic lock,
    `versie`) is left alone.
    """

    afweging = models.ForeignKey(Afweging, on_delete=models.CASCADE, related_name="gezien")
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    moment = models.DateTimeField()

    class Meta:
        verbose_name = "laatst geopend"
        verbose_name_plural = "laatst geopend"
        constraints = [
            models.UniqueConstraint(fields=["afweging", "gebruiker"], name="uniek_gezien")
        ]

    def __str__(self) -> str:
        return f"{self.afweging} geopend door {self.gebruiker} op {self.moment:%d-%m-%Y %H:%M}"
