"""The forms of the evaluatie app: starting an evaluatie, the oordelen of one domein,
vaststellen, and the afloop of an assessed fusion.

The oordeel is the afweging's answer in another place: the same scale with the kader's
labels (`scorekeuzes`), the same text fields with their limits and counters (`Tekstveld`,
`afweging.lengtes`), and the same rule that an explicit save asks a motivation for a score
while the autosave keeps a draft (`MotiveringGevraagd`).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.forms import modelformset_factory
from django.utils import timezone

from afweging import lengtes
from afweging.forms import (
    GemeentenVeld,
    MotiveringGevraagd,
    StrikteFormSet,
    Tekstgrenzen,
    Tekstregel,
    Tekstvak,
    Tekstveld,
    VersieForm,
    scorekeuzes,
)
from casussen.models import Gemeente
from evaluatie.models import Afloop, Indicatoroordeel
from evaluatie.toegang import heeft_deelnemer_in
from weergave.datums import datum


class EvaluatieStartForm(Tekstgrenzen, forms.Form):
    """Title, peildatum and the deelnemers to confirm (those of the vertrekpunt, all ticked)."""

    titel = Tekstveld(
        label="Titel van de evaluatie",
        max_length=lengtes.TITEL,
        widget=Tekstregel,
        error_messages={"required": "Geef de evaluatie een titel."},
    )
    peildatum = forms.DateField(
        label="Peildatum",
        help_text="De datum waarop de evaluatie de stand van de fusie opneemt.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Vul de peildatum in.",
            "invalid": "Vul een geldige datum in (dd-mm-jjjj).",
        },
    )
    gemeenten = GemeentenVeld(
        label="Deelnemers",
        queryset=Gemeente.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        help_text="De gemeenten waarvoor de evaluatie de fusie beoordeelt. Vink een gemeente "
        "uit als zij er niet bij hoort.",
        error_messages={"required": "Kies minstens één deelnemer."},
    )

    def __init__(self, *args, vertrekpunt, provincie, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "titel": vertrekpunt.titel[: lengtes.TITEL],
                "peildatum": timezone.localdate(),
                "gemeenten": [g.pk for g in vertrekpunt.gemeenten],
            },
        )
        super().__init__(*args, **kwargs)
        self.vertrekpunt = vertrekpunt
        self.provincie = provincie
        veld = self.fields["gemeenten"]
        veld.queryset = Gemeente.objects.filter(
            pk__in=[g.pk for g in vertrekpunt.gemeenten]
        ).select_related("provincie")
        # Each choice says why it is there: a member, or the successor of members.
        self.redenen = {d.gemeente.pk: d.reden for d in vertrekpunt.deelnemers}

    @property
    def keuzes(self) -> list[tuple]:
        """Each deelnemer's checkbox with why it is offered."""
        return [
            (keuze, self.redenen.get(keuze.data["value"].value, "")) for keuze in self["gemeenten"]
        ]

    def clean_peildatum(self):
        peildatum = self.cleaned_data["peildatum"]
        start = self.vertrekpunt.startdatum
        if start is not None and peildatum < start:
            raise ValidationError(
                f"De peildatum ligt vóór de start van de fusie ({datum(start)}). Een "
                "evaluatie neemt de stand op van een fusie die loopt."
            )
        return peildatum

    def clean_gemeenten(self):
        gemeenten = self.cleaned_data["gemeenten"]
        if self.provincie is not None and not heeft_deelnemer_in(self.provincie, gemeenten):
            naam = self.provincie.naam
            raise ValidationError(
                f"Houd minstens één deelnemer in uw eigen provincie, {naam}: een evaluatie "
                "wordt geleid door de provincie van een van de deelnemers; de adviseurs van de "
                "andere provincies met een deelnemer lezen mee.",
                code="geen_eigen_deelnemer",
            )
        return gemeenten


class IndicatoroordeelForm(MotiveringGevraagd, Tekstgrenzen, forms.ModelForm):
    """One indicator: score, motivering and bronnen, labelled by the indicator's number on
    its domein's page so that the error summary and a screen reader name it."""

    class Meta:
        model = Indicatoroordeel
        fields = ["score", "motivering", "bronnen"]
        widgets = {
            "score": forms.RadioSelect,
            "motivering": Tekstvak(attrs={"rows": 3}),
            "bronnen": Tekstvak(attrs={"rows": 2}),
        }
        field_classes = {"motivering": Tekstveld, "bronnen": Tekstveld}

    def __init__(self, *args, strikt: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.strikt = strikt
        indicator = self.instance.indicator if self.instance.pk else None
        schaal = indicator.domein.kader.schaal if indicator else {}
        nummer = indicator.volgorde if indicator else ""
        self.fields["score"].label = f"Score indicator {nummer}"
        self.fields["motivering"].label = f"Motivering indicator {nummer}"
        self.fields["bronnen"].label = f"Bronnen indicator {nummer} (optioneel)"
        self.fields["score"].choices = scorekeuzes(schaal)
        self.fields["score"].required = False


class OordeelFormSet(StrikteFormSet):
    """Edits only the oordelen of its queryset (`BestaandeFormSet`), saying so in words
    about an evaluatie."""

    def clean(self):
        try:
            super().clean()
        except ValidationError:
            raise ValidationError(
                "Dit formulier hoort niet bij deze evaluatie. Herlaad de pagina en probeer opnieuw."
            ) from None


IndicatoroordeelFormSet = modelformset_factory(
    Indicatoroordeel,
    form=IndicatoroordeelForm,
    formset=OordeelFormSet,
    extra=0,
    edit_only=True,
)


def domeinformset(evaluatie, domein, data=None, *, strikt: bool = True):
    """The oordelen of one domein, in the kader's order."""
    return IndicatoroordeelFormSet(
        data,
        queryset=evaluatie.oordelen.filter(indicator__domein=domein)
        .select_related("indicator__domein__kader")
        .order_by("indicator__volgorde"),
        prefix="oordelen",
        strikt=strikt,
    )


class AfloopForm(Tekstgrenzen, forms.Form):
    """What became of an assessed fusion, with the date and the source it is known from."""

    soort = forms.ChoiceField(
        label="Wat werd het?",
        choices=Afloop.Soort.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies wat er van de fusie is geworden.",
            "invalid_choice": "Kies een van de mogelijkheden.",
        },
    )
    datum = forms.DateField(
        label="Datum",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Wanneer het gebeurde: de start, de evaluatie, het besluit tot beëindigen, "
        "de herindeling of het besluit om niet te fuseren.",
        error_messages={
            "required": "Vul de datum in.",
            "invalid": "Vul een bestaande datum in, bijvoorbeeld 1-3-2027.",
        },
    )
    bron = Tekstveld(
        label="Bron",
        widget=Tekstvak(attrs={"rows": 2}),
        max_length=lengtes.BRONNEN,
        help_text="Waar dit uit blijkt: een raadsbesluit, de gemeenschappelijke regeling, een "
        "evaluatierapport, met datum of kenmerk.",
        error_messages={"required": "Noem de bron waaruit de afloop blijkt."},
    )
    toelichting = Tekstveld(
        label="Toelichting",
        widget=Tekstvak(attrs={"rows": 3}),
        max_length=lengtes.NOTITIE,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The date picker offers no day in the future (the form refuses one anyway).
        self.fields["datum"].widget.attrs["max"] = timezone.localdate().isoformat()

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(
                "De afloop is wat er al gebeurd is: een datum na vandaag kan nog niet. Leg een "
                "besluit vast op de datum van het besluit.",
                code="toekomst",
            )
        return datum


class VaststelForm(VersieForm):
    """Vaststellen asks for an explicit confirmation on the check page, with the version
    the adviseur checked (as the afweging's `VaststelForm`)."""

    bevestigd = forms.BooleanField(
        label="Ik heb de evaluatie hierboven gecontroleerd en stel haar vast. Daarna verandert "
        "zij niet meer.",
        error_messages={
            "required": "Vink aan dat u de evaluatie heeft gecontroleerd, om haar vast te stellen."
        },
    )
