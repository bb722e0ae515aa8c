import pytest
from django.urls import reverse

from righthelp.accounts.models import Membership, Role
from righthelp.accounts.permissions import CURRENT_MEMBERSHIP, current_membership
from tests.accounts.factories import make_device, make_staff, sign_in

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.accounts.permission_urls")]

REFERRALS = "/test/referrals/"
LISTINGS = "/test/listings/"


def test_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get(REFERRALS)

    assert response.status_code == 302
    assert response.url == f"{reverse('accounts:login')}?next={REFERRALS}"


def test_member_with_the_role_and_a_verified_code_gets_in(client, organisation):
    user = make_staff("referrer@example.org", organisation, Role.REFERRER)
    sign_in(client, user, make_device(user))

    response = client.get(REFERRALS)

    assert response.status_code == 200
    assert response.content.decode() == f"{organisation.name} as referrer"


def test_user_without_a_membership_is_refused(client):
    sign_in(client, make_staff("nobody@example.org"))

    assert client.get(REFERRALS).status_code == 403


def test_role_not_listed_is_refused(client, organisation):
    user = make_staff("commissioner@example.org", organisation, Role.COMMISSIONER)
    sign_in(client, user, make_device(user))

    assert client.get(REFERRALS).status_code == 403


def test_two_factor_role_without_a_code_this_session_is_sent_to_verify(client, organisation):
    user = make_staff("worker@example.org", organisation, Role.DUTY_WORKER)
    make_device(user)
    sign_in(client, user)

    response = client.get(REFERRALS)

    assert response.url == f"{reverse('accounts:verify')}?next=%2Ftest%2Freferrals%2F"


def test_two_factor_role_without_a_device_is_sent_to_enrol(client, organisation):
    sign_in(client, make_staff("worker@example.org", organisation, Role.DUTY_WORKER))

    assert client.get(REFERRALS).url.startswith(reverse("accounts:enrol"))


def test_listing_editor_needs_no_code(client, organisation):
    sign_in(client, make_staff("editor@example.org", organisation, Role.LISTING_EDITOR))

    assert client.get(LISTINGS).status_code == 200


def test_several_memberships_ask_which_organisation(client, organisation, other_organisation):
    user = make_staff("both@example.org", organisation, Role.LISTING_EDITOR)
    other = Membership.objects.create(user=user, organization=other_organisation, role=Role.LISTING_EDITOR)
    sign_in(client, user)

    assert client.get(LISTINGS).url == f"{reverse('accounts:home')}?next=%2Ftest%2Flistings%2F"
    client.post(reverse("accounts:choose_organisation"), {"membership": other.id})
    assert client.get(LISTINGS).content.decode() == f"{other_organisation.name} as listing_editor"


def test_acts_only_for_the_chosen_organisation(client, organisation, other_organisation):
    """Referrer in one organisation, listing editor in another: the role follows the choice."""
    user = make_staff("both@example.org", organisation, Role.REFERRER)
    editing = Membership.objects.create(user=user, organization=other_organisation, role=Role.LISTING_EDITOR)
    sign_in(client, user, make_device(user))
    client.post(reverse("accounts:choose_organisation"), {"membership": editing.id})

    assert client.get(REFERRALS).status_code == 403
    assert client.get(LISTINGS).status_code == 200


def test_a_membership_id_that_is_not_yours_is_ignored(client, organisation, other_organisation):
    user = make_staff("me@example.org", organisation, Role.LISTING_EDITOR)
    Membership.objects.create(user=user, organization=other_organisation, role=Role.LISTING_EDITOR)
    someone_else = make_staff("them@example.org", organisation, Role.REFERRER)
    sign_in(client, user)
    session = client.session
    session[CURRENT_MEMBERSHIP] = someone_else.memberships.get().id
    session.save()

    assert client.get(LISTINGS).url.startswith(reverse("accounts:home"))


def test_a_single_membership_is_chosen_automatically(rf, organisation):
    user = make_staff("editor@example.org", organisation, Role.LISTING_EDITOR)
    request = rf.get("/")
    request.user, request.session = user, {}

    assert current_membership(request) == user.memberships.get()
    assert request.session[CURRENT_MEMBERSHIP] == user.memberships.get().id
