"""What the evaluatie app adds to an afweging (see `afweging.uitbreidingen`): on the uitkomst
page of a vastgestelde afweging, its recorded afloop and the way to record one, and, once
its fusion started, the evaluaties of that fusion and the way to start one."""

from __future__ import annotations

from functools import cached_property

from afweging.models import Afweging
from afweging.uitbreidingen import Uitbreiding
from evaluatie.paginadelen import Afwegingdeel
from evaluatie.selectors import aflopen_van
from evaluatie.services import waarom_geen_afloop


class Afloopdeel:
    """The afloop part of an afweging's uitkomst page."""

    template = "evaluatie/_afloop.html"

    def __init__(self, pagina):
        self.pagina = pagina
        self.afweging = pagina.afweging

    @cached_property
    def van_toepassing(self) -> bool:
        return self.afweging.status == Afweging.Status.VASTGESTELD

    @cached_property
    def aflopen(self) -> list:
        return aflopen_van(self.afweging) if self.van_toepassing else []

    @cached_property
    def laatste(self):
        return self.aflopen[0] if self.aflopen else None

    @cached_property
    def waarom_niet(self) -> str:
        """Why this afweging takes no afloop ('' when it does)."""
        return waarom_geen_afloop(self.afweging)

    @cached_property
    def kan_vastleggen(self) -> bool:
        """Only who edits the afweging records its afloop (afweging.toegang)."""
        return self.pagina.eigenaar and not self.waarom_niet


class Evaluatiedelen(Afwegingdeel):
    """Both parts under one name (`pagina.delen.evaluatie`): the evaluaties of the fusion
    (this object, `Afwegingdeel`) and its afloop (`afloop`)."""

    def __init__(self, pagina):
        super().__init__(pagina)
        self.afloop = Afloopdeel(pagina)


class Evaluatie(Uitbreiding):
    naam = "evaluatie"

    def pagina_deel(self, pagina):
        return Evaluatiedelen(pagina)
