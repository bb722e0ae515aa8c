"""Reads for the navigator and the self-check: which services carry which terms, and what ranking needs."""

import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from righthelp.directory import schedules
from righthelp.directory.models import Attribute, Service, ServiceAtLocation, TaxonomyTerm
from righthelp.directory.queries import taxonomy_id, term_id

TOGETHER_CAFE_ID = uuid.uuid5(
    uuid.UUID("072f72a2-7172-4499-ba5e-e17c34881a43"), "service:tower-hamlets-together-cafe"
)
CRISIS_SERVICE_TERM_ID = term_id("crisis", "crisis-service")
# The taxonomies whose terms say who a service is for and how to reach it, by the name ranking uses.
TAXONOMIES = {
    taxonomy_id("need"): "needs",
    taxonomy_id("referral-route"): "routes",
    taxonomy_id("eligibility"): "eligibility",
    taxonomy_id("language"): "languages",
    taxonomy_id("crisis"): "crisis",
}


@dataclass
class ServiceTerms:
    """A service's terms in each taxonomy, as {term slug: term name}."""

    needs: dict = field(default_factory=dict)
    routes: dict = field(default_factory=dict)
    eligibility: dict = field(default_factory=dict)
    languages: dict = field(default_factory=dict)
    crisis: dict = field(default_factory=dict)


def services_with_terms(term_ids):
    """{service id: {slugs of those terms it carries}}."""
    rows = Attribute.objects.filter(link_entity=Attribute.Entity.SERVICE, taxonomy_term_id__in=list(term_ids))
    found = defaultdict(set)
    for service_id, slug in rows.values_list("link_id", "taxonomy_term__term"):
        found[service_id].add(slug)
    return found


def active_services(service_ids):
    """The active services among these ids (inactive, closed and defunct ones cannot help now), with what
    open-now and languages need."""
    services = Service.objects.filter(id__in=list(service_ids), status=Service.Status.ACTIVE)
    return list(
        services.select_related("organization").prefetch_related(*schedules.SCHEDULE_PREFETCH, "languages")
    )


def terms_by_service(service_ids):
    """{service id: ServiceTerms} for these services, in one query."""
    rows = Attribute.objects.filter(
        link_entity=Attribute.Entity.SERVICE,
        link_id__in=list(service_ids),
        taxonomy_term__scheme_id__in=TAXONOMIES,
    ).values_list("link_id", "taxonomy_term__scheme_id", "taxonomy_term__term", "taxonomy_term__name")
    found = defaultdict(ServiceTerms)
    for service_id, scheme_id, slug, name in rows.order_by("taxonomy_term__name"):
        getattr(found[service_id], TAXONOMIES[scheme_id])[slug] = name
    return found


def site_coordinates(service_ids):
    """{service id: [(latitude, longitude)]} for the services' located sites."""
    sites = ServiceAtLocation.objects.filter(
        service_id__in=list(service_ids), location__latitude__isnull=False, location__longitude__isnull=False
    ).values_list("service_id", "location__latitude", "location__longitude")
    found = defaultdict(list)
    for service_id, latitude, longitude in sites:
        found[service_id].append((latitude, longitude))
    return found


def language_names():
    """{code: name} of the languages the directory records services as offering."""
    terms = TaxonomyTerm.objects.filter(scheme_id=taxonomy_id("language"))
    return dict(terms.values_list("term", "name"))


def together_cafe():
    """The borough's walk-in crisis café, when the directory lists it as active; else None."""
    return Service.objects.filter(id=TOGETHER_CAFE_ID, status=Service.Status.ACTIVE).first()
