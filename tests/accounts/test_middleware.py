import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from righthelp.accounts import session_clock
from righthelp.accounts.models import AccessEvent, Role
from tests.accounts.factories import PASSWORD, make_staff

pytestmark = pytest.mark.django_db

HOME = reverse("accounts:home")


@pytest.fixture
def staff_client(client, organisation):
    make_staff("editor@example.org", organisation, Role.LISTING_EDITOR)
    client.post(reverse("accounts:login"), {"email": "editor@example.org", "password": PASSWORD})
    return client


def move_clock_back(client, key, seconds):
    """As if `key` (sign-in or last request) happened `seconds` earlier."""
    session = client.session
    session[key] -= seconds
    session.save()


def assert_session_ended(client, organisation):
    response = client.get(HOME, follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("accounts:login"))
    assert not response.wsgi_request.user.is_authenticated
    event = AccessEvent.objects.get(kind=AccessEvent.Kind.TIMEOUT)
    assert (event.user.email, event.organization) == ("editor@example.org", organisation)
    return response.content.decode()


def test_idle_session_ends(staff_client, organisation):
    old_key = staff_client.session.session_key
    move_clock_back(staff_client, session_clock.LAST_SEEN_AT, settings.SESSION_IDLE_TIMEOUT + 1)

    html = assert_session_ended(staff_client, organisation)

    assert "You were signed out because you had not used RightHelp for a while" in html
    staff_client.cookies[settings.SESSION_COOKIE_NAME] = old_key
    assert staff_client.get(HOME).url.startswith(reverse("accounts:login"))


def test_session_ends_at_the_absolute_limit_however_busy(staff_client, organisation):
    move_clock_back(staff_client, session_clock.SIGNED_IN_AT, settings.SESSION_ABSOLUTE_TIMEOUT + 1)

    html = assert_session_ended(staff_client, organisation)

    assert "your session reached its time limit" in html


def test_each_request_restarts_the_idle_clock(staff_client):
    move_clock_back(staff_client, session_clock.LAST_SEEN_AT, settings.SESSION_IDLE_TIMEOUT - 60)

    assert staff_client.get(HOME).status_code == 200

    idle_for = timezone.now().timestamp() - staff_client.session[session_clock.LAST_SEEN_AT]
    assert idle_for < settings.SESSION_IDLE_TIMEOUT - 60
    assert not AccessEvent.objects.filter(kind=AccessEvent.Kind.TIMEOUT).exists()


def test_signed_out_visitors_are_untouched(client):
    assert client.get(reverse("accounts:login")).status_code == 200
    assert session_clock.LAST_SEEN_AT not in client.session
