from django import forms
from django.core.exceptions import ValidationError
from django.forms import modelformset_factory

from afweging import lengtes
from afweging.forms import BedragVeld, BestaandeFormSet, DecimaalVeld
from businesscase.models import Businesscase, BusinesscaseVariant
from businesscase.projectie import (
    DOMEINSLEUTELS,
    INGEVULDE_GEGEVENS,
    MARGE_VASTE_VERDELING,
    TARIEFGROEPEN,
)
from weergave import getallen

# Room for the domains of BAR (sociaal domein) and the Bevelanden (P&O/ICT) and one more.
DOMEINEN = 3
MAX_BRON = 200
MAX_DOMEIN = 100
BRON_NODIG = "Vermeld de bron van dit gegeven."


class GetalVeld(BedragVeld):
    """A count or a number of fte, typed as people write it ('1.200', '12,5')."""

    default_error_messages = {
        "invalid": "Vul een getal in, bijvoorbeeld 1.200 of 12,5.",
        "hele_euros": "Vul een heel getal in, bijvoorbeeld 1.200.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.help_text = kwargs.get("help_text", "")


def _bronveld(label: str, initial: str) -> forms.CharField:
    return forms.CharField(
        label=f"Bron van {label}", required=False, max_length=MAX_BRON, initial=initial,
        help_text="Verplicht bij een ingevuld gegeven: waar het vandaan komt.",
    )  # fmt: skip


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

        self._gegevensvelden()
        self._domeinvelden()

    def _paar(self, naam: str, label: str, opgeslagen, **veld) -> None:
        """A figure the adviseur enters and the required source beside it."""
        opgeslagen = opgeslagen if isinstance(opgeslagen, dict) else {}
        self.fields[naam] = GetalVeld(
            label=label, required=False, min_value=0, max_digits=14, **veld,
            initial=opgeslagen.get("waarde"),
        )  # fmt: skip
        self.fields[f"{naam}_bron"] = _bronveld(label, opgeslagen.get("bron", ""))
        self.paren.append((naam, f"{naam}_bron"))

    def _gegevensvelden(self) -> None:
        self.paren = []
        opgeslagen = self.instance.verdeelgegevens or {}
        for soort, wat in INGEVULDE_GEGEVENS.items():
            for deelnemer in self.deelnemers:
                code = deelnemer.gemeente.code
                self._paar(
                    f"{soort}_{code}", f"{wat} {deelnemer.gemeente.naam}",
                    opgeslagen.get(soort, {}).get(code),
                    decimal_places=1 if soort == "fte" else 0,
                )  # fmt: skip
        tarieven = self.instance.uurtarieven or {}
        for groep, naam in TARIEFGROEPEN.items():
            self._paar(
                f"tarief_{groep}", f"uurtarief {naam} (euro)", tarieven.get(groep),
                decimal_places=2,
            )  # fmt: skip

    def _domeinvelden(self) -> None:
        opgeslagen = list(self.instance.domeinsleutels or [])
        keuzes = [("", "Kies een sleutel")] + [(s.value, s.label) for s in DOMEINSLEUTELS]
        for i in range(1, DOMEINEN + 1):
            domein = opgeslagen[i - 1] if i <= len(opgeslagen) else {}
            self.fields[f"domein_{i}"] = forms.CharField(
                label=f"Naam van domein {i}", required=False, max_length=MAX_DOMEIN,
                initial=domein.get("domein", ""), help_text="Bijvoorbeeld sociaal domein.",
            )  # fmt: skip
            self.fields[f"domein_{i}_aandeel"] = DecimaalVeld(
                label=f"Aandeel van domein {i} in de kosten (%)", required=False, min_value=0,
                max_value=100, decimal_places=1, localize=True,
                initial=domein.get("aandeel_pct"),
            )  # fmt: skip
            self.fields[f"domein_{i}_sleutel"] = forms.ChoiceField(
                label=f"Verdeelsleutel van domein {i}", required=False, choices=keuzes,
                initial=domein.get("verdeelsleutel", ""),
            )  # fmt: skip
            self.fields[f"domein_{i}_bron"] = _bronveld(
                f"het aandeel van domein {i}", domein.get("bron", "")
            )

    def vaste_velden(self):
        return [self[f"vast_{d.gemeente.code}"] for d in self.deelnemers]

    def gegevensgroepen(self):
        """The entered figures by kind, each as (title, in use, [(value, source)])."""
        in_gebruik = self._sleutels_in_gebruik()
        groepen = [
            ("Formatie (fte) per gemeente", "fte", ["fte"]),
            ("Cliënten per gemeente", "clienten", ["clienten"]),
            (
                "Uren per gemeente en groep van schalen",
                "uren",
                [f"uren_{g}" for g in TARIEFGROEPEN],
            ),
        ]
        uit = []
        for titel, sleutel, soorten in groepen:
            paren = [
                (self[f"{soort}_{d.gemeente.code}"], self[f"{soort}_{d.gemeente.code}_bron"])
                for d in self.deelnemers
                for soort in soorten
            ]
            uit.append((titel, sleutel in in_gebruik or self._fout_in(paren), paren))
        tarieven = [(self[f"tarief_{g}"], self[f"tarief_{g}_bron"]) for g in TARIEFGROEPEN]
        open_ = "uren" in in_gebruik or self._fout_in(tarieven)
        uit.append(("Uurtarieven per groep van schalen", open_, tarieven))
        return uit

    @staticmethod
    def _fout_in(paren) -> bool:
        return any(veld.errors for paar in paren for veld in paar)

    def domeinen(self):
        return [
            [self[f"domein_{i}{deel}"] for deel in ("", "_aandeel", "_sleutel", "_bron")]
            for i in range(1, DOMEINEN + 1)
        ]

    def domeinen_in_gebruik(self) -> bool:
        """Open when a domain is filled in or one of its fields has an error."""
        return any(self[f"domein_{i}"].value() for i in range(1, DOMEINEN + 1)) or self._fout_in(
            self.domeinen()
        )

    def _sleutels_in_gebruik(self) -> set[str]:
        """The keys chosen (as typed, or as saved), so that their figures are shown open."""
        sleutels = {self["verdeelsleutel"].value()}
        sleutels |= {self[f"domein_{i}_sleutel"].value() for i in range(1, DOMEINEN + 1)}
        return {str(s) for s in sleutels if s}

    def _controleer_gegevens(self, data) -> None:
        for waarde, bron in self.paren:
            if data.get(waarde) is not None and not (data.get(bron) or "").strip():
                self.add_error(bron, BRON_NODIG)
            elif (
                data.get(waarde) is None
                and (data.get(bron) or "").strip()
                and waarde not in self.errors
            ):
                self.add_error(waarde, "Vul het gegeven in, of maak de bron leeg.")

    def _controleer_domeinen(self, data) -> None:
        samen = 0
        for i in range(1, DOMEINEN + 1):
            naam, aandeel, sleutel, bron = (
                f"domein_{i}{d}" for d in ("", "_aandeel", "_sleutel", "_bron")
            )
            waarden = [data.get(n) for n in (naam, aandeel, sleutel, bron)]
            if all(w in (None, "") for w in waarden) and aandeel not in self.errors:
                continue
            if not (data.get(naam) or "").strip():
                self.add_error(naam, "Geef het domein een naam.")
            if data.get(aandeel) is None:
                if aandeel not in self.errors:
                    self.add_error(aandeel, "Vul in welk deel van de kosten dit domein is.")
            elif data[aandeel] == 0:
                self.add_error(aandeel, "Een domein heeft een deel van de kosten, meer dan 0%.")
            else:
                samen += data[aandeel]
            if not data.get(sleutel):
                self.add_error(sleutel, "Kies de verdeelsleutel van het domein.")
            if not (data.get(bron) or "").strip():
                self.add_error(bron, "Vermeld de bron van het aandeel van dit domein.")
        if samen > 100:
            raise ValidationError(
                f"De domeinen hebben samen {getallen.decimaal(samen)}% van de kosten; hooguit 100%."
            )

    def clean(self):
        data = super().clean()
        if data.get("verdeelsleutel") == Businesscase.Sleutel.VAST:
            som = sum(data.get(f"vast_{d.gemeente.code}") or 0 for d in self.deelnemers)
            if abs(som - 100) > MARGE_VASTE_VERDELING:
                nu = getallen.decimaal(som)
                raise ValidationError(f"De vaste verdeling moet samen 100% zijn; nu {nu}%.")
        if data.get("mix_inwoners_pct") is not None and data["mix_inwoners_pct"] > 100:
            self.add_error("mix_inwoners_pct", "Een aandeel ligt tussen 0 en 100%.")
        self._controleer_gegevens(data)
        self._controleer_domeinen(data)
        return data

    def save(self, commit=True):
        businesscase = super().save(commit=False)
        businesscase.vaste_verdeling = {
            d.gemeente.code: float(self.cleaned_data[f"vast_{d.gemeente.code}"])
            for d in self.deelnemers
            if self.cleaned_data.get(f"vast_{d.gemeente.code}") is not None
        }
        data = self.cleaned_data
        gegevens = {}
        for soort in INGEVULDE_GEGEVENS:
            for d in self.deelnemers:
                naam = f"{soort}_{d.gemeente.code}"
                if data.get(naam) is not None:
                    gegevens.setdefault(soort, {})[d.gemeente.code] = _opgeslagen(data, naam)
        businesscase.verdeelgegevens = gegevens
        businesscase.uurtarieven = {
            groep: _opgeslagen(data, f"tarief_{groep}")
            for groep in TARIEFGROEPEN
            if data.get(f"tarief_{groep}") is not None
        }
        businesscase.domeinsleutels = [
            {
                "domein": data[f"domein_{i}"].strip(),
                "aandeel_pct": float(data[f"domein_{i}_aandeel"]),
                "verdeelsleutel": data[f"domein_{i}_sleutel"],
                "bron": data[f"domein_{i}_bron"].strip(),
            }
            for i in range(1, DOMEINEN + 1)
            if (data.get(f"domein_{i}") or "").strip()
        ]
        if commit:
            businesscase.save()
        return businesscase


def _opgeslagen(data, naam: str) -> dict:
    waarde = data[naam]
    getal = int(waarde) if waarde == waarde.to_integral() else float(waarde)
    return {"waarde": getal, "bron": data[f"{naam}_bron"].strip()}


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
