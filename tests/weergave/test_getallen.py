"""Characterisation of the Dutch number notation the pages, the PDF and the exports show.

Each table pins today's strings, taken from the functions and template filters that wrote
them (casussen.opmaak, the fusietoets filters, Django's floatformat and intcomma), so that
moving them into one module cannot change a character of what users see.
"""

from decimal import Decimal

import numpy as np
import pytest
from django.template import engines

from casussen import opmaak

NAN = float("nan")
ONBEKEND = '<span class="text-body-secondary">onbekend</span>'

# opmaak.geheel: rounded like Python's format() (ties to even, on the binary value).
GEHEEL = [
    (1234567.4, "1.234.567"), (-250000, "−250.000"), (0, "0"), (-0.4, "−0"), (0.5, "0"),
    (1.5, "2"), (2.5, "2"), (1234.5, "1.234"), (-1234.5, "−1.234"), (Decimal("2.5"), "2"),
    (Decimal("3.5"), "4"), (Decimal("1234567.89"), "1.234.568"), (999.5, "1.000"),
    (1e16, "10.000.000.000.000.000"), (12, "12"), (-12, "−12"), (np.float64(2.5), "2"),
    (np.int64(1234), "1.234"), (0.0, "0"), (-0.0, "−0"),
]  # fmt: skip
DECIMAAL = [
    (2.04, "2,0"), (2.05, "2,0"), (2.25, "2,2"), (2.35, "2,4"), (-0.04, "−0,0"),
    (1234.56, "1234,6"), (Decimal("0.25"), "0,2"), (Decimal("0.35"), "0,4"), (100, "100,0"),
    (0, "0,0"), (-0.0, "−0,0"), (Decimal("99.95"), "100,0"),
]  # fmt: skip
DECIMAAL_2 = [(2.675, "2,67"), (1.005, "1,00"), (-1.5, "−1,50"), (0, "0,00")]
PROCENT = [
    (-0.2345, "−23,4%"), (0.1234, "12,3%"), (0.00049, "0,0%"), (-0.00049, "−0,0%"),
    (0.0005, "0,1%"), (0.125, "12,5%"), (12.3456, "1234,6%"), (0, "0,0%"), (1, "100,0%"),
    (-1, "−100,0%"), (0.0025, "0,2%"),
]  # fmt: skip
SCORE = [
    (0.6667, "+0,67"), (-1, "−1,00"), (0, "+0,00"), (-0.001, "−0,00"), (0.005, "+0,01"),
    (0.015, "+0,01"), (2, "+2,00"), (-0.3333, "−0,33"), (0.125, "+0,12"), (-0.0, "−0,00"),
]  # fmt: skip

# Template filters. `aantal` wrote what Django's intcomma writes (a hyphen for negatives).
AANTAL = [
    (1234, "1.234"), (0, "0"), (None, ONBEKEND), ("", ONBEKEND), (1234.5, "1.234,5"),
    (Decimal("1234.50"), "1.234,50"), ("1234", "1.234"), ("abc", "abc"), (-1234, "-1.234"),
    (np.int64(1234567), "1.234.567"), (np.float64(1234.0), "1.234,0"),
    (1234567890, "1.234.567.890"), (NAN, "nan"), (12.0, "12,0"),
]  # fmt: skip
MET_TEKEN = [
    (1234, "+1.234"), (-1234, "−1.234"), (0, "0"), (None, ""), (12.5, "+12,5"),
    (-1234567, "−1.234.567"), (Decimal("-1500"), "−1.500"),
]  # fmt: skip
PROCENT_FILTER = [
    (None, ONBEKEND), (NAN, ONBEKEND), (0.123, "12,3%"), (-0.0005, "−0,1%"),
    (-0.2345, "−23,4%"), (0.0005, "0,1%"),
]  # fmt: skip
SCORE_FILTER = [(None, ONBEKEND), (0.5, "+0,50"), (-0.3333, "−0,33")]

# What `floatformat` wrote in the templates: ties away from zero on the shortest decimal
# (2.675 → 2,68), a hyphen for negatives, no "-0", "" for what is not a number.
BEDRAG = [
    (1234.5, "1.235"), (-1234.5, "-1.235"), (2.5, "3"), (-0.4, "0"), (-0.5, "-1"), (0, "0"),
    (None, ""), (Decimal("1234567"), "1.234.567"), (Decimal("-0.5"), "-1"),
    (1e16, "10.000.000.000.000.000"), (NAN, "nan"), ("abc", ""), (999999.5, "1.000.000"),
    (np.float64(1234.5), "1.235"), (1234, "1.234"), (-1211404.4, "-1.211.404"), (0.5, "1"),
    (1.5, "2"), (2.675, "3"), (Decimal("40000001"), "40.000.001"), (float("inf"), "inf"),
    ("", ""), ("1234.5", "1.235"),
]  # fmt: skip
DECIMALEN_1 = [
    (1.5, "1,5"), (2.25, "2,3"), (-0.04, "0,0"), (0.05, "0,1"), (1234.56, "1234,6"),
    (0.5, "0,5"), (None, ""), (2, "2,0"), (-2.25, "-2,3"),
]  # fmt: skip
DECIMALEN_3 = [
    (0.98765, "0,988"), (0.9995, "1,000"), (-0.1234, "-0,123"), (0.0005, "0,001"),
    (1, "1,000"), (np.float64(0.98765432), "0,988"),
]  # fmt: skip
# A value already in percent: one decimal, none when the value is whole.
PERCENTAGE = [
    (Decimal("12.0"), "12%"), (Decimal("12.5"), "12,5%"), (12.04, "12,0%"), (0, "0%"),
    (7.25, "7,3%"), (Decimal("0.5"), "0,5%"), (12.05, "12,1%"), (Decimal("1234.5"), "1234,5%"),
    (-2.5, "-2,5%"),
]  # fmt: skip


def _filter(tekst):
    sjabloon = engines["django"].from_string(tekst)
    return lambda waarde: sjabloon.render({"w": waarde})


DOEL = {
    "geheel": opmaak.geheel,
    "decimaal": opmaak.decimaal,
    "decimaal_2": lambda w: opmaak.decimaal(w, 2),
    "procent": opmaak.procent,
    "score": opmaak.score,
    "aantal": _filter("{% load fusietoets %}{{ w|aantal }}"),
    "met_teken": _filter("{% load fusietoets %}{{ w|getal }}"),
    "procent_filter": _filter("{% load fusietoets %}{{ w|procent }}"),
    "score_filter": _filter("{% load fusietoets %}{{ w|score }}"),
    "bedrag": _filter('{{ w|floatformat:"0g" }}'),
    "decimalen_1": _filter("{{ w|floatformat:1 }}"),
    "decimalen_3": _filter("{{ w|floatformat:3 }}"),
    "percentage": _filter('{{ w|floatformat:"-1" }}%'),
}
TABELLEN = {
    "geheel": GEHEEL, "decimaal": DECIMAAL, "decimaal_2": DECIMAAL_2, "procent": PROCENT,
    "score": SCORE, "aantal": AANTAL, "met_teken": MET_TEKEN,
    "procent_filter": PROCENT_FILTER, "score_filter": SCORE_FILTER, "bedrag": BEDRAG,
    "decimalen_1": DECIMALEN_1, "decimalen_3": DECIMALEN_3, "percentage": PERCENTAGE,
}  # fmt: skip


@pytest.mark.parametrize(
    ("naam", "waarde", "verwacht"),
    [(naam, w, v) for naam, tabel in TABELLEN.items() for w, v in tabel],
)
def test_todays_notation_is_kept(naam, waarde, verwacht):
    assert DOEL[naam](waarde) == verwacht
