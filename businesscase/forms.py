from django import forms
from django.core.exceptions import ValidationError
from django.forms import modelformset_factory

from afweging import lengtes
from afweging.forms import BedragVeld, BestaandeFormSet, DecimaalVeld
from businesscase.models import Businesscase, BusinesscaseVariant
from businesscase.projectie import MARGE_VASTE_VERDELING
from weergave import getallen


class BusinesscaseForm(forms.ModelForm):
    """Key and baseline; the fixed split gets one percentage field per member."""

    class Meta:
        model = Businesscase
        fields = ["basis_overhead", "verdeelsleutel", "mix_inwoners_pct"]
        field_classes = {"basis_overhead": BedragVeld, "mix_inwoners_pct": DecimaalVeld}
        localized_fields = ["mix_inwoners_pct"]  # "50,0" as the page shows it
        widgets = {"verdeelsleutel": forms.RadioSelect}

    def __init__(self, *args, deelnemers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verdeelsleutel"].choices = Businesscase.Sleutel.choices
        self.deelnemers = list(deelnemers)
        for deelnemer in self.deelnemers:
            code = deelnemer.gemeente.code
            self.fields[f"vast_{code}"] = DecimaalVeld(
                label=f"Vaste verdeling: {deelnemer.gemeente.naam} (%)",
                required=False,
                min_value=0,
                max_value=100,
                decimal_places=1,
                localize=True,
                initial=self.instance.vaste_verdeling.get(code),
            )
        for veld in self.fields.values():
            if isinstance(veld, DecimaalVeld) and not isinstance(veld, BedragVeld):
                veld.max_tekens = lengtes.PERCENTAGE
                veld.widget.attrs["maxlength"] = str(lengtes.PERCENTAGE)

    def vaste_velden(self):
        return [self[f"vast_{d.gemeente.code}"] for d in self.deelnemers]

    def clean(self):
        data = super().clean()
        if data.get("verdeelsleutel") == Businesscase.Sleutel.VAST:
            som = sum(data.get(f"vast_{d.gemeente.code}") or 0 for d in self.deelnemers)
            if abs(som - 100) > MARGE_VASTE_VERDELING:
                nu = getallen.decimaal(som)
                raise ValidationError(f"De vaste verdeling moet samen 100% zijn; nu {nu}%.")
        if data.get("mix_inwoners_pct") is not None and data["mix_inwoners_pct"] > 100:
            self.add_error("mix_inwoners_pct", "Een aandeel ligt tussen 0 en 100%.")
        return data

    def save(self, commit=True):
        businesscase = super().save(commit=False)
        businesscase.vaste_verdeling = {
            d.gemeente.code: float(self.cleaned_data[f"vast_{d.gemeente.code}"])
            for d in self.deelnemers
            if self.cleaned_data.get(f"vast_{d.gemeente.code}") is not None
        }
        if commit:
            businesscase.save()
        return businesscase


class BusinesscaseVariantForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in ("besparing_pct", "btw_aandeel_pct"):
            # Dutch notation: "2,5" is typed and shown, not "2.5".
            self.fields[veld].localize = True
            self.fields[veld].widget.is_localized = True
            self.fields[veld].widget.input_type = "text"
            self.fields[veld].widget.attrs["inputmode"] = "decimal"
            self.fields[veld].widget.attrs["maxlength"] = str(lengtes.PERCENTAGE)
            self.fields[veld].max_tekens = lengtes.PERCENTAGE
            self.fields[veld].error_messages["invalid"] = "Vul een percentage in, bijvoorbeeld 2,5."

    class Meta:
        model = BusinesscaseVariant
        fields = [
            "besparing_pct", "ingroei_jaren", "frictiekosten", "frictie_jaren", "extra_kosten",
            "btw_aandeel_pct",
        ]  # fmt: skip
        field_classes = {
            "besparing_pct": DecimaalVeld,
            "frictiekosten": BedragVeld,
            "extra_kosten": BedragVeld,
            "btw_aandeel_pct": DecimaalVeld,
        }

    def clean(self):
        data = super().clean()
        for veld in ("besparing_pct", "btw_aandeel_pct"):
            if data.get(veld) is not None and data[veld] > 100:
                self.add_error(veld, "Een percentage ligt tussen 0 en 100.")
        return data


BusinesscaseVariantFormSet = modelformset_factory(
    BusinesscaseVariant, form=BusinesscaseVariantForm, formset=BestaandeFormSet, extra=0,
    edit_only=True,
)  # fmt: skip
