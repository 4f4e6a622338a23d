"""The loaders of reference data that `manage.py laad_referentiedata` runs, in one
transaction: casussen's own (gemeenten, fusieorganisaties, casussen) and those that other
apps register in their `AppConfig.ready()` (the kader versions, the Iv3 figures). The
command thus imports no app above casussen; apps run in the order of INSTALLED_APPS, so a
loader that needs the gemeenten (Iv3) comes after them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Lader:
    naam: str
    #: Loads and returns one Dutch line per file or version, and whether anything changed.
    laad: Callable[[], tuple[list[str], bool]]
    #: The errors that mean: a file is wrong, nothing was loaded (shown to the beheerder).
    fouten: tuple[type[Exception], ...]


_laders: list[Lader] = []


def registreer(lader: Lader) -> None:
    if all(bestaand.naam != lader.naam for bestaand in _laders):
        _laders.append(lader)


def laders() -> list[Lader]:
    return list(_laders)


def regels_met_wijziging(regels: list[str]) -> tuple[list[str], bool]:
    """For loaders that say "ongewijzigd" on every line where nothing changed."""
    return regels, any("ongewijzigd" not in regel for regel in regels)
