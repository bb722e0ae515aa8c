"""Answers shaped as the API's JSON (the navigate answer is also what `manage.py navigate --json` prints).

A navigate result: `score` is its ranking points (ranking.py), `reasons` why it fits, best first, `open_now`
true, false or null (hours not known), `access` its referral-route slugs, `distance_m` metres from the
postcode to its nearest located site, or null.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from righthelp.directory.presenters import ServicePresenter
from righthelp.navigator.questionnaires import ATTRIBUTION, NOT_A_DIAGNOSIS
from righthelp.navigator.ranking import ROUTE_ORDER


def answer_json(answer):
    return {
        "crisis": answer.crisis,
        "crisis_routes": answer.crisis_routes,
        "results": [result_json(result) for result in answer.results],
        "query": query_json(answer.query, answer.needs),
    }


def result_json(result):
    service = result.service
    return {
        "id": str(service.id),
        "name": service.name,
        "organization": service.organization.name if service.organization else None,
        "score": result.score,
        "reasons": result.reasons,
        "open_now": result.open_now,
        "access": result.access,
        "distance_m": result.distance_m,
    }


def query_json(query, needs):
    return {
        "q": query.text,
        "needs": [
            {"slug": need.slug, "name": need.name, "from": need.source, "words": need.words} for need in needs
        ],
        "postcode": query.postcode,
        "age": query.age,
        "language": query.language,
        "open_now": query.open_now,
        "self_referral": query.self_referral,
    }


def invalid_json(errors, crisis, routes):
    """A 400's body: what was wrong, and the crisis routes all the same when the text showed a risk."""
    return {"errors": errors, "crisis": crisis, "crisis_routes": routes}


def score_json(score, services, routes):
    """A self-check result: crisis routes first when the risk item was answered, then the step."""
    return {
        "questionnaire": score.questionnaire.slug,
        "risk_flag": score.risk_flag,
        "crisis_routes": routes,
        "total": score.total,
        "max_total": score.questionnaire.max_total,
        "severity": score.severity,
        "step": score.step,
        "next_steps": list(score.next_steps),
        "services": services,
        "note": NOT_A_DIAGNOSIS,
        "attribution": ATTRIBUTION,
    }


# The navigator's pages. Everything below shapes answers for templates; the JSON above is unchanged.

MILES_PER_METRE = 1 / 1609.344


def choice_items(choices):
    """A form field's choices as NHS.UK checkbox or select items."""
    return [{"value": value, "text": str(text)} for value, text in choices]


def access_words(routes):
    """A service's referral-route slugs, in ROUTE_ORDER, as plain ways in."""
    words = {
        "self-referral": _("You can refer yourself"),
        "walk-in": _("Walk in, no referral needed"),
        "phone": _("By phone"),
        "text": _("By text message"),
        "online": _("Online"),
        "email": _("By email"),
        "gp-referral": _("Through your GP"),
        "professional-referral": _("A professional, such as a social worker, refers you"),
    }
    return [words[route] for route in routes if route in words]


def result_items(results, saved_ids):
    """Ranked Results as the results page lists them."""
    return [
        {
            "id": str(result.service.id),
            "name": result.service.name,
            "url": reverse("directory:service_detail", args=[result.service.id]),
            "organisation": result.service.organization.name if result.service.organization else "",
            "reasons": result.reasons,
            "open_now": _open_words(result.open_now),
            "access": access_words(result.access),
            "distance": _distance_words(result.distance_m),
            "saved": str(result.service.id) in saved_ids,
        }
        for result in results
    ]


def saved_items(services, terms, saved_ids, *, at):
    """My list, in the order the services were added. `services` are the saved ones still listed, `terms`
    navigator ServiceTerms by service id."""
    by_id = {str(service.id): service for service in services}
    items = []
    for service_id in saved_ids:
        if service_id in by_id:
            service = ServicePresenter(by_id[service_id], terms=[], at=at)
            routes = terms[service.id].routes
            items.append(
                {
                    "id": service_id,
                    "name": service.name,
                    "url": service.url,
                    "access": access_words([route for route in ROUTE_ORDER if route in routes]),
                    "phones": service.phones,
                    "email": service.email,
                    "website": service.website,
                }
            )
    return items


def step_service_items(services):
    """signposts.step_services() with their ways in in plain words and a link to each page."""
    return [
        {
            **service,
            "url": reverse("directory:service_detail", args=[service["id"]]),
            "access": access_words(service["access"]),
        }
        for service in services
    ]


def severity_words(severity):
    words = {
        "minimal": _("Minimal: few or no signs of this"),
        "mild": _("Mild"),
        "moderate": _("Moderate"),
        "moderately severe": _("Moderately severe"),
        "severe": _("Severe"),
    }
    return words[severity]


def _open_words(open_now):
    if open_now is None:
        return _("Opening hours unknown")
    return _("Open now") if open_now else _("Closed now")


def _distance_words(metres):
    if metres is None:
        return ""
    return _("%(miles).1f miles away") % {"miles": metres * MILES_PER_METRE}
