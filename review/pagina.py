"""Review's part of an afweging's pages: the opmerkingen beside each deelvraag, the formal
reacties, with whom it is shared, and the forms to add to them; and the pages of review's
own (a reactie recorded on behalf of a gemeente, stopping to share with a reviewer)."""

from __future__ import annotations

from functools import cached_property

from afweging.models import Afweging
from afweging.views.pagina import Afwegingpagina
from casussen.models import Gemeente
from review import toegang
from review.forms import DelenForm, NamensReactieForm, OpmerkingForm, ReactieForm
from review.services import kandidaat_reviewers
from weergave.getallen import opsomming


def reactie_gemeenten(gebruiker, afweging):
    """The deelnemende gemeenten this reviewer may react for: their own."""
    if not toegang.is_reviewer(gebruiker, afweging):
        return Gemeente.objects.none()
    return Gemeente.objects.filter(
        pk__in=afweging.deelnemers.values("gemeente"), secretarissen=gebruiker
    ).order_by("naam")


def reactie_form(gebruiker, afweging, data=None, *, gemeente=None, reactie=None) -> ReactieForm:
    """The reactie form of one gemeente, showing its current reactie to amend."""
    gemeenten = reactie_gemeenten(gebruiker, afweging)
    if gemeente is None and data is not None:  # A posted form: its ids as on the page.
        gemeente = next((g for g in gemeenten if str(g.pk) == str(data.get("gemeente"))), None)
    initial = {"gemeente": gemeente, "versie": reactie.versie if reactie else 0}
    if reactie is not None:
        initial |= {"standpunt": reactie.standpunt, "tekst": reactie.tekst}
    code = gemeente.code if gemeente else "gemeente"
    return ReactieForm(data, gemeenten=gemeenten, initial=initial, auto_id=f"id_reactie_{code}_%s")


def namens_form(data=None, *, reactie=None) -> NamensReactieForm:
    initial = {"versie": reactie.versie if reactie else 0}
    if reactie is not None:
        initial |= {"standpunt": reactie.standpunt, "tekst": reactie.tekst}
        initial["ontvangen_per"] = reactie.ontvangen_per or None
    return NamensReactieForm(data, initial=initial)


class Reviewdeel:
    def __init__(self, pagina):
        self.pagina = pagina
        self.afweging = pagina.afweging
        self.gebruiker = pagina.request.user

    @cached_property
    def reviewer(self) -> bool:
        return toegang.is_reviewer(self.gebruiker, self.afweging)

    @cached_property
    def schrijft(self) -> bool:
        """Whether the page has the opmerkingen form: a reviewer comments, the adviseur
        answers, until the afweging is vastgesteld."""
        return self.afweging.status != Afweging.Status.VASTGESTELD and (
            self.reviewer or self.pagina.eigenaar
        )

    @cached_property
    def eigen_opmerkingen(self) -> int:
        """How many opmerkingen (and answers) this user placed: when the number went up,
        the browser knows its box's text landed and lets go of its copy of that box."""
        return self.afweging.opmerkingen.filter(auteur=self.gebruiker).count()

    @cached_property
    def opmerkingen(self) -> dict[int, list]:
        """Top-level comments per deelvraag number, each with its answers."""
        per_nummer: dict[int, list] = {}
        alle = list(
            self.afweging.opmerkingen.select_related("auteur", "deelvraag").order_by("geplaatst")
        )
        for opmerking in alle:
            if opmerking.antwoord_op_id is None:
                opmerking.reacties = [o for o in alle if o.antwoord_op_id == opmerking.pk]
                per_nummer.setdefault(opmerking.deelvraag.nummer, []).append(opmerking)
        return per_nummer

    @cached_property
    def opmerking_form(self) -> OpmerkingForm | None:
        """The box's form shown again with its error, if any."""
        return self.pagina.formulieren.get("opmerking_form")

    @cached_property
    def concepten(self) -> dict[str, str]:
        """What was typed in each box of a refused post, shown again in its box."""
        return getattr(self.opmerking_form, "concepten", {})

    @cached_property
    def fout_elders(self) -> bool:
        """The refused box is not on this page (an opmerking that is gone, say): its error
        and text are shown above the table instead."""
        form = self.opmerking_form
        if form is None:
            return False
        vakken = set()
        if self.pagina.eigenaar:
            vakken |= {f"antwoord-{o.pk}" for lijst in self.opmerkingen.values() for o in lijst}
        if self.reviewer:
            vakken |= {f"opmerking-{d.nummer}" for o in self.pagina.onderdelen for d, _ in o[2]}
        return form.vak not in vakken

    @cached_property
    def reacties(self):
        return self.afweging.reacties.select_related("gemeente", "auteur", "beantwoord_door")

    @cached_property
    def mijn_termijn(self):
        """The reactietermijn the provincie gave this reviewer (None: none)."""
        deling = self.afweging.delingen.filter(gebruiker=self.gebruiker).first()
        return deling.reactietermijn if deling else None

    @cached_property
    def reactieconflict(self):
        return self.pagina.formulieren.get("reactieconflict")

    @cached_property
    def reactieformulieren(self) -> list[tuple]:
        """For a reviewer: per own deelnemende gemeente (gemeente, its reactie or None, the
        form showing it); a form shown again replaces that of its gemeente."""
        if not self.reviewer:
            return []
        per_gemeente = {r.gemeente_id: r for r in self.reacties}
        opnieuw = self.pagina.formulieren.get("reactie_form")
        rijen = []
        for gemeente in reactie_gemeenten(self.gebruiker, self.afweging):
            reactie = per_gemeente.get(gemeente.pk)
            form = reactie_form(self.gebruiker, self.afweging, gemeente=gemeente, reactie=reactie)
            rijen.append([gemeente, reactie, form])
        if opnieuw is not None and rijen:
            gepost = str(opnieuw.data.get("gemeente", ""))
            rij = next((r for r in rijen if str(r[0].pk) == gepost), rijen[0])
            rij[2] = opnieuw
        return [tuple(r) for r in rijen]

    @cached_property
    def reactie_form(self) -> ReactieForm | None:
        """The reactie form shown again, else the first gemeente's."""
        if "reactie_form" in self.pagina.formulieren:
            return self.pagina.formulieren["reactie_form"]
        return self.reactieformulieren[0][2] if self.reactieformulieren else None

    @cached_property
    def reactie_antwoord_form(self):
        """The provincie's answer to a reactie shown again with its error, if any."""
        return self.pagina.formulieren.get("reactie_antwoord_form")

    @cached_property
    def reacties_per_deelnemer(self) -> list[tuple]:
        """For the adviseur: every deelnemende gemeente with its reactie or None."""
        per_gemeente = {r.gemeente_id: r for r in self.reacties}
        return [
            (d.gemeente, per_gemeente.get(d.gemeente_id))
            for d in self.afweging.deelnemers.select_related("gemeente").order_by("gemeente__naam")
        ]

    @cached_property
    def delingen(self):
        return self.afweging.delingen.select_related("gebruiker")

    @cached_property
    def delen_form(self) -> DelenForm:
        return self.pagina.formulieren.get("delen_form") or DelenForm(
            kandidaten=kandidaat_reviewers(self.afweging).prefetch_related("gemeenten")
        )


class Namenspagina(Afwegingpagina):
    """An adviseur records a gemeente's reactie received by letter or e-mail."""

    def __init__(self, request, afweging, *, gemeente, form=None, conflict=None, status=200):
        super().__init__(
            request, afweging, formulieren={"form": form} if form else None, status=status
        )
        self.gemeente = gemeente
        self.conflict = conflict

    @cached_property
    def reactie(self):
        return (
            self.afweging.reacties.select_related("auteur", "beantwoord_door")
            .filter(gemeente=self.gemeente)
            .first()
        )

    @cached_property
    def form(self) -> NamensReactieForm:
        return self.formulieren.get("form") or namens_form(reactie=self.reactie)


class Stopdelenpagina(Afwegingpagina):
    """The question before a reviewer loses access, saying what stays."""

    def __init__(self, request, afweging, *, deling):
        super().__init__(request, afweging)
        self.deling = deling

    @cached_property
    def blijft(self) -> list[str]:
        gebruiker = self.deling.gebruiker
        uit = []
        opmerkingen = self.afweging.opmerkingen.filter(auteur=gebruiker).count()
        if opmerkingen:
            uit.append(
                f"{opmerkingen} opmerking{'en' if opmerkingen > 1 else ''} bij de deelvragen, "
                "met de antwoorden erop"
            )
        namen = [
            r.gemeente.naam
            for r in self.afweging.reacties.filter(auteur=gebruiker).select_related("gemeente")
        ]
        if namen:
            uit.append(f"de formele reactie namens {opsomming(namen)}")
        return uit
