"""The navigator's pages: find help, my list, and the PHQ-9 / GAD-7 self-checks.

What a person writes about their mental health is sent by POST (never in a URL, so never in a log), used
for one answer and forgotten. My list keeps only service ids in the session; self-check answers are scored
and forgotten. Pages holding an answer are never cached.
"""

import uuid

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from righthelp.navigator import forms, navigation, presenters, queries, questionnaires, signposts
from righthelp.navigator.crisis_routes import crisis_routes
from righthelp.navigator.needs import need_names

MY_LIST_KEY = "navigator_my_list"  # service ids only, never anything a person wrote
MAX_SAVED = 20


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def find_help(request):
    form = forms.FindHelpForm(
        request.POST if request.method == "POST" else None,
        needs=need_names(),
        languages=queries.language_names(),
    )
    if form.is_bound and form.is_valid():
        answer = navigation.navigate(form.query)
        context = {
            "page_title": _("Help that might fit"),
            "urgent_routes": answer.crisis_routes,
            "needs": answer.needs,
            "results": presenters.result_items(answer.results, _saved_ids(request)),
            "robots": "noindex, nofollow",
        }
        return render(request, "navigator/results.html", context)
    routes = []
    if form.is_bound:  # an answer that cannot be given still leads with crisis routes when it should
        _crisis, routes = navigation.crisis_for_invalid(
            request.POST.get("q", ""), request.POST.getlist("need")
        )
    context = {
        "page_title": _("Find help"),
        "form": form,
        "urgent_routes": routes,
        "need_items": presenters.choice_items(form.fields["need"].choices),
        "language_items": presenters.choice_items(form.fields["language"].choices),
    }
    return render(request, "navigator/find.html", context)


@never_cache
def my_list(request):
    saved = _saved_ids(request)
    services = queries.active_services(uuid.UUID(service_id) for service_id in saved)
    terms = queries.terms_by_service([service.id for service in services])
    context = {
        "page_title": _("My list"),
        "services": presenters.saved_items(services, terms, saved, at=timezone.now()),
        "robots": "noindex, nofollow",
    }
    return render(request, "navigator/my_list.html", context)


@require_POST
def add_to_list(request):
    service = _active_service_or_404(request.POST.get("service", ""))
    saved = _saved_ids(request)
    if str(service.id) not in saved:
        request.session[MY_LIST_KEY] = [*saved, str(service.id)][-MAX_SAVED:]
    messages.success(request, _("%(name)s is on your list.") % {"name": service.name})
    return redirect("find:my_list")


@require_POST
def remove_from_list(request):
    service_id = request.POST.get("service", "")
    saved = _saved_ids(request)
    if service_id in saved:
        request.session[MY_LIST_KEY] = [saved_id for saved_id in saved if saved_id != service_id]
        messages.success(request, _("The service was taken off your list."))
    return redirect("find:my_list")


def self_check_choose(request):
    context = {
        "page_title": _("Check how you have been feeling"),
        "questionnaires": questionnaires.QUESTIONNAIRES,
    }
    return render(request, "navigator/self_check_choose.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def self_check(request, name):
    questionnaire = questionnaires.QUESTIONNAIRES.get(name)
    if questionnaire is None:
        raise Http404("No such self-check")
    form = forms.SelfCheckForm(request.POST or None, questionnaire=questionnaire)
    if form.is_bound and form.is_valid():
        return _self_check_result(request, questionnaire, form.answers())
    risk = form.is_bound and questionnaires.risk_answered(questionnaire, form.answers())
    context = {
        "page_title": _("%(name)s self-check") % {"name": questionnaire.name},
        "questionnaire": questionnaire,
        "form": form,
        "items": [
            (forms.field_name(number), text) for number, text in enumerate(questionnaire.items, start=1)
        ],
        "answer_items": [{"value": str(value), "text": _(label)} for value, label in questionnaires.OPTIONS],
        "attribution": questionnaires.ATTRIBUTION,
        "urgent_routes": crisis_routes() if risk else [],
        "robots": "noindex, nofollow",
    }
    return render(request, "navigator/self_check.html", context)


def _self_check_result(request, questionnaire, answers):
    score = questionnaires.score(questionnaire, answers)
    context = {
        "page_title": _("Your %(name)s result") % {"name": questionnaire.name},
        "questionnaire": questionnaire,
        "score": score,
        "severity": presenters.severity_words(score.severity),
        "urgent_routes": crisis_routes() if score.risk_flag else [],
        "services": presenters.step_service_items(signposts.step_services(questionnaire.slug, score.step)),
        "not_a_diagnosis": questionnaires.NOT_A_DIAGNOSIS,
        "attribution": questionnaires.ATTRIBUTION,
        "robots": "noindex, nofollow",
    }
    return render(request, "navigator/self_check_result.html", context)


def _saved_ids(request):
    return list(request.session.get(MY_LIST_KEY, []))


def _active_service_or_404(raw_id):
    try:
        service_id = uuid.UUID(raw_id)
    except ValueError:
        raise Http404("No such service") from None
    services = queries.active_services([service_id])
    if not services:
        raise Http404("No such service")
    return services[0]
