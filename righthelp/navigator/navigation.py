"""The navigator's one code path, for the API, the pages and the command: crisis first, then needs, then
the services that fit."""

from dataclasses import dataclass

from django.utils import timezone

from righthelp.navigator.crisis import CrisisSignal, detect_crisis
from righthelp.navigator.crisis_routes import crisis_routes
from righthelp.navigator.needs import Need, need_names, needs_in_text
from righthelp.navigator.params import NavigatorQuery
from righthelp.navigator.ranking import rank

CRISIS_NEED = "crisis"


@dataclass(frozen=True)
class Answer:
    query: NavigatorQuery
    crisis: bool  # lead with crisis_routes: the text showed a risk, or the person picked "crisis"
    signal: CrisisSignal
    crisis_routes: list
    needs: list
    results: list


def navigate(query, *, at=None):
    """The Answer to a NavigatorQuery, at the aware datetime `at` (now by default)."""
    signal = detect_crisis(query.text)
    crisis = signal.fired or CRISIS_NEED in query.need_slugs
    names = need_names()
    needs = [Need(slug, names[slug], "picker") for slug in query.need_slugs]
    picked = set(query.need_slugs)
    needs += [need for need in needs_in_text(query.text, names) if need.slug not in picked]
    if crisis and CRISIS_NEED in names and all(need.slug != CRISIS_NEED for need in needs):
        needs.append(Need(CRISIS_NEED, names[CRISIS_NEED], "crisis"))
    return Answer(
        query=query,
        crisis=crisis,
        signal=signal,
        crisis_routes=crisis_routes(age=query.age) if crisis else [],
        needs=needs,
        results=rank(query, needs, crisis=crisis, at=at or timezone.now()),
    )


def crisis_for_invalid(text, need_slugs):
    """(crisis, routes) for a request that could not be answered, which still leads with crisis routes."""
    crisis = detect_crisis(text).fired or CRISIS_NEED in need_slugs
    return crisis, crisis_routes() if crisis else []
