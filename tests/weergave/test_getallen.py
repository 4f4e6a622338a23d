"""The Dutch number notation the pages, the PDF and the exports show.

Each table pins the strings. Django's floatformat and intcomma remain the oracle: one
rounding (half away from zero, on the shortest decimal) for every function, as
floatformat rounds, but with the real minus sign and no "−0". Where the old format()
family rounded ties to even (2.5 → 2, 0.125 → +0,12), it now rounds them as people do.
"""

from decimal import Decimal

import numpy as np
import pytest
from django.contrib.humanize.templatetags.humanize import intcomma
from django.template import engines
from django.template.defaultfilters import floatformat
from django.utils import translation
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from weergave import getallen

NAN = float("nan")
ONBEKEND = '<span class="text-body-secondary">onbekend</span>'

GEHEEL = [
    (1234567.4, "1.234.567"), (-250000, "−250.000"), (0, "0"), (-0.4, "0"), (0.5, "1"),
    (1.5, "2"), (2.5, "3"), (1234.5, "1.235"), (-1234.5, "−1.235"), (Decimal("2.5"), "3"),
    (Decimal("3.5"), "4"), (Decimal("1234567.89"), "1.234.568"), (999.5, "1.000"),
    (1e16, "10.000.000.000.000.000"), (12, "12"), (-12, "−12"), (np.float64(2.5), "3"),
    (np.int64(1234), "1.234"), (0.0, "0"), (-0.0, "0"),
]  # fmt: skip
DECIMAAL = [
    (2.04, "2,0"), (2.05, "2,1"), (2.25, "2,3"), (2.35, "2,4"), (-0.04, "0,0"),
    (1234.56, "1234,6"), (Decimal("0.25"), "0,3"), (Decimal("0.35"), "0,4"), (100, "100,0"),
    (0, "0,0"), (-0.0, "0,0"), (Decimal("99.95"), "100,0"),
]  # fmt: skip
DECIMAAL_2 = [(2.675, "2,68"), (1.005, "1,01"), (-1.5, "−1,50"), (0, "0,00")]
PROCENT = [
    (-0.2345, "−23,5%"), (0.1234, "12,3%"), (0.00049, "0,0%"), (-0.00049, "0,0%"),
    (0.0005, "0,1%"), (0.125, "12,5%"), (12.3456, "1234,6%"), (0, "0,0%"), (1, "100,0%"),
    (-1, "−100,0%"), (0.0025, "0,3%"), (0.0145, "1,5%"),
]  # fmt: skip
SCORE = [
    (0.6667, "+0,67"), (-1, "−1,00"), (0, "+0,00"), (-0.001, "+0,00"), (0.005, "+0,01"),
    (0.015, "+0,02"), (2, "+2,00"), (-0.3333, "−0,33"), (0.125, "+0,13"), (-0.0, "+0,00"),
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
    (-0.2345, "−23,5%"), (0.0005, "0,1%"),
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
    (Decimal("12.0"), "12,0%"), (Decimal("12.5"), "12,5%"), (12.04, "12,0%"), (0, "0,0%"),
    (7.25, "7,3%"), (Decimal("0.5"), "0,5%"), (12.05, "12,1%"), (Decimal("1234.5"), "1234,5%"),
    (-2.5, "-2,5%"),
]  # fmt: skip


def test_dutch_notation():
    # Moved from tests/casussen/test_opmaak.py with casussen.opmaak.
    assert getallen.geheel(1_234_567.4) == "1.234.567"
    assert getallen.geheel(-250_000) == "−250.000"
    assert getallen.decimaal(2.04) == "2,0"
    assert getallen.procent(-0.2345) == "−23,5%"  # A tie, rounded away from zero.
    assert getallen.score(0.6667) == "+0,67"
    assert getallen.score(-1) == "−1,00"


def _filter(tekst):
    sjabloon = engines["django"].from_string(tekst)
    return lambda waarde: sjabloon.render({"w": waarde})


# Django's own filters, as the templates used them.
OUD = {
    "bedrag": _filter('{{ w|floatformat:"0g" }}'),
    "decimalen_1": _filter("{{ w|floatformat:1 }}"),
    "decimalen_3": _filter("{{ w|floatformat:3 }}"),
    # One decimal always, as the percentage fields show it (issue 11; was floatformat:"-1").
    "percentage": _filter("{{ w|floatformat:1 }}%"),
}
NIEUW = {
    "geheel": getallen.geheel,
    "decimaal": getallen.decimaal,
    "decimaal_2": lambda w: getallen.decimaal(w, 2),
    "procent": getallen.procent,
    "score": getallen.score,
    "aantal": _filter("{% load weergave %}{{ w|aantal }}"),
    "met_teken": _filter("{% load weergave %}{{ w|met_teken }}"),
    "procent_filter": _filter("{% load weergave %}{{ w|procent }}"),
    "score_filter": _filter("{% load weergave %}{{ w|score }}"),
    "bedrag": _filter("{% load weergave %}{{ w|bedrag }}"),
    "decimalen_1": _filter("{% load weergave %}{{ w|decimalen:1 }}"),
    "decimalen_3": _filter("{% load weergave %}{{ w|decimalen:3 }}"),
    "percentage": _filter("{% load weergave %}{{ w|percentage }}"),
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
def test_the_notation(naam, waarde, verwacht):
    # Where floatformat and intcomma wrote a hyphen before a negative number, the one
    # notation writes the real minus sign (issue 10).
    if naam in OUD:
        assert OUD[naam](waarde) == verwacht
    assert NIEUW[naam](waarde) == _met_min(verwacht)


def _met_min(tekst: str) -> str:
    return "\u2212" + tekst[1:] if tekst.startswith("-") else tekst


# The oracle: Django's own floatformat and intcomma.
GETALLEN = st.one_of(
    st.integers(-(10**15), 10**15),
    st.floats(-1e15, 1e15, allow_nan=False),
    st.decimals(-(10**12), 10**12, places=3, allow_nan=False, allow_infinity=False),
    st.sampled_from([0.5, 1.5, 2.5, -2.5, 2.675, 1234.5, -0.5, -0.0, 0.045, 999.95]),
)


@hypothesis_settings(max_examples=300, deadline=None)
@given(GETALLEN)
def test_every_function_rounds_as_floatformat_does(waarde):
    assert getallen.geheel(waarde) == _met_min(floatformat(waarde, "0g"))
    assert getallen.decimaal(waarde) == _met_min(floatformat(waarde, 1))
    assert getallen.decimaal(waarde, 2) == _met_min(floatformat(waarde, 2))
    assert getallen.procent(waarde) == _met_min(floatformat(Decimal(str(waarde)) * 100, 1)) + "%"
    zonder_teken = _met_min(floatformat(waarde, 2))
    assert getallen.score(waarde) == (
        zonder_teken if zonder_teken.startswith("\u2212") else "+" + zonder_teken
    )


@hypothesis_settings(max_examples=300, deadline=None)
@given(GETALLEN)
def test_the_floatformat_family_writes_what_floatformat_wrote(waarde):
    assert getallen.bedrag(waarde) == _met_min(floatformat(waarde, "0g"))
    assert getallen.afgerond(waarde, 1) == _met_min(floatformat(waarde, 1))
    assert getallen.afgerond(waarde, 3) == _met_min(floatformat(waarde, 3))
    assert getallen.afgerond(waarde, 1, hele_zonder_decimalen=True) == _met_min(
        floatformat(waarde, "-1")
    )
    assert getallen.aantal(waarde) == _met_min(intcomma(waarde))


def test_negatives_have_the_real_minus_sign():
    assert getallen.geheel(-1234) == "−1.234"
    assert getallen.score(-0.5) == "−0,50"
    assert getallen.met_teken(-3) == "−3"
    assert getallen.euro_kort(-2_500_000) == "€ −2,5 mln"
    assert "-" not in getallen.geheel(-1234) + getallen.procent(-0.1) + getallen.score(-1)
    # Also where floatformat wrote a hyphen (the business case tables).
    assert getallen.bedrag(-1234) == "−1.234"


def test_thousands_and_decimals():
    assert getallen.geheel(1_234_567) == "1.234.567"
    assert getallen.bedrag(1_234_567.89) == "1.234.568"
    assert getallen.aantal(1_234_567) == "1.234.567"
    assert getallen.decimaal(1234.56) == "1234,6"  # No thousands separator in decimals.
    assert getallen.afgerond(0.98765, 3) == "0,988"


def test_halves_round_away_from_zero_everywhere():
    for functie in (getallen.geheel, getallen.bedrag):
        assert [functie(w) for w in (0.5, 1.5, 2.5, -2.5)] == ["1", "2", "3", "−3"]
    assert getallen.decimaal(2.675, 2) == getallen.afgerond(2.675, 2) == "2,68"
    assert getallen.score(0.125) == "+0,13"
    assert getallen.procent(0.125, 0) == "13%"


def test_nothing_rounds_to_minus_zero():
    assert [getallen.geheel(-0.4), getallen.decimaal(-0.04), getallen.score(-0.001)] == [
        "0", "0,0", "+0,00",
    ]  # fmt: skip


def test_missing_values_are_onbekend():
    for filter_ in ("aantal", "score", "procent"):
        assert _filter("{% load weergave %}{{ w|" + filter_ + " }}")(None) == ONBEKEND
    assert _filter("{% load weergave %}{{ w|procent }}")(NAN) == ONBEKEND
    assert getallen.ontbreekt(None) and getallen.ontbreekt("") and getallen.ontbreekt(NAN)
    assert not getallen.ontbreekt(0) and not getallen.ontbreekt("tekst")


@pytest.mark.parametrize(
    ("delen", "verwacht"),
    [([], ""), (["a"], "a"), (["a", "b"], "a en b"), (["a", "b", "c"], "a, b en c"),
     ((7, 8), "7 en 8")],
)  # fmt: skip
def test_dutch_enumeration(delen, verwacht):
    assert getallen.opsomming(delen) == verwacht


def test_short_amounts_for_axes():
    assert [getallen.euro_kort(w) for w in (1e6, 1e7, 1e8, 1e9)] == [
        "€ 1 mln", "€ 10 mln", "€ 100 mln", "€ 1 mld",
    ]  # fmt: skip
    assert getallen.euro_kort(1_250_000) == "€ 1,3 mln"
    assert getallen.euro_kort(500_000) == "€ 500.000"


def test_the_notation_is_dutch_whatever_the_language_or_the_thousands_setting(settings):
    settings.USE_THOUSAND_SEPARATOR = True
    with translation.override("en"):
        assert getallen.geheel(1234.5) == "1.235"
        assert getallen.decimaal(1234.56) == "1234,6"
        assert getallen.bedrag(1234.5) == "1.235"
        assert getallen.afgerond(1234.56, 1) == "1234,6"
