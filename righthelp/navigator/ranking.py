"""Which services fit what a person asked, best first, each with the reasons it fits.

Candidates are the active services carrying a need the person picked or named; the services the search
index finds for their words, when the text named no need that any service meets (and shows no risk);
and, when the text shows a risk, every crisis service. A service the person cannot use is left out, not
ranked low: outside its age range (an "Adults" service is 18 and over), without a self-referral or
walk-in route when they asked for those, closed when they asked for open now.

Points (a result's `score`): the first need it meets 50 and each further one 10; a search hit 20, less 2
for each better hit before it (at least 5); an age range the person fits 10; "Tower Hamlets residents"
with a postcode in the borough 10, or -20 with one outside; their language offered 15; up to 15 for a
site near their postcode (nothing from 5 km); open now 10. Crisis services come first when the text
shows a risk; then higher scores, then names.
"""

from dataclasses import dataclass

from righthelp.directory import schedules, search
from righthelp.directory.models import Service
from righthelp.directory.postcodes import distance_m
from righthelp.directory.queries import term_id
from righthelp.navigator import queries
from righthelp.navigator.text import normalise

MAX_RESULTS = 10
SEARCH_HIT_LIMIT = 30
ADULT_AGE = 18
POINTS = {"first need": 50, "more need": 10, "search": 20, "search step": 2, "search least": 5}
POINTS |= {"age": 10, "resident": 10, "not resident": -20, "language": 15, "near": 15, "open now": 10}
NEAR_SCALE_M = 5000
SELF_ACCESS_ROUTES = {"self-referral", "walk-in"}
# How a person reaches a service, in the order results list them: those needing no one else first.
ROUTE_ORDER = ("self-referral", "walk-in", "phone", "text", "online", "email")
ROUTE_ORDER += ("gp-referral", "professional-referral")
# Districts mostly in Tower Hamlets (as data/postcodes/ marks them): a postcode elsewhere may be outside it.
BOROUGH_DISTRICTS = {"E1", "E1W", "E2", "E3", "E14"}
# Eligibility said by other reasons (age, residency) or saying nothing about who cannot use a service.
OPEN_TO_ANYONE = {"anyone-in-the-uk", "anyone-in-england", "adults", "tower-hamlets-residents"}
GROUP_WORDING = {"tower-hamlets-gp-registered": "people registered with a Tower Hamlets GP"}

# Words that match but say nothing about why ('Mentions "help"' explains nothing).
UNTELLING_WORDS = {
    "help",
    "need",
    "needs",
    "want",
    "like",
    "get",
    "feel",
    "felt",
    "feeling",
    "find",
    "ve",
    "im",
}


@dataclass
class Result:
    service: Service
    score: int
    reasons: list
    open_now: bool | None  # None: its hours are not known
    access: list
    distance_m: int | None
    crisis_service: bool


@dataclass
class _Context:
    query: object
    needs: list
    hit_order: dict
    open_ids: set
    sites: dict
    languages: dict
    at: object


def rank(query, needs, *, crisis, at):
    """Up to MAX_RESULTS Results for a NavigatorQuery and its needs.Need list, at the aware datetime `at`."""
    by_need = queries.services_with_terms(term_id("need", need.slug) for need in needs)
    hits = _search_hits(query, needs, by_need) if not crisis else []
    crisis_ids = queries.services_with_terms([queries.CRISIS_SERVICE_TERM_ID]) if crisis else {}
    services = queries.active_services({*by_need, *hits, *crisis_ids})
    ids = [service.id for service in services]
    terms = queries.terms_by_service(ids)
    context = _Context(
        query=query,
        needs=needs,
        hit_order={service_id: position for position, service_id in enumerate(hits)},
        open_ids=schedules.services_open_at(Service.objects.filter(id__in=ids), at),
        sites=queries.site_coordinates(ids) if query.place else {},
        languages=queries.language_names() if query.language else {},
        at=at,
    )
    results = [
        _result(service, terms[service.id], context)
        for service in services
        if _usable(service, terms[service.id], context)
    ]
    results.sort(key=lambda r: (not (crisis and r.crisis_service), -r.score, r.service.name.casefold()))
    return results[:MAX_RESULTS]


def _search_hits(query, needs, by_need):
    """Search the index only when the text named no need any service meets: then the words are all we have."""
    named = {need.slug for need in needs if need.source == "text"}
    if not query.text or any(slugs & named for slugs in by_need.values()):
        return []
    return search.search_ids(query.text, limit=SEARCH_HIT_LIMIT)


def age_range(service, terms):
    """(minimum, maximum) age, None where open; an "Adults" service without a minimum is 18 and over."""
    minimum = service.minimum_age
    if minimum is None and "adults" in terms.eligibility:
        minimum = ADULT_AGE
    return minimum, service.maximum_age


def _usable(service, terms, context):
    query = context.query
    minimum, maximum = age_range(service, terms)
    if query.age is not None and (
        (minimum is not None and query.age < minimum) or (maximum is not None and query.age > maximum)
    ):
        return False
    if query.self_referral and not SELF_ACCESS_ROUTES & terms.routes.keys():
        return False
    return not query.open_now or service.id in context.open_ids


def _result(service, terms, context):
    scored = [
        _need_match(terms, context),
        _search_match(service, terms, context),
        _access(terms),
        _age_fit(service, terms, context),
        _who_for(terms),
        _residency(terms, context),
        _language(service, terms, context),
    ]
    distance = _nearest(service, context)
    scored.append(_distance(distance))
    is_open = service.id in context.open_ids
    scored.append((POINTS["open now"], "Open now") if is_open else (0, None))
    return Result(
        service=service,
        score=sum(points for points, _ in scored),
        reasons=[reason for _, reason in scored if reason],
        open_now=True if is_open else _known_closed(service, context.at),
        access=[route for route in ROUTE_ORDER if route in terms.routes],
        distance_m=None if distance is None else round(distance),
        crisis_service=bool(terms.crisis),
    )


def _need_match(terms, context):
    met = [need for need in context.needs if need.slug in terms.needs]
    if not met:
        return 0, None
    names = [_lower_first(need.name) for need in met]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return POINTS["first need"] + POINTS["more need"] * (len(met) - 1), f"Helps with {listed}"


def _search_match(service, terms, context):
    position = context.hit_order.get(service.id)
    if position is None:
        return 0, None
    points = max(POINTS["search least"], POINTS["search"] - POINTS["search step"] * position)
    haystack = normalise(" ".join([service.name, service.description or "", *terms.needs.values()])).split(
        " "
    )
    words = [word for word in search.Query.parse(context.query.text).words if word not in UNTELLING_WORDS]
    found = [word for word in words if _mentions(haystack, word)]
    if not found:
        return points, "Matches what you wrote"
    return points, "Mentions " + ", ".join(f'"{word}"' for word in found[:3])


def _mentions(haystack, word):
    prefix = word[: min(len(word), max(4, len(word) - 2))]
    return any(token.startswith(prefix) for token in haystack)


def _access(terms):
    if SELF_ACCESS_ROUTES & terms.routes.keys():
        return (
            0,
            "You can refer yourself" if "self-referral" in terms.routes else "Walk in, no referral needed",
        )
    if "gp-referral" in terms.routes:
        return 0, "Through your GP"
    return 0, None


def _age_fit(service, terms, context):
    minimum, maximum = age_range(service, terms)
    if minimum is None and maximum is None:
        return 0, None
    if maximum is None:
        ages = f"ages {minimum} and over"
    elif minimum is None:
        ages = f"ages up to {maximum}"
    else:
        ages = f"ages {minimum} to {maximum}"
    if context.query.age is None:
        return 0, f"For {ages}"
    return POINTS["age"], f"Suits your age ({ages})"


def _who_for(terms):
    groups = [
        GROUP_WORDING.get(slug, _lower_first(name))
        for slug, name in terms.eligibility.items()
        if slug not in OPEN_TO_ANYONE
    ]
    return 0, (f"For {', '.join(groups)}" if groups else None)


def _residency(terms, context):
    if "tower-hamlets-residents" not in terms.eligibility:
        return 0, None
    place = context.query.place
    if place is None:
        return 0, "For Tower Hamlets residents"
    if place.postcode.split(" ")[0] in BOROUGH_DISTRICTS:  # "E1 6AN", "E1 6" and "E1" are all in E1
        return POINTS["resident"], "For Tower Hamlets residents, as you are"
    return POINTS["not resident"], "For Tower Hamlets residents: your postcode may be outside the borough"


def _language(service, terms, context):
    wanted = context.query.language
    offered = set(terms.languages) | {(row.code or "").lower() for row in service.languages.all()}
    if wanted is None or wanted not in offered:
        return 0, None
    return POINTS["language"], f"Offered in {context.languages.get(wanted, wanted)}"


def _nearest(service, context):
    place = context.query.place
    sites = context.sites.get(service.id)
    if place is None or not sites:
        return None
    return min(
        distance_m(place.latitude, place.longitude, latitude, longitude) for latitude, longitude in sites
    )


def _distance(metres):
    if metres is None:
        return 0, None
    points = round(POINTS["near"] * max(0.0, 1 - metres / NEAR_SCALE_M))
    away = f"{metres / 1000:.1f} km away" if metres >= 1000 else f"{round(metres, -1):.0f} m away"
    return points, away


def _known_closed(service, at):
    """False when the service's hours are known (it is closed now); None when they are not."""
    status = schedules.open_status(schedules.service_schedules(service), at)
    return False if status.known else None


def _lower_first(text):
    return text[:1].lower() + text[1:]
