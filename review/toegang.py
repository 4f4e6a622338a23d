"""Who reviews an afweging: the gemeentesecretarissen it is shared with."""

from __future__ import annotations


def is_reviewer(gebruiker, afweging) -> bool:
    return (
        gebruiker.is_gemeentesecretaris and afweging.delingen.filter(gebruiker=gebruiker).exists()
    )
