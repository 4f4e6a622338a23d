"""The steps of the afweging's wizard, each an object: its forms, its template and how it
saves. The step view and its template only ask the step; neither knows which step it is.

The order is the order of `STAPPEN`; the URL converter `stap` accepts exactly their codes.
"""

from __future__ import annotations

from dataclasses import dataclass

from afweging import services
from afweging.forms import AfwegingForm, AntwoordFormSet, DeelnemerFormSet, SuccesfactorFormSet
from afweging.models import Afweging
from weergave.getallen import opsomming


@dataclass(frozen=True)
class Vraag:
    """A save that would remove what someone entered asks first: what goes (one line per
    item), and the token the confirming post carries back."""

    regels: tuple[str, ...]
    bevestiging: str


@dataclass(frozen=True)
class Opgeslagen:
    """What a save did: whether anything changed, and what the user should check now."""

    gewijzigd: bool
    waarschuwingen: tuple[str, ...] = ()


class Stap:
    code: str = ""
    naam: str = ""
    template: str = ""
    #: A step that answers the deelvragen of one onderdeel of the kader (counts in progress).
    is_onderdeel: bool = False

    def formulieren(self, afweging: Afweging, data=None, *, strikt: bool = True) -> dict:
        raise NotImplementedError

    def vraag_eerst(self, afweging: Afweging, formulieren: dict, data) -> Vraag | None:
        """Before an explicit save of valid forms: a question to confirm, or None."""
        return None

    def opslaan(self, afweging, formulieren: dict, *, versie: int, door, autosave: bool):
        """Save valid forms under the optimistic lock (raises services.Conflict)."""
        if not any(form.has_changed() for formset in formulieren.values() for form in formset):
            return Opgeslagen(False)
        services.formset_opslaan(
            afweging=afweging, formsets=formulieren.values(), versie=versie, door=door
        )
        return Opgeslagen(True)


class Voorstel(Stap):
    code, naam, template = "basis", "Voorstel", "afweging/stappen/voorstel.html"

    def formulieren(self, afweging, data=None, *, strikt=True):
        form = AfwegingForm(data, instance=afweging, initial={"versie": afweging.versie})
        # Read now: validating a bound ModelForm writes its values onto the instance.
        form.was_klassiek = afweging.is_klassiek
        return {"form": form}

    def vraag_eerst(self, afweging, formulieren, data):
        """Unticking a deelnemende gemeente removes its perspective, motives, reactie and
        reviewers: named first, and saved only when the post confirms exactly those."""
        from afweging import uitbreidingen

        gekozen = {g.pk for g in formulieren["form"].cleaned_data.get("gemeenten", [])}
        regels, weg = [], []
        for deelnemer in afweging.deelnemers.select_related("gemeente").order_by("gemeente__naam"):
            if deelnemer.gemeente_id in gekozen:
                continue
            wat = []
            if deelnemer.perspectief != "onbekend" or deelnemer.motieven:
                wat.append("haar perspectief en motieven")
            wat += [
                regel
                for u in uitbreidingen.alle()
                for regel in u.gaat_mee_weg_met_deelnemer(afweging, deelnemer.gemeente)
            ]
            if wat:
                weg.append(deelnemer.gemeente_id)
                regels.append(f"{deelnemer.gemeente.naam}: {opsomming(wat)}")
        bevestiging = ",".join(str(pk) for pk in sorted(weg))
        if not regels or data.get("bevestig_weg") == bevestiging:
            return None
        return Vraag(tuple(regels), bevestiging)

    def opslaan(self, afweging, formulieren, *, versie, door, autosave):
        form = formulieren["form"]
        veranderd = [veld for veld in form.changed_data if veld != "versie"]
        if autosave:
            # Members change only on an explicit save: a checkbox unticked for a moment
            # must not delete that gemeente's motives and perspective.
            veranderd = [veld for veld in veranderd if veld != "gemeenten"]
        if not veranderd:
            return Opgeslagen(False)
        services.basis_opslaan(
            afweging=afweging, form=form, versie=versie, door=door, met_deelnemers=not autosave
        )
        beantwoord_7 = afweging.antwoorden.filter(deelvraag__nummer=7).exclude(score="").exists()
        if form.was_klassiek != afweging.is_klassiek and beantwoord_7 and not autosave:
            return Opgeslagen(
                True,
                (
                    "De variant is gewijzigd: bij deelvraag 7 is het alternatief nu omgekeerd. "
                    "Controleer de score en motivering van deelvraag 7.",
                ),
            )
        return Opgeslagen(True)


class Deelnemers(Stap):
    code, naam, template = "deelnemers", "Deelnemers", "afweging/stappen/deelnemers.html"

    def formulieren(self, afweging, data=None, *, strikt=True):
        return {
            "deelnemers": DeelnemerFormSet(
                data,
                queryset=afweging.deelnemers.select_related("gemeente__provincie"),
                prefix="deelnemers",
            )
        }


class Succesfactoren(Stap):
    """The checklist of kritieke succesfactoren (§11.2), the ground for deelvraag 4: a step
    of its own, just before Condities, so that page stays short enough to read."""

    code, naam = "succesfactoren", "Succesfactoren"
    template = "afweging/stappen/succesfactoren.html"

    def formulieren(self, afweging, data=None, *, strikt=True):
        return {
            "succesfactoren": SuccesfactorFormSet(
                data,
                queryset=afweging.succesfactorantwoorden.select_related("succesfactor"),
                prefix="succesfactoren",
            )
        }


class Onderdeel(Stap):
    """The deelvragen of one onderdeel of the kader, by its code."""

    template = "afweging/stappen/onderdeel.html"
    is_onderdeel = True

    def __init__(self, code: str, naam: str):
        self.code, self.naam = code, naam

    def formulieren(self, afweging, data=None, *, strikt=True):
        return {
            "antwoorden": AntwoordFormSet(
                data,
                queryset=afweging.antwoorden.filter(deelvraag__onderdeel__code=self.code)
                .select_related("deelvraag__onderdeel__kader")
                .prefetch_related("deelvraag__indicatoren")
                .order_by("deelvraag__nummer"),
                prefix="antwoorden",
                strikt=strikt,
            )
        }


STAPPEN: list[Stap] = [
    Voorstel(),
    Deelnemers(),
    Onderdeel("meerwaarde", "Meerwaarde"),
    Succesfactoren(),
    Onderdeel("condities", "Condities"),
    Onderdeel("weging", "Weging varianten"),
]
PER_CODE = {stap.code: stap for stap in STAPPEN}


def vorige(stap: Stap) -> Stap | None:
    index = STAPPEN.index(stap)
    return STAPPEN[index - 1] if index else None


def volgende(stap: Stap) -> Stap | None:
    index = STAPPEN.index(stap)
    return STAPPEN[index + 1] if index + 1 < len(STAPPEN) else None


class StapConverter:
    """`<stap:stap>` in a URL: only the codes of the steps, given to the view as the step."""

    regex = "|".join(PER_CODE)

    def to_python(self, waarde: str) -> Stap:
        return PER_CODE[waarde]

    def to_url(self, waarde) -> str:
        return waarde.code if isinstance(waarde, Stap) else str(waarde)
