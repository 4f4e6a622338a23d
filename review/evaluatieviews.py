"""The review actions on an evaluatie: share it, comment on an indicator, react, answer; stop
sharing with a reviewer. The same forms and services as an afweging's (review/views.py);
only where the page is shown again differs: an opmerking on its domein's page, the rest on
the overview."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from afweging.toegang import alleen_reviewer
from evaluatie import selectors
from evaluatie.models import Evaluatie
from evaluatie.paginas import Domeinpagina, Overzichtpagina
from evaluatie.toegang import (
    alleen_adviseur,
    alleen_lezer,
    evaluatie_voor,
    is_eigenaar,
    is_meelezer,
    weiger_meelezer,
)
from review import services
from review.forms import OpmerkingForm
from review.onderwerp import onderwerp_van
from review.pagina import Stopdelenpagina
from review.toegang import is_reviewer
from review.views import (
    antwoord_verwerken,
    delen_verwerken,
    namens,
    opmerking_verwerken,
    reactie_verwerken,
    stoppen_gemeld,
)


def _laad(request, pk) -> Evaluatie:
    return evaluatie_voor(request.user, pk, selectors.met_stand(Evaluatie.objects.all()))


def _leidend(request, pk) -> Evaluatie:
    """For the actions of the leading provincie: one who reads along hears who leads."""
    evaluatie = _laad(request, pk)
    if not is_eigenaar(request.user, evaluatie):
        weiger_meelezer(evaluatie)
    return evaluatie


def _overzicht(request, evaluatie, formulieren: dict, status: int):
    pagina = Overzichtpagina(request, evaluatie, formulieren=formulieren, status=status)
    return render(request, "evaluatie/overzicht.html", pagina.context(), status=status)


def _domein_url(evaluatie, indicator) -> str:
    url = reverse("evaluatie:domein", kwargs={"pk": evaluatie.pk, "domein": indicator.domein.code})
    return f"{url}#opmerkingen-{indicator.pk}"


def _id(waarde) -> int | None:
    """An id as posted, if it is one (a number a database column holds)."""
    tekst = str(waarde or "")
    return int(tekst) if tekst.isascii() and tekst.isdigit() and len(tekst) < 13 else None


def _indicator_van(evaluatie, onderwerp, form):
    """The indicator of the box a refused opmerking came from (None: of no indicator here)."""
    if (nummer := _id(form.data.get("deelvraag"))) is not None:
        return onderwerp.plek_van(nummer)
    if (pk := _id(form.data.get("antwoord_op"))) is not None:
        opmerking = evaluatie.opmerkingen.select_related("indicator__domein").filter(pk=pk).first()
        return opmerking.indicator if opmerking else None
    return None


@require_POST
@alleen_lezer
def opmerking_view(request, pk):
    evaluatie = _laad(request, pk)
    onderwerp = onderwerp_van(evaluatie)
    form = OpmerkingForm.uit_post(request.POST)
    plek = opmerking_verwerken(
        request, onderwerp, form,
        eigenaar=is_eigenaar(request.user, evaluatie),
        commentator=is_reviewer(request.user, evaluatie) or is_meelezer(request.user, evaluatie),
    )  # fmt: skip
    if plek is not None:
        return redirect(_domein_url(evaluatie, plek))
    # Refused: the domein page of the box it came from, with what was typed in every box;
    # a box of no indicator of this evaluatie shows its text on the overview.
    indicator = _indicator_van(evaluatie, onderwerp, form)
    formulieren = {"opmerking_form": form}
    if indicator is None:
        return _overzicht(request, evaluatie, formulieren, 400)
    pagina = Domeinpagina(request, evaluatie, indicator.domein, formulieren=formulieren, status=400)
    return render(request, "evaluatie/domein.html", pagina.context(), status=400)


@require_POST
@alleen_reviewer
def reactie_view(request, pk):
    evaluatie = _laad(request, pk)
    formulieren, status = reactie_verwerken(request, evaluatie)
    if formulieren is None:
        return redirect(f"{evaluatie.get_absolute_url()}#reacties-kop")
    return _overzicht(request, evaluatie, formulieren, status)


@require_POST
@alleen_adviseur
def reactie_antwoord_view(request, pk, reactie_pk):
    evaluatie = _leidend(request, pk)
    reactie = get_object_or_404(
        evaluatie.reacties.select_related("gemeente", "auteur"), pk=reactie_pk
    )
    formulieren = antwoord_verwerken(request, reactie)
    if formulieren is None:
        return redirect(f"{evaluatie.get_absolute_url()}#reacties-kop")
    return _overzicht(request, evaluatie, formulieren, 400)


@require_http_methods(["GET", "POST"])
@alleen_adviseur
def reactie_namens_view(request, pk, code):
    evaluatie = _leidend(request, pk)
    gemeente = get_object_or_404(evaluatie.gemeenten, code=code.upper())
    return namens(request, evaluatie, gemeente)


@require_POST
@alleen_adviseur
def delen_view(request, pk):
    evaluatie = _leidend(request, pk)
    form = delen_verwerken(request, evaluatie)
    if form is None:
        return redirect(f"{evaluatie.get_absolute_url()}#review-kop")
    return _overzicht(request, evaluatie, {"delen_form": form}, 400)


@require_http_methods(["GET", "POST"])
@alleen_adviseur
def delen_stoppen_view(request, pk, deling_pk):
    evaluatie = _leidend(request, pk)
    deling = get_object_or_404(evaluatie.delingen.select_related("gebruiker"), pk=deling_pk)
    if request.method == "GET":
        pagina = Stopdelenpagina(request, evaluatie, deling=deling)
        return render(request, "review/delen_stoppen.html", pagina.context())
    services.delen_stoppen(deling=deling, door=request.user)
    stoppen_gemeld(request, deling, "evaluatie")
    return redirect(f"{evaluatie.get_absolute_url()}#review-kop")
