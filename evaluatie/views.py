"""The pages of an evaluatie: the list, starting one (from a fusieorganisatie in the register
or from a vastgestelde afweging), the overview and one page per domein, the report with its
PDF and exports, and vaststellen; the terugblik on the signalen and the afloop of an
assessed fusion.

Views are short: access (`evaluatie.toegang`), a form, one service, a page object
(`evaluatie.paginas`). A domein is saved as an afweging's step is: explicitly, or by the
autosave while typing (static/js/afweging.js posts `_autosave=1` and gets JSON), with the
version checked first, so a colleague's save in between is a conflict and one's own is not.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from afweging import toegang as afwegingtoegang
from afweging.controle import waarom_geen_pdf
from afweging.forms import alleen_aangeraakt
from afweging.models import Afweging
from afweging.services import Conflict, NietToegestaan, mag_opslaan_vanaf
from afweging.toegang import afweging_voor
from afweging.views.pagina import geposte_versie, licht
from afweging.views.stap import foutenlijst
from casussen.models import Fusieorganisatie
from config.pdf import PdfDruk, PdfFout, PdfTeLang, render_to_pdf
from evaluatie import exports, selectors, services, vaststelling, vertrekpunt
from evaluatie.controle import te_lange_teksten
from evaluatie.forms import AfloopForm, EvaluatieStartForm, VaststelForm, domeinformset
from evaluatie.models import Evaluatie
from evaluatie.paginas import (
    Afloopvastleggenpagina,
    Controlepagina,
    Domeinpagina,
    Lijstpagina,
    Overzichtpagina,
    Rapportpagina,
    Terugblikpagina,
    Vastgesteldpagina,
)
from evaluatie.rapport import rapport_van
from evaluatie.toegang import (
    alleen_adviseur,
    alleen_lezer,
    evaluatie_voor,
    evaluaties_voor,
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
            # A second evaluatie is allowed (a later peildatum), not unknowingly.
            "eerdere": selectors.van_dezelfde_fusie(
                evaluaties_voor(request.user), punt.fusieorganisatie, punt.afweging
            ),
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


# --- The report, its PDF, the exports, and vaststellen (issue 13) -------------------------
# Reading (report, PDF, exports) as the overview: the leading provincie, those who read
# along, and the gemeentesecretarissen it is shared with. Vaststellen only the leading provincie's adviseurs; who reads along hears who leads.


def _volledig(request, pk) -> Evaluatie:
    return evaluatie_voor(request.user, pk, selectors.met_alles(Evaluatie.objects.all()))


def _bestandsnaam(evaluatie: Evaluatie, extensie: str) -> str:
    naam = slugify(evaluatie.titel)[:60] or "evaluatie"
    return f'attachment; filename="evaluatie-{evaluatie.pk}-{naam}.{extensie}"'


@require_GET
@alleen_lezer
def rapport_view(request, pk):
    """The report in the browser: the same Rapport object and content as the PDF."""
    pagina = Rapportpagina(request, _laad(request, pk))
    return render(request, "evaluatie/rapport.html", pagina.context())


def _te_druk(request, evaluatie, fout: PdfDruk):
    """The report page with why there is no PDF now: 503, and when to ask again."""
    messages.error(request, str(fout))
    pagina = Rapportpagina(request, evaluatie, status=503)
    antwoord = render(request, "evaluatie/rapport.html", pagina.context(), status=503)
    antwoord["Retry-After"] = str(fout.opnieuw_na)
    return antwoord


@require_GET
@alleen_lezer
def rapport_pdf_view(request, pk):
    evaluatie = _laad(request, pk)
    bewaard = None
    if evaluatie.status == Evaluatie.Status.VASTGESTELD:
        bewaard = Evaluatie.objects.values_list("vastgestelde_pdf", flat=True).get(pk=pk)
    if bewaard:
        # Vastgesteld: exactly the PDF of that moment, whatever changed since.
        inhoud = bytes(bewaard)
    else:
        volledig = _volledig(request, pk)
        if te_lang := te_lange_teksten(volledig):
            # Its PDF would only be stopped after PDF_MAX_SECONDEN: say why, start nothing.
            messages.error(request, waarom_geen_pdf(te_lang))
            return redirect("evaluatie:rapport", pk=pk)
        try:
            _html, inhoud = render_to_pdf(
                vaststelling.PDF_TEMPLATE, {"rapport": rapport_van(volledig)}
            )
        except PdfDruk as fout:
            return _te_druk(request, evaluatie, fout)
        except PdfFout as fout:
            # Stopped after PDF_MAX_SECONDEN, or failed: said on the report page instead.
            messages.error(
                request, f"{fout} Probeer het later opnieuw; lukt het dan nog niet, meld het de "
                "beheerder.",
            )  # fmt: skip
            return redirect("evaluatie:rapport", pk=pk)
    antwoord = HttpResponse(inhoud, content_type="application/pdf")
    antwoord["Content-Disposition"] = _bestandsnaam(evaluatie, "pdf")
    return antwoord


EXPORTFORMATEN = {
    "csv": (exports.als_csv, "text/csv; charset=utf-8"),
    "xlsx": (
        exports.als_excel,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "json": (exports.als_json, "application/json; charset=utf-8"),
}


@require_GET
@alleen_lezer
def export_view(request, pk, formaat):
    if formaat not in EXPORTFORMATEN:
        raise Http404("Dit formaat bestaat niet; kies CSV, Excel of JSON.")
    evaluatie = _volledig(request, pk)
    maak, soort = EXPORTFORMATEN[formaat]
    antwoord = HttpResponse(maak(evaluatie), content_type=soort)
    antwoord["Content-Disposition"] = _bestandsnaam(evaluatie, formaat)
    return antwoord


def _alleen_eigenaar(request, evaluatie: Evaluatie) -> None:
    if not is_eigenaar(request.user, evaluatie):
        weiger_meelezer(evaluatie)


def _controle(request, evaluatie, *, form=None, status=200):
    pagina = Controlepagina(request, evaluatie, form=form, status=status)
    return render(request, "evaluatie/vaststellen.html", pagina.context(), status=status)


@require_http_methods(["GET", "POST"])
@alleen_adviseur
def vaststellen_view(request, pk):
    """The check page, and vaststellen from it after an explicit confirmation."""
    evaluatie = _laad(request, pk)
    _alleen_eigenaar(request, evaluatie)
    if evaluatie.status == Evaluatie.Status.VASTGESTELD:
        messages.info(request, vaststelling.AL_VASTGESTELD)
        return redirect(evaluatie)
    if request.method == "GET":
        return _controle(request, evaluatie)
    form = VaststelForm(request.POST)
    if not form.is_valid():
        return _controle(request, evaluatie, form=form, status=400)
    try:
        vaststelling.vaststellen(
            evaluatie=evaluatie, versie=form.cleaned_data["versie"], door=request.user
        )
    except (Conflict, NietToegestaan) as fout:
        messages.error(request, str(fout))
    except PdfDruk as fout:
        # Not vastgesteld; the check page as it is, with when to try again.
        messages.error(request, f"{fout} De evaluatie is nog niet vastgesteld.")
        antwoord = _controle(request, evaluatie, status=503)
        antwoord["Retry-After"] = str(fout.opnieuw_na)
        return antwoord
    except PdfTeLang as fout:
        messages.error(
            request,
            f"{fout} Daarom is de evaluatie niet vastgesteld. Probeer het later opnieuw of meld "
            "het de beheerder.",
        )
    except PdfFout:
        messages.error(
            request,
            "De PDF kon niet worden gemaakt, daarom is de evaluatie niet vastgesteld. "
            "Probeer het opnieuw of meld het de beheerder.",
        )
    else:
        return redirect("evaluatie:vastgesteld", pk=evaluatie.pk)
    # Refused: the check page again, as it is now (with what changed, if a colleague saved).
    return redirect("evaluatie:vaststellen", pk=evaluatie.pk)


@require_GET
@alleen_adviseur
def vastgesteld_view(request, pk):
    """The confirmation: what happened, and what happens next."""
    evaluatie = _laad(request, pk)
    _alleen_eigenaar(request, evaluatie)
    if evaluatie.status != Evaluatie.Status.VASTGESTELD:
        return redirect("evaluatie:vaststellen", pk=evaluatie.pk)
    pagina = Vastgesteldpagina(request, evaluatie)
    return render(request, "evaluatie/vastgesteld.html", pagina.context())
