"""Synthetic listings for the directory page tests. Every name says "(synthetic)"; no real facts."""

from datetime import time

from django.utils import timezone

from righthelp.directory.models import (
    Address,
    Attribute,
    Location,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from righthelp.directory.queries import taxonomy_id, term_id


def make_term(taxonomy_slug, term_slug, name, description=""):
    scheme, _ = Taxonomy.objects.get_or_create(
        id=taxonomy_id(taxonomy_slug),
        defaults={"name": f"RightHelp {taxonomy_slug}", "description": "Synthetic."},
    )
    term, _ = TaxonomyTerm.objects.get_or_create(
        id=term_id(taxonomy_slug, term_slug),
        defaults={"scheme": scheme, "name": name, "description": description, "term": term_slug},
    )
    return term


def link(service, *terms):
    for term in terms:
        Attribute.objects.create(taxonomy_term=term, link_entity=Attribute.Entity.SERVICE, link_id=service.id)


def make_service(organization, name="Example Wellbeing Service (synthetic)", **fields):
    fields.setdefault("status", Service.Status.ACTIVE)
    fields.setdefault("description", f"{name} is a made-up service for tests. It does not exist.")
    fields.setdefault("assured_date", timezone.localdate())
    return Service.objects.create(organization=organization, name=name, **fields)


def open_every_day(service, opens=time(9), closes=time(17)):
    return Schedule.objects.create(
        service=service,
        freq="WEEKLY",
        interval=1,
        byday="MO,TU,WE,TH,FR,SA,SU",
        opens_at=opens,
        closes_at=closes,
    )


def add_phone(service, number="01632 960000", description="Synthetic test number"):
    # 01632 960xxx is Ofcom's range reserved for drama: it never reaches anyone.
    return Phone.objects.create(service=service, number=number, description=description)


def place_at(service, latitude, longitude, postal_code="ZZ1 1ZZ"):
    location = Location.objects.create(
        location_type="physical", name=f"{service.name} site", latitude=latitude, longitude=longitude
    )
    Address.objects.create(
        location=location,
        address_1="1 Example Street (synthetic)",
        city="London",
        state_province="London",
        postal_code=postal_code,
        country="GB",
        address_type="physical",
    )
    return ServiceAtLocation.objects.create(service=service, location=location)
