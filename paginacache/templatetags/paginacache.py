"""`{% paginacache naam deel1 deel2 ... %}…{% endpaginacache %}`: cached page content.

Like Django's `{% cache %}`, but made for content that holds forms and is keyed on the
state of its data rather than on time:

- the key is the name and the values given (for example the reference data stamp, an
  afweging's stand and the user); the caller passes whatever the content depends on, so a
  change makes a new key and an old entry is never shown again;
- the CSRF token is cached as a placeholder and filled in per request, so a cached form is
  valid for whoever receives it;
- `paginacache_uit` in the context (set for re-shown forms with errors) renders without
  the cache.

Views pass their expensive values as zero-argument callables (see `lui`), which the
template engine calls only when the content is rendered: a cache hit computes nothing.
"""

from __future__ import annotations

import hashlib
import secrets

from django import template
from django.core.cache import cache
from django.utils.safestring import mark_safe

register = template.Library()

# Alphanumeric, so that the csrf_token tag renders it unchanged; new in every process (the
# cache is per process), so no one can type it into a field and have it replaced.
PLAATSHOUDER = f"csrf{secrets.token_hex(16)}"


class PaginacacheNode(template.Node):
    def __init__(self, nodelist, naam: str, delen: list):
        self.nodelist = nodelist
        self.naam = naam
        self.delen = delen

    def render(self, context):
        if context.get("paginacache_uit"):
            return self.nodelist.render(context)
        delen = [deel.resolve(context) for deel in self.delen]
        if any(deel in ("", None) for deel in delen):
            # A key part that is missing would let different pages share one entry.
            return self.nodelist.render(context)
        vingerafdruk = hashlib.sha256(repr(delen).encode()).hexdigest()
        sleutel = f"paginacache:{self.naam}:{vingerafdruk}"
        html = cache.get(sleutel)
        if html is None:
            with context.push(csrf_token=PLAATSHOUDER):
                html = self.nodelist.render(context)
            cache.set(sleutel, str(html))
        if PLAATSHOUDER in html:
            html = html.replace(PLAATSHOUDER, str(context.get("csrf_token", "")))
        return mark_safe(html)  # noqa: S308 - rendered (and escaped) by the nodelist.


@register.tag
def paginacache(parser, token):
    stukken = token.split_contents()
    if len(stukken) < 2:
        raise template.TemplateSyntaxError("paginacache vraagt een naam en sleuteldelen.")
    nodelist = parser.parse(("endpaginacache",))
    parser.delete_first_token()
    return PaginacacheNode(
        nodelist, stukken[1], [parser.compile_filter(deel) for deel in stukken[2:]]
    )
