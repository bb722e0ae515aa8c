"""Playwright journeys in Debian's Chromium against pytest-django's live server.

The browser is launched once per session. Each page may load only what the live server serves: any other
request (the quick exit's neutral site, say) is aborted, so the journeys never touch the network.
"""

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from righthelp.accounts.models import Role
from righthelp.directory.models import Attribute, Service
from righthelp.directory.queries import taxonomy_id
from righthelp.directory.search import reindex_services
from tests.accounts.factories import make_organisation, make_staff
from tests.directory.listing_factories import add_phone, link, make_service, make_term, open_every_day

# Playwright's sync API runs an event loop in this thread; the live server's ORM calls are in their own.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BOROUGH_DATA = Path(settings.BASE_DIR) / "data" / "tower_hamlets" / "services.json"


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM}. Install it with `make system-packages` "
            "(apt-get install chromium).",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(base_url=live_server.url)

    def only_the_live_server(route):
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_the_live_server)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


@dataclass
class Directory:
    crisis_service: Service
    ordinary_service: Service
    editable_service: Service
    editor: object


@pytest.fixture
def directory(transactional_db):
    """The borough's real listings when the data is in the repository (else synthetic stand-ins), plus a
    synthetic organisation whose listing editor may change its one synthetic service."""
    organisation = make_organisation("Example Wellbeing Network (synthetic)")
    editable = make_service(organisation, name="Example Wellbeing Service (synthetic)")
    editor = make_staff("editor@example.org", organisation, Role.LISTING_EDITOR)
    if BOROUGH_DATA.exists():
        call_command("load_borough", verbosity=0)
        crisis, ordinary = _real_examples()
    else:
        crisis, ordinary = _synthetic_examples(organisation)
    reindex_services()
    return Directory(crisis, ordinary, editable, editor)


def _real_examples():
    crisis_ids = Attribute.objects.filter(
        link_entity=Attribute.Entity.SERVICE, taxonomy_term__scheme_id=taxonomy_id("crisis")
    ).values("link_id")
    active = Service.objects.filter(status=Service.Status.ACTIVE)
    crisis = active.filter(id__in=crisis_ids).order_by("name").first()
    # An ordinary listing with as much on its page as the data has: hours and a phone number.
    ordinary = (
        active.exclude(id__in=crisis_ids)
        .exclude(name__contains="(synthetic)")
        .filter(schedules__isnull=False)
        .order_by("name")
        .first()
    ) or active.exclude(id__in=crisis_ids).exclude(name__contains="(synthetic)").order_by("name").first()
    return crisis, ordinary


def _synthetic_examples(organisation):
    crisis = make_service(organisation, name="Example Crisis Line (synthetic)")
    link(crisis, make_term("crisis", "crisis-service", "Crisis service", "Synthetic: for people in crisis."))
    add_phone(crisis)
    open_every_day(crisis)
    ordinary = make_service(organisation, name="Example Gardening Club (synthetic)")
    link(ordinary, make_term("need", "loneliness", "Loneliness"))
    return crisis, ordinary


def signed_in(context, live_server, user):
    """Give the browser the session of `user`, signed in through Django's test client."""
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
