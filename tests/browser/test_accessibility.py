"""axe-core finds no violations on any public page, nor on the provider's pages."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import signed_in

pytestmark = pytest.mark.browser
axe = Axe()


def assert_accessible(page, path):
    response = page.goto(path)
    assert response.ok, f"{path} answered {response.status}"
    check_current_page(page)


def check_current_page(page):
    results = axe.run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def test_information_pages(page, directory):
    assert_accessible(page, reverse("core:home"))
    assert_accessible(page, reverse("core:about"))
    assert_accessible(page, reverse("accounts:login"))


def test_service_list_and_a_search(page, directory):
    assert_accessible(page, reverse("directory:service_list"))
    assert_accessible(page, reverse("directory:service_list") + "?q=support&self_referral=on&page=1")


def test_service_list_with_bad_input(page, directory):
    response = page.goto(reverse("directory:service_list") + "?postcode=ZZ99+9ZZ")

    assert response.ok
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()
    check_current_page(page)


def test_service_pages_crisis_and_ordinary(page, directory):
    assert_accessible(page, reverse("directory:service_detail", args=[directory.crisis_service.id]))
    assert_accessible(page, reverse("directory:service_detail", args=[directory.ordinary_service.id]))


def test_report_a_problem_form_its_errors_and_confirmation(page, directory):
    assert_accessible(page, reverse("directory:report_problem", args=[directory.ordinary_service.id]))

    page.get_by_role("button", name="Send report").click()
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()
    check_current_page(page)

    page.get_by_label("What is wrong?").fill("The synthetic test says the hours look wrong.")
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("heading", name="Report sent")).to_be_visible()
    check_current_page(page)


def test_provider_pages(context, page, live_server, directory):
    signed_in(context, live_server, directory.editor)

    assert_accessible(page, reverse("directory:manage_listings"))
    assert_accessible(page, reverse("directory:manage_edit_listing", args=[directory.editable_service.id]))
    assert_accessible(page, reverse("directory:manage_reports"))
