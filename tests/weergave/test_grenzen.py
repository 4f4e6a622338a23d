"""Where numbers, charts and colours are written: only in weergave, and weergave stays generic."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DOMEIN = ("casussen", "benchmark", "afweging", "gebruikers")


def test_templates_write_numbers_only_with_the_weergave_filters():
    gevonden = [
        f"{pad.relative_to(ROOT)}:{nummer}"
        for pad in (ROOT / "templates").rglob("*.html")
        for nummer, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"floatformat|intcomma|humanize", regel)
    ]
    assert gevonden == []


def _imports(pad: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    namen = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            namen |= {alias.name for alias in knoop.names}
        elif isinstance(knoop, ast.ImportFrom) and knoop.module:
            namen.add(knoop.module)
            namen |= {f"{knoop.module}.{alias.name}" for alias in knoop.names}
    return namen


def _van(namen: set[str], *pakketten: str) -> set[str]:
    return {n for n in namen if n.split(".")[0] in pakketten}


def test_weergave_imports_no_domain_app():
    for pad in (ROOT / "weergave").rglob("*.py"):
        assert _van(_imports(pad), *DOMEIN) == set(), pad


def test_scoring_imports_nothing_from_casussen():
    assert _van(_imports(ROOT / "afweging" / "scoring.py"), "casussen") == set()


def test_analyse_and_charts_do_not_import_each_other():
    # charts draws an analysis; the analysis knows nothing of charts, not even lazily.
    assert not {n for n in _imports(ROOT / "benchmark" / "analyse.py") if "charts" in n}
    for pad in ("charts.py", "svg.py"):
        assert _van(_imports(ROOT / "benchmark" / pad), "casussen") == set(), pad


def test_number_formatting_has_one_home():
    # No hand-made Dutch notation: the replace(",", ".") chains now live in weergave.
    gevonden = [
        f"{pad.relative_to(ROOT)}:{nummer}"
        for app in DOMEIN
        for pad in (ROOT / app).rglob("*.py")
        for nummer, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"""replace\(["'],["'], ["']\.["']\)|intcomma|floatformat""", regel)
    ]
    assert gevonden == []
