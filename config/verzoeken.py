"""Requests refused before anything reads their body, on every URL, logged in or not.

- A body larger than `settings.VERZOEK_MAX_BYTES` (by its Content-Length): 413, without
  reading a byte of it. Django's own limit (DATA_UPLOAD_MAX_MEMORY_SIZE) counts only the
  form fields of a multipart body and only while reading it, so an anonymous 200 MB upload
  was read to the end (into temporary files) before the CSRF check refused it. No URL of
  Fusietoets takes a file: one limit serves all.
- A form body declared in another charset than UTF-8 (`charset=utf-16`, or one Python
  does not know): 400. Django refuses a urlencoded body that is not UTF-8 each time
  request.POST is read, and its error handling reads request.POST again, so one request
  left a recursive traceback in the log (and a 500 with DEBUG on).

Both answer with a Dutch page, or with JSON for the autosave of static/js/afweging.js,
and log one line without a traceback.
"""

from __future__ import annotations

import codecs
import logging

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render

from weergave import getallen

logger = logging.getLogger(__name__)

FORMULIEREN = ("application/x-www-form-urlencoded", "multipart/form-data")


def lengte(request) -> int:
    """The declared length of the body; Django reads a missing or garbled one as 0."""
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def tekenset(request) -> str | None:
    """The charset a form body declares, by Python's name for it ("utf-8" for "UTF8"),
    '' for one Python does not know, None for a body that is no form or declares none."""
    if request.content_type not in FORMULIEREN or "charset" not in request.content_params:
        return None
    try:
        return codecs.lookup(request.content_params["charset"]).name
    except LookupError:
        return ""


def omvang(aantal: int) -> str:
    """'2,5 MB', or '4 kB' for a limit under a megabyte."""
    if aantal >= 1024 * 1024:
        return f"{getallen.decimaal(aantal / 1024 / 1024, 1)} MB"
    return f"{getallen.geheel(max(aantal / 1024, 1))} kB"


class VerzoekMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limiet = settings.VERZOEK_MAX_BYTES
        if lengte(request) > limiet:
            logger.warning(
                "Verzoek te groot geweigerd: %s %s, %s bytes (hoogstens %s)",
                request.method, request.path, lengte(request), limiet,
            )  # fmt: skip
            return self.weiger(
                request,
                413,
                "413.html",
                f"Niet bewaard: wat u verstuurde is groter dan {omvang(limiet)}.",
                {"limiet": omvang(limiet)},
            )
        charset = tekenset(request)
        if charset == "utf-8":
            # Django takes only the exact spelling "utf-8" for a urlencoded body.
            request.encoding = "utf-8"
        elif charset is not None:
            logger.warning(
                "Verzoek in een andere tekenset geweigerd: %s %s, charset=%s",
                request.method, request.path, request.content_params["charset"][:40],
            )  # fmt: skip
            return self.weiger(
                request,
                400,
                "400.html",
                "Niet bewaard: uw browser verstuurde de gegevens niet als UTF-8.",
                {"reden": "tekenset"},
            )
        return self.get_response(request)

    @staticmethod
    def weiger(request, status: int, template: str, kort: str, context: dict):
        # The autosave reads JSON (static/js/afweging.js) and shows `fout` by the form.
        if request.headers.get("X-Requested-With") == "fetch":
            return JsonResponse({"opgeslagen": False, "fout": kort}, status=status)
        return render(request, template, context, status=status)
