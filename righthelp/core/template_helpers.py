"""Globals and filters every Jinja template can use."""

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from markupsafe import Markup

from righthelp.core import crisis

# Where "Leave this site" goes: a neutral page that gives nothing away (the GOV.UK pattern's choice).
QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"


def london_date(value, fmt="j F Y"):
    if value is None:
        return ""
    if hasattr(value, "tzinfo"):
        value = timezone.localtime(value)
    return date_format(value, fmt)


def tel_href(number):
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


def csrf_input(request):
    from django.middleware.csrf import get_token

    return Markup(f'<input type="hidden" name="csrfmiddlewaretoken" value="{get_token(request)}">')


GLOBALS = {
    "crisis_routes": crisis.NATIONAL_CRISIS_ROUTES,
    "quick_exit_url": QUICK_EXIT_URL,
    "languages": settings.LANGUAGES,
    "csrf_field": csrf_input,
}
FILTERS = {"london_date": london_date, "tel_href": tel_href}
