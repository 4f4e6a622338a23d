"""The longest text a user may type in each free-text field, in one place, with its reason.

Every limit is shown where the text is typed (the `maxlength` of the field and a counter
"nog 1.234 tekens"), enforced by the form on the server with a Dutch message that keeps
what was typed, and by the import of fusietoets-afweging/1 (`uitwisseling.schema`). The
reason for a limit at all: one 2 MB motivering made the PDF take six minutes of a core, and
vaststellen held the afweging's row for as long. The longest afweging these limits allow
renders in seconds (`scripts/bench.py`, `pdf_grootste_s`).

A text saved before its limit existed and longer than it stays as it is: it is shown in
full, and a form that posts it back unchanged is accepted (`afweging.forms.Tekstveld`);
only a changed text must fit.

Lengths are counted as the browser counts them for `maxlength`: a line break is one
character (browsers send it as two): `tekstlengte`.
"""

from weergave.getallen import tekstlengte

__all__ = ["tekstlengte"]

# The title of an afweging: a line, as the heading of the report and of every page. The
# database column has held 200 from the start.
TITEL = 200

# A motivation of the score on one deelvraag: the argument in a few paragraphs, about a page
# of A4 (some 750 words). The report prints eight of them; the evidence itself belongs in
# the sources and the documents they point to.
MOTIVERING = 5_000

# The sources of one score: references and links, one per line.
BRONNEN = 2_000

# The note on one kritieke succesfactor: "a short note" (the checklist step), fifteen of
# them in the report's checklist table.
NOTITIE = 2_000

# Other motives or a toelichting per deelnemende gemeente: a paragraph or two beside the
# motives ticked.
MOTIEVEN_TOELICHTING = 3_000

# A reviewer's opmerking on a deelvraag, or the adviseur's answer to one: the limit the
# form has always had.
OPMERKING = 5_000

# The formal reactie of a gemeente (its toelichting), which may take over the text of a
# letter, and the provincie's answer to it: the longest texts, as they have always been.
REACTIE = 10_000
ANTWOORD_OP_REACTIE = 10_000

# Amounts and percentages are typed as text ("1.200.000", "1,2 mln", "2,5"); the longest
# amount that fits the database (14 digits) with its separators and a euro sign is 20.
BEDRAG = 30
PERCENTAGE = 10
