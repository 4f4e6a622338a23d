"""The report of an afweging in the browser and as PDF, and its exports (CSV, Excel, JSON)."""

from __future__ import annotations

from functools import cached_property

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from afweging import exports, uitbreidingen
from afweging.controle import te_lange_teksten, waarom_geen_pdf
from afweging.models import Afweging
from afweging.rapport import rapport_van
from afweging.toegang import adviseur_of_reviewer
from afweging.views.pagina import Afwegingpagina, laad, licht
from config.pdf import PdfDruk, PdfFout, render_to_pdf


class Rapportpagina(Afwegingpagina):
    @cached_property
    def stand(self):
        # The report carries today's date.
        eigen = super().stand
        return None if eigen is None else f"{eigen}/{timezone.localdate()}"

    @cached_property
    def rapport(self):
        return rapport_van(self.volledig)


@require_GET
@adviseur_of_reviewer
def rapport_view(request, pk):
    """The report in the browser: the same Rapport object and content as the PDF."""
    pagina = Rapportpagina(request, licht(request, pk))
    return render(request, "afweging/rapport.html", pagina.context())


def _te_druk(request, afweging, fout: PdfDruk):
    """The report page with why there is no PDF now: 503, and when to ask again."""
    messages.error(request, str(fout))
    pagina = Rapportpagina(request, afweging, status=503)
    antwoord = render(request, "afweging/rapport.html", pagina.context(), status=503)
    antwoord["Retry-After"] = str(fout.opnieuw_na)
    return antwoord


@require_GET
@adviseur_of_reviewer
def rapport_pdf_view(request, pk):
    afweging = laad(request, pk)
    bewaard = None
    if afweging.status == Afweging.Status.VASTGESTELD:
        bewaard = Afweging.objects.values_list("vastgestelde_pdf", flat=True).get(pk=pk)
    if bewaard:
        # Vastgesteld: exactly the PDF of that moment, whatever changed since.
        inhoud = bytes(bewaard)
    elif te_lang := te_lange_teksten(afweging):
        # Its PDF would only be stopped after PDF_MAX_SECONDEN: say why, start nothing.
        messages.error(request, waarom_geen_pdf(te_lang))
        return redirect("afweging:rapport", pk=afweging.pk)
    else:
        try:
            _html, inhoud = render_to_pdf(
                "afweging/pdf/rapport.html", {"rapport": rapport_van(afweging)}
            )
        except PdfDruk as fout:
            return _te_druk(request, afweging, fout)
        except PdfFout as fout:
            # Stopped after PDF_MAX_SECONDEN, or failed: said on the report page instead.
            messages.error(
                request, f"{fout} Probeer het later opnieuw; lukt het dan nog niet, meld het de "
                "beheerder.",
            )  # fmt: skip
            return redirect("afweging:rapport", pk=afweging.pk)
    antwoord = HttpResponse(inhoud, content_type="application/pdf")
    naam = slugify(afweging.titel)[:60] or "afweging"
    antwoord["Content-Disposition"] = f'attachment; filename="advies-{afweging.pk}-{naam}.pdf"'
    return antwoord


FORMATEN = {
    "csv": (exports.als_csv, "text/csv; charset=utf-8"),
    "xlsx": (
        exports.als_excel,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}


def _formaten(gebruiker) -> dict:
    """The afweging's own exports (the scores, as every reader's page shows them) and those
    other apps add for this user (the whole afweging as JSON)."""
    return {
        **FORMATEN,
        **{f: m for u in uitbreidingen.alle() for f, m in u.exportformaten(gebruiker).items()},
    }


@require_GET
@adviseur_of_reviewer
def export_view(request, pk, formaat):
    formaten = _formaten(request.user)
    if formaat not in formaten:
        raise Http404
    afweging = laad(request, pk)
    maak, soort = formaten[formaat]
    naam = f"afweging-{afweging.pk}-{slugify(afweging.titel)[:50] or 'export'}"
    antwoord = HttpResponse(maak(afweging), content_type=soort)
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    return antwoord
