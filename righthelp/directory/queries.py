"""Reads for the directory pages.

Public reads see listed services only. Every read of personal data (problem reports, listing edits) or of
a provider's own listings takes the organisation and filters by it, so another organisation's record is
simply not found.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from righthelp.directory import schedules, search
from righthelp.directory.models import (
    Attribute,
    ListingEdit,
    ProblemReport,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from righthelp.directory.postcodes import distance_m

# Taxonomy and term ids are stable names under one namespace, so code can refer to "need: low mood".
TAXONOMY_NAMESPACE = uuid.UUID("072f72a2-7172-4499-ba5e-e17c34881a43")
# The public list shows services people can use now or soon; inactive and defunct ones keep their page.
LISTED_STATUSES = (Service.Status.ACTIVE, Service.Status.TEMPORARILY_CLOSED)


def taxonomy_id(slug):
    return uuid.uuid5(TAXONOMY_NAMESPACE, f"taxonomy:{slug}")


def term_id(taxonomy_slug, term_slug):
    return uuid.uuid5(TAXONOMY_NAMESPACE, f"term:{taxonomy_slug}:{term_slug}")


SELF_REFERRAL_TERM_ID = term_id("referral-route", "self-referral")


@dataclass(frozen=True)
class Criteria:
    """What a visitor asked the service list for; empty criteria list everything."""

    text: str = ""
    need_slugs: tuple = ()
    self_referral: bool = False
    open_at: object = None  # an aware datetime
    near: object = None  # a postcodes.Place
    within_m: float | None = None


def need_terms():
    """The needs a visitor can filter by: terms of the `need` taxonomy that some service has."""
    linked = Attribute.objects.filter(link_entity=Attribute.Entity.SERVICE).values("taxonomy_term_id")
    return TaxonomyTerm.objects.filter(scheme_id=taxonomy_id("need"), id__in=linked).order_by("name")


def find_services(criteria):
    """Listed services matching the criteria: nearest first when a place is given, else by relevance
    to the search text, else by name. A queryset, or a list when sorted by distance."""
    services = Service.objects.filter(status__in=LISTED_STATUSES).select_related("organization")
    if criteria.need_slugs:
        wanted = [term_id("need", slug) for slug in criteria.need_slugs]
        services = services.filter(id__in=_linked_service_ids(wanted))
    if criteria.self_referral:
        services = services.filter(id__in=_linked_service_ids([SELF_REFERRAL_TERM_ID]))
    if criteria.open_at is not None:
        services = services.filter(id__in=schedules.services_open_at(services, criteria.open_at))
    if criteria.text:
        services = search.search_services(services, criteria.text)
    services = services.prefetch_related(*schedules.SCHEDULE_PREFETCH)
    if criteria.near is not None:
        return services_near(services, criteria.near, criteria.within_m)
    return services


def _linked_service_ids(term_ids):
    return Attribute.objects.filter(
        link_entity=Attribute.Entity.SERVICE, taxonomy_term_id__in=term_ids
    ).values("link_id")


def services_near(services, place, within_m):
    """Services with a located site within `within_m` metres of `place`, nearest first, each carrying
    `distance_m`. Services without a known location cannot be placed, so they are left out."""
    sites = ServiceAtLocation.objects.filter(
        service__in=services, location__latitude__isnull=False, location__longitude__isnull=False
    ).values_list("service_id", "location__latitude", "location__longitude")
    nearest = {}
    for service_id, latitude, longitude in sites:
        metres = distance_m(place.latitude, place.longitude, latitude, longitude)
        if metres <= within_m and metres < nearest.get(service_id, float("inf")):
            nearest[service_id] = metres
    found = list(services.filter(id__in=nearest))
    for service in found:
        service.distance_m = nearest[service.id]
    return sorted(found, key=lambda service: (service.distance_m, service.name))


def terms_by_service(services):
    """{service id: [taxonomy terms]} for these services, in one query."""
    attributes = Attribute.objects.filter(
        link_entity=Attribute.Entity.SERVICE, link_id__in=[service.id for service in services]
    ).select_related("taxonomy_term")
    found = defaultdict(list)
    for attribute in attributes.order_by("taxonomy_term__name"):
        found[attribute.link_id].append(attribute.taxonomy_term)
    return found


def public_service_or_404(service_id):
    """One service with everything its public page shows."""
    services = Service.objects.select_related("organization").prefetch_related(
        *schedules.SCHEDULE_PREFETCH,
        "phones",
        "contacts__phones",
        "languages",
        "service_at_locations__location__addresses",
    )
    return get_object_or_404(services, id=service_id)


def reportable_service_or_404(service_id):
    """A service whose problem reports have an organisation to go to."""
    return get_object_or_404(
        Service.objects.select_related("organization"), id=service_id, organization__isnull=False
    )


# Provider pages: everything below is scoped to one organisation.


def organisation_services(organization):
    """The organisation's services with how many problem reports are still open."""
    open_reports = Count("problem_reports", filter=Q(problem_reports__status=ProblemReport.Status.OPEN))
    return Service.objects.filter(organization=organization).annotate(open_report_count=open_reports)


def organisation_service_or_404(organization, service_id):
    return get_object_or_404(Service, id=service_id, organization=organization)


def organisation_problem_reports(organization, status):
    reports = ProblemReport.objects.filter(organization=organization, status=status)
    return reports.select_related("service", "resolved_by")


def organisation_problem_report_or_404(organization, report_id):
    return get_object_or_404(ProblemReport, id=report_id, organization=organization)


def listing_history(organization, service, limit=10):
    """The latest edits to one of the organisation's listings, newest first."""
    edits = ListingEdit.objects.filter(service=service, service__organization=organization)
    return edits.select_related("editor")[:limit]
