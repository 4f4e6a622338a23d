"""Writing a business case: its inputs, under the afweging's optimistic lock, with the
change recorded in the afweging's history."""

from __future__ import annotations

from afweging import services


def opslaan(*, afweging, form, varianten, versie: int, door) -> None:
    """Save the valid business case forms; raises services.Conflict if someone saved the
    afweging after `versie`."""

    def schrijf():
        form.save()
        for variantform in varianten.forms:
            variantform.save()
        gewijzigd = form.changed_data + [
            f"{f.instance.get_soort_display().lower()}: {veld}"
            for f in varianten.forms
            for veld in f.changed_data
        ]
        services.vastleggen(afweging, door, "Businesscase gewijzigd: " + ", ".join(gewijzigd))

    services.stap_opslaan(afweging=afweging, versie=versie, door=door, opslaan=schrijf)
