import pytest

from casussen.vergelijkbaar import (
    Profiel,
    afstand,
    profiel_van_leden,
    vergelijkbare_fusieorganisaties,
)

pytestmark = pytest.mark.django_db


def test_identical_profiles_are_at_distance_zero():
    a = Profiel(2, 40_000, 2.0, True, "test")
    assert afstand(a, a) == 0


def test_unknown_parts_count_half_and_form_counts_one():
    a = Profiel(2, 40_000, 2.0, True, "test")
    assert afstand(a, Profiel(2, None, None, True, "test")) == 1.0
    assert afstand(a, Profiel(2, 40_000, 2.0, False, "test")) == 1.0


def test_a_profile_with_an_unknown_member_has_no_total():
    profiel = profiel_van_leden([30_000, None], klassiek=True)
    assert (profiel.inwoners, profiel.verhouding) == (None, None)


def test_the_closest_organisation_to_bar_is_bar_itself():
    # Barendrecht, Ridderkerk and Albrandswaard on 1-1-2025 (CBS).
    profiel = profiel_van_leden([48_568, 48_011, 26_710], klassiek=True)
    gevonden = vergelijkbare_fusieorganisaties(profiel)
    assert gevonden[0].organisatie.slug == "bar-organisatie"
    assert gevonden[0].afstand == pytest.approx(0)
    assert len(gevonden) == 5
    assert [v.afstand for v in gevonden] == sorted(v.afstand for v in gevonden)


def test_organisations_whose_members_merged_use_the_casus_figures():
    profiel = profiel_van_leden([24_696, 12_370, 10_807], klassiek=True)
    cgm = next(
        v
        for v in vergelijkbare_fusieorganisaties(profiel)
        if v.organisatie.slug == "werkorganisatie-cgm"
    )
    assert cgm.profiel.herkomst == "rapport §5.2.1"
    assert cgm.profiel.inwoners == 47_873
