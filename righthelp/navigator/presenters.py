"""Answers shaped as the API's JSON (the navigate answer is also what `manage.py navigate --json` prints).

A navigate result: `score` is its ranking points (ranking.py), `reasons` why it fits, best first, `open_now`
true, false or null (hours not known), `access` its referral-route slugs, `distance_m` metres from the
postcode to its nearest located site, or null.
"""

from righthelp.navigator.questionnaires import ATTRIBUTION, NOT_A_DIAGNOSIS


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
