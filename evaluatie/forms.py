from __future__ import annotations

from django import forms
from django.utils import timezone

from afweging import lengtes
from afweging.forms import Tekstgrenzen, Tekstvak, Tekstveld
from evaluatie.models import Afloop


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
