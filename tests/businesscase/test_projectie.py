"""The business case, checked against examples worked out by hand."""

import pytest

from businesscase.projectie import Deelnemerkosten, SleutelFout, Variantinvoer, projecteer, verdeel


def test_a_projection_worked_out_by_hand():
    # Baseline € 1.000.000; 6% saving growing in over 3 years; € 300.000 friction costs over
    # 3 years; € 10.000 extra per year. By hand (× € 1.000):
    # saving 20, 40, 60, 60 …; friction 100, 100, 100, 0 …; extra 10 every year.
    # net −90, −70, −50, +50 × 7; cumulative −90, −160, −210, −160, −110, −60, −10, +40, …
    variant = Variantinvoer("fusie", besparing_pct=6, frictiekosten=300_000, extra_kosten=10_000)
    projectie = projecteer(1_000_000, variant)
    assert [round(j.netto) for j in projectie.jaren] == [-90_000, -70_000, -50_000] + [50_000] * 7
    assert [round(c) for c in projectie.cumulatief][:8] == [
        -90_000, -160_000, -210_000, -160_000, -110_000, -60_000, -10_000, 40_000,
    ]  # fmt: skip
    assert projectie.terugverdienjaar == 8
    assert projectie.structurele_kosten == pytest.approx(1_000_000 - 60_000 + 10_000)


def test_the_default_counts_on_no_savings_so_there_is_no_payback():
    projectie = projecteer(1_000_000, Variantinvoer("fusie", frictiekosten=150_000))
    assert all(j.besparing == 0 for j in projectie.jaren)
    assert round(projectie.cumulatief[-1]) == -150_000
    assert projectie.terugverdienjaar is None


def test_vat_on_the_services_bought_from_the_joint_organisation():
    # 10% of € 1.000.000 bears 21% VAT: € 21.000 a year; with a 6% saving in year 3 the
    # services cost € 940.000, so € 19.740.
    projectie = projecteer(1_000_000, Variantinvoer("fusie", btw_aandeel_pct=10))
    assert projectie.jaren[0].btw == pytest.approx(21_000)
    projectie = projecteer(1_000_000, Variantinvoer("fusie", besparing_pct=6, btw_aandeel_pct=10))
    assert projectie.jaren[2].btw == pytest.approx(19_740)


def test_nothing_to_pay_back_is_payback_in_year_one():
    projectie = projecteer(1_000_000, Variantinvoer("fusie", besparing_pct=3, ingroei_jaren=0))
    assert projectie.terugverdienjaar == 1
    assert projectie.jaren[0].besparing == pytest.approx(30_000)


LEDEN = [Deelnemerkosten("A", 30_000, 9_000_000), Deelnemerkosten("B", 10_000, 4_000_000)]


def test_allocation_by_inhabitants():
    a, b = verdeel(LEDEN, 12_000_000, "inwoners")
    assert (a.bijdrage, b.bijdrage) == (9_000_000, 3_000_000)
    assert (a.verschil, b.verschil) == (0, -1_000_000)
    assert b.per_inwoner == 300


def test_allocation_by_budget_brought_in():
    a, b = verdeel(LEDEN, 12_000_000, "begroting")
    assert a.bijdrage == pytest.approx(12_000_000 * 9 / 13)
    assert b.bijdrage == pytest.approx(12_000_000 * 4 / 13)


def test_allocation_by_a_mix_as_amstelveen_aalsmeer_did():
    a, _ = verdeel(LEDEN, 12_000_000, "mix", mix_inwoners=0.75)
    assert a.aandeel == pytest.approx(0.75 * 0.75 + 0.25 * 9 / 13)


def test_a_fixed_split_must_add_up_to_100_percent():
    a, b = verdeel(LEDEN, 12_000_000, "vast", vast={"A": 60, "B": 40})
    assert (a.bijdrage, b.bijdrage) == pytest.approx((7_200_000, 4_800_000))
    with pytest.raises(SleutelFout, match=r"samen 100% zijn; nu 90,0%\.$"):
        verdeel(LEDEN, 12_000_000, "vast", vast={"A": 50, "B": 40})
