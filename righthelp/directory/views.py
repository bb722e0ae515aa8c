"""Directory pages: the public list, service pages and problem reports; providers' own listings."""

import logging

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from righthelp.accounts.models import ROLES_EDITING_LISTINGS
from righthelp.accounts.permissions import require_membership
from righthelp.directory import actions, forms, presenters, queries
from righthelp.directory.models import ProblemReport

RESULTS_PER_PAGE = 20
logger = logging.getLogger(__name__)
require_listing_editor = require_membership(*ROLES_EDITING_LISTINGS)


def service_list(request):
    now = timezone.now()
    form = forms.ServiceFilterForm(request.GET or None, need_terms=queries.need_terms())
    page = Paginator(queries.find_services(form.criteria(now=now)), RESULTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    services = list(page.object_list)
    context = {
        "page_title": _("Find a service"),
        "form": form,
        "need_items": presenters.need_items(form),
        "distance_items": presenters.distance_items(form),
        "page": page,
        "results": presenters.result_cards(services, terms=queries.terms_by_service(services), at=now),
    }
    return render(request, "directory/service_list.html", context)


def service_detail(request, service_id):
    service = queries.public_service_or_404(service_id)
    presenter = presenters.ServicePresenter(
        service, terms=queries.terms_by_service([service])[service.id], at=timezone.now()
    )
    context = {
        "page_title": service.name,
        "service": presenter,
        "stale_months": presenters.stale_after_months(),
    }
    return render(request, "directory/service_detail.html", context)


def report_problem(request, service_id):
    service = queries.reportable_service_or_404(service_id)
    form = forms.ProblemReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.report_problem(service=service, **form.cleaned_data)
        return redirect("directory:report_sent", service_id=service.id)
    context = {
        "page_title": _("Report a problem with %(name)s") % {"name": service.name},
        "service": service,
        "form": form,
    }
    return render(request, "directory/report_problem.html", context, status=400 if form.errors else 200)


def report_sent(request, service_id):
    service = queries.reportable_service_or_404(service_id)
    return render(
        request,
        "directory/report_sent.html",
        {"page_title": _("Thank you for your report"), "service": service},
    )


# Provider pages: every read goes through request.membership.organization.


def _own_or_404(request, find, record_id):
    try:
        return find(request.membership.organization, record_id)
    except Http404:
        # Another organisation's record, or none: the attempt is worth knowing about.
        logger.warning(
            "User %s asked for %s %s outside their organisation", request.user.pk, find.__name__, record_id
        )
        raise


@require_listing_editor
def manage_listings(request):
    organization = request.membership.organization
    context = {
        "page_title": _("Your listings"),
        "organization": organization,
        "rows": presenters.listing_rows(queries.organisation_services(organization)),
        "stale_months": presenters.stale_after_months(),
        "robots": "noindex, nofollow",
    }
    return render(request, "directory/manage/listings.html", context)


@require_listing_editor
def manage_edit_listing(request, service_id):
    service = _own_or_404(request, queries.organisation_service_or_404, service_id)
    title = _("Edit %(name)s") % {"name": service.name}
    form = forms.ListingForm(request.POST or None, instance=service)
    changed_meanwhile = False
    if request.method == "POST" and form.is_valid():
        if not form.changes():
            messages.info(request, _("You did not change anything, so nothing was saved."))
            return redirect("directory:manage_edit_listing", service_id=service.id)
        try:
            edited = actions.edit_listing(
                service=service,
                editor=request.user,
                changes=form.changes(),
                expected_last_modified=form.cleaned_data["last_modified_seen"],
            )
        except actions.ListingChangedMeanwhile:
            # Show the listing as it now is, so the editor sees the other change before making theirs.
            changed_meanwhile = True
            form = forms.ListingForm(
                instance=queries.organisation_service_or_404(service.organization, service.id)
            )
        else:
            messages.success(request, _("Your changes to %(name)s are published.") % {"name": edited.name})
            return redirect("directory:manage_listings")
    context = {
        "page_title": title,
        "service": service,
        "form": form,
        "changed_meanwhile": changed_meanwhile,
        "status_items": presenters.status_items(form),
        "history": queries.listing_history(request.membership.organization, service),
        "robots": "noindex, nofollow",
    }
    status = 409 if changed_meanwhile else 400 if form.errors else 200
    return render(request, "directory/manage/edit_listing.html", context, status=status)


@require_POST
@require_listing_editor
def manage_confirm_listing(request, service_id):
    service = _own_or_404(request, queries.organisation_service_or_404, service_id)
    actions.confirm_listing(service=service, editor=request.user)
    messages.success(request, _("%(name)s is marked as checked today.") % {"name": service.name})
    return redirect("directory:manage_listings")


@require_listing_editor
def manage_reports(request):
    organization = request.membership.organization
    context = {
        "page_title": _("Problem reports"),
        "open_reports": queries.organisation_problem_reports(organization, ProblemReport.Status.OPEN),
        "resolved_reports": queries.organisation_problem_reports(organization, ProblemReport.Status.RESOLVED)[
            :50
        ],
        "robots": "noindex, nofollow",
    }
    return render(request, "directory/manage/reports.html", context)


@require_POST
@require_listing_editor
def manage_resolve_report(request, report_id):
    report = _own_or_404(request, queries.organisation_problem_report_or_404, report_id)
    actions.resolve_problem_report(report=report, by=request.user)
    messages.success(
        request, _("The report about %(name)s is marked as resolved.") % {"name": report.service.name}
    )
    return redirect("directory:manage_reports")
