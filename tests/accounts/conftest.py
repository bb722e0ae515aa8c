import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher

from tests.accounts.factories import make_organisation


@pytest.fixture(autouse=True)
def _cheap_argon2(monkeypatch):
    """Still Argon2 (each hash records its own cost), at a cost that keeps sign-in tests quick."""
    monkeypatch.setattr(Argon2PasswordHasher, "time_cost", 1)
    monkeypatch.setattr(Argon2PasswordHasher, "memory_cost", 1024)
    monkeypatch.setattr(Argon2PasswordHasher, "parallelism", 1)


@pytest.fixture
def organisation(db):
    return make_organisation()


@pytest.fixture
def other_organisation(db):
    return make_organisation("Another Example Service (synthetic)")
