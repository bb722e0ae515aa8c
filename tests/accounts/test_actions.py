import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from righthelp.accounts import actions
from righthelp.accounts.models import AccessEvent, Invitation, Membership, Role, User, hash_token
from tests.accounts.factories import PASSWORD, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(organisation):
    return make_staff("admin@example.org", organisation, Role.ADMINISTRATOR)


def invite(inviter, organisation, email="new.worker@example.org", role=Role.REFERRER):
    return actions.invite_staff(invited_by=inviter, organization=organisation, email=email, role=role)


def emailed_token():
    return re.search(r"/invitation/([^/\s]+)/", mail.outbox[-1].body).group(1)


def test_invitation_emails_a_single_link_to_the_site(administrator, organisation, settings):
    settings.SITE_URL = "https://righthelp.example.org"

    invitation = invite(administrator, organisation, email="New.Worker@Example.org")

    assert invitation.email == "new.worker@example.org"
    [message] = mail.outbox
    assert message.to == ["new.worker@example.org"]
    token = emailed_token()
    assert (
        f"https://righthelp.example.org{reverse('accounts:accept_invitation', args=[token])}" in message.body
    )
    assert organisation.name in message.body and "referrer" in message.body
    assert administrator.email not in message.body
    # Only the hash is stored: the table alone cannot rebuild the link.
    assert invitation.token_hash == hash_token(token) and token not in invitation.token_hash
    event = AccessEvent.objects.get(kind=AccessEvent.Kind.INVITATION_SENT)
    assert (event.user, event.organization) == (administrator, organisation)


@pytest.mark.parametrize("role", [Role.LISTING_EDITOR, Role.REFERRER, Role.DUTY_WORKER, Role.COMMISSIONER])
def test_only_administrators_and_service_managers_invite(organisation, role):
    inviter = make_staff("someone@example.org", organisation, role)

    with pytest.raises(PermissionDenied):
        invite(inviter, organisation)

    assert not Invitation.objects.exists() and not mail.outbox


def test_managers_of_another_organisation_cannot_invite(administrator, other_organisation):
    with pytest.raises(PermissionDenied):
        invite(administrator, other_organisation)


def test_service_manager_cannot_invite_an_administrator(organisation):
    manager = make_staff("manager@example.org", organisation, Role.SERVICE_MANAGER)

    with pytest.raises(ValidationError) as error:
        invite(manager, organisation, role=Role.ADMINISTRATOR)

    assert "role" in error.value.message_dict
    assert not Invitation.objects.exists()


def test_existing_member_is_not_invited_again(administrator, organisation):
    make_staff("member@example.org", organisation, Role.REFERRER)

    with pytest.raises(ValidationError) as error:
        invite(administrator, organisation, email="member@example.org")

    assert "email" in error.value.message_dict


def test_accepting_creates_the_account_and_membership(administrator, organisation):
    invite(administrator, organisation, role=Role.DUTY_WORKER)

    membership = actions.accept_invitation(token=emailed_token(), password=PASSWORD, ip_address="192.0.2.7")

    assert (membership.user.email, membership.organization, membership.role) == (
        "new.worker@example.org",
        organisation,
        Role.DUTY_WORKER,
    )
    assert membership.user.password.startswith("argon2$")
    invitation = Invitation.objects.get()
    assert invitation.accepted_by == membership.user and invitation.accepted_at is not None
    event = AccessEvent.objects.get(kind=AccessEvent.Kind.INVITATION_ACCEPTED)
    assert (event.user, event.organization, event.ip_address) == (membership.user, organisation, "192.0.2.7")


def test_an_invitation_works_once(administrator, organisation):
    invite(administrator, organisation)
    token = emailed_token()
    actions.accept_invitation(token=token, password=PASSWORD)

    with pytest.raises(actions.InvitationUnusable):
        actions.accept_invitation(token=token, password="another long passphrase 99")


def test_an_expired_invitation_cannot_be_used(administrator, organisation):
    invitation = invite(administrator, organisation)
    token = emailed_token()
    week_ago = invitation.created_at - timedelta(days=7, seconds=1)
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=week_ago, expires_at=week_ago + timedelta(days=7)
    )

    with pytest.raises(actions.InvitationUnusable):
        actions.accept_invitation(token=token, password=PASSWORD)

    assert not User.objects.filter(email="new.worker@example.org").exists()


def test_an_unknown_token_cannot_be_used(administrator, organisation):
    invite(administrator, organisation)

    with pytest.raises(actions.InvitationUnusable):
        actions.accept_invitation(token="made-up", password=PASSWORD)


def test_a_weak_password_changes_nothing(administrator, organisation):
    invite(administrator, organisation)

    with pytest.raises(ValidationError) as error:
        actions.accept_invitation(token=emailed_token(), password="password")

    assert "password" in error.value.message_dict
    assert not User.objects.filter(email="new.worker@example.org").exists()
    assert Invitation.objects.usable().count() == 1


def test_an_existing_account_joins_with_its_own_password(administrator, organisation, other_organisation):
    existing = make_staff("new.worker@example.org", other_organisation, Role.REFERRER)
    invite(administrator, organisation, role=Role.LISTING_EDITOR)
    token = emailed_token()

    with pytest.raises(ValidationError):
        actions.accept_invitation(token=token, password="a new password to take it over")
    membership = actions.accept_invitation(token=token, password=PASSWORD)

    assert membership.user == existing
    assert Membership.objects.filter(user=existing).count() == 2
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD)
