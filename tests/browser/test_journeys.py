"""Journeys a person makes: by keyboard alone, on a 320px screen, and a provider keeping a listing current."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from righthelp.core.template_helpers import QUICK_EXIT_URL
from tests.browser.conftest import signed_in

pytestmark = pytest.mark.browser
MAX_TABS = 150


def tab_to(page, is_target, what):
    """Press Tab until the focused element passes `is_target` (a JS predicate on document.activeElement)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {is_target})(document.activeElement)"):
            return
    raise AssertionError(f"{MAX_TABS} presses of Tab never reached {what}")


def test_keyboard_only_from_home_page_search_to_a_service(page, directory):
    name = directory.ordinary_service.name
    page.goto(reverse("core:home"))

    tab_to(page, "el.id === 'search-q'", "the search box")
    page.keyboard.type(name)
    page.keyboard.press("Enter")
    page.wait_for_url("**/services/?q=*")
    tab_to(page, f"el.tagName === 'A' && el.textContent.trim() === {name!r}", f"the result {name!r}")
    page.keyboard.press("Enter")

    page.wait_for_url(f"**{reverse('directory:service_detail', args=[directory.ordinary_service.id])}")
    assert page.locator("h1").inner_text() == name


@pytest.mark.parametrize("view", ["home", "service page", "service list"])
def test_no_sideways_scrolling_at_320px(page, directory, view):
    path = {
        "home": reverse("core:home"),
        "service page": reverse("directory:service_detail", args=[directory.crisis_service.id]),
        "service list": reverse("directory:service_list"),
    }[view]
    page.set_viewport_size({"width": 320, "height": 640})

    page.goto(path)

    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_quick_exit_heads_for_a_neutral_site(page, directory):
    page.goto(reverse("directory:service_detail", args=[directory.crisis_service.id]))

    # The context aborts the request itself: the test never reaches the network.
    with page.expect_request(lambda request: request.is_navigation_request()) as leaving:
        page.get_by_role("link", name="Leave this site").click()

    assert leaving.value.url.startswith(QUICK_EXIT_URL)


def test_provider_edits_a_listing_and_the_public_page_shows_it_checked_today(
    context, page, live_server, directory
):
    service = directory.editable_service
    signed_in(context, live_server, directory.editor)

    page.goto(reverse("directory:manage_listings"))
    page.get_by_role("link", name=service.name).click()
    page.get_by_label("What it is").fill("Now meets on synthetic Tuesday evenings too.")
    page.get_by_role("button", name="Save and publish").click()
    expect(page.get_by_text(f"Your changes to {service.name} are published.")).to_be_visible()

    page.goto(reverse("directory:service_detail", args=[service.id]))
    expect(page.get_by_text("Now meets on synthetic Tuesday evenings too.")).to_be_visible()
    expect(page.get_by_text(f"Last checked: {timezone.localdate():%-d %B %Y}")).to_be_visible()
