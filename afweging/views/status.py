"""Vaststellen an afweging, after a check page and with a confirmation page; starting a new
version of a vastgestelde one; deleting a concept, after saying what goes with it."""

from __future__ import annotations

from functools import cached_property

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from afweging import meldingen, services, uitbreidingen
from afweging.controle import Controle
from afweging.forms import VaststelForm
from afweging.models import Afweging
from afweging.toegang import alleen_adviseur
from afweging.views.pagina import Afwegingpagina, laad
from config.pdf import PdfDruk, PdfFout, PdfTeLang


class Controlepagina(Afwegingpagina):
    """Check your answers: what is complete, what is open, and the confirmation."""

    @cached_property
    def controle(self) -> Controle:
        return Controle(self.volledig)

    @cached_property
    def form(self) -> VaststelForm:
        return self.formulieren.get("form") or VaststelForm(
            initial={"versie": self.afweging.versie}
        )


class Vastgesteldpagina(Afwegingpagina):
    @cached_property
    def ontvangers(self) -> list:
        """Who got the e-mail of the vaststelling: the maker and those the apps name (the
        reviewers), as far as they have an address (afweging.meldingen sends no other)."""
        return meldingen.met_adres(
            [
                self.afweging.aangemaakt_door,
                *(g for u in uitbreidingen.alle() for g in u.betrokkenen(self.afweging)),
            ]
        )


def _controle(request, afweging, *, form=None, status=200):
    pagina = Controlepagina(
        request, afweging, formulieren={"form": form} if form else None, status=status
    )
    return render(request, "afweging/vaststellen.html", pagina.context(), status=status)


@require_http_methods(["GET", "POST"])
@alleen_adviseur
def vaststellen_view(request, pk):
    afweging = laad(request, pk)
    if afweging.status == Afweging.Status.VASTGESTELD:
        messages.info(request, "Deze afweging is al vastgesteld.")
        return redirect(afweging.get_absolute_url())
    if request.method == "GET":
        return _controle(request, afweging)
    form = VaststelForm(request.POST)
    if not form.is_valid():
        return _controle(request, afweging, form=form, status=400)
    try:
        services.vaststellen(
            afweging=afweging, versie=form.cleaned_data["versie"], door=request.user
        )
    except (services.Conflict, services.NietToegestaan) as fout:
        messages.error(request, str(fout))
    except PdfDruk as fout:
        # Not vastgesteld; the check page as it is, with when to try again.
        messages.error(request, f"{fout} De afweging is nog niet vastgesteld.")
        antwoord = _controle(request, afweging, status=503)
        antwoord["Retry-After"] = str(fout.opnieuw_na)
        return antwoord
    except PdfTeLang as fout:
        messages.error(
            request,
            f"{fout} Daarom is de afweging niet vastgesteld. Probeer het later opnieuw of meld "
            "het de beheerder.",
        )
    except PdfFout:
        messages.error(
            request,
            "De PDF kon niet worden gemaakt, daarom is de afweging niet vastgesteld. "
            "Probeer het opnieuw of meld het de beheerder.",
        )
    else:
        return redirect("afweging:vastgesteld", pk=afweging.pk)
    # Refused: the check page again, as it is now (with what changed, if a colleague saved).
    return redirect("afweging:vaststellen", pk=afweging.pk)


@require_GET
@alleen_adviseur
def vastgesteld_view(request, pk):
    """The confirmation: what happened, and what happens next."""
    afweging = laad(request, pk)
    if afweging.status != Afweging.Status.VASTGESTELD:
        return redirect("afweging:vaststellen", pk=afweging.pk)
    pagina = Vastgesteldpagina(request, afweging)
    return render(request, "afweging/vastgesteld.html", pagina.context())


class Verwijderpagina(Afwegingpagina):
    @cached_property
    def gaat_mee_weg(self) -> list[str]:
        beantwoord = self.afweging.antwoorden.exclude(score="").count()
        eigen = (
            [f"{beantwoord} beantwoorde deelvra{'gen' if beantwoord != 1 else 'ag'}"]
            if (beantwoord)
            else []
        )
        return [
            *eigen,
            *(regel for u in uitbreidingen.alle() for regel in u.gaat_mee_weg(self.afweging)),
            "de geschiedenis van de afweging",
        ]


@require_http_methods(["GET", "POST"])
@alleen_adviseur
def verwijderen_view(request, pk):
    afweging = laad(request, pk)
    if afweging.status == Afweging.Status.VASTGESTELD:
        messages.info(
            request, "Een vastgestelde afweging blijft bewaard en kan niet worden verwijderd."
        )
        return redirect(afweging.get_absolute_url())
    if request.method == "GET":
        pagina = Verwijderpagina(request, afweging)
        return render(request, "afweging/verwijderen.html", pagina.context())
    try:
        titel = services.verwijderen(afweging=afweging, door=request.user)
    except services.NietToegestaan as fout:
        messages.error(request, str(fout))
        return redirect(afweging.get_absolute_url())
    messages.success(request, f"De afweging ‘{titel}’ is verwijderd.")
    return redirect("afweging:lijst")


@require_POST
@alleen_adviseur
def nieuwe_versie_view(request, pk):
    afweging = laad(request, pk)
    try:
        kopie = services.nieuwe_versie(afweging=afweging, door=request.user)
    except services.NietToegestaan as fout:
        messages.error(request, str(fout))
        return redirect(afweging.get_absolute_url())
    messages.success(request, "Nieuwe versie gemaakt; de vastgestelde versie blijft ongewijzigd.")
    return redirect("afweging:stap", pk=kopie.pk, stap="basis")
