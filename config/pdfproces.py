"""What runs in the child process that makes a PDF (config.pdf): WeasyPrint, and nothing of
Django, so the child imports only this and WeasyPrint (which its fork server preloaded)."""

import logging


class _Verzamel(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.meldingen: list[tuple[int, str]] = []

    def emit(self, record):
        self.meldingen.append((record.levelno, record.getMessage()))


def maak_pdf(html: str, basis: str, zender) -> None:
    """The PDF of `html`, sent back as ("pdf", bytes, what WeasyPrint logged), or ("fout",
    what went wrong, what WeasyPrint logged)."""
    import weasyprint  # noqa: PLC0415 - preloaded by the fork server, see config.pdf.

    verzamel = _Verzamel()
    logging.getLogger("weasyprint").addHandler(verzamel)
    try:
        document = weasyprint.HTML(string=html, base_url=basis)
        inhoud = document.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=False)
    except Exception as fout:  # WeasyPrint raises many kinds; the parent needs one.
        zender.send(("fout", repr(fout), verzamel.meldingen))
    else:
        zender.send(("pdf", inhoud, verzamel.meldingen))
    zender.close()
