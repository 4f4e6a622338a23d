from django import forms

from casussen.models import Fusieorganisatie, Provincie
from casussen.register import INWONERJAREN, LAATSTE_JAAR, SORTERINGEN


def _met_leeg(keuzes, leeg: str) -> list[tuple[str, str]]:
    return [("", leeg), *keuzes]


class RegisterFilterForm(forms.Form):
    status = forms.ChoiceField(
        required=False, choices=_met_leeg(Fusieorganisatie.Status.choices, "Alle statussen")
    )
    provincie = forms.ChoiceField(required=False)
    bestuurskundige_vorm = forms.ChoiceField(
        label="Bestuurskundige vorm",
        required=False,
        choices=_met_leeg(Fusieorganisatie.BestuurskundigeVorm.choices, "Alle vormen"),
    )
    juridische_vorm = forms.ChoiceField(
        label="Juridische vorm",
        required=False,
        choices=_met_leeg(Fusieorganisatie.JuridischeVorm.choices, "Alle juridische vormen"),
    )
    sorteer = forms.ChoiceField(
        label="Sorteer op",
        required=False,
        choices=[
            keuze
            for veld, label in SORTERINGEN.items()
            for keuze in ((veld, f"{label} (oplopend)"), (f"-{veld}", f"{label} (aflopend)"))
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provincie"].choices = _met_leeg(
            Provincie.objects.filter(gemeenten__fusieorganisaties__isnull=False)
            .distinct()
            .values_list("code", "naam"),
            "Alle provincies",
        )


class GemeenteZoekForm(forms.Form):
    q = forms.CharField(label="Zoek een gemeente", required=False, max_length=80)


JAARKEUZES = [(str(jaar), f"1 januari {jaar}") for jaar in INWONERJAREN]
STANDAARDJAAR = str(LAATSTE_JAAR)
