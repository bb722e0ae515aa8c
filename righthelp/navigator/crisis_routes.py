"""The crisis routes an answer leads with when it shows a risk: 999/A&E, NHS 111 option 2, the borough's
walk-in Together Café, Samaritans, Shout. The national four are the urgent-help panel's (core/crisis.py);
the café comes from its directory record, so nothing about it is written here that the record does not say.
"""

from django.urls import reverse

from righthelp.core.crisis import NATIONAL_CRISIS_ROUTES
from righthelp.directory import schedules
from righthelp.directory.models import Address
from righthelp.navigator import queries

CAFE_AFTER = 2  # after 999 and NHS 111 option 2, before Samaritans and Shout


def crisis_routes(*, age=None):
    """The routes in order, as JSON-ready dicts; the café is left out for someone outside its ages."""
    routes = [_national(route) for route in NATIONAL_CRISIS_ROUTES]
    cafe = queries.together_cafe()
    if cafe is not None and _fits_age(cafe, age):
        routes.insert(CAFE_AFTER, _walk_in(cafe))
    return routes


def _national(route):
    if route.kind == "text":
        href = f"sms:{route.number}?body=SHOUT"
    else:
        href = "tel:" + "".join(ch for ch in route.number if ch.isdigit())
    return {
        "name": str(route.name),
        "action": str(route.action),
        "number": route.number,
        "when": str(route.when),
        "kind": route.kind,
        "href": href,
        "service_id": None,
    }


def _walk_in(cafe):
    ages = f" (ages {cafe.minimum_age} and over)" if cafe.minimum_age else ""
    return {
        "name": cafe.name,
        "action": f"Walk in, no referral needed{ages}",
        "number": None,
        "when": _unknowns(cafe),
        "kind": "walk-in",
        "href": reverse("directory:service_detail", args=[cafe.id]),
        "service_id": str(cafe.id),
    }


def _unknowns(cafe):
    has_address = Address.objects.filter(location__service_at_locations__service=cafe).exists()
    has_hours = bool(schedules.service_schedules(cafe))
    missing = [what for what, known in (("address", has_address), ("opening times", has_hours)) if not known]
    if not missing:
        return "see its page for the address and opening times"
    return f"{' and '.join(missing)} to be confirmed".capitalize()


def _fits_age(service, age):
    return age is None or (
        (service.minimum_age is None or age >= service.minimum_age)
        and (service.maximum_age is None or age <= service.maximum_age)
    )
