from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from afweging.toegang import alleen_adviseur, weiger
from afweging.views.pagina import licht
from evaluatie import services
from evaluatie.forms import AfloopForm
from evaluatie.paginas import Afloopvastleggenpagina, Terugblikpagina
from evaluatie.toegang import alleen_adviseurs


@require_GET
@alleen_adviseurs
def terugblik_view(request):
    return render(request, "evaluatie/terugblik.html", {"pagina": Terugblikpagina(request)})


@require_http_methods(["GET", "POST"])
@alleen_adviseur
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
