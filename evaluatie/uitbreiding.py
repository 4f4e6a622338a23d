"""What the evaluatie adds to an afweging (see `afweging.uitbreidingen`): on the uitkomst
page of a vastgestelde afweging whose fusion started, the evaluaties of that fusion and the
way to start one."""

from __future__ import annotations

from afweging.uitbreidingen import Uitbreiding
from evaluatie.paginadelen import Afwegingdeel


class Evaluatie(Uitbreiding):
    naam = "evaluatie"

    def pagina_deel(self, pagina):
        return Afwegingdeel(pagina)
