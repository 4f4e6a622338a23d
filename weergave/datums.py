"""Dutch dates in running text ('1 maart 2027'), in Dutch whatever language is active: a
management command or a mail sent from a thread must not write 'March'."""

from __future__ import annotations

from datetime import date

from django.utils import translation
from django.utils.formats import date_format

TAAL = "nl"


def datum(dag: date) -> str:
    with translation.override(TAAL):
        return date_format(dag, "j F Y")


def dagen(aantal: int) -> str:
    """'1 dag', '5 dagen'."""
    return f"{aantal} dag" if aantal == 1 else f"{aantal} dagen"
