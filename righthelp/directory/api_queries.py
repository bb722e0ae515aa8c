"""Reads behind the ORUK API: which records match a request, in what order, a page at a time.

A list pages the ids first and then loads only that page's records, with the prefetches the export
needs, so a page costs the same however large the directory grows.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import Coalesce

from righthelp.directory import postcodes, schedules, search
from righthelp.directory.api_params import ServiceFilters
from righthelp.directory.models import (
    Attribute,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from righthelp.directory.oruk_export import (
    organizations_for_export,
    service_at_locations_for_export,
)


@dataclass(frozen=True)
class Page:
    ids: list
    total: int


def page_of(ids, paging):
    """One page of `ids` (an ordered queryset of ids, or a list) and how many there are in all."""
    page = list(ids[paging.offset : paging.offset + paging.per_page])
    if len(page) < paging.per_page and (page or paging.offset == 0):
        return Page(page, paging.offset + len(page))  # the last page: no need to count
    return Page(page, len(ids) if isinstance(ids, list) else ids.count())


def in_order(records, ids):
    by_id = {record.pk: record for record in records}
    return [by_id[pk] for pk in ids if pk in by_id]


def matching_services(filters):
    """Services passing the filters that the database can apply, in no particular order."""
    services = Service.objects.all()
    if filters.taxonomy_term_id:
        services = services.filter(id__in=_linked_services(taxonomy_term_id=filters.taxonomy_term_id))
    if filters.taxonomy_id:
        services = services.filter(id__in=_linked_services(taxonomy_term__scheme_id=filters.taxonomy_id))
    if filters.organization_id:
        services = services.filter(organization_id=filters.organization_id)
    if filters.modified_after:
        services = services.filter(last_modified__gte=filters.modified_after)
    # The UK profile's meaning: a minimum age of at least this, a maximum age of at most this.
    if filters.minimum_age is not None:
        services = services.filter(minimum_age__gte=filters.minimum_age)
    if filters.maximum_age is not None:
        services = services.filter(maximum_age__lte=filters.maximum_age)
    return services


def _linked_services(**term):
    return Attribute.objects.filter(link_entity=Attribute.Entity.SERVICE, **term).values("link_id")


def service_ids(filters):
    """Ids of the matching services: most relevant first when searching, otherwise by name."""
    if filters.search and filters.search.strip() and filters == ServiceFilters(search=filters.search):
        # A search alone is the index's own query (search_ids), with no join to rank every match through.
        return search.RankedIds(filters.search)
    services = matching_services(filters)
    ranked = (
        search.search_services(services, filters.search)
        if filters.search
        else services.order_by("name", "id")
    )
    ids = ranked.values_list("id", flat=True)
    if filters.open_during:
        return _open_during(list(ids), ranked, filters.open_during)
    return ids


def _open_during(ids, services, window):
    candidates = services.order_by().values("id")
    rows = Schedule.objects.filter(Q(service__in=candidates) | Q(service_at_location__service__in=candidates))
    schedules_of = defaultdict(list)
    for schedule in rows.annotate(owner=Coalesce("service_id", "service_at_location__service_id")):
        schedules_of[schedule.owner].append(schedule)

    def is_open(pk):
        rows = schedules_of.get(pk)
        return bool(rows) and any(
            schedules.is_open_during(rows, day, window.start_time, window.end_time) for day in window.days
        )

    return [pk for pk in ids if is_open(pk)]


def service_at_location_ids(filters, near):
    """Ids of the service_at_locations of matching services: nearest first when near a postcode (those
    without usable coordinates last, or left out when a proximity is given), else by service."""
    if near is None and not filters.search and not filters.open_during:
        sals = ServiceAtLocation.objects.filter(service__in=matching_services(filters).values("id"))
        return sals.order_by("service__name", "service_id", "id").values_list("id", flat=True)
    rank = {pk: index for index, pk in enumerate(service_ids(filters))}
    rows = ServiceAtLocation.objects.filter(service_id__in=rank).values_list(
        "id", "service_id", "location__latitude", "location__longitude"
    )
    found = [(_distance(near, lat, lon), rank[service], pk) for pk, service, lat, lon in rows]
    if near and near.proximity_m is not None:
        found = [row for row in found if row[0] is not None and row[0] <= near.proximity_m]
    found.sort(key=lambda row: (row[0] is None, row[0] or 0, row[1], str(row[2])))
    return [pk for _, _, pk in found]


def _distance(near, latitude, longitude):
    if near is None or latitude is None or longitude is None:
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None  # not a place on Earth (ORUK's own examples use 100, 101)
    return postcodes.distance_m(near.place.latitude, near.place.longitude, latitude, longitude)


def organization_ids():
    return Organization.objects.order_by("name", "id").values_list("id", flat=True)


def taxonomy_ids():
    return Taxonomy.objects.order_by("name", "id").values_list("id", flat=True)


def taxonomy_term_ids(*, taxonomy_id, parent_id, top_only):
    terms = TaxonomyTerm.objects.order_by("name", "id")
    if taxonomy_id:
        terms = terms.filter(scheme_id=taxonomy_id)
    if parent_id:
        terms = terms.filter(parent_id=parent_id)
    if top_only:
        terms = terms.filter(parent__isnull=True)
    return terms.values_list("id", flat=True)


def services(ids):
    """The list shape's services (full ones come stored: documents.documents_of)."""
    return in_order(Service.objects.filter(pk__in=ids).select_related("organization"), ids)


def minimal_services(ids):
    return in_order(Service.objects.filter(pk__in=ids).only("id", "last_modified"), ids)


def service_at_locations(ids, *, full):
    loaded = ServiceAtLocation.objects.filter(pk__in=ids)
    if full:
        return in_order(service_at_locations_for_export(loaded), ids)
    return in_order(loaded.select_related("location", "service__organization"), ids)


def organizations(ids, *, full=False, full_services=False):
    loaded = Organization.objects.filter(pk__in=ids)
    return in_order(organizations_for_export(loaded, full_services=full_services) if full else loaded, ids)


def taxonomies(ids):
    return in_order(Taxonomy.objects.filter(pk__in=ids), ids)


def taxonomy_terms(ids):
    return in_order(TaxonomyTerm.objects.filter(pk__in=ids).select_related("scheme"), ids)


def terms_of(taxonomy):
    return taxonomy.terms.select_related("scheme").order_by("name", "id")
