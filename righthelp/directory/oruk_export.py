"""Directory records as Open Referral UK 3.0 JSON: the UK profile's shapes plus HSDS 3.0 extras (ADR 0003).

Properties are named as the model fields (ADR 0003); None values are left out. The list shapes need
only the records themselves. The full shapes need a page loaded by a `*_for_export` function, which
does it in a fixed number of queries (oruk_loader) and attaches each record's full shape to it.
"""

from django.db.models import Q

from righthelp.directory.models import Organization, Schedule, Service, ServiceAtLocation
from righthelp.directory.oruk_loader import PageLoader, instance_row, json_value

FULL = "oruk_full"


def services_for_export(queryset):
    """The services of `queryset`, loaded for service_to_oruk(full=True)."""
    services = list(queryset.select_related("organization"))
    loader = PageLoader()
    full = loader.services(services)
    loader.fill_attributes()
    for service in services:
        setattr(service, FULL, full[str(service.id)])
    return services


def service_at_locations_for_export(queryset):
    """The service_at_locations of `queryset`, loaded for service_at_location_to_oruk(full=True): each
    with its location and its service in full (the service without its other locations)."""
    sals = list(queryset.select_related("location", "service__organization"))
    loader = PageLoader()
    services = loader.services(
        list({sal.service_id: sal.service for sal in sals}.values()), with_locations=False
    )
    locations = loader.locations([sal.location_id for sal in sals])
    in_sals = Q(service_at_location_id__in=[sal.id for sal in sals])
    schedules = loader.grouped(Schedule, in_sals, "service_at_location_id")["service_at_location_id"]
    loader.fill_attributes()
    for sal in sals:
        sid = str(sal.id)
        full = {**instance_row(sal), "location": locations[str(sal.location_id)], "schedules": schedules[sid]}
        setattr(sal, FULL, {**full, "service": services[str(sal.service_id)]})
    return sals


def organizations_for_export(queryset, *, full_services=False):
    """The organizations of `queryset`, loaded for organization_to_oruk(full=True): with identifiers,
    attributes and services, those in full when `full_services`."""
    organizations = list(queryset)
    services = list(
        Service.objects.filter(organization__in=organizations)
        .select_related("organization")
        .order_by("name", "id")
    )
    loader = PageLoader()
    full = loader.organizations(organizations)
    if full_services:
        shaped = loader.services(services)
    else:
        shaped = {str(s.id): service_to_oruk(s, full=False) for s in services}
    loader.fill_attributes()
    for org in organizations:
        own = [shaped[str(s.id)] for s in services if s.organization_id == org.id]
        setattr(org, FULL, {**full[str(org.id)], "services": own})
    return organizations


def service_to_oruk(service, *, full=True):
    """The service as ORUK JSON: in full (load with services_for_export), or the list shape: its own
    one-to-one fields and its organization's."""
    if full:
        if not hasattr(service, FULL):
            [service] = services_for_export(Service.objects.filter(pk=service.pk))
        return getattr(service, FULL)
    out = instance_row(service)
    if service.organization:
        out["organization"] = instance_row(service.organization)
    return out


def minimal_service_to_oruk(service):
    """The UK profile's `minimal` shape: enough for a client to tell which services changed."""
    out = {"id": json_value(service.id)}
    if service.last_modified is not None:
        out["last_modified"] = json_value(service.last_modified)
    return out


def organization_to_oruk(org, *, full=False):
    """One-to-one fields, or in full with its services (load with organizations_for_export)."""
    if not full:
        return instance_row(org)
    if not hasattr(org, FULL):
        [org] = organizations_for_export(Organization.objects.filter(pk=org.pk))
    return getattr(org, FULL)


def service_at_location_to_oruk(sal, *, full=True):
    """In full (load with service_at_locations_for_export), or the list shape: the one-to-one fields of
    the service at a location, of its location, and of its service and organization."""
    if full:
        if not hasattr(sal, FULL):
            [sal] = service_at_locations_for_export(ServiceAtLocation.objects.filter(pk=sal.pk))
        return getattr(sal, FULL)
    return {
        **instance_row(sal),
        "location": instance_row(sal.location),
        "service": service_to_oruk(sal.service, full=False),
    }


def taxonomy_to_oruk(taxonomy, *, terms=None):
    out = instance_row(taxonomy)
    if terms is not None:
        out["taxonomy_terms"] = [taxonomy_term_to_oruk(term) for term in terms]
    return out


def taxonomy_term_to_oruk(term):
    """The term, with its taxonomy as HSDS 3.0's taxonomy_detail (load with select_related("scheme"))."""
    out = instance_row(term)
    if term.scheme_id:
        out["taxonomy_detail"] = instance_row(term.scheme)
    return out
