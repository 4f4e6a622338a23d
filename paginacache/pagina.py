"""The base of the page objects for pages that show reference data."""

from __future__ import annotations

from paginacache import stand


class Referentiepagina:
    """A page whose content is cached under the reference data's stamp.

    A view makes one per request and hands it to its template as `pagina`; the subclass
    gives what the page shows as `cached_property`s, which the template computes on first
    use, inside `{% paginacache %}`: a page served from the cache computes none of them.
    The stamp is read first, when the page is made (a subclass reads its own rows after
    `super().__init__`), so that whatever the page reads is no older than the stamp its
    content is cached under.
    """

    def __init__(self, request):
        self.request = request
        self.stand = stand.referentiestand()
