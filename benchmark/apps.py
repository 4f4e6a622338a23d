from django.apps import AppConfig


class BenchmarkConfig(AppConfig):
    name = "benchmark"
    verbose_name = "Benchmark overhead (Iv3)"

    def ready(self):
        from benchmark.iv3 import Iv3Fout, laad_iv3
        from benchmark.positie import positie
        from casussen import laders, paginadelen
        from paginacache import stand

        stand.volg(*self.get_models())  # The benchmark and the positions on other pages.

        laders.registreer(
            laders.Lader("iv3", lambda: laders.regels_met_wijziging(laad_iv3()), (Iv3Fout,))
        )
        paginadelen.registreer("benchmark", positie)
