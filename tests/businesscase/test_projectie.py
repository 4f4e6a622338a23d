"""The business case, checked against examples worked out by hand."""

import pytest

from businesscase.projectie import (
    TARIEFGROEPEN,
    Deelnemerkosten,
    Domeinsleutel,
    Gegeven,
    SleutelFout,
    Variantinvoer,
    projecteer,
    verdeel,
)


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


# --- the keys the report found in practice (§6.4.1, table at line 5059) --------------------
# The report describes how CGM, BAR and the Bevelanden share costs, without figures: the
# figures below are made up so that the shares can be worked out by hand.

CGM_UREN = {  # hours per group of scales: schaal 1 t/m 6, 7 t/m 9, 10 en hoger
    "Cuijk": (10_000, 20_000, 8_000),
    "Grave": (5_000, 10_000, 4_000),
    "Mill en Sint Hubert": (6_000, 8_000, 2_000),
}
CGM_TARIEVEN = {
    "schaal_1_6": Gegeven(50, "begroting CGM"),
    "schaal_7_9": Gegeven(65, "begroting CGM"),
    "schaal_10": Gegeven(85, "begroting CGM"),
}


def cgm_leden(**weg) -> list[Deelnemerkosten]:
    groepen = list(TARIEFGROEPEN)
    return [
        Deelnemerkosten(
            naam,
            10_000,
            1_000_000,
            "Iv3",
            {
                f"uren_{g}": Gegeven(u, f"urenregistratie {naam}")
                for g, u in zip(groepen, uren, strict=True)
                if (naam, g) not in weg.get("zonder", ())
            },
        )  # fmt: skip
        for naam, uren in CGM_UREN.items()
    ]


def test_cgm_shares_by_hours_at_a_differentiated_hourly_rate():
    # Lines 5073-5077: a rate per group of scales (1-6, 7-9, 10 and up); the overhead follows
    # the hours. Hours × rate, by hand:
    # Cuijk 10.000 × 50 + 20.000 × 65 + 8.000 × 85 = 500.000 + 1.300.000 + 680.000 = 2.480.000
    # Grave  5.000 × 50 + 10.000 × 65 + 4.000 × 85 = 250.000 +   650.000 + 340.000 = 1.240.000
    # Mill   6.000 × 50 +  8.000 × 65 + 2.000 × 85 = 300.000 +   520.000 + 170.000 =   990.000
    # Together 4.710.000; € 9.420.000 to share is twice that.
    cuijk, grave, mill = verdeel(cgm_leden(), 9_420_000, "uren", tarieven=CGM_TARIEVEN)
    assert (cuijk.bijdrage, grave.bijdrage, mill.bijdrage) == pytest.approx(
        (4_960_000, 2_480_000, 1_980_000)
    )
    assert cuijk.aandeel == pytest.approx(2_480_000 / 4_710_000)
    (deel,) = cuijk.delen
    assert deel.sleutelnaam == "Naar uren tegen een gedifferentieerd uurtarief"
    assert [g.tekst for g in deel.grondslagen] == [
        "uren schaal 1 t/m 6 à € 50 10.000 (urenregistratie Cuijk; tarief: begroting CGM)",
        "uren schaal 7 t/m 9 à € 65 20.000 (urenregistratie Cuijk; tarief: begroting CGM)",
        "uren schaal 10 en hoger à € 85 8.000 (urenregistratie Cuijk; tarief: begroting CGM)",
    ]


def test_one_rate_makes_the_hourly_key_a_split_by_hours():
    leden = [
        Deelnemerkosten("A", 1, 1, gegevens={"uren_schaal_1_6": Gegeven(3_000, "x")}),
        Deelnemerkosten("B", 1, 1, gegevens={"uren_schaal_1_6": Gegeven(1_000, "y")}),
    ]
    a, b = verdeel(leden, 1_000, "uren", tarieven={"schaal_1_6": Gegeven(70, "z")})
    assert (a.bijdrage, b.bijdrage) == pytest.approx((750, 250))


def test_unknown_hours_or_rates_are_named_never_taken_as_zero():
    zonder = {("Grave", "schaal_10")}
    with pytest.raises(SleutelFout, match=r"onbekend: uren schaal 10 en hoger van Grave\. Vul"):
        verdeel(cgm_leden(zonder=zonder), 1, "uren", tarieven=CGM_TARIEVEN)
    tarieven = {k: v for k, v in CGM_TARIEVEN.items() if k != "schaal_7_9"}
    with pytest.raises(SleutelFout, match=r"onbekend: uurtarief schaal 7 t/m 9\."):
        verdeel(cgm_leden(), 1, "uren", tarieven=tarieven)


def bar_leden(clienten=(1_000, 1_000, 2_000)) -> list[Deelnemerkosten]:
    namen = ("Albrandswaard", "Barendrecht", "Ridderkerk")
    return [
        Deelnemerkosten(naam, 25_000, overhead, "Iv3 2023 (Bron: CBS)",
                        {} if c is None else {"clienten": Gegeven(c, "monitor sociaal domein")})
        for naam, overhead, c in zip(namen, (4_000_000, 6_000_000, 10_000_000), clienten, strict=True)
    ]  # fmt: skip


SOCIAAL_DOMEIN = Domeinsleutel("Sociaal domein", 0.25, "clienten", "begroting BAR")


def test_bar_shares_by_budget_except_the_sociaal_domein_by_clients():
    # Lines 5082-5083: the standard package by the organisation budget brought in, the
    # sociaal domein by clients. Of € 20 mln, 25% is sociaal domein: € 5 mln by clients
    # 1.000/1.000/2.000 = 1,25 / 1,25 / 2,5 mln; € 15 mln by budget 4/6/10 mln (20/30/50%)
    # = 3 / 4,5 / 7,5 mln. Together 4,25 / 5,75 / 10 mln.
    a, b, r = verdeel(bar_leden(), 20_000_000, "begroting", domeinen=[SOCIAAL_DOMEIN])
    assert (a.bijdrage, b.bijdrage, r.bijdrage) == pytest.approx((4_250_000, 5_750_000, 10_000_000))
    assert a.aandeel == pytest.approx(0.2125)
    sociaal, rest = a.delen
    assert (sociaal.domein, sociaal.deel, sociaal.domeinbron) == (
        "Sociaal domein",
        0.25,
        "begroting BAR",
    )
    assert sociaal.sleutelnaam == "Naar cliënten"
    assert sociaal.bedrag == pytest.approx(1_250_000)
    assert [g.tekst for g in sociaal.grondslagen] == ["cliënten 1.000 (monitor sociaal domein)"]
    assert (rest.domein, rest.deel, rest.sleutel) == ("", 0.75, "begroting")
    assert [g.tekst for g in rest.grondslagen] == [
        "ingebracht budget (overhead nu) € 4.000.000 (Iv3 2023 (Bron: CBS))"
    ]


def test_clients_that_are_unknown_make_the_split_unknown():
    with pytest.raises(SleutelFout, match=r"naar cliënten is onbekend: cliënten van Barendrecht"):
        verdeel(bar_leden((1_000, None, 2_000)), 1, "begroting", domeinen=[SOCIAAL_DOMEIN])


BEVELANDEN = {  # fte and the agreed share of the WIZ tasks (%)
    "Borsele": (200, 20), "Goes": (400, 30), "Kapelle": (100, 15),
    "Noord-Beveland": (50, 10), "Reimerswaal": (250, 25),
}  # fmt: skip


def test_the_bevelanden_share_p_and_o_and_ict_by_fte_and_the_rest_as_agreed_per_task():
    # Line 5103-5104: P&O and ICT by the fte of each organisation, the WIZ tasks per task
    # (here a fixed split). Of € 10 mln, 60% is P&O/ICT: € 6 mln by fte 200/400/100/50/250
    # (of 1.000) = 1,2 / 2,4 / 0,6 / 0,3 / 1,5 mln; € 4 mln at 20/30/15/10/25% =
    # 0,8 / 1,2 / 0,6 / 0,4 / 1,0 mln. Together 2,0 / 3,6 / 1,2 / 0,7 / 2,5 mln.
    leden = [
        Deelnemerkosten(naam, 1, 1, gegevens={"fte": Gegeven(fte, "formatieoverzicht")})
        for naam, (fte, _) in BEVELANDEN.items()
    ]
    vast = {naam: pct for naam, (_, pct) in BEVELANDEN.items()}
    po_ict = Domeinsleutel("P&O en ICT", 0.6, "fte", "begroting GR")
    bijdragen = verdeel(leden, 10_000_000, "vast", vast=vast, domeinen=[po_ict])
    assert [b.bijdrage for b in bijdragen] == pytest.approx(
        [2_000_000, 3_600_000, 1_200_000, 700_000, 2_500_000]
    )
    assert sum(b.aandeel for b in bijdragen) == pytest.approx(1)
    goes = bijdragen[1]
    assert [d.grondslagen[0].tekst for d in goes.delen] == [
        "fte 400,0 (formatieoverzicht)",
        "vast aandeel (%) 30,0 (vaste verdeling, ingevuld door de adviseur)",
    ]


def test_domains_that_take_all_costs_leave_the_main_key_unused():
    # Nothing is left for the main key, so its unknown figures do not matter.
    leden = bar_leden()
    alles = Domeinsleutel("Sociaal domein", 1.0, "clienten", "x")
    bijdragen = verdeel(leden, 4_000, "fte", domeinen=[alles])
    assert [b.bijdrage for b in bijdragen] == pytest.approx([1_000, 1_000, 2_000])
    assert all(len(b.delen) == 1 for b in bijdragen)


def test_domains_above_100_percent_or_with_a_fixed_split_are_refused():
    te_veel = [SOCIAAL_DOMEIN, Domeinsleutel("ICT", 0.8, "inwoners", "x")]
    with pytest.raises(SleutelFout, match=r"samen 105,0% van de kosten; hooguit 100%\.$"):
        verdeel(bar_leden(), 1, "begroting", domeinen=te_veel)
    with pytest.raises(SleutelFout, match=r"^Domein ICT kan niet met een vaste verdeling"):
        verdeel(bar_leden(), 1, "begroting", domeinen=[Domeinsleutel("ICT", 0.5, "vast", "x")])


def test_figures_that_add_up_to_zero_cannot_share_anything():
    leden = [Deelnemerkosten(n, 1, 1, gegevens={"fte": Gegeven(0, "x")}) for n in "AB"]
    with pytest.raises(SleutelFout, match=r"^De fte van de deelnemers zijn samen 0"):
        verdeel(leden, 1, "fte")
