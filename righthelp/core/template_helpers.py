"""Globals and filters every Jinja template can use."""

from django.conf import settings
from django.contrib.messages import SUCCESS, get_messages
from django.core.exceptions import NON_FIELD_ERRORS
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


def paragraphs(text):
    """Plain text as HTML paragraphs: blank lines split paragraphs, single line breaks are kept."""
    blocks = [block.strip() for block in (text or "").replace("\r\n", "\n").split("\n\n") if block.strip()]
    return Markup("\n").join(
        Markup("<p>{}</p>").format(block).replace("\n", Markup("<br>")) for block in blocks
    )


def tel_href(number):
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


def csrf_input(request):
    from django.middleware.csrf import get_token

    return Markup(f'<input type="hidden" name="csrfmiddlewaretoken" value="{get_token(request)}">')


def error_summary_items(form):
    """A form's errors as the NHS.UK error summary's list: each links to its field (ids are field names)."""
    items = [{"text": str(message)} for message in form.non_field_errors()]
    for name, messages in form.errors.items():
        if name != NON_FIELD_ERRORS:
            items.extend({"text": str(message), "href": f"#{name}"} for message in messages)
    return items


def field_error(form, name):
    """The NHS.UK `errorMessage` param for one field: its first error, or None."""
    messages = form.errors.get(name)
    return {"text": str(messages[0])} if messages else None


def notifications(request):
    """Messages queued for this visitor (a saved edit, a resolved report), read once."""
    return [{"text": str(message), "success": message.level == SUCCESS} for message in get_messages(request)]


def pagination(page, query):
    """NHS.UK pagination params for a Django page, keeping the visitor's other query parameters;
    None when everything fits on one page."""
    if not page.has_other_pages():
        return None

    def href(number):
        params = query.copy()
        params["page"] = number
        return "?" + params.urlencode()

    items = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if number == page.paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append({"number": number, "href": href(number), "current": number == page.number})
    return {
        "previous": {"href": href(page.previous_page_number())} if page.has_previous() else {},
        "next": {"href": href(page.next_page_number())} if page.has_next() else {},
        "items": items,
    }


GLOBALS = {
    "crisis_routes": crisis.NATIONAL_CRISIS_ROUTES,
    "quick_exit_url": QUICK_EXIT_URL,
    "languages": settings.LANGUAGES,
    "csrf_field": csrf_input,
    "error_summary_items": error_summary_items,
    "field_error": field_error,
    "notifications": notifications,
    "nhs_pagination": pagination,
}
FILTERS = {"london_date": london_date, "tel_href": tel_href, "paragraphs": paragraphs}
