import pytest

pytestmark = pytest.mark.django_db


def test_home_page_carries_crisis_panel_and_quick_exit(client):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Need help now?" in html
    assert 'href="tel:111"' in html and "option 2" in html
    assert 'href="tel:116123"' in html
    assert "sms:85258" in html
    assert "data-quick-exit" in html


def test_about_page(client):
    response = client.get("/about/")

    assert response.status_code == 200
    assert "does not give medical advice" in response.content.decode()


def test_unknown_page_is_404_with_crisis_panel(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Need help now?" in response.content.decode()


def test_every_page_offers_the_quick_exit_to_a_neutral_site_as_a_plain_link(client):
    html = client.get("/about/").content.decode()

    assert 'href="https://www.bbc.co.uk/weather"' in html
    assert "Leave this site" in html


def test_a_page_with_form_errors_says_so_in_its_title(client):
    html = client.get("/services/", {"distance": "999"}).content.decode()

    assert "<title>Error: Find a service \N{EN DASH} RightHelp</title>" in html
