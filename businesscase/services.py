"""Writing a business case: its inputs, under the afweging's optimistic lock, with the
change recorded in the afweging's history."""

from __future__ import annotations

from afweging import services
from afweging.geschiedenis import LEEG, in_woorden, veranderingen
from weergave import getallen


def opslaan(*, afweging, form, varianten, versie: int, door) -> None:
    """Save the valid business case forms; raises services.Conflict if someone saved the
    afweging after `versie`."""

    def schrijf():
        delen = [("", _uitgangspunten(form))] + [
            (f"{f.instance.get_soort_display().lower()}: ", veranderingen(f))
            for f in varianten.forms
        ]
        form.save()
        for variantform in varianten.forms:
            variantform.save()
        tekst = "; ".join(f"{wie}{in_woorden(regels)}" for wie, regels in delen if regels)
        services.vastleggen(
            afweging, door, f"Businesscase gewijzigd: {tekst}",
            wijzigingen=[{"wat": wie.rstrip(": ") or "uitgangspunten", "velden": regels}
                         for wie, regels in delen if regels],
        )  # fmt: skip

    # The whole form is written, so only from the current version (no merge of own tabs).
    services.stap_opslaan(afweging=afweging, versie=versie, door=door, opslaan=schrijf, strikt=True)


def _uitgangspunten(form) -> list[dict]:
    """The changed inputs, the fixed split as one line: "vaste verdeling leeg →
    Albrandswaard 20,0%, Barendrecht 50,0% en Ridderkerk 30,0%"."""
    vast = [f"vast_{d.gemeente.code}" for d in form.deelnemers]
    regels = veranderingen(form, zonder=("versie", *vast))
    if any(naam in form.changed_data for naam in vast):

        def verdeling(waarden) -> str:
            delen = [
                f"{d.gemeente.naam} {getallen.afgerond(w, 1)}%"
                for d, w in zip(form.deelnemers, waarden, strict=True)
                if w is not None
            ]
            return getallen.opsomming(delen) or LEEG

        oud = [form.get_initial_for_field(form.fields[naam], naam) for naam in vast]
        nieuw = [form.cleaned_data.get(naam) for naam in vast]
        regels.append({"veld": "vaste verdeling", "van": verdeling(oud), "naar": verdeling(nieuw)})
    return regels
