from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils.html import format_html

from afweging import lengtes
from afweging.models import (
    MOTIEF_ONGESPLITST,
    MOTIEF_ONGESPLITST_LABEL,
    MOTIEVEN,
    Afweging,
    Antwoord,
    Deelnemer,
    SuccesfactorAntwoord,
)
from afweging.toegang import heeft_deelnemer_in
from casussen.models import Gemeente
from weergave import getallen

# The largest id of a BigAutoField. SQLite cannot even compare with a larger integer: one
# typed into a multiple choice would crash the query that looks up the chosen ids.
MAX_ID = 2**63 - 1


class MetTeller:
    """A text widget with its counter ("nog 1.234 tekens") below it, named by the field's
    aria-describedby; static/js/afweging.js keeps it up to date while typing and says
    it aloud, politely, only when few characters are left (no chatter on every key)."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        maximum = attrs.get("maxlength") or self.attrs.get("maxlength")
        veld_id = attrs.get("id") or self.attrs.get("id")
        if not maximum or not veld_id:
            return super().render(name, value, attrs, renderer)
        teller = f"{veld_id}_teller"
        beschreven = attrs.get("aria-describedby") or self.attrs.get("aria-describedby")
        attrs["aria-describedby"] = f"{beschreven} {teller}" if beschreven else teller
        vak = super().render(name, value, attrs, renderer)
        tekst = getallen.nog_tekens(getallen.tekstlengte(value), int(maximum))
        return vak + format_html(
            '<div class="form-text teller" id="{}" data-teller="{}">{}</div>',
            teller,
            veld_id,
            tekst,
        )


class Tekstvak(MetTeller, forms.Textarea):
    pass


class Tekstregel(MetTeller, forms.TextInput):
    pass


class Tekstveld(forms.CharField):
    """Free text of at most `max_length` characters, counted as the browser counts them
    (`lengtes.tekstlengte`), refused beyond that with a message that says by how much.

    A text saved before its limit existed may be longer: posted back unchanged, it is
    accepted, so it can still be shown, kept and shortened (`opgeslagen`, set by
    `Tekstgrenzen` from what the form shows)."""

    widget = Tekstvak
    default_error_messages = {
        "te_lang": "Deze tekst is %(lengte)s tekens lang; er passen er %(maximum)s. Maak hem "
        "%(te_veel)s korter. Wat u typte, staat nog in het veld.",
    }

    def __init__(self, *, max_length: int, **kwargs):
        super().__init__(max_length=max_length, **kwargs)
        # Our own check below replaces Django's, which counts a line break twice.
        self.validators = [v for v in self.validators if not isinstance(v, MaxLengthValidator)]
        self.opgeslagen = ""

    def validate(self, value):
        super().validate(value)
        lengte = getallen.tekstlengte(value)
        if lengte <= self.max_length:
            return
        gelijk = _als_in_browser(value, self.strip) == _als_in_browser(self.opgeslagen, self.strip)
        if gelijk:
            return  # Saved before the limit, posted back as it was shown.
        raise ValidationError(
            self.error_messages["te_lang"],
            code="te_lang",
            params={
                "lengte": getallen.aantal(lengte),
                "maximum": getallen.aantal(self.max_length),
                "te_veel": getallen.nog_tekens(lengte, self.max_length).removesuffix(" te veel"),
            },
        )


def _als_in_browser(tekst, strip: bool) -> str:
    tekst = str(tekst or "").replace("\r\n", "\n")
    return tekst.strip() if strip else tekst


class Tekstgrenzen:
    """For a form with Tekstvelden: each knows the text it showed (the saved one)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam, veld in self.fields.items():
            if isinstance(veld, Tekstveld):
                # Not self[naam]: a bound field made now would keep the label it has now.
                veld.opgeslagen = self.get_initial_for_field(veld, naam) or ""


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
    asks each form has_changed() before validating, and comparing with 'sNaN' raises.
    `max_tekens`: the longest text it reads (a percentage typed as text)."""

    max_tekens: int | None = None

    def to_python(self, value):
        if self.max_tekens and isinstance(value, str) and len(value) > self.max_tekens:
            raise ValidationError(
                "Vul een getal in van hooguit %(maximum)s tekens, bijvoorbeeld 2,5.",
                code="te_lang",
                params={"maximum": self.max_tekens},
            )
        waarde = super().to_python(value)
        if waarde is not None and not waarde.is_finite():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return waarde


class BedragVeld(DecimaalVeld):
    """An amount in euros in a text field, typed as people write it ('1.200.000',
    '1200000', '€ 1.200.000', '1.200.000,50', '1,2 mln') and shown with thousands
    separators. What could mean two amounts ('1,200,000', '1.5 mln') is refused with a
    message that says how to write it, never guessed."""

    widget = forms.TextInput
    default_error_messages = {
        "invalid": "Vul een bedrag in hele euro's in, bijvoorbeeld 1.200.000 of 1,2 mln.",
        "te_lang": "Een bedrag past in %(maximum)s tekens, bijvoorbeeld 1.200.000 of 1,2 mln.",
        "hele_euros": (
            "Vul een bedrag in hele euro's in. Een komma staat voor de decimalen; schrijf "
            "duizendtallen met een punt: 1.200.000 of 1,2 mln."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.help_text:
            self.help_text = "Bijvoorbeeld 1.200.000 of 1,2 mln."

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update(
            {"inputmode": "decimal", "spellcheck": "false", "maxlength": str(lengtes.BEDRAG)}
        )
        return attrs

    def to_python(self, value):
        if isinstance(value, str) and len(value) > lengtes.BEDRAG:
            raise ValidationError(
                self.error_messages["te_lang"], code="te_lang", params={"maximum": lengtes.BEDRAG}
            )
        if isinstance(value, str):
            try:
                value = getallen.lees_getal(value)
            except getallen.OnduidelijkGetal as fout:
                raise ValidationError(str(fout), code="onduidelijk") from None
        waarde = super().to_python(value)
        # Whole euros: '1,200' is 1,2 in Dutch, which is no whole amount; say so plainly
        # instead of Django's "no more than 0 decimal places".
        if waarde is not None and self.decimal_places == 0 and waarde != waarde.to_integral():
            raise ValidationError(self.error_messages["hele_euros"], code="hele_euros")
        return waarde

    def prepare_value(self, value):
        if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
            return getallen.afgerond(
                value, self.decimal_places or 2, duizendtallen=True, hele_zonder_decimalen=True
            )
        return value


class GemeentenVeld(KeuzesVeld):
    def label_from_instance(self, gemeente):
        provincie = gemeente.provincie.naam if gemeente.provincie else "provincie onbekend"
        return f"{gemeente.naam} ({provincie})"


class AfwegingForm(Tekstgrenzen, forms.ModelForm):
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
        field_classes = {"taakstelling": BedragVeld, "frictiekostenbudget": BedragVeld}
        widgets = {
            "titel": Tekstregel,
            "variant": forms.RadioSelect,
            "geplande_startdatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "geplande_evaluatiedatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "reorganisatie_gecombineerd": forms.RadioSelect,
        }
        error_messages = {
            "titel": {"required": "Geef de afweging een titel."},
            "variant": {"required": "Kies de voorgestelde variant."},
        }

    def __init__(self, *args, provincie=None, **kwargs):
        """`provincie`: for a new afweging, the adviseur's own, which will lead it; an
        existing afweging keeps the provincie that leads it."""
        super().__init__(*args, **kwargs)
        self.provincie = self.instance.provincie if self.instance.pk else provincie
        self.fields["centrumgemeente"].queryset = Gemeente.objects.filter(
            datum_opheffing__isnull=True
        )
        self.fields["centrumgemeente"].empty_label = "— geen —"
        # A radio list needs no blank "---------" option.
        self.fields["variant"].choices = Afweging.Variant.choices
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
        # The leading provincie keeps a deelnemer of its own (afweging/toegang.py).
        if self.provincie is not None and not heeft_deelnemer_in(self.provincie, gemeenten):
            naam = self.provincie.naam
            if self.instance.pk:
                raise ValidationError(
                    f"Houd minstens één gemeente in {naam} als deelnemer: de provincie {naam} "
                    "leidt deze afweging en doet dat voor een deelnemer in haar eigen provincie.",
                    code="geen_eigen_deelnemer",
                )
            raise ValidationError(
                f"Kies minstens één gemeente in uw eigen provincie, {naam}. Een afweging wordt "
                "geleid door de provincie van een van de deelnemers; de adviseurs van de andere "
                "provincies met een deelnemer lezen mee.",
                code="geen_eigen_deelnemer",
            )
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


# The two halves of the old joint motive: choosing either answers its note.
HERINDELING_MOTIEVEN = ("herindeling_voorkomen", "herindeling_vooruitlopen")

ONGESPLITST_UITLEG = (
    "Bij deze gemeente staat nog de oude keuze ‘Herindeling voorkomen of erop vooruitlopen’. "
    "Die keuze is gesplitst, omdat het twee tegengestelde motieven zijn. Vink ‘Een herindeling "
    "voorkomen’ of ‘Vooruitlopen op een herindeling’ aan; de oude keuze vervalt dan vanzelf."
)


class MotievenVeld(forms.MultipleChoiceField):
    """The motives. The joint herindeling motive from before the split is never offered for
    new input, but a page that still shows it may post it back; `clean_motieven` decides
    whether it stays."""

    def valid_value(self, value):
        return value == MOTIEF_ONGESPLITST or super().valid_value(value)


class DeelnemerForm(Tekstgrenzen, forms.ModelForm):
    motieven = MotievenVeld(
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
            "motieven_toelichting": Tekstvak(attrs={"rows": 2}),
        }
        field_classes = {"motieven_toelichting": Tekstveld}
        labels = {
            "perspectief": "Hoe ziet deze gemeente de fusie?",
            "motieven_toelichting": "Andere motieven of toelichting",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only where it is stored: shown ticked, with the note that asks to choose
        # (`ongesplitst_uitleg`, above the motives in the step's template).
        self.had_ongesplitst = self.instance.pk is not None and self.instance.motief_ongesplitst
        self.ongesplitst_uitleg = ONGESPLITST_UITLEG if self.had_ongesplitst else ""
        if self.had_ongesplitst:
            veld = self.fields["motieven"]
            veld.choices = [*MOTIEVEN, (MOTIEF_ONGESPLITST, MOTIEF_ONGESPLITST_LABEL)]

    def clean_motieven(self):
        motieven = self.cleaned_data["motieven"]
        # Gone once a half is chosen, and never new: a page may still show it after an
        # autosave resolved it.
        gekozen = any(code in HERINDELING_MOTIEVEN for code in motieven)
        if MOTIEF_ONGESPLITST in motieven and (gekozen or not self.had_ongesplitst):
            motieven = [code for code in motieven if code != MOTIEF_ONGESPLITST]
        return motieven


def scorekeuzes(schaal: dict) -> list[tuple[str, str]]:
    """The choices of a score field: −2 … +2 with the kader's label of each ("−2 duidelijk
    negatief"), and "Onvoldoende informatie"."""
    return [
        (waarde, f"{label} {schaal[waarde]}" if waarde in schaal else label)
        for waarde, label in Antwoord.Score.choices
    ]


class MotiveringGevraagd:
    """For a form with a `score` and a `motivering`: an explicit save (`strikt`) demands a
    motivation for a score; the autosave keeps a draft without one (which the scoring then
    counts as a gap, `scoring.antwoordstatus`)."""

    def clean(self):
        data = super().clean()
        if self.strikt and data.get("score") not in (None, "", "?"):
            if not (data.get("motivering") or "").strip():
                self.add_error(
                    "motivering", "Motiveer de score: elke score vraagt een toelichting."
                )
        return data


class AntwoordForm(MotiveringGevraagd, Tekstgrenzen, forms.ModelForm):
    """One deelvraag. Explicit saves demand a motivation for a score; autosave keeps a draft."""

    class Meta:
        model = Antwoord
        fields = ["score", "motivering", "bronnen"]
        widgets = {
            "score": forms.RadioSelect,
            "motivering": Tekstvak(attrs={"rows": 4}),
            "bronnen": Tekstvak(attrs={"rows": 2}),
        }
        field_classes = {"motivering": Tekstveld, "bronnen": Tekstveld}
        labels = {
            "score": "Score",
            "motivering": "Motivering",
            "bronnen": "Bronnen (optioneel)",
        }

    def __init__(self, *args, strikt: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.strikt = strikt
        schaal = self.instance.deelvraag.onderdeel.kader.schaal if self.instance.pk else {}
        if self.instance.pk:
            nummer = self.instance.deelvraag.nummer
            self.fields["score"].label = f"Score deelvraag {nummer}"
            self.fields["motivering"].label = f"Motivering deelvraag {nummer}"
            self.fields["bronnen"].label = f"Bronnen deelvraag {nummer} (optioneel)"
            if nummer in (7, 8):
                self.fields["score"].widget.attrs["aria-describedby"] = f"teken-{nummer}"
        self.fields["score"].choices = scorekeuzes(schaal)
        self.fields["score"].required = False


class SuccesfactorForm(Tekstgrenzen, forms.ModelForm):
    class Meta:
        model = SuccesfactorAntwoord
        fields = ["status", "notitie"]
        widgets = {
            "status": forms.RadioSelect,
            "notitie": Tekstvak(attrs={"rows": 2}),
        }
        field_classes = {"notitie": Tekstveld}

    def foutlabel(self, veld: str) -> str:
        """The field as the error summary names it: fifteen fields are called 'Status'."""
        label = self.fields[veld].label
        if not self.instance.pk:
            return label
        return f"{self.instance.succesfactor.naam}, {label.lower()}"


class BestaandeFormSet(BaseModelFormSet):
    """Edits only the rows of its queryset: an id from elsewhere is refused, not created."""

    def clean(self):
        super().clean()
        if any(form.instance.pk is None for form in self.forms):
            raise ValidationError(
                "Dit formulier hoort niet bij deze afweging. Herlaad de pagina en probeer opnieuw."
            )


class StrikteFormSet(BestaandeFormSet):
    """A formset of forms that ask for a motivation (`MotiveringGevraagd`): `strikt` for
    an explicit save, not for the autosave."""

    def __init__(self, *args, strikt: bool = True, **kwargs):
        self.strikt = strikt
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if issubclass(self.form, MotiveringGevraagd):
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


class VersieForm(forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)


class VaststelForm(VersieForm):
    """Vaststellen asks for an explicit confirmation, on the check page."""

    bevestigd = forms.BooleanField(
        label="Ik heb de afweging hierboven gecontroleerd en stel haar vast. Daarna verandert "
        "deze versie niet meer; wijzigen kan alleen in een nieuwe versie.",
        error_messages={
            "required": "Vink aan dat u de afweging heeft gecontroleerd, om haar vast te stellen."
        },
    )


def alleen_aangeraakt(formulieren: dict, aangeraakt: set[str]) -> None:
    """For a save based on an older version of one's own (a second tab, a page reloaded
    while an autosave was under way): write only the fields this page changed
    (`aangeraakt`, their names in the form as posted). Every other field keeps what was
    saved since, as if this page had shown it. Call it on valid forms, before saving."""
    for formulier in formulieren.values():
        for form in getattr(formulier, "forms", [formulier]):
            blijft = [naam for naam in form.fields if form.add_prefix(naam) not in aangeraakt]
            if not blijft:
                continue
            # Validating wrote the posted values onto the instance: the saved ones go back.
            opgeslagen = type(form.instance)._default_manager.filter(pk=form.instance.pk).first()
            for naam in blijft:
                form.cleaned_data.pop(naam, None)
                veld = next(
                    (f for f in form.instance._meta.concrete_fields if f.name == naam), None
                )
                if veld is not None and opgeslagen is not None:
                    setattr(form.instance, veld.attname, getattr(opgeslagen, veld.attname))
            form.__dict__["changed_data"] = [n for n in form.changed_data if n not in blijft]
