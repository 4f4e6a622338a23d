"""Who may see the evaluatie app's pages. The afloop of an afweging follows the afweging's
own rule (afweging.toegang.alleen_adviseur: the adviseurs of its leading provincie)."""

from __future__ import annotations

from functools import wraps

from afweging.toegang import weiger


def alleen_adviseurs(view):
    """Only adviseurs: the terugblik sets the signalen of their afwegingen against history.
    Who is not logged in never gets here (login is required site-wide)."""

    @wraps(view)
    def omhulsel(request, *args, **kwargs):
        if not request.user.is_adviseur:
            weiger(
                "De terugblik op de signalen is er voor provinciale adviseurs; uw account "
                "heeft die rol niet."
            )
        return view(request, *args, **kwargs)

    return omhulsel
