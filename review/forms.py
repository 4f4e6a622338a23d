from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from afweging.forms import KeuzesVeld
from casussen.models import Gemeente
from review.models import Reactie


class OpmerkingForm(forms.Form):
    deelvraag = forms.IntegerField(widget=forms.HiddenInput)
    antwoord_op = forms.IntegerField(widget=forms.HiddenInput, required=False)
    tekst = forms.CharField(
        label="Opmerking",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        error_messages={"required": "Schrijf eerst uw opmerking."},
    )


class ReactieForm(forms.Form):
    gemeente = forms.ModelChoiceField(
        label="Namens gemeente", queryset=Gemeente.objects.none(), empty_label=None
    )
    standpunt = forms.ChoiceField(
        label="Standpunt", choices=Reactie.Standpunt.choices, widget=forms.RadioSelect
    )
    tekst = forms.CharField(
        label="Toelichting",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
        error_messages={"required": "Licht de reactie toe."},
    )

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten


class DelenForm(forms.Form):
    gebruikers = KeuzesVeld(
        label="Delen met gemeentesecretarissen",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies minstens één gemeentesecretaris."},
    )
    reactietermijn = forms.DateField(
        label="Reactietermijn",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="De dag waarop u de formele reactie van de gemeenten uiterlijk verwacht. "
        "Laat het leeg als er geen termijn is.",
        error_messages={"invalid": "Vul een bestaande datum in, bijvoorbeeld 1-3-2027."},
    )

    def __init__(self, *args, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebruikers"].queryset = kandidaten
        # The date picker offers no day in the past (the form refuses one anyway).
        self.fields["reactietermijn"].widget.attrs["min"] = timezone.localdate().isoformat()
        self.fields["gebruikers"].label_from_instance = lambda g: (
            f"{g.get_full_name() or g.username} ({', '.join(x.naam for x in g.gemeenten.all())})"
        )

    def clean_reactietermijn(self):
        termijn = self.cleaned_data["reactietermijn"]
        if termijn is not None and termijn < timezone.localdate():
            raise ValidationError(
                "De reactietermijn ligt in het verleden. Kies vandaag of een latere dag."
            )
        return termijn
