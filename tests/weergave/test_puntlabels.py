"""Names beside their own points (weergave.puntlabels) and round ticks (weergave.svg)."""

import math

import pytest

from weergave.puntlabels import Doos, plaats
from weergave.svg import ronde_ticks

GEBIED = Doos(0, 0, 640, 380)


def dichtstbij(plaatsing, punten) -> str:
    """The name of the marked point nearest to a placed name's box."""
    return min(punten, key=lambda p: plaatsing.doos.afstand_tot(p[0], p[1]))[2]


def controleer(plaatsingen, punten, straal=5):
    for p in plaatsingen:
        assert dichtstbij(p, punten) == p.naam
        assert p.doos.binnen(GEBIED)
        for x, y, naam in punten:
            schijf = Doos(x - straal, y - straal, x + straal, y + straal)
            assert not p.doos.raakt(schijf), f"{p.naam} bedekt het punt van {naam}"
    for i, a in enumerate(plaatsingen):
        for b in plaatsingen[i + 1 :]:
            assert not a.doos.raakt(b.doos), f"{a.naam} en {b.naam} overlappen"


def test_two_gemeenten_above_each_other_keep_their_own_names():
    """Issue 11: the names went below one point and above the other, so each sat beside
    the other's point (Papendrecht and Hendrik-Ido-Ambacht)."""
    punten = [(300, 200, "Hendrik-Ido-Ambacht"), (301, 178, "Papendrecht")]
    plaatsingen = plaats(punten, gebied=GEBIED)
    controleer(plaatsingen, punten)
    assert [p.naam for p in plaatsingen] == ["Hendrik-Ido-Ambacht", "Papendrecht"]


def test_a_crowd_of_points_each_gets_its_own_name_clear_of_the_others():
    punten = [
        (250, 210, "Alblasserdam"), (270, 200, "Hardinxveld-Giessendam"),
        (290, 190, "Papendrecht"), (292, 212, "Hendrik-Ido-Ambacht"),
        (310, 185, "Zwijndrecht"), (360, 150, "Dordrecht"),
    ]  # fmt: skip
    controleer(plaats(punten, gebied=GEBIED), punten)


def test_a_name_at_the_edge_stays_inside_the_plot_area():
    punten = [(636, 190, "Hendrik-Ido-Ambacht")]
    (p,) = plaats(punten, gebied=GEBIED)
    assert p.doos.binnen(GEBIED)
    assert p.doos.x1 <= 636  # To the left of its point: there is no room to the right.


def test_points_on_top_of_each_other_still_get_a_name_and_a_line():
    punten = [(300, 200, "Leiderdorp"), (300, 200, "Zoeterwoude")]
    plaatsingen = plaats(punten, gebied=GEBIED)
    assert [p.naam for p in plaatsingen] == ["Leiderdorp", "Zoeterwoude"]
    assert not plaatsingen[0].doos.raakt(plaatsingen[1].doos)
    assert any(p.lijn for p in plaatsingen)


@pytest.mark.parametrize(
    ("lo", "hi", "ticks"),
    [
        # The example of the issue: −5.568.978 … 3.782.100 on the axis of 2 million.
        (-5_568_978, 3_782_100, [-6e6, -4e6, -2e6, 0, 2e6, 4e6]),
        # 1.781.662,5 rounds to 1.781.663 in the table; the axis ends at a round 2 million.
        (0, 1_781_662.5, [0, 5e5, 1e6, 1.5e6, 2e6]),
        (-3_200_000, 0, [-4e6, -3e6, -2e6, -1e6, 0]),
        (0, 0, [-1, -0.5, 0, 0.5, 1]),
        (0.1, 0.35, [0.1, 0.15, 0.2, 0.25, 0.3, 0.35]),
    ],
)
def test_ticks_are_round_and_span_the_data(lo, hi, ticks):
    uit = ronde_ticks(lo, hi)
    assert uit == pytest.approx(ticks)
    assert uit[0] <= lo and uit[-1] >= hi
    stap = uit[1] - uit[0]
    mantisse = stap / 10 ** math.floor(math.log10(stap))
    assert round(mantisse, 6) in (1, 2, 2.5, 5)
    assert all(math.isclose(b - a, stap) for a, b in zip(uit, uit[1:], strict=False))


def test_ticks_refuse_what_is_no_finite_number():
    with pytest.raises(ValueError):
        ronde_ticks(0, math.inf)
