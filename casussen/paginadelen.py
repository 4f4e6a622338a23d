"""Parts that apps above casussen add to its pages, so that casussen imports none of them:
the benchmark shows the overhead position on a gemeente's and a fusieorganisatie's page,
the evaluatie offers to evaluate a fusieorganisatie.

An app registers a maker in its `AppConfig.ready()`; a view asks `delen(pagina, ...)` and
hands the result to its template, which finds each part under the app's name. A maker
returns an object whose expensive parts are computed on first use, so a page served from
the page cache computes nothing.

Every maker is also given `gebruiker`, who looks at the page. The pages' cached content is
the same for everyone (keyed on the reference data only), so a part that depends on the
user is shown outside it: the fusieorganisatie page does so for the evaluatie's part.
"""

from __future__ import annotations

from collections.abc import Callable

_makers: dict[str, Callable] = {}


def registreer(naam: str, maak: Callable) -> None:
    """`maak(pagina, *, gebruiker, **onderwerp)` gives this app's part of page `pagina`
    ("gemeente" or "fusieorganisatie"), or None when it has nothing to add there."""
    _makers[naam] = maak


def delen(pagina: str, **onderwerp) -> dict:
    return {naam: maak(pagina, **onderwerp) for naam, maak in _makers.items()}
