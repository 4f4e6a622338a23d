"""Template tags of the domain: status badges, lookups and the variant judgement.

Numbers are written by the `weergave` library (`{% load weergave %}`), and only by it.
"""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def status_badge(organisatie):
    kleuren = {
        "actief": "text-bg-primary",
        "gepland": "text-bg-warning",
        "beeindigd": "text-bg-danger",
        "herindeling": "text-bg-success",
        "nooit": "text-bg-secondary",
    }
    return format_html(
        '<span class="badge {}">{}</span>',
        kleuren.get(organisatie.status, "text-bg-light"),
        organisatie.get_status_display(),
    )


@register.filter
def get_item(mapping, sleutel):
    return mapping.get(sleutel) if mapping else None


@register.filter
def verschil(waarde, ander):
    if waarde is None or ander is None:
        return None
    return waarde - ander


@register.filter
def variantoordeel(waarde):
    return {
        "voorgesteld_beter": "voorgestelde variant beter",
        "alternatief_beter": "alternatief beter",
        "geen_verschil": "geen duidelijk verschil",
        "onbekend": "nog niet beoordeeld",
    }.get(waarde, waarde)


@register.filter
def index(reeks, positie):
    try:
        return reeks[positie]
    except (IndexError, TypeError, KeyError):
        return None
