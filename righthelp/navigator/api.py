"""The navigator's JSON API: GET navigate and POST questionnaires/<phq9|gad7>/score. Open to any origin.

Bad input answers 400 with {"errors": [...]}, each naming its query `parameter` or body `field` (and the
questionnaire `item`), and changes nothing. A 400 still leads with the crisis routes when the text showed a
risk or PHQ-9 item 9 was answered above 0. Nothing a person sends is stored, and answers are never cached.
"""

import json
from functools import wraps

from django.http import HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt

from righthelp.navigator import navigation, presenters, questionnaires, signposts
from righthelp.navigator.crisis_routes import crisis_routes
from righthelp.navigator.needs import need_names
from righthelp.navigator.params import InvalidQuery, parse_query


def json_endpoint(*methods):
    """Only `methods` (and the CORS preflight), CORS for every origin, never cached."""
    allowed = ", ".join([*methods, "OPTIONS"])

    def decorator(view):
        @csrf_exempt  # stateless: nothing is stored, no cookie is read
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "OPTIONS":
                response = HttpResponse(status=204)
                response["Access-Control-Allow-Methods"] = allowed
                response["Access-Control-Allow-Headers"] = "Content-Type"
                response["Access-Control-Max-Age"] = "86400"
            elif request.method not in methods:
                response = _json({"errors": [{"message": f"{request.method} is not allowed here"}]}, 405)
            else:
                response = view(request, *args, **kwargs)
            response["Allow"] = allowed
            response["Access-Control-Allow-Origin"] = "*"
            add_never_cache_headers(response)
            return response

        return wrapper

    return decorator


@json_endpoint("GET", "HEAD")
def navigate(request):
    try:
        query = parse_query(request.GET, known_needs=need_names())
    except InvalidQuery as invalid:
        crisis, routes = navigation.crisis_for_invalid(invalid.text, request.GET.getlist("need"))
        return _json(presenters.invalid_json(invalid.errors, crisis, routes), 400)
    return _json(presenters.answer_json(navigation.navigate(query)))


@json_endpoint("POST")
def questionnaire_score(request, name):
    questionnaire = questionnaires.QUESTIONNAIRES.get(name)
    if questionnaire is None:
        known = " or ".join(questionnaires.QUESTIONNAIRES)
        return _field_error("name", f"there is no questionnaire {name!r}: use {known}", 404)
    try:
        body = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return _field_error("body", 'must be JSON such as {"answers": [0, 1, ...]}')
    answers = body.get("answers") if isinstance(body, dict) else None
    try:
        score = questionnaires.score(questionnaire, answers)
    except questionnaires.InvalidAnswers as invalid:
        risk = questionnaires.risk_answered(questionnaire, answers)
        return _json(presenters.invalid_json(invalid.errors, risk, crisis_routes() if risk else []), 400)
    services = signposts.step_services(questionnaire.slug, score.step)
    return _json(presenters.score_json(score, services, crisis_routes() if score.risk_flag else []))


def _field_error(field, message, status=400):
    return _json({"errors": [{"field": field, "message": message}]}, status)


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
