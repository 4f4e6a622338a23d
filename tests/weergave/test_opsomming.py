"""Lists in running text read "a, b en c", in Python, in a filter and in a for loop."""

import pytest
from django.template import engines


def render(tekst, **context):
    return engines["django"].from_string("{% load weergave %}" + tekst).render(context)


@pytest.mark.parametrize(
    ("namen", "verwacht"),
    [([], ""), (["Leiderdorp"], "Leiderdorp"), (["Leiderdorp", "Oegstgeest"], "Leiderdorp en Oegstgeest"),
     (["Leiderdorp", "Oegstgeest", "Zoeterwoude"], "Leiderdorp, Oegstgeest en Zoeterwoude")],
)  # fmt: skip
def test_a_for_loop_and_the_filter_write_the_same_enumeration(namen, verwacht):
    assert render(
        "{% for n in namen %}{{ n }}{{ forloop|scheiding }}{% endfor %}", namen=namen
    ) == (verwacht)
    assert render("{{ namen|opsomming }}", namen=namen) == verwacht


def test_names_in_an_enumeration_are_escaped():
    assert render("{{ namen|opsomming }}", namen=["<b>A</b>", "B"]) == "&lt;b&gt;A&lt;/b&gt; en B"


@pytest.mark.parametrize(
    ("getypt", "gelezen"),
    [("1.200.000", "1200000"), ("1.200.000,50", "1200000.50"), ("€ 1.200", "1200"),
     ("2,5", "2.5"), ("\u22125", "-5"), ("12.5", "12.5"), ("1 200 000", "1200000"),
     ("1,2,3", "1,2,3"), ("1.2.3", "1.2.3"), ("veel", "veel"), ("", "")],
)  # fmt: skip
def test_numbers_typed_in_dutch_are_read(getypt, gelezen):
    from weergave.getallen import lees_getal

    assert lees_getal(getypt) == gelezen
