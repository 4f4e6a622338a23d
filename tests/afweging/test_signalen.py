"""Every signaal: a case that raises it and one that does not."""

from datetime import date
from decimal import Decimal

import pytest

from afweging.signalen import (
    Context,
    Deelnemerprofiel,
    Fusielidmaatschap,
    context_van,
    op_volgorde,
    signalen,
)


def lid(naam="A", inwoners=20_000, provincie="Zuid-Holland", corop="Leiden", amr="Holland Rijnland",
        perspectief="eindoplossing", motieven=(), fusieorganisaties=()):  # fmt: skip
    return Deelnemerprofiel(
        naam, inwoners, provincie, corop, amr, perspectief, tuple(motieven),
        tuple(fusieorganisaties),
    )  # fmt: skip


def context(*leden, **velden):
    basis = dict(
        klassiek=True,
        startdatum=date(2027, 1, 1),
        evaluatiedatum=date(2030, 1, 1),
        taakstelling=None,
        frictiekostenbudget=Decimal("500000"),
        reorganisatie="nee",
    )
    basis.update(velden)
    return Context(deelnemers=tuple(leden or (lid("A"), lid("B"))), **basis)


def codes(ctx):
    return {s.code for s in signalen(ctx)}


def test_a_quiet_proposal_raises_nothing():
    assert codes(context()) == set()


def test_size_difference_from_twice_the_smallest():
    ctx = context(lid("Groot", 40_000), lid("Klein", 20_000))
    assert "grootteverschil" in codes(ctx)
    bericht = next(s for s in signalen(ctx) if s.code == "grootteverschil").bericht
    assert "Groot (40.000 inwoners) is 2,0 keer zo groot als Klein (20.000)" in bericht
    assert "grootteverschil" not in codes(context(lid("A", 39_999), lid("B", 20_000)))


def test_size_difference_is_not_guessed_when_a_figure_is_missing():
    assert "grootteverschil" not in codes(context(lid("A", 90_000), lid("B", None)))


@pytest.mark.parametrize(
    ("veld", "code"),
    [("provincie", "provincies"), ("corop", "corop"), ("amr", "arbeidsmarktregio")],
)
def test_different_regions(veld, code):
    anders = lid("B", **{veld: "Elders"})
    assert code in codes(context(lid("A"), anders))
    assert code not in codes(context(lid("A"), lid("B")))


def test_regions_that_are_unknown_do_not_count_as_different():
    assert "corop" not in codes(context(lid("A"), lid("B", corop="")))


def test_schijncoalitie_when_one_sees_an_end_state_and_another_a_step():
    ctx = context(lid("A", perspectief="eindoplossing"), lid("B", perspectief="tussenstap"))
    assert "schijncoalitie" in codes(ctx)
    assert "schijncoalitie" not in codes(context(lid("A", perspectief="tussenstap"),
                                                 lid("B", perspectief="tussenstap")))  # fmt: skip


def test_unknown_perspective_asks_for_attention():
    signaal = next(
        s
        for s in signalen(context(lid("A", perspectief="onbekend"), lid("B")))
        if s.code == "perspectief_onbekend"
    )
    assert signaal.ernst == "aandacht"


@pytest.mark.parametrize("budget", [None, Decimal("0")])
def test_no_friction_cost_budget(budget):
    assert "geen_frictiekostenbudget" in codes(context(frictiekostenbudget=budget))


def test_friction_budget_smaller_than_savings_target():
    ctx = context(frictiekostenbudget=Decimal("100000"), taakstelling=Decimal("300000"))
    assert "frictiekosten_kleiner_dan_taakstelling" in codes(ctx)
    ctx = context(frictiekostenbudget=Decimal("300000"), taakstelling=Decimal("300000"))
    assert "frictiekosten_kleiner_dan_taakstelling" not in codes(ctx)


def test_reken_je_niet_rijk_on_a_savings_target_or_a_cost_motive():
    assert "reken_je_niet_rijk" in codes(context(taakstelling=Decimal("1")))
    assert "reken_je_niet_rijk" in codes(context(lid("A", motieven=["kosten"]), lid("B")))
    assert "reken_je_niet_rijk" not in codes(context(taakstelling=Decimal("0")))


def test_evaluation_before_two_years_is_too_early():
    ctx = context(startdatum=date(2027, 1, 1), evaluatiedatum=date(2028, 12, 1))
    signaal = next(s for s in signalen(ctx) if s.code == "evaluatie_te_vroeg")
    assert "1,9 jaar na de start" in signaal.bericht
    ctx = context(startdatum=date(2027, 1, 1), evaluatiedatum=date(2029, 1, 1))
    assert "evaluatie_te_vroeg" not in codes(ctx)


def test_no_evaluation_planned():
    assert "evaluatie_niet_gepland" in codes(context(evaluatiedatum=None))


def test_merger_stacked_with_a_reorganisation():
    assert "gestapelde_verandering" in codes(context(reorganisatie="ja"))
    assert "gestapelde_verandering" not in codes(context(reorganisatie="onbekend"))


def test_form_that_does_not_fit_the_sizes():
    gelijk = (lid("A", 20_000), lid("B", 21_000))
    assert "vorm_past_niet_bij_omvang" in codes(context(*gelijk, klassiek=False))
    assert "vorm_past_niet_bij_omvang" not in codes(context(*gelijk, klassiek=True))
    scheef = (lid("A", 90_000), lid("B", 20_000))
    assert "vorm_past_niet_bij_omvang" in codes(context(*scheef, klassiek=True))
    assert "vorm_past_niet_bij_omvang" not in codes(context(*scheef, klassiek=False))


def test_warnings_come_before_points_of_attention_and_cite_the_report():
    ctx = context(lid("A", perspectief="onbekend"), lid("B"), reorganisatie="ja")
    gevonden = signalen(ctx)
    assert [s.ernst for s in gevonden] == sorted(
        (s.ernst for s in gevonden), key=lambda e: e != "waarschuwing"
    )
    assert all("regel" in s.bron and "§" in s.bron for s in gevonden)


def test_exactly_two_years_is_not_too_early():
    ctx = context(startdatum=date(2029, 1, 1), evaluatiedatum=date(2031, 1, 1))
    assert "evaluatie_te_vroeg" not in codes(ctx)
    ctx = context(startdatum=date(2029, 1, 1), evaluatiedatum=date(2030, 12, 31))
    assert "evaluatie_te_vroeg" in codes(ctx)


def test_names_keep_their_capitals_in_messages():
    ctx = context(lid("Leiderdorp", motieven=["kosten"]), lid("Zoeterwoude", motieven=["kosten"]))
    bericht = next(s for s in signalen(ctx) if s.code == "reken_je_niet_rijk").bericht
    assert bericht.startswith("Kostenverlaging is een motief van Leiderdorp, Zoeterwoude.")


def bericht(ctx, code):
    return next(s for s in signalen(ctx) if s.code == code).bericht


@pytest.mark.parametrize(
    ("behoud", "genoemd"),
    [("zelfstandigheid", "behoud van de bestuurlijke zelfstandigheid"),
     ("herindeling_voorkomen", "het voorkomen van een herindeling")],
)  # fmt: skip
def test_staying_on_ones_own_against_a_run_up_to_herindeling_contradicts(behoud, genoemd):
    ctx = context(lid("Leiderdorp", motieven=[behoud]),
                  lid("Oegstgeest", motieven=["herindeling_vooruitlopen"]))  # fmt: skip
    assert bericht(ctx, "ongelijke_verwachtingen").startswith(
        f"Leiderdorp noemt {genoemd} als motief, Oegstgeest het vooruitlopen op een herindeling."
    )


def test_both_ways_of_staying_on_ones_own_are_named():
    ctx = context(lid("Leiderdorp", motieven=["zelfstandigheid"]),
                  lid("Zoeterwoude", motieven=["herindeling_voorkomen"]),
                  lid("Oegstgeest", motieven=["herindeling_vooruitlopen"]))  # fmt: skip
    assert bericht(ctx, "ongelijke_verwachtingen").startswith(
        "Leiderdorp en Zoeterwoude noemen behoud van de bestuurlijke zelfstandigheid en het "
        "voorkomen van een herindeling als motief, Oegstgeest het vooruitlopen op een herindeling."
    )


def test_keeping_a_herindeling_away_is_no_contradiction_with_staying_on_ones_own():
    # Issue 11: the joint motive read as "herindeling" made these two look opposed.
    ctx = context(lid("A", motieven=["zelfstandigheid"]),
                  lid("B", motieven=["herindeling_voorkomen"]))  # fmt: skip
    assert "ongelijke_verwachtingen" not in codes(ctx)


def test_one_gemeente_with_both_motives_is_torn_not_at_odds_with_another():
    zelfde = context(lid("A", motieven=["zelfstandigheid", "herindeling_vooruitlopen"]), lid("B"))
    assert "ongelijke_verwachtingen" not in codes(zelfde)
    ctx = context(lid("A", motieven=["zelfstandigheid", "herindeling_vooruitlopen"]),
                  lid("B", motieven=["zelfstandigheid"]))  # fmt: skip
    assert "ongelijke_verwachtingen" in codes(ctx)


def test_the_old_joint_motive_is_not_guessed_but_asked_for():
    ctx = context(lid("Leiderdorp", motieven=["zelfstandigheid"]),
                  lid("Oegstgeest", motieven=["kosten", "herindeling"]))  # fmt: skip
    gevonden = {s.code: s for s in signalen(ctx)}
    assert "ongelijke_verwachtingen" not in gevonden
    signaal = gevonden["motief_herindeling_ongesplitst"]
    assert signaal.is_waarschuwing  # On the check before vaststellen.
    assert signaal.bericht.startswith(
        "Bij Oegstgeest staat nog de oude keuze ‘Herindeling voorkomen of erop vooruitlopen’."
    )
    assert "Kies bij Deelnemers ‘Een herindeling voorkomen’ of ‘Vooruitlopen op een " in (
        signaal.bericht
    )
    assert "motief_herindeling_ongesplitst" not in codes(context())


DUIVENVOORDE = Fusielidmaatschap("Werkorganisatie Duivenvoorde", "2013", 9688)


def test_deelnemers_already_in_an_active_fusieorganisatie():
    ctx = context(lid("Leiden"), lid("Voorschoten", fusieorganisaties=[DUIVENVOORDE]),
                  lid("Wassenaar", fusieorganisaties=[DUIVENVOORDE]))  # fmt: skip
    signaal = next(s for s in signalen(ctx) if s.code == "al_in_fusieorganisatie")
    assert signaal.is_waarschuwing
    assert signaal.bericht.startswith(
        "Voorschoten en Wassenaar zijn al deelnemer van Werkorganisatie Duivenvoorde (actief, "
        "sinds 2013). Hun ambtelijke organisatie is dus al gefuseerd."
    )
    assert signaal.bron.startswith("Bijlage, register van fusieorganisaties (regel 9688)")
    assert "al_in_fusieorganisatie" not in codes(context())


def test_members_of_different_fusieorganisaties_are_each_named():
    bar = Fusielidmaatschap("BAR-organisatie", "2014", 9771)
    ctx = context(lid("Ridderkerk", fusieorganisaties=[bar]),
                  lid("Wassenaar", fusieorganisaties=[DUIVENVOORDE]))  # fmt: skip
    assert bericht(ctx, "al_in_fusieorganisatie").startswith(
        "Ridderkerk is al deelnemer van BAR-organisatie (actief, sinds 2014); Wassenaar is al "
        "deelnemer van Werkorganisatie Duivenvoorde (actief, sinds 2013)."
    )


@pytest.mark.django_db
def test_the_register_says_who_is_in_an_active_fusieorganisatie(maak_afweging):
    # Voorschoten and Wassenaar are Duivenvoorde (register, Bijlage nr. 6); Leiden is in none.
    ctx = context_van(maak_afweging(gemeenten=["GM0546", "GM0626", "GM0629"]))
    assert {d.naam: [f.naam for f in d.fusieorganisaties] for d in ctx.deelnemers} == {
        "Leiden": [], "Voorschoten": ["Werkorganisatie Duivenvoorde"],
        "Wassenaar": ["Werkorganisatie Duivenvoorde"],
    }  # fmt: skip
    assert next(d for d in ctx.deelnemers if d.naam == "Wassenaar").fusieorganisaties == (
        DUIVENVOORDE,
    )


@pytest.mark.django_db
def test_a_fusieorganisatie_that_ended_is_no_membership(maak_afweging):
    # UW Samenwerking (Montfoort and IJsselstein) ended in 2020.
    ctx = context_van(maak_afweging(gemeenten=["GM0335", "GM0353"]))
    assert [d.fusieorganisaties for d in ctx.deelnemers] == [(), ()]


def test_signals_from_elsewhere_are_sorted_in_warnings_first():
    eigen = signalen(context(lid("A", perspectief="onbekend"), lid("B"), reorganisatie="ja"))
    ander = [s for s in eigen if not s.is_waarschuwing]
    samen = op_volgorde([*ander, *[s for s in eigen if s.is_waarschuwing]])
    assert [s.code for s in samen] == [s.code for s in eigen]
