import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from righthelp.accounts.models import ROLES_REQUIRING_TWO_FACTOR, AccessEvent, Membership, Role, User
from righthelp.accounts.views import locked_out
from tests.accounts.factories import PASSWORD, code_for, make_device, make_staff, sign_in, wrong_code_for

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
HOME = reverse("accounts:home")


def post_login(client, email, password=PASSWORD, address="192.0.2.10", **data):
    return client.post(LOGIN, {"email": email, "password": password, **data}, REMOTE_ADDR=address)


def signed_in_user(client):
    return client.get(HOME).wsgi_request.user


# Sign in


def test_sign_in_page_is_not_indexed(client):
    response = client.get(LOGIN)

    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_empty_sign_in_names_each_field_in_the_error_summary(client):
    response = client.post(LOGIN, {"email": "", "password": ""})

    html = response.content.decode()
    assert response.status_code == 400
    assert "nhsuk-error-summary" in html
    assert re.search(r'href="#email"[^>]*>\s*Enter your email address', html)
    assert re.search(r'href="#password"[^>]*>\s*Enter your password', html)


def test_wrong_password_is_refused_and_recorded(client, organisation):
    user = make_staff("editor@example.org", organisation, Role.LISTING_EDITOR)

    response = post_login(client, "editor@example.org", password="not the password")

    assert response.status_code == 400
    assert "The email address or password is not right" in response.content.decode()
    assert not signed_in_user(client).is_authenticated
    event = AccessEvent.objects.get(kind=AccessEvent.Kind.LOGIN_FAILED)
    assert (event.user, event.ip_address) == (user, "192.0.2.10")


def test_listing_editor_is_not_asked_for_a_code(client, organisation):
    make_staff("editor@example.org", organisation, Role.LISTING_EDITOR)

    response = post_login(client, "Editor@Example.org", next="/staff/organisation/staff/")

    assert response.status_code == 302 and response.url == "/staff/organisation/staff/"
    assert client.get(HOME).status_code == 200
    assert AccessEvent.objects.filter(kind=AccessEvent.Kind.LOGIN, organization=organisation).count() == 1


def test_sign_in_ignores_a_next_address_on_another_site(client, organisation):
    make_staff("editor@example.org", organisation, Role.LISTING_EDITOR)

    response = post_login(client, "editor@example.org", next="https://evil.example.com/")

    assert response.url == HOME


@pytest.mark.parametrize("role", sorted(ROLES_REQUIRING_TWO_FACTOR))
def test_every_other_role_must_enter_a_code(client, organisation, role):
    user = make_staff("staff@example.org", organisation, role)
    device = make_device(user)

    response = post_login(client, "staff@example.org")

    assert response.status_code == 302 and response.url.startswith(reverse("accounts:verify"))
    assert client.get(HOME).url.startswith(reverse("accounts:verify"))
    response = client.post(reverse("accounts:verify"), {"code": code_for(device), "next": HOME})
    assert response.status_code == 302 and response.url == HOME
    assert client.get(HOME).status_code == 200


def test_wrong_code_is_refused_and_recorded(client, organisation):
    user = make_staff("referrer@example.org", organisation, Role.REFERRER)
    device = make_device(user)
    post_login(client, "referrer@example.org")

    response = client.post(reverse("accounts:verify"), {"code": wrong_code_for(device)})

    assert response.status_code == 400
    assert re.search(r'href="#code"[^>]*>\s*The code is not right', response.content.decode())
    assert client.get(HOME).url.startswith(reverse("accounts:verify"))
    assert AccessEvent.objects.filter(kind=AccessEvent.Kind.TWO_FACTOR_FAILED, user=user).count() == 1


def test_right_code_straight_after_a_wrong_one_must_wait(client, organisation):
    user = make_staff("referrer@example.org", organisation, Role.REFERRER)
    device = make_device(user)
    post_login(client, "referrer@example.org")
    client.post(reverse("accounts:verify"), {"code": wrong_code_for(device)})

    response = client.post(reverse("accounts:verify"), {"code": code_for(device)})

    assert response.status_code == 400
    assert "Wait a minute" in response.content.decode()
    assert client.get(HOME).url.startswith(reverse("accounts:verify"))


def test_first_sign_in_without_a_device_goes_to_enrolment(client, organisation):
    user = make_staff("manager@example.org", organisation, Role.SERVICE_MANAGER)

    response = post_login(client, "manager@example.org")
    assert response.url.startswith(reverse("accounts:enrol"))
    page = client.get(response.url)

    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "otpauth://totp/RightHelp" in html
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post(reverse("accounts:enrol"), {"code": wrong_code_for(device)}).status_code == 400
    device.refresh_from_db()
    device.throttle_reset()  # as if the user waited
    response = client.post(reverse("accounts:enrol"), {"code": code_for(device), "next": HOME})
    assert response.url == HOME
    assert TOTPDevice.objects.get(user=user).confirmed
    assert client.get(HOME).status_code == 200
    assert AccessEvent.objects.filter(kind=AccessEvent.Kind.TWO_FACTOR_ENROLLED, user=user).exists()


# Lockout (AXES_FAILURE_LIMIT failures, per email address and per network address)


def test_failures_on_one_user_from_many_addresses_lock_that_user(client, organisation):
    make_staff("target@example.org", organisation, Role.LISTING_EDITOR)
    make_staff("bystander@example.org", organisation, Role.LISTING_EDITOR)
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, "target@example.org", password="guess", address=f"198.51.100.{attempt}")

    locked = post_login(client, "target@example.org", address="203.0.113.99")

    assert locked.status_code == 429
    assert "locked for 1 hour" in locked.content.decode()
    assert not signed_in_user(client).is_authenticated
    assert AccessEvent.objects.filter(kind=AccessEvent.Kind.LOCKOUT).exists()
    assert post_login(client, "bystander@example.org", address="203.0.113.99").status_code == 302


def test_failures_from_one_address_on_many_users_lock_that_address(client, organisation):
    make_staff("editor@example.org", organisation, Role.LISTING_EDITOR)
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, f"guess{attempt}@example.org", password="guess", address="198.51.100.1")

    assert post_login(client, "editor@example.org", address="198.51.100.1").status_code == 429
    assert post_login(client, "editor@example.org", address="198.51.100.2").status_code == 302


def test_signing_in_to_another_account_does_not_reset_a_users_failures(client, organisation):
    make_staff("target@example.org", organisation, Role.LISTING_EDITOR)
    make_staff("attacker@example.org", organisation, Role.LISTING_EDITOR)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        post_login(client, "target@example.org", password="guess", address="198.51.100.1")
    assert post_login(client, "attacker@example.org", address="198.51.100.1").status_code == 302
    client.post(reverse("accounts:logout"))

    assert (
        post_login(client, "target@example.org", password="guess", address="198.51.100.1").status_code == 429
    )


def test_lockout_page(client):
    response = locked_out(client.get(LOGIN).wsgi_request)

    assert response.status_code == 429
    assert "Sign-in locked for 1 hour" in response.content.decode()


# Sign out


def test_sign_out_ends_the_session(client, organisation):
    user = make_staff("editor@example.org", organisation, Role.LISTING_EDITOR)
    post_login(client, "editor@example.org")
    old_session_key = client.cookies[settings.SESSION_COOKIE_NAME].value

    response = client.post(reverse("accounts:logout"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("accounts:signed_out")
    assert "You have signed out" in response.content.decode()
    client.cookies[settings.SESSION_COOKIE_NAME] = old_session_key
    assert client.get(HOME).url.startswith(LOGIN)
    assert AccessEvent.objects.filter(kind=AccessEvent.Kind.LOGOUT, user=user).count() == 1


def test_sign_out_needs_a_post(client, organisation):
    user = make_staff("editor@example.org", organisation, Role.LISTING_EDITOR)
    sign_in(client, user)

    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.get(HOME).status_code == 200


# Invitations


def invitation_link(client, email="new.worker@example.org", role=Role.REFERRER):
    client.post(reverse("accounts:invite"), {"email": email, "role": role})
    return re.search(r"https?://[^/]+(/\S+)", mail.outbox[-1].body).group(1)


@pytest.fixture
def administrator_client(client, organisation):
    administrator = make_staff("admin@example.org", organisation, Role.ADMINISTRATOR)
    sign_in(client, administrator, make_device(administrator))
    return client


def test_administrator_invites_staff(administrator_client, organisation):
    response = administrator_client.post(
        reverse("accounts:invite"), {"email": "New.Worker@example.org", "role": Role.DUTY_WORKER}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("accounts:members")
    html = response.content.decode()
    assert "Invitation sent to new.worker@example.org" in html
    assert "Invitations not yet accepted" in html
    assert mail.outbox[0].to == ["new.worker@example.org"]


def test_invite_with_bad_input_names_the_field_and_sends_nothing(administrator_client):
    response = administrator_client.post(reverse("accounts:invite"), {"email": "not an address", "role": ""})

    html = response.content.decode()
    assert response.status_code == 400
    assert re.search(r'href="#email"[^>]*>\s*Enter an email address in the correct format', html)
    assert re.search(r'href="#role"[^>]*>\s*Select a role', html)
    assert not mail.outbox


def test_service_manager_is_not_offered_the_administrator_role(client, organisation):
    manager = make_staff("manager@example.org", organisation, Role.SERVICE_MANAGER)
    sign_in(client, manager, make_device(manager))

    html = client.get(reverse("accounts:invite")).content.decode()
    refused = client.post(reverse("accounts:invite"), {"email": "x@example.org", "role": Role.ADMINISTRATOR})

    assert 'value="referrer"' in html and 'value="administrator"' not in html
    assert refused.status_code == 400 and not mail.outbox


@pytest.mark.parametrize("role", [Role.LISTING_EDITOR, Role.REFERRER, Role.DUTY_WORKER, Role.COMMISSIONER])
def test_other_roles_cannot_invite(client, organisation, role):
    user = make_staff("staff@example.org", organisation, role)
    sign_in(client, user, make_device(user))

    response = client.post(reverse("accounts:invite"), {"email": "x@example.org", "role": Role.REFERRER})

    assert response.status_code == 403
    assert not mail.outbox


def test_accepting_an_invitation_sets_a_password_then_two_factor(administrator_client):
    link = invitation_link(administrator_client)
    administrator_client.post(reverse("accounts:logout"))
    invitee = administrator_client

    assert "Create a password" in invitee.get(link).content.decode()
    mismatch = invitee.post(link, {"password": PASSWORD, "password_confirmation": "something else entirely"})
    assert mismatch.status_code == 400
    assert re.search(
        r'href="#password_confirmation"[^>]*>\s*The passwords do not match', mismatch.content.decode()
    )
    weak = invitee.post(link, {"password": "12345678", "password_confirmation": "12345678"})
    assert weak.status_code == 400 and 'href="#password"' in weak.content.decode()
    assert not User.objects.filter(email="new.worker@example.org").exists()

    accepted = invitee.post(link, {"password": PASSWORD, "password_confirmation": PASSWORD})

    assert accepted.url.startswith(reverse("accounts:enrol"))
    assert signed_in_user(invitee).email == "new.worker@example.org"
    assert invitee.get(link).status_code == 404


def test_unknown_invitation_link_is_404(client):
    response = client.get(reverse("accounts:accept_invitation", args=["no-such-token"]))

    assert response.status_code == 404
    assert "This invitation link cannot be used" in response.content.decode()


# Staff home, choosing an organisation, members


def test_home_lists_memberships_and_switches_organisation(client, organisation, other_organisation):
    user = make_staff("both@example.org", organisation, Role.LISTING_EDITOR)
    other = Membership.objects.create(user=user, organization=other_organisation, role=Role.LISTING_EDITOR)
    sign_in(client, user)

    html = client.get(HOME).content.decode()
    assert organisation.name in html and other_organisation.name in html
    assert '<meta name="robots" content="noindex">' in html
    response = client.post(reverse("accounts:choose_organisation"), {"membership": other.id, "next": HOME})

    assert response.url == HOME
    assert "Current" in client.get(HOME).content.decode()
    assert client.session["accounts_membership_id"] == other.id


def test_cannot_choose_another_users_membership(client, organisation):
    user = make_staff("me@example.org", organisation, Role.LISTING_EDITOR)
    someone_else = make_staff("them@example.org", organisation, Role.ADMINISTRATOR)
    sign_in(client, user)

    response = client.post(
        reverse("accounts:choose_organisation"), {"membership": someone_else.memberships.get().id}
    )

    assert response.status_code == 404


def test_members_page_lists_only_this_organisations_staff(
    administrator_client, organisation, other_organisation
):
    make_staff("colleague@example.org", organisation, Role.REFERRER)
    make_staff("outsider@example.org", other_organisation, Role.REFERRER)

    response = administrator_client.get(reverse("accounts:members"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "colleague@example.org" in html and "outsider@example.org" not in html


def test_user_without_a_membership_gets_403(client):
    user = make_staff("nobody@example.org")
    sign_in(client, user)

    assert client.get(reverse("accounts:members")).status_code == 403
    assert client.get(reverse("accounts:invite")).status_code == 403
