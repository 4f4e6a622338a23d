"""The pages of an evaluatie: the list, starting one (from a fusieorganisatie in the register
or from a vastgestelde afweging), the overview and one page per domein; the terugblik on the
signalen and the afloop of an assessed fusion.

Views are short: access (`evaluatie.toegang`), a form, one service, a page object
(`evaluatie.paginas`). A domein is saved as an afweging's step is: explicitly, or by the
autosave while typing (static/js/afweging.js posts `_autosave=1` and gets JSON), with the
version checked first, so a colleague's save in between is a conflict and one's own is not.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from afweging import toegang as afwegingtoegang
from afweging.forms import alleen_aangeraakt
from afweging.models import Afweging
from afweging.services import Conflict, NietToegestaan, mag_opslaan_vanaf
from afweging.toegang import afweging_voor
from afweging.views.pagina import geposte_versie, licht
from afweging.views.stap import foutenlijst
from casussen.models import Fusieorganisatie
from evaluatie import selectors, services, vertrekpunt
from evaluatie.forms import AfloopForm, EvaluatieStartForm, domeinformset
from evaluatie.models import Evaluatie
from evaluatie.paginas import (
    Afloopvastleggenpagina,
    Domeinpagina,
    Lijstpagina,
    Overzichtpagina,
    Terugblikpagina,
)
from evaluatie.toegang import (
    alleen_adviseur,
    alleen_lezer,
    evaluatie_voor,
    is_eigenaar,
    mag_starten,
    terugblik_voor_adviseurs,
    weiger,
    weiger_meelezer,
)


@require_GET
@alleen_lezer
def lijst_view(request):
    return render(request, "evaluatie/lijst.html", {"pagina": Lijstpagina(request)})


def _start(request, punt: vertrekpunt.Vertrekpunt, terug: str):
    """The start form for a vertrekpunt: who may not start hears why (403)."""
    if not punt.kan_starten:
        weiger(f"Hier start u geen evaluatie: {punt.bezwaar or 'er is geen deelnemer'}.")
    if not mag_starten(request.user, punt.gemeenten):
        weiger(
            f"Geen van de deelnemers ligt in uw provincie, {request.user.provincie.naam}. Een "
            "evaluatie wordt geleid door de provincie van een van de deelnemers."
        )
    form = EvaluatieStartForm(
        request.POST or None, vertrekpunt=punt, provincie=request.user.provincie
    )
    if request.method == "POST" and form.is_valid():
        try:
            evaluatie = services.evaluatie_aanmaken(
                door=request.user,
                titel=form.cleaned_data["titel"],
                peildatum=form.cleaned_data["peildatum"],
                gemeenten=form.cleaned_data["gemeenten"],
                startdatum_fusie=punt.startdatum,
                fusieorganisatie=punt.fusieorganisatie,
                afweging=punt.afweging,
            )
        except services.KaderOntbreekt as fout:
            messages.error(request, f"{fout} Uw invoer staat hieronder nog.")
        else:
            messages.success(
                request, "De evaluatie is gestart. Scoor nu per domein de indicatoren."
            )
            eerste = selectors.domeinen(evaluatie)
            if eerste:
                return redirect("evaluatie:domein", pk=evaluatie.pk, domein=eerste[0].code)
            return redirect(evaluatie)
    return render(
        request,
        "evaluatie/nieuw.html",
        {
            "form": form,
            "punt": punt,
            "terug": terug,
            "fouten": foutenlijst({"form": form}) if form.is_bound else [],
        },
    )


@require_http_methods(["GET", "POST"])
@alleen_adviseur
def start_fusieorganisatie_view(request, slug):
    organisatie = get_object_or_404(Fusieorganisatie, slug=slug)
    return _start(
        request, vertrekpunt.van_fusieorganisatie(organisatie), organisatie.get_absolute_url()
    )


@require_http_methods(["GET", "POST"])
@alleen_adviseur
def start_afweging_view(request, pk):
    afweging = afweging_voor(request.user, pk, Afweging.objects.defer("vastgestelde_pdf"))
    return _start(request, vertrekpunt.van_afweging(afweging), afweging.get_absolute_url())


def _laad(request, pk) -> Evaluatie:
    return evaluatie_voor(request.user, pk, selectors.met_stand(Evaluatie.objects.all()))


@require_GET
@alleen_lezer
def overzicht_view(request, pk):
    pagina = Overzichtpagina(request, _laad(request, pk))
    return render(request, "evaluatie/overzicht.html", pagina.context())


def _domein(evaluatie: Evaluatie, code: str):
    domein = evaluatie.kader.domeinen.filter(code=code).first()
    if domein is None:
        raise Http404("Dit domein hoort niet bij het evaluatiekader van deze evaluatie.")
    return domein


def _volgende_url(request, evaluatie: Evaluatie, domein) -> str:
    actie = request.POST.get("actie", "volgende")
    codes = [d.code for d in selectors.domeinen(evaluatie)]
    index = codes.index(domein.code)
    if actie == "vorige" and index > 0:
        return reverse("evaluatie:domein", kwargs={"pk": evaluatie.pk, "domein": codes[index - 1]})
    if actie == "opslaan":
        return reverse("evaluatie:domein", kwargs={"pk": evaluatie.pk, "domein": domein.code})
    if actie == "volgende" and index + 1 < len(codes):
        return reverse("evaluatie:domein", kwargs={"pk": evaluatie.pk, "domein": codes[index + 1]})
    return reverse("evaluatie:overzicht", kwargs={"pk": evaluatie.pk})


def _json_conflict(melding: str) -> JsonResponse:
    return JsonResponse({"opgeslagen": False, "conflict": melding}, status=409)


@require_http_methods(["GET", "POST"])
@alleen_lezer
def domein_view(request, pk, domein):
    evaluatie = _laad(request, pk)
    domein = _domein(evaluatie, domein)
    if request.method == "GET":
        pagina = Domeinpagina(request, evaluatie, domein)
        return render(request, "evaluatie/domein.html", pagina.context())
    if not is_eigenaar(request.user, evaluatie):
        weiger_meelezer(evaluatie)

    autosave = request.POST.get("_autosave") == "1"
    formset = domeinformset(evaluatie, domein, request.POST, strikt=not autosave)
    versie = geposte_versie(request)

    def toon(conflict: str | None = None):
        pagina = Domeinpagina(
            request, evaluatie, domein, formset=formset, conflict=conflict, versie=versie
        )
        return render(request, "evaluatie/domein.html", pagina.context(), status=pagina.status)

    if evaluatie.status == Evaluatie.Status.VASTGESTELD:
        return _json_conflict(services.VASTGESTELD) if autosave else toon(services.VASTGESTELD)
    # The version is checked before anything else: someone who started from an older
    # version must see the conflict, whatever else is wrong with the form.
    if not mag_opslaan_vanaf(evaluatie, versie, request.user):
        melding = str(Conflict(evaluatie, services.ONDERWERP))
        return _json_conflict(melding) if autosave else toon(melding)
    if not formset.is_valid():
        if autosave:
            fouten = [tekst for tekst, _anker in foutenlijst({"oordelen": formset})]
            return JsonResponse(
                {"opgeslagen": False, "fout": f"Niet automatisch bewaard. {' '.join(fouten)}",
                 "fouten": fouten},
                status=400,
            )  # fmt: skip
        return toon()
    # A save from an older version of one's own writes only what this page changed.
    if versie != evaluatie.versie and request.POST.get("_aangeraakt_bekend") == "1":
        alleen_aangeraakt({"oordelen": formset}, set(request.POST.getlist("_aangeraakt")))
    try:
        gewijzigd = services.oordelen_opslaan(
            evaluatie=evaluatie, formset=formset, versie=versie, door=request.user
        )
    except (Conflict, NietToegestaan) as fout:
        return _json_conflict(str(fout)) if autosave else toon(str(fout))
    if autosave:
        moment = timezone.localtime(evaluatie.gewijzigd).strftime("%H:%M:%S")
        return JsonResponse(
            {"opgeslagen": True, "gewijzigd": gewijzigd, "versie": evaluatie.versie,
             "moment": moment}
        )  # fmt: skip
    return redirect(_volgende_url(request, evaluatie, domein))


@require_GET
@terugblik_voor_adviseurs
def terugblik_view(request):
    return render(request, "evaluatie/terugblik.html", {"pagina": Terugblikpagina(request)})


@require_http_methods(["GET", "POST"])
@afwegingtoegang.alleen_adviseur
def afloop_view(request, pk):
    afweging = licht(request, pk)
    if reden := services.waarom_geen_afloop(afweging):
        weiger(reden)
    if request.method == "GET":
        pagina = Afloopvastleggenpagina(request, afweging)
        return render(request, "evaluatie/afloop.html", pagina.context())
    form = AfloopForm(request.POST)
    if form.is_valid():
        try:
            services.afloop_vastleggen(afweging=afweging, door=request.user, **form.cleaned_data)
        except services.NietToegestaan as fout:
            weiger(str(fout))
        messages.success(request, "De afloop van de fusie is vastgelegd.")
        return redirect(f"{afweging.get_absolute_url()}#afloop-kop")
    pagina = Afloopvastleggenpagina(request, afweging, form=form, status=400)
    return render(request, "evaluatie/afloop.html", pagina.context(), status=400)
