from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from afweging.forms import KeuzesVeld
from casussen.models import Gemeente
from review.models import Reactie

# The boxes of the uitkomst page's one opmerkingen form: one per deelvraag for a reviewer
# (`opmerking-<nummer>`), one per opmerking for the adviseur to answer (`antwoord-<pk>`).
VAK = re.compile(r"(opmerking|antwoord)-([1-9][0-9]{0,11})")


class OpmerkingForm(forms.Form):
    deelvraag = forms.IntegerField(widget=forms.HiddenInput, required=False)
    antwoord_op = forms.IntegerField(widget=forms.HiddenInput, required=False)
    tekst = forms.CharField(
        label="Opmerking",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        error_messages={"required": "Schrijf eerst uw opmerking."},
    )

    @classmethod
    def uit_post(cls, post) -> OpmerkingForm:
        """The form of the one box whose button was pressed (`vak=<its name>`); a post
        without `vak` (one box, as scripts and older pages send) is read as it is."""
        gevonden = VAK.fullmatch(post.get("vak", ""))
        if gevonden is None:
            form = cls(post)
        else:
            soort, nummer = gevonden.groups()
            sleutel = "deelvraag" if soort == "opmerking" else "antwoord_op"
            form = cls({sleutel: nummer, "tekst": post.get(gevonden.group(0), "")})
        # What was typed in every box, to show it again if this one is refused.
        form.concepten = {naam: tekst for naam, tekst in post.items() if VAK.fullmatch(naam)}
        form.concepten.setdefault(form.vak, form.data.get("tekst", ""))
        return form

    @property
    def vak(self) -> str:
        """The name of the box this form was posted from."""
        if self.data.get("antwoord_op"):
            return f"antwoord-{self.data['antwoord_op']}"
        return f"opmerking-{self.data.get('deelvraag', '')}"


class ReactieForm(forms.Form):
    """One gemeente's formal reactie; `versie` is the version of the reactie the form
    showed (0: none yet), so that amending it cannot overwrite someone else's change."""

    gemeente = forms.ModelChoiceField(
        label="Namens gemeente",
        queryset=Gemeente.objects.none(),
        empty_label=None,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "U reageert alleen namens een deelnemende gemeente "
                        "waarvan u gemeentesecretaris bent."},
    )  # fmt: skip
    standpunt = forms.ChoiceField(
        label="Standpunt",
        choices=Reactie.Standpunt.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies het standpunt van de gemeente."},
    )
    tekst = forms.CharField(
        label="Toelichting",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
        error_messages={"required": "Licht de reactie toe."},
    )
    versie = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten

    def clean_versie(self) -> int:
        # Missing: the form showed no reactie. Garbled: no version at all, so a reactie
        # that exists is never overwritten from it.
        waarde = self.cleaned_data["versie"].strip()
        if not waarde:
            return 0
        return int(waarde) if waarde.isascii() and waarde.isdigit() and len(waarde) < 10 else -1


class NamensReactieForm(ReactieForm):
    """A reactie the gemeente sent by letter or e-mail, recorded by an adviseur."""

    ontvangen_per = forms.ChoiceField(
        label="Ontvangen per",
        choices=[(code, label.capitalize()) for code, label in Reactie.Ontvangen.choices],
        widget=forms.RadioSelect,
        error_messages={"required": "Kies of de reactie per brief of per e-mail binnenkwam."},
    )
    field_order = ["ontvangen_per", "standpunt", "tekst", "versie"]

    def __init__(self, *args, **kwargs):
        # The gemeente is in the page's address, not in the form.
        super().__init__(*args, gemeenten=Gemeente.objects.none(), **kwargs)
        del self.fields["gemeente"]
        self.fields["tekst"].help_text = (
            "Neem de reactie van de gemeente over of vat haar samen, met de datum en het "
            "kenmerk van de brief of e-mail."
        )


class ReactieAntwoordForm(forms.Form):
    """The provincie's answer to one reactie. Read through a form like every other text,
    so that what a database refuses (a NUL character) gets a Dutch message, not a 500."""

    antwoord = forms.CharField(
        label="Antwoord",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Schrijf eerst uw antwoord op de reactie."},
    )

    def __init__(self, *args, reactie, **kwargs):
        super().__init__(*args, **kwargs)
        self.reactie = reactie

    @property
    def getypt(self) -> str:
        """What was typed, to show it again in the answer's box."""
        return self.data.get("antwoord", "")


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
