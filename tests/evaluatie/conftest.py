import pytest
from django.utils import timezone

from afweging.models import Afweging
from tests.factories import beantwoord_alles


@pytest.fixture
def vastgesteld():
    """Marks an afweging vastgesteld, as the rows are after `vaststellen` (without making
    its PDF, which the tests of vaststellen cover)."""

    def maak(afweging):
        beantwoord_alles(afweging)
        Afweging.objects.filter(pk=afweging.pk).update(
            status=Afweging.Status.VASTGESTELD, vastgesteld_op=timezone.now()
        )
        afweging.refresh_from_db()
        return afweging

    return maak
