"""What a logged-in user sees is never stored by a browser or a proxy.

Afwegingen, their steps, uitkomst, rapport, PDF and exports, review and businesscase are
confidential until Provinciale Staten receive them; without a Cache-Control header a
shared proxy or the browser's disk cache may keep them (and show them after logging out).
One place for every view, so a new one cannot forget it: each response to a logged-in
user gets `Cache-Control: private, no-store`, unless its view set a Cache-Control of
its own (the map's borders, public reference data, may be kept a day).
"""

from __future__ import annotations

from django.utils.cache import patch_cache_control


class VertrouwelijkMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        gebruiker = getattr(request, "user", None)
        if (
            gebruiker is not None
            and gebruiker.is_authenticated
            and not response.has_header("Cache-Control")
        ):
            patch_cache_control(response, private=True, no_store=True)
        return response
