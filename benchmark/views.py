from django.shortcuts import render
from django.views.decorators.http import require_GET

from benchmark.analyse import analyse
from benchmark.charts import spreiding_figuur
from benchmark.forms import BenchmarkForm
from benchmark.overhead import beschikbare_bestanden
from casussen import stand
from casussen.stand import lui

DELEN = ("form", "analyse", "figuur", "rijen", "organisatie", "groep", "aantal_gekozen")


@require_GET
def benchmark_view(request):
    stempel = stand.referentiestand()  # First: what is read after it is no older.
    bestanden = beschikbare_bestanden()

    @lui
    def inhoud() -> dict:
        standaard = next((b for b in bestanden if b.document == "jaarrekening"), None) or (
            bestanden[0] if bestanden else None
        )
        data = request.GET.copy()
        if standaard and not data.get("bestand"):
            data["bestand"] = f"{standaard.jaar}-{standaard.document}"
        form = BenchmarkForm(data, bestanden=bestanden)
        context = {"form": form, "analyse": None}
        if form.is_valid():
            resultaat = analyse(*form.jaar_en_document())
            organisatie = form.cleaned_data["fusieorganisatie"]
            gekozen = [g.code for g in form.cleaned_data["gemeenten"]]
            groep = None
            if organisatie is not None:
                leden = [d.gemeente.code for d in organisatie.deelnames.select_related("gemeente")]
                gekozen += [code for code in leden if code not in gekozen]
                groep = resultaat.groep(leden, organisatie.naam)
            gemarkeerd = set(gekozen)
            rijen = [dict(r, gekozen=r["gemeentecode"] in gemarkeerd) for r in resultaat.tabelrijen]
            rijen.sort(key=lambda r: not r["gekozen"])  # Stable: alphabetical within each part.
            context |= {
                "analyse": resultaat,
                "figuur": spreiding_figuur(resultaat, gekozen),
                "rijen": rijen,
                "organisatie": organisatie,
                "groep": groep,
                "aantal_gekozen": len(gekozen),
            }
        return context

    def deel(naam):
        return lui(lambda: inhoud().get(naam))

    return render(
        request,
        "benchmark/benchmark.html",
        {
            "stand": stempel,
            "sleutel": stand.filtersleutel(request, BenchmarkForm),
            "heeft_cijfers": bool(bestanden),
            **{naam: deel(naam) for naam in DELEN},
        },
    )
