"""Where numbers, charts and colours are written: only in weergave, and weergave stays generic."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def test_templates_write_numbers_only_with_the_weergave_filters():
    gevonden = [
        f"{pad.relative_to(ROOT)}:{nummer}"
        for pad in (ROOT / "templates").rglob("*.html")
        for nummer, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"floatformat|intcomma|humanize", regel)
    ]
    assert gevonden == []
