"""The benchmark's caveats in Dutch, in one place: the benchmark page, the position on the
page of a gemeente or fusieorganisatie and the counterfactual over the years
(benchmark/tegenfeitelijk.py) say the same thing in the same words. Templates show them
with `{% kanttekening "NAAM" %}` (benchmark/templatetags/benchmark.py).

Line numbers point into the report's text version (seed 000_7287778b7ae905cd.txt).
"""

from __future__ import annotations

# Flags of a single gemeente's figures (benchmark/overhead.py), in full and as the short
# label in a table row.
BIJNA_NUL = "Bijna geen overhead op taakveld 0.4 geboekt: niet vergelijkbaar."
BIJNA_NUL_KORT = "bijna geen overhead geboekt"
BIJDRAGE = (
    "Weinig salarissen op taakveld 0.4: personeel wordt waarschijnlijk als bijdrage "
    "(bijvoorbeeld aan een fusieorganisatie) over taakvelden verdeeld, waardoor de overhead "
    "hier te laag lijkt."
)
BIJDRAGE_KORT = "weinig salarissen op 0.4 (personeel via bijdrage?)"
GEEN_CIJFERS_KORT = "geen cijfers geleverd: onbekend"
GEEN_CIJFERS = (
    "Een gemeente die in een bestand op alle taakvelden 0 heeft staan, heeft geen cijfers "
    "geleverd: haar overhead is onbekend, niet € 0, en wordt niet opgeteld of vergeleken."
)

# Members of a fusieorganisatie taken together.
LEDEN_BIJDRAGE = (
    "Leden van een fusieorganisatie boeken personeelskosten vaak als bijdrage, verdeeld over "
    "taakvelden; hun overhead op taakveld 0.4 is dan te laag om zonder meer te vergelijken."
)
# The report allocates a fusieorganisatie's costs to its members by inhabitants and calls
# that allocation fictitious but close to the real one (§6.3, line 4696).
TOEREKENING_NAAR_INWONERS = (
    "De overhead van de deelnemers is opgeteld en gedeeld door hun inwoners samen, zoals het "
    "rapport de kosten van een fusieorganisatie naar inwoners aan de deelnemers toerekent: "
    "een fictieve toerekening (§6.3)."
)

# The trend (§6.3, line 4684: a third-order polynomial that leaves out the fusion members).
TREND = (
    "De trend is een derdegraads polynoom van overhead tegen inwoners, per bestand alleen "
    "bepaald op gemeenten die in geen actieve fusieorganisatie zitten; gemarkeerde gemeenten "
    "(bijna geen overhead geboekt, of weinig salarissen op taakveld 0.4) tellen niet mee."
)
# §6.1, line 4548-4554: the report's own benchmark analyses every unit with its management,
# which compares far better than the Iv3 figures that gemeenten book themselves.
IV3_VERGELIJKBAARHEID = (
    "Iv3-cijfers zijn minder goed vergelijkbaar dan de benchmark van het rapport: elke "
    "gemeente bepaalt zelf wat zij op taakveld 0.4 boekt (§6.1)."
)

# Documents and years.
BEGROTING_IS_PLAN = (
    "Een begroting is een plan, een jaarrekening wat werkelijk is uitgegeven: vergelijk een "
    "begroting met begrotingen en een jaarrekening met jaarrekeningen."
)
NOMINAAL = (
    "De bestanden van verschillende jaren zijn in euro's van dat jaar (nominaal), niet "
    "gecorrigeerd voor loon- en prijsstijgingen: een stijging door de jaren is niet vanzelf "
    "meer overhead. Vergelijk per bestand met de trend en de band."
)

# The band of the counterfactual (the report, line 6799: compare with the fictitious
# situation without the fusion, not with "toen").
BAND_GEEN_VOORSPELLING = (
    "De band is wat vergelijkbare gemeenten zonder fusie in hetzelfde bestand aan overhead "
    "per inwoner hebben: de spreiding van de situatie zonder fusie, geen voorspelling van "
    "wat deze gemeenten zonder hun fusie zouden uitgeven."
)
