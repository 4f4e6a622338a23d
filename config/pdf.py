"""Rendering HTML templates to PDF with WeasyPrint, shared by every PDF of Fusietoets.

Returns the HTML as well as the bytes, so tests can assert on the HTML.

The template is rendered here, in the request's process (it reads the database); WeasyPrint
turns the HTML into a PDF in a child process that is killed after `PDF_MAX_SECONDEN`
(settings), with a Dutch error (`PdfTeLang`). That limit really fires: gunicorn's gthread
worker does not time out a busy request thread, so without it one PDF of an absurd
afweging could take a core for minutes. The children come from a fork server that has
imported WeasyPrint once, so a PDF costs no start-up, and the worker's own threads are
never forked. WeasyPrint is imported there, never in the worker: it is heavy.

At most `PDF_GELIJKTIJDIG` (settings) PDFs are made at once per process: each holds a core
for up to PDF_MAX_SECONDEN, and gunicorn's threads could otherwise start a child each on a
server of two cores. One more is refused at once, before its child starts (`PdfDruk`; the
views answer 503 with Retry-After), rather than queued behind the others.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from contextlib import contextmanager

from django.conf import settings
from django.template.loader import render_to_string

from config import pdfproces

logger = logging.getLogger(__name__)

# The fork server imports these once; each PDF is a fork of it. "__main__" (gunicorn's
# script, manage.py) too: a child finds it imported and does not run it again. The child's
# own small module (config.pdfproces) is not preloaded: the child imports it by the path of
# this process, which the fork server of Python 3.11 would not use.
_processen = multiprocessing.get_context("forkserver")
_processen.set_forkserver_preload(["__main__", "weasyprint"])


class PdfFout(Exception):
    pass


class PdfTeLang(PdfFout):
    """The PDF took longer than the limit; its process was stopped."""


class PdfDruk(PdfFout):
    """PDF_GELIJKTIJDIG PDFs are being made already; this one was not started."""

    opnieuw_na = 60  # seconds, for Retry-After: the message says "over een minuut"

    def __init__(self):
        super().__init__(
            "De PDF wordt al gemaakt voor andere gebruikers; probeer het over een minuut opnieuw."
        )


# How many PDFs this process is making now. A counter under a lock rather than a
# threading.Semaphore, so that the limit is read from the settings on every PDF (tests and
# `override_settings` change it) and a PDF over it is refused instead of waiting.
_slot = threading.Lock()
_bezig = 0


@contextmanager
def _plaats():
    global _bezig
    with _slot:
        if _bezig >= settings.PDF_GELIJKTIJDIG:
            logger.warning("PDF geweigerd: al %s in de maak", _bezig)
            raise PdfDruk
        _bezig += 1
    try:
        yield
    finally:
        with _slot:
            _bezig -= 1


def render_to_pdf(template: str, context: dict) -> tuple[str, bytes]:
    html = render_to_string(template, context)
    return html, html_naar_pdf(html, naam=template)


def html_naar_pdf(html: str, *, naam: str = "", limiet: float | None = None) -> bytes:
    """The PDF of `html`, made in a child process that is killed after `limiet` seconds
    (default: the setting PDF_MAX_SECONDEN); `PdfDruk` when PDF_GELIJKTIJDIG are being
    made already."""
    limiet = settings.PDF_MAX_SECONDEN if limiet is None else limiet
    with _plaats():
        return _maak(html, naam=naam, limiet=limiet)


def _maak(html: str, *, naam: str, limiet: float) -> bytes:
    ontvanger, zender = _processen.Pipe(duplex=False)
    proces = _processen.Process(
        target=pdfproces.maak_pdf, args=(html, str(settings.BASE_DIR), zender), daemon=True
    )
    proces.start()
    zender.close()  # Only the child writes: its end closing tells us it is gone.
    try:
        if not ontvanger.poll(limiet):
            logger.error("PDF maken gestopt na %s s voor %s", limiet, naam)
            raise PdfTeLang(
                f"Het maken van de PDF duurde langer dan {_seconden(limiet)} en is gestopt."
            )
        uitkomst, inhoud, meldingen = ontvanger.recv()
    except EOFError:
        logger.error("PDF maken: het proces stopte zonder PDF voor %s", naam)
        raise PdfFout("De PDF kon niet worden gemaakt.") from None
    finally:
        if proces.is_alive():
            proces.kill()
        proces.join()
        ontvanger.close()
    # What WeasyPrint said in the child, said here (a missing image or font, say).
    for niveau, tekst in meldingen:
        logging.getLogger("weasyprint").log(niveau, "%s", tekst)
    if uitkomst != "pdf":
        logger.error("PDF maken mislukt voor %s: %s", naam, inhoud)
        raise PdfFout("De PDF kon niet worden gemaakt.")
    return inhoud


def _seconden(limiet: float) -> str:
    return "1 seconde" if limiet == 1 else f"{limiet:g} seconden".replace(".", ",")
