"""Writes to the directory from its pages. Each one is atomic and leaves its audit record."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from righthelp.accounts.models import ROLES_EDITING_LISTINGS, Membership
from righthelp.directory import documents
from righthelp.directory.models import ListingEdit, ProblemReport, Service

logger = logging.getLogger(__name__)

# What a provider may change on their own listing; everything else comes from the borough's data.
EDITABLE_LISTING_FIELDS = (
    "name",
    "description",
    "eligibility_description",
    "application_process",
    "url",
    "email",
    "minimum_age",
    "maximum_age",
    "alert",
    "status",
)
# Callers that do not check for a change made meanwhile pass nothing.
UNCHECKED = object()


class ListingChangedMeanwhile(Exception):
    """Someone else saved the listing after this editor opened it: their change must not be lost."""


@transaction.atomic
def report_problem(*, service, what_is_wrong, reporter_email=""):
    """File a problem report with the organisation that owns the listing, and tell its listing editors
    that one has arrived. The email says only which listing: the report itself stays in RightHelp."""
    if service.organization_id is None:
        raise ValueError(f"Service {service.id} has no organisation to send a problem report to.")
    report = ProblemReport.objects.create(
        service=service,
        organization_id=service.organization_id,
        what_is_wrong=what_is_wrong,
        reporter_email=reporter_email or "",
    )
    transaction.on_commit(lambda: _tell_listing_editors(service))
    return report


def _tell_listing_editors(service):
    editors = Membership.objects.filter(
        organization_id=service.organization_id, role__in=ROLES_EDITING_LISTINGS
    )
    addresses = sorted(set(editors.values_list("user__email", flat=True)))
    if not addresses:
        return
    link = settings.SITE_URL.rstrip("/") + reverse("directory:manage_reports")
    try:
        send_mail(
            subject="RightHelp: a problem has been reported with one of your listings",
            message=(
                f"Someone has reported a problem with your listing “{service.name}”.\n\n"
                f"Sign in to RightHelp to read it: {link}\n"
            ),
            from_email=None,
            recipient_list=addresses,
        )
    except OSError:
        # The report is saved and waits on the organisation's reports page; a mail outage must not lose it.
        logger.exception("Could not email listing editors about a problem report on service %s", service.id)


@transaction.atomic
def edit_listing(*, service, editor, changes, expected_last_modified=UNCHECKED):
    """Write the changed fields, mark the listing checked today, record who changed what, refresh its
    stored document and search entry."""
    unknown = set(changes) - set(EDITABLE_LISTING_FIELDS)
    if unknown:
        raise ValueError(f"Not editable on a listing: {', '.join(sorted(unknown))}")
    locked = Service.objects.select_for_update().get(pk=service.pk)
    if expected_last_modified is not UNCHECKED and locked.last_modified != expected_last_modified:
        raise ListingChangedMeanwhile(service.pk)
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.last_modified = timezone.now()
    locked.assured_date = timezone.localdate()
    locked.full_clean(exclude=["organization"])
    locked.save()
    ListingEdit.objects.create(service=locked, editor=editor, fields=sorted(changes))
    documents.refresh_read_models([locked.id])
    return locked


@transaction.atomic
def confirm_listing(*, service, editor):
    """The provider says the listing is still right: it is checked today, and that is recorded."""
    locked = Service.objects.select_for_update().get(pk=service.pk)
    locked.assured_date = timezone.localdate()
    locked.last_modified = timezone.now()
    locked.save(update_fields=["assured_date", "last_modified"])
    ListingEdit.objects.create(service=locked, editor=editor, fields=[], confirmed_unchanged=True)
    documents.refresh_read_models([locked.id])
    return locked


@transaction.atomic
def resolve_problem_report(*, report, by):
    """Close a problem report, recording who and when. Resolving twice keeps the first record."""
    locked = ProblemReport.objects.select_for_update().get(pk=report.pk)
    if locked.status == ProblemReport.Status.RESOLVED:
        return locked
    locked.status = ProblemReport.Status.RESOLVED
    locked.resolved_by = by
    locked.resolved_at = timezone.now()
    locked.save(update_fields=["status", "resolved_by", "resolved_at"])
    return locked
