from django import forms

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

    def __init__(self, *args, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebruikers"].queryset = kandidaten
        self.fields["gebruikers"].label_from_instance = lambda g: (
            f"{g.get_full_name() or g.username} ({', '.join(x.naam for x in g.gemeenten.all())})"
        )
