"""The Content Security Policy holds in a real browser: pages with charts draw them with
plotly.js from this server, and nothing the pages do is refused by the policy."""

import pytest

from tests.e2e.conftest import inloggen

pytestmark = pytest.mark.django_db(transaction=True)

VERZAMEL = """
window.__cspOvertredingen = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspOvertredingen.push(`${e.violatedDirective}: ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
});
"""


def test_charts_draw_under_the_policy_without_a_single_violation(gegevens, nieuwe_pagina):
    pagina = nieuwe_pagina()
    pagina.context.add_init_script(VERZAMEL)
    inloggen(pagina, "e2e-adviseur")
    for pad in (
        "/kaart/",
        "/benchmark/?fusieorganisatie=bar-organisatie",
        "/gemeenten/gm0547/",
        "/fusieorganisaties/bar-organisatie/",
    ):
        antwoord = pagina.goto(pagina.basis + pad)
        beleid = antwoord.headers["content-security-policy"]
        assert "script-src 'self'" in beleid and "unsafe-eval" not in beleid
        assert "frame-ancestors 'none'" in beleid
        # plotly.js drew the chart: its SVG is in the page (on a fusieorganisatie's page the
        # overhead over the years).
        pagina.locator(".js-plotly-plot .main-svg").first.wait_for(state="attached")
        assert pagina.evaluate("window.__cspOvertredingen") == [], pad
