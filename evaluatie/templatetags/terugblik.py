"""How a cell of the terugblik's signal table reads: 'fired of judged (share)' with the count
that could not be judged, or that the rule is not run on history."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def terugblikcel(cel):
    if not cel.toegepast:
        return mark_safe('<span class="text-body-secondary">niet toegepast</span>')
    if not cel.n:
        return mark_safe(
            '<span aria-hidden="true">—</span><span class="visually-hidden">geen fusies</span>'
        )
    delen = []
    if cel.beoordeeld:
        delen.append(format_html("<strong>{} van {}</strong> ({})", cel.af, cel.beoordeeld,
                                 cel.aandeel_tekst))  # fmt: skip
    if cel.onbeoordeeld:
        delen.append(format_html('<span class="small">niet te beoordelen: {}</span>',
                                 cel.onbeoordeeld))  # fmt: skip
    return format_html_join(mark_safe("<br>"), "{}", ((deel,) for deel in delen))
