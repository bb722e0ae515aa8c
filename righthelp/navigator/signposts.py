"""The directory services each step of stepped care points to, chosen by their terms, never by name.

self-help: services for recovery and wellbeing or loneliness (not housing or crisis services);
talking-therapies: services for the questionnaire's need that people can refer themselves to;
gp-review: services for that need reached through a GP or by referring yourself.
Crisis services are left out: a risk answer puts the crisis routes first instead. So are services only
for a particular group (carers, people who are homeless, ...), which a self-check cannot know you are in.
"""

from dataclasses import dataclass

from righthelp.directory.queries import term_id
from righthelp.navigator import queries
from righthelp.navigator.ranking import OPEN_TO_ANYONE, ROUTE_ORDER

QUESTIONNAIRE_NEED = {"phq9": "low-mood", "gad7": "anxiety"}
# Eligibility most residents meet: a service carrying one of these is not only for a particular group.
GENERAL_ELIGIBILITY = OPEN_TO_ANYONE | {"tower-hamlets-gp-registered"}


@dataclass(frozen=True)
class StepRule:
    needs: tuple  # any of these; None: the questionnaire's own need
    routes: tuple = ()  # any of these, when given
    excluded_needs: tuple = ("crisis",)


RULES = {
    "self-help": StepRule(
        needs=("recovery-and-wellbeing", "loneliness"), excluded_needs=("crisis", "housing")
    ),
    "talking-therapies": StepRule(needs=None, routes=("self-referral",)),
    "gp-review": StepRule(needs=None, routes=("gp-referral", "self-referral")),
}


def step_services(questionnaire_slug, step):
    """[{"id", "name", "organization", "access"}] for the step, by name."""
    rule = RULES[step]
    need_slugs = rule.needs or (QUESTIONNAIRE_NEED[questionnaire_slug],)
    linked = queries.services_with_terms(term_id("need", slug) for slug in need_slugs)
    services = queries.active_services(linked)
    terms = queries.terms_by_service([service.id for service in services])
    chosen = [service for service in services if _fits(rule, terms[service.id])]
    return [
        {
            "id": str(service.id),
            "name": service.name,
            "organization": service.organization.name if service.organization else None,
            "access": [route for route in ROUTE_ORDER if route in terms[service.id].routes],
        }
        for service in sorted(chosen, key=lambda service: service.name.casefold())
    ]


def _fits(rule, terms):
    if terms.crisis or set(rule.excluded_needs) & terms.needs.keys():
        return False
    if rule.routes and not set(rule.routes) & terms.routes.keys():
        return False
    return not terms.eligibility or bool(GENERAL_ELIGIBILITY & terms.eligibility.keys())
