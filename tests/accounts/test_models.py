from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from righthelp.accounts.models import (
    INVITATION_VALID_FOR,
    ROLES_REQUIRING_TWO_FACTOR,
    AccessEvent,
    Invitation,
    Membership,
    Role,
    User,
    hash_token,
    roles_invitable_by,
)
from tests.accounts.factories import PASSWORD, make_staff

pytestmark = pytest.mark.django_db


def test_username_is_the_email_address_in_lower_case():
    user = User.objects.create_user(email=" Sam.Example@Example.ORG ", password=PASSWORD)

    assert user.username == user.email == "sam.example@example.org"


def test_database_refuses_a_username_that_is_not_the_email():
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="sam", email="sam@example.org")


def test_database_refuses_an_email_with_capitals():
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="Sam@example.org", email="Sam@example.org")


def test_passwords_are_hashed_with_argon2():
    user = User.objects.create_user(email="hash@example.org", password=PASSWORD)

    assert user.password.startswith("argon2$")
    assert user.check_password(PASSWORD)


def test_one_membership_per_user_and_organisation(organisation):
    user = make_staff("once@example.org", organisation, Role.REFERRER)

    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, organization=organisation, role=Role.ADMINISTRATOR)


def test_database_refuses_an_unknown_role(organisation):
    user = make_staff("role@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, organization=organisation, role="superhero")


def test_every_role_but_listing_editor_needs_two_factor():
    assert set(ROLES_REQUIRING_TWO_FACTOR) == set(Role) - {Role.LISTING_EDITOR}


def test_service_managers_cannot_make_administrators_and_others_cannot_invite():
    assert Role.ADMINISTRATOR in roles_invitable_by(Role.ADMINISTRATOR)
    assert Role.ADMINISTRATOR not in roles_invitable_by(Role.SERVICE_MANAGER)
    assert Role.REFERRER in roles_invitable_by(Role.SERVICE_MANAGER)
    assert roles_invitable_by(Role.REFERRER) == roles_invitable_by(Role.LISTING_EDITOR) == []


def invitation(organisation, inviter, **fields):
    values = {
        "email": "new@example.org",
        "organization": organisation,
        "role": Role.REFERRER,
        "token_hash": hash_token("a-token"),
        "invited_by": inviter,
    } | fields
    return Invitation.objects.create(**values)


def test_invitation_expires_after_seven_days(organisation):
    inviter = make_staff("admin@example.org", organisation, Role.ADMINISTRATOR)

    made = invitation(organisation, inviter)

    assert made.expires_at - made.created_at == pytest.approx(INVITATION_VALID_FOR, abs=timedelta(seconds=1))
    assert Invitation.objects.usable().get() == made


@pytest.mark.parametrize(
    "fields",
    [
        {"token_hash": "not-a-sha256"},
        {"role": "superhero"},
        {"email": "New@Example.org"},
        {"accepted_at": timezone.now()},
        {"expires_at": timezone.now() - timedelta(days=1)},
    ],
    ids=[
        "short token hash",
        "unknown role",
        "capitals in email",
        "accepted by no one",
        "expires before made",
    ],
)
def test_database_refuses_an_invalid_invitation(organisation, fields):
    inviter = make_staff("admin@example.org", organisation, Role.ADMINISTRATOR)

    with pytest.raises(IntegrityError), transaction.atomic():
        invitation(organisation, inviter, **fields)


def test_access_events_for_a_session_name_the_user():
    with pytest.raises(IntegrityError), transaction.atomic():
        AccessEvent.objects.create(kind=AccessEvent.Kind.LOGIN)


def test_a_failed_sign_in_need_not_name_a_user():
    event = AccessEvent.objects.create(kind=AccessEvent.Kind.LOGIN_FAILED, ip_address="192.0.2.1")

    assert event.user is None


def test_invitation_events_name_the_organisation():
    user = make_staff("admin@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        AccessEvent.objects.create(kind=AccessEvent.Kind.INVITATION_SENT, user=user)


def test_database_refuses_an_unknown_event_kind():
    user = make_staff("kind@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        AccessEvent.objects.create(kind="teleported", user=user)


def test_access_events_are_append_only():
    user = make_staff("audit@example.org")
    event = AccessEvent.objects.create(kind=AccessEvent.Kind.LOGIN, user=user)

    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        AccessEvent.objects.update(kind=AccessEvent.Kind.LOGOUT)
    with pytest.raises(TypeError):
        AccessEvent.objects.all().delete()
    assert AccessEvent.objects.get().kind == AccessEvent.Kind.LOGIN
