"""Rendering HTML templates to PDF with WeasyPrint, shared by every PDF of Fusietoets.

Returns the HTML as well as the bytes, so tests can assert on the HTML. WeasyPrint is
imported lazily: it is heavy and only the PDF views need it.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


class PdfFout(Exception):
    pass


def render_to_pdf(template: str, context: dict) -> tuple[str, bytes]:
    import weasyprint  # noqa: PLC0415 - lazy on purpose, see the module docstring.

    html = render_to_string(template, context)
    try:
        document = weasyprint.HTML(string=html, base_url=str(settings.BASE_DIR))
        inhoud = document.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=False)
    except Exception as fout:  # WeasyPrint raises many kinds; the caller needs one.
        logger.exception("PDF maken mislukt voor %s", template)
        raise PdfFout("De PDF kon niet worden gemaakt.") from fout
    return html, inhoud
