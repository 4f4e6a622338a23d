from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseModelFormSet, modelformset_factory

from afweging.models import (
    MOTIEVEN,
    Afweging,
    Antwoord,
    Businesscase,
    BusinesscaseVariant,
    Deelnemer,
    Reactie,
    SuccesfactorAntwoord,
)
from casussen.models import Gemeente
from weergave import getallen

# The largest id of a BigAutoField. SQLite cannot even compare with a larger integer: one
# typed into a multiple choice would crash the query that looks up the chosen ids.
MAX_ID = 2**63 - 1


class KeuzesVeld(forms.ModelMultipleChoiceField):
    """Model choices by id; an id beyond the database's range is refused like any unknown id."""

    def clean(self, value):
        for pk in value if isinstance(value, (list, tuple)) else []:
            try:
                te_groot = abs(int(pk)) > MAX_ID
            except (TypeError, ValueError):
                continue  # Not a number at all: the field itself refuses it.
            if te_groot:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super().clean(value)


class DecimaalVeld(forms.DecimalField):
    """Refuses NaN and infinity already in to_python(), not only in validate(): a formset
    asks each form has_changed() before validating, and comparing with 'sNaN' raises."""

    def to_python(self, value):
        waarde = super().to_python(value)
        if waarde is not None and not waarde.is_finite():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return waarde


class GemeentenVeld(KeuzesVeld):
    def label_from_instance(self, gemeente):
        provincie = gemeente.provincie.naam if gemeente.provincie else "provincie onbekend"
        return f"{gemeente.naam} ({provincie})"


class AfwegingForm(forms.ModelForm):
    """The proposal: title, gemeenten, variant and the context the signalen need."""

    gemeenten = GemeentenVeld(
        label="Deelnemende gemeenten",
        queryset=Gemeente.objects.filter(datum_opheffing__isnull=True).select_related("provincie"),
        widget=forms.CheckboxSelectMultiple,
        help_text="Kies twee of meer huidige gemeenten. Typ in het zoekveld om de lijst te filteren.",
        error_messages={"required": "Kies minstens twee deelnemende gemeenten."},
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Afweging
        fields = [
            "titel",
            "gemeenten",
            "variant",
            "centrumgemeente",
            "geplande_startdatum",
            "geplande_evaluatiedatum",
            "taakstelling",
            "frictiekostenbudget",
            "reorganisatie_gecombineerd",
        ]
        labels = {
            "titel": "Titel van de afweging",
            "variant": "Voorgestelde variant",
            "centrumgemeente": "Centrumgemeente (alleen bij een centrumconstructie)",
            "reorganisatie_gecombineerd": (
                "Wordt de fusie gecombineerd met een reorganisatie of nieuwe sturingsfilosofie?"
            ),
        }
        help_texts = {
            "taakstelling": "Bedrag in hele euro's per jaar; leeg als er geen taakstelling is.",
            "frictiekostenbudget": (
                "Eenmalig budget in hele euro's; 0 als er geen budget is, leeg als het nog "
                "onbekend is."
            ),
            "geplande_evaluatiedatum": "De datum van de eerste evaluatie van de fusieorganisatie.",
        }
        widgets = {
            "variant": forms.RadioSelect,
            "geplande_startdatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "geplande_evaluatiedatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "reorganisatie_gecombineerd": forms.RadioSelect,
        }
        error_messages = {
            "titel": {"required": "Geef de afweging een titel."},
            "variant": {"required": "Kies de voorgestelde variant."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centrumgemeente"].queryset = Gemeente.objects.filter(
            datum_opheffing__isnull=True
        )
        self.fields["centrumgemeente"].empty_label = "— geen —"
        # A radio list needs no blank "---------" option.
        self.fields["variant"].choices = Afweging.Variant.choices
        for veld in ("taakstelling", "frictiekostenbudget"):
            self.fields[veld].widget.attrs.update({"inputmode": "numeric", "step": "1"})
            self.fields[veld].error_messages["invalid"] = "Vul een bedrag in hele euro's in."
        for veld in ("geplande_startdatum", "geplande_evaluatiedatum"):
            self.fields[veld].error_messages["invalid"] = "Vul een geldige datum in (dd-mm-jjjj)."
        if self.instance.pk:
            self.fields["gemeenten"].initial = [
                d.gemeente_id for d in self.instance.deelnemers.all()
            ]

    def clean_gemeenten(self):
        gemeenten = self.cleaned_data["gemeenten"]
        if len(gemeenten) < 2:
            raise ValidationError("Kies minstens twee deelnemende gemeenten.")
        return gemeenten

    def clean(self):
        data = super().clean()
        variant = data.get("variant")
        centrum = data.get("centrumgemeente")
        if variant == Afweging.Variant.CENTRUMCONSTRUCTIE:
            if centrum is None:
                self.add_error(
                    "centrumgemeente", "Kies bij een centrumconstructie de centrumgemeente."
                )
            elif data.get("gemeenten") is not None and centrum not in data["gemeenten"]:
                self.add_error(
                    "centrumgemeente",
                    "De centrumgemeente moet een van de deelnemende gemeenten zijn.",
                )
        elif centrum is not None:
            self.add_error(
                "centrumgemeente", "Een centrumgemeente hoort alleen bij een centrumconstructie."
            )
        start, evaluatie = data.get("geplande_startdatum"), data.get("geplande_evaluatiedatum")
        if start and evaluatie and evaluatie <= start:
            self.add_error(
                "geplande_evaluatiedatum", "De eerste evaluatie moet na de geplande start liggen."
            )
        return data


class DeelnemerForm(forms.ModelForm):
    motieven = forms.MultipleChoiceField(
        choices=MOTIEVEN,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Motieven (uit §2.6 van het rapport)",
    )

    class Meta:
        model = Deelnemer
        fields = ["perspectief", "motieven", "motieven_toelichting"]
        widgets = {
            "perspectief": forms.RadioSelect,
            "motieven_toelichting": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {
            "perspectief": "Hoe ziet deze gemeente de fusie?",
            "motieven_toelichting": "Andere motieven of toelichting",
        }


class AntwoordForm(forms.ModelForm):
    """One deelvraag. Explicit saves demand a motivation for a score; autosave keeps a draft."""

    class Meta:
        model = Antwoord
        fields = ["oordeel", "motivering", "bronnen"]
        widgets = {
            "oordeel": forms.RadioSelect,
            "motivering": forms.Textarea(attrs={"rows": 4}),
            "bronnen": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {
            "oordeel": "Score",
            "motivering": "Motivering",
            "bronnen": "Bronnen (optioneel)",
        }

    def __init__(self, *args, strikt: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.strikt = strikt
        schaal = self.instance.deelvraag.onderdeel.kader.schaal if self.instance.pk else {}
        if self.instance.pk:
            nummer = self.instance.deelvraag.nummer
            self.fields["oordeel"].label = f"Score deelvraag {nummer}"
            self.fields["motivering"].label = f"Motivering deelvraag {nummer}"
            self.fields["bronnen"].label = f"Bronnen deelvraag {nummer} (optioneel)"
            if nummer in (7, 8):
                self.fields["oordeel"].widget.attrs["aria-describedby"] = f"teken-{nummer}"
        self.fields["oordeel"].choices = [
            (waarde, f"{label} {schaal[waarde]}" if waarde in schaal else label)
            for waarde, label in Antwoord.Oordeel.choices
        ]
        self.fields["oordeel"].required = False

    def clean(self):
        data = super().clean()
        if self.strikt and data.get("oordeel") not in (None, "", "?"):
            if not (data.get("motivering") or "").strip():
                self.add_error(
                    "motivering", "Motiveer de score: elke score vraagt een toelichting."
                )
        return data


class SuccesfactorForm(forms.ModelForm):
    class Meta:
        model = SuccesfactorAntwoord
        fields = ["status", "notitie"]
        widgets = {
            "status": forms.RadioSelect,
            "notitie": forms.Textarea(attrs={"rows": 2}),
        }


class BestaandeFormSet(BaseModelFormSet):
    """Edits only the rows of its queryset: an id from elsewhere is refused, not created."""

    def clean(self):
        super().clean()
        if any(form.instance.pk is None for form in self.forms):
            raise ValidationError(
                "Dit formulier hoort niet bij deze afweging. Herlaad de pagina en probeer opnieuw."
            )


class StrikteFormSet(BestaandeFormSet):
    def __init__(self, *args, strikt: bool = True, **kwargs):
        self.strikt = strikt
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if issubclass(self.form, AntwoordForm):
            kwargs["strikt"] = self.strikt
        return kwargs


DeelnemerFormSet = modelformset_factory(
    Deelnemer, form=DeelnemerForm, formset=BestaandeFormSet, extra=0, edit_only=True
)
AntwoordFormSet = modelformset_factory(
    Antwoord, form=AntwoordForm, formset=StrikteFormSet, extra=0, edit_only=True
)
SuccesfactorFormSet = modelformset_factory(
    SuccesfactorAntwoord, form=SuccesfactorForm, formset=BestaandeFormSet, extra=0, edit_only=True
)


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        required=False, choices=[("", "Alle statussen"), *Afweging.Status.choices]
    )


class BusinesscaseForm(forms.ModelForm):
    """Key and baseline; the fixed split gets one percentage field per member."""

    class Meta:
        model = Businesscase
        fields = ["basis_overhead", "verdeelsleutel", "mix_inwoners_pct"]
        widgets = {"verdeelsleutel": forms.RadioSelect}

    def __init__(self, *args, deelnemers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verdeelsleutel"].choices = Businesscase.Sleutel.choices
        self.fields["basis_overhead"].error_messages["invalid"] = (
            "Vul een bedrag in hele euro's in."
        )
        self.deelnemers = list(deelnemers)
        for deelnemer in self.deelnemers:
            code = deelnemer.gemeente.code
            self.fields[f"vast_{code}"] = forms.DecimalField(
                label=f"Vaste verdeling: {deelnemer.gemeente.naam} (%)",
                required=False,
                min_value=0,
                max_value=100,
                decimal_places=1,
                localize=True,
                initial=self.instance.vaste_verdeling.get(code),
            )

    def vaste_velden(self):
        return [self[f"vast_{d.gemeente.code}"] for d in self.deelnemers]

    def clean(self):
        data = super().clean()
        if data.get("verdeelsleutel") == Businesscase.Sleutel.VAST:
            som = sum(data.get(f"vast_{d.gemeente.code}") or 0 for d in self.deelnemers)
            if abs(som - 100) > 0.05:
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
            self.fields[veld].error_messages["invalid"] = "Vul een percentage in, bijvoorbeeld 2,5."
        for veld in ("frictiekosten", "extra_kosten"):
            self.fields[veld].error_messages["invalid"] = "Vul een bedrag in hele euro's in."

    class Meta:
        model = BusinesscaseVariant
        fields = [
            "besparing_pct", "ingroei_jaren", "frictiekosten", "frictie_jaren", "extra_kosten",
            "btw_aandeel_pct",
        ]  # fmt: skip
        field_classes = {
            veld: DecimaalVeld
            for veld in ("besparing_pct", "frictiekosten", "extra_kosten", "btw_aandeel_pct")
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


class VersieForm(forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)
