"""The navigator's pages in a real browser, on the borough's data: axe finds no violations on any of them,
and a person can find help, keep a service on their list and do a self-check."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.test_accessibility import assert_accessible, check_current_page

pytestmark = pytest.mark.browser


def find_help(page, text):
    page.goto(reverse("find:find_help"))
    page.get_by_label("What's happening?").fill(text)
    page.get_by_role("button", name="Find help").click()


def test_find_help_form_and_its_errors(page, directory):
    assert_accessible(page, reverse("find:find_help"))

    page.get_by_label("Age", exact=True).fill("very old")
    page.get_by_role("button", name="Find help").click()
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()
    expect(page.get_by_label("Age", exact=True)).to_have_value("very old")
    check_current_page(page)


def test_results_with_and_without_a_crisis(page, directory):
    find_help(page, "I want to end it all")
    expect(page.get_by_role("heading", name="Talk to someone today")).to_be_visible()
    check_current_page(page)

    find_help(page, "I feel anxious and worried all the time")
    expect(page.get_by_role("heading", name="Help that might fit")).to_be_visible()
    expect(page.get_by_role("heading", name="Talk to someone today")).to_have_count(0)
    check_current_page(page)


def test_journey_from_what_is_happening_to_my_list(page, directory):
    find_help(page, "I feel low and can't sleep")
    first = page.locator(".rh-navigator-results .rh-result").first
    name = first.locator("h2").inner_text()
    first.get_by_role("button", name=re.compile("Add to my list")).click()

    expect(page.get_by_role("heading", name="My list")).to_be_visible()
    page.goto(reverse("find:my_list"))
    expect(page.locator(".rh-saved-service h2")).to_have_text([name])
    expect(page.get_by_role("button", name="Print this list")).to_be_visible()
    check_current_page(page)
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name=re.compile("^Remove"))).to_be_hidden()
    expect(page.locator(".rh-saved-service h2")).to_be_visible()
    page.emulate_media(media="screen")

    page.get_by_role("button", name=re.compile("^Remove")).click()
    expect(page.get_by_text("Your list is empty")).to_be_visible()
    check_current_page(page)


def test_self_check_choose_questions_errors_and_a_risk_result(page, directory):
    assert_accessible(page, reverse("find:self_check_choose"))
    page.get_by_role("link", name="Low mood (PHQ-9)").click()
    expect(page.get_by_role("heading", name="PHQ-9 self-check")).to_be_visible()
    check_current_page(page)

    page.get_by_role("button", name="See my result").click()
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()
    check_current_page(page)

    for number in range(1, 9):
        page.locator(f"#item-{number}").check()  # "Not at all"
    page.locator("#item-9-2").check()  # "Several days"
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_role("heading", name="Talk to someone today")).to_be_visible()
    expect(page.get_by_text("This is a self-check, not a diagnosis")).to_be_visible()
    check_current_page(page)
