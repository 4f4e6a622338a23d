"""Review's part of an afweging's pages: the opmerkingen beside each deelvraag, the formal
reacties, with whom it is shared, and the forms to add to them; and the pages of review's
own (a reactie recorded on behalf of a gemeente, stopping to share with a reviewer)."""

from __future__ import annotations

from functools import cached_property

from django.urls import reverse

from afweging import lengtes
from afweging.models import Beoordeling
from casussen.models import Gemeente
from review import toegang
from review.forms import (
    DelenForm,
    NamensReactieForm,
    OpmerkingForm,
    ReactieAntwoordForm,
    ReactieForm,
)
from review.onderwerp import onderwerp_van
from review.services import kandidaat_reviewers
from weergave.getallen import opsomming


def reactie_gemeenten(gebruiker, rij):
    """The deelnemende gemeenten this reviewer may react for: their own."""
    if not toegang.is_reviewer(gebruiker, rij):
        return Gemeente.objects.none()
    return Gemeente.objects.filter(
        pk__in=onderwerp_van(rij).gemeenten(), secretarissen=gebruiker
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


def antwoord_form(reactie, data=None) -> ReactieAntwoordForm:
    """The adviseur's answer to one reactie, showing the answer given so far."""
    return ReactieAntwoordForm(
        data, initial={"antwoord": reactie.antwoord}, auto_id=f"reactie-antwoord-{reactie.pk}-%s"
    )


def namens_form(data=None, *, reactie=None) -> NamensReactieForm:
    initial = {"versie": reactie.versie if reactie else 0}
    if reactie is not None:
        initial |= {"standpunt": reactie.standpunt, "tekst": reactie.tekst}
        initial["ontvangen_per"] = reactie.ontvangen_per or None
    return NamensReactieForm(data, initial=initial)


class Reviewdeel:
    """Review's part of an afweging's or an evaluatie's page (`pagina.delen.review`). The
    page names the places it shows an opmerkingen box for (`review_plekken`: deelvraag
    numbers, indicator ids)."""

    def __init__(self, pagina):
        self.pagina = pagina
        self.onderwerp = onderwerp_van(getattr(pagina, "afweging", None) or pagina.evaluatie)
        self.rij = self.afweging = self.onderwerp.rij  # The afweging or the evaluatie.
        self.ns = self.onderwerp.veld  # The namespace of review's URLs for it.
        self.gebruiker = pagina.request.user

    # The opmerkingen boxes are written by hand in their template (review/_vak.html).
    max_opmerking = lengtes.OPMERKING

    @property
    def vorm(self) -> str:
        """The id of the form the boxes post with, where they stand inside another form
        (an evaluatie's domein page, among the scores): "" when they are in their own."""
        return "opmerkingen-form" if self.ns == "evaluatie" else ""

    @cached_property
    def reviewer(self) -> bool:
        return toegang.is_reviewer(self.gebruiker, self.afweging)

    @cached_property
    def meelezer(self) -> bool:
        """An adviseur of another provincie with a deelnemer in it (afweging/toegang.py)."""
        return self.onderwerp.is_meelezer(self.gebruiker)

    @cached_property
    def plaatst_opmerkingen(self) -> bool:
        """Who places opmerkingen per deelvraag: the reviewers and the adviseurs who read
        along from another provincie; the leading provincie answers them."""
        return self.reviewer or self.meelezer

    @cached_property
    def schrijft(self) -> bool:
        """Whether the page has the opmerkingen form: reviewers and the provincies that read
        along comment, the adviseur answers, until the afweging is vastgesteld."""
        return self.afweging.status != Beoordeling.Status.VASTGESTELD and (
            self.plaatst_opmerkingen or self.pagina.eigenaar
        )

    @cached_property
    def eigen_opmerkingen(self) -> int:
        """How many opmerkingen (and answers) this user placed: when the number went up,
        the browser knows its box's text landed and lets go of its copy of that box."""
        return self.afweging.opmerkingen.filter(auteur=self.gebruiker).count()

    @cached_property
    def opmerkingen(self) -> dict[int, list]:
        """Top-level comments per place (deelvraag number, indicator id), each with its
        answers."""
        per_nummer: dict[int, list] = {}
        plekveld = self.onderwerp.plekveld
        verder = f"{plekveld}__domein" if plekveld == "indicator" else plekveld
        alle = list(
            self.afweging.opmerkingen.select_related("auteur", verder).order_by("geplaatst")
        )
        for opmerking in alle:
            if opmerking.antwoord_op_id is None:
                opmerking.reacties = [o for o in alle if o.antwoord_op_id == opmerking.pk]
                nummer = self.onderwerp.plek_nummer(getattr(opmerking, plekveld))
                per_nummer.setdefault(nummer, []).append(opmerking)
        return per_nummer

    @cached_property
    def plekken_met_opmerkingen(self) -> list[tuple]:
        """Per place with opmerkingen (in the order of the page): the place, how many
        opmerkingen, and how many of those have no answer yet."""
        uit = []
        for lijst in self.opmerkingen.values():
            plek = self.onderwerp.plek(lijst[0])
            uit.append((plek, len(lijst), sum(1 for o in lijst if not o.reacties)))
        return sorted(uit, key=lambda rij: self.onderwerp.plek_volgorde(rij[0]))

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
        if self.plaatst_opmerkingen:
            vakken |= {f"opmerking-{nummer}" for nummer in self.pagina.review_plekken}
        return form.vak not in vakken

    @cached_property
    def reacties(self):
        return self.afweging.reacties.select_related("gemeente", "auteur", "beantwoord_door")

    @cached_property
    def antwoordformulieren(self) -> dict:
        """For the adviseur: per reactie (by id) the form of the answer; one refused is
        shown again with what was typed."""
        if not self.pagina.eigenaar:
            return {}
        formulieren = {r.pk: antwoord_form(r) for r in self.reacties}
        if self.pagina.formulieren.get("antwoord_op") in formulieren:
            formulieren[self.pagina.formulieren["antwoord_op"]] = self.pagina.formulieren[
                "antwoord_form"
            ]
        return formulieren

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
    def reacties_per_deelnemer(self) -> list[tuple]:
        """For the adviseur: every deelnemende gemeente with its reactie or None."""
        per_gemeente = {r.gemeente_id: r for r in self.reacties}
        return [(g, per_gemeente.get(g.pk)) for g in self.onderwerp.gemeenten_op_naam()]

    @cached_property
    def delingen(self):
        """With whom it is shared; `geldig` is False for a reviewer who no longer works for
        a deelnemende gemeente (and so cannot open it)."""
        return self.afweging.delingen.select_related("gebruiker").annotate(
            geldig=toegang.werkt_voor_deelnemer()
        )

    @cached_property
    def delen_form(self) -> DelenForm:
        return self.pagina.formulieren.get("delen_form") or DelenForm(
            kandidaten=kandidaat_reviewers(self.afweging).prefetch_related("gemeenten")
        )


class Reviewpagina:
    """A page of review's own about an afweging or an evaluatie (never cached)."""

    def __init__(self, request, rij, *, status: int = 200):
        self.request = request
        self.rij = rij
        self.onderwerp = onderwerp_van(rij)
        self.status = status

    def context(self) -> dict:
        return {"pagina": self, "paginacache_uit": True}

    @property
    def woord(self) -> str:
        return self.onderwerp.woord

    @cached_property
    def lijst(self) -> tuple[str, str]:
        """The breadcrumb's list: its address and name."""
        return reverse(f"{self.onderwerp.veld}:lijst"), self.onderwerp.meervoud

    def terug(self, anker: str) -> str:
        return self.onderwerp.pagina_url() + anker


class Namenspagina(Reviewpagina):
    """An adviseur records a gemeente's reactie received by letter or e-mail."""

    def __init__(self, request, rij, *, gemeente, form=None, conflict=None, status=200):
        super().__init__(request, rij, status=status)
        self.gemeente = gemeente
        self._form = form
        self.conflict = conflict

    @cached_property
    def reactie(self):
        return (
            self.rij.reacties.select_related("auteur", "beantwoord_door")
            .filter(gemeente=self.gemeente)
            .first()
        )

    @cached_property
    def form(self) -> NamensReactieForm:
        return self._form or namens_form(reactie=self.reactie)

    @property
    def naar_reacties(self) -> str:
        return self.terug("#reacties-kop")


class Stopdelenpagina(Reviewpagina):
    """The question before a reviewer loses access to an afweging or an evaluatie, saying
    what stays."""

    def __init__(self, request, rij, *, deling):
        super().__init__(request, rij)
        self.deling = deling

    @property
    def naar_delen(self) -> str:
        """Where the shares are listed."""
        return self.terug("#beheer-kop" if self.onderwerp.veld == "afweging" else "#review-kop")

    @cached_property
    def blijft(self) -> list[str]:
        gebruiker = self.deling.gebruiker
        uit = []
        opmerkingen = self.rij.opmerkingen.filter(auteur=gebruiker).count()
        if opmerkingen:
            uit.append(
                f"{opmerkingen} opmerking{'en' if opmerkingen > 1 else ''} bij de "
                f"{self.onderwerp.plekken}, met de antwoorden erop"
            )
        namen = [
            r.gemeente.naam
            for r in self.rij.reacties.filter(auteur=gebruiker).select_related("gemeente")
        ]
        if namen:
            uit.append(f"de formele reactie namens {opsomming(namen)}")
        return uit
