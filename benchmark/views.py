from django.shortcuts import render
from django.views.decorators.http import require_GET

from benchmark.paginas import Benchmarkpagina


@require_GET
def benchmark_view(request):
    return render(request, "benchmark/benchmark.html", {"pagina": Benchmarkpagina(request)})
