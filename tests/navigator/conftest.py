import io

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def borough(django_db_setup, django_db_blocker):
    """The real Tower Hamlets directory (data/tower_hamlets/), loaded once for a test module and rolled
    back after it; each test's own changes roll back to it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_borough", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)
