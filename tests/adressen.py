"""Every URL of the app (its path() routes; the admin aside, which sets its own headers),
filled in with values, so a test over them covers a view added later as well."""

from __future__ import annotations

import itertools
import re

from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

PARAMETER = re.compile(r"<(?:[^>:]+:)?(?P<naam>[^>]+)>")


def routes(patronen=None, voor: str = "") -> list[str]:
    """Every route of the project outside the admin, as written: 'afwegingen/<int:pk>/'."""
    uit = []
    for patroon in get_resolver().url_patterns if patronen is None else patronen:
        if not isinstance(patroon.pattern, RoutePattern):
            continue
        route = voor + str(patroon.pattern)
        if isinstance(patroon, URLResolver):
            if not route.startswith("beheer/"):
                uit += routes(patroon.url_patterns, route)
        else:
            uit.append(route)
    return uit


def adressen(route: str, waarden: dict[str, list]) -> list[str]:
    """The paths of one route: each parameter by its values in `waarden` (all combinations),
    or 'x' when it has none."""
    namen = PARAMETER.findall(route)
    keuzes = [waarden.get(naam, ["x"]) for naam in namen]
    uit = []
    for combinatie in itertools.product(*keuzes):
        delen = PARAMETER.split(route)[::2]  # the route around its parameters
        uit.append("/" + "".join(d + str(w) for d, w in zip(delen, [*combinatie, ""], strict=True)))
    return uit
