"""A seeded generator of Open Referral UK services for the benchmarks: national scale, labelled synthetic.

Every name ends with " (synthetic)", every description starts with "Synthetic record for benchmarking.",
every service and organisation carries the source term `synthetic-benchmark`, and phones come from
Ofcom's drama range (020 7946 0000-0999), which is never allocated to a real line. The records go into
a benchmark database only, never into the borough's dataset.
"""

import datetime as dt
import json
import random
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from bench.vocabulary import ZipfSampler, build_lexicon, sentences
from righthelp.directory.models import (
    Address,
    Attribute,
    Contact,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
)

NAMESPACE = uuid.UUID("072f72a2-7172-4499-ba5e-e17c34881a43")
TAXONOMY_FILE = Path(__file__).resolve().parent.parent / "data" / "tower_hamlets" / "taxonomy_terms.json"
SYNTHETIC_SUFFIX = " (synthetic)"
DESCRIPTION_PREFIX = "Synthetic record for benchmarking."
SOURCE_TERM = "synthetic-benchmark"
SOURCE_TERM_ID = uuid.uuid5(NAMESPACE, f"term:source:{SOURCE_TERM}")
SERVICES_PER_ORGANIZATION = 5
ASSURED = dt.date(2026, 1, 15)

# Town centres across England (public coordinates of places, not of services); weights ~ population.
TOWNS = [
    ("London", 51.507, -0.128, 9),
    ("Birmingham", 52.486, -1.890, 3),
    ("Manchester", 53.481, -2.243, 3),
    ("Leeds", 53.801, -1.549, 2),
    ("Liverpool", 53.408, -2.992, 2),
    ("Newcastle upon Tyne", 54.978, -1.618, 2),
    ("Sheffield", 53.381, -1.470, 2),
    ("Bristol", 51.455, -2.588, 2),
    ("Nottingham", 52.954, -1.158, 1),
    ("Leicester", 52.637, -1.140, 1),
    ("Plymouth", 50.376, -4.143, 1),
    ("Norwich", 52.630, 1.297, 1),
    ("Exeter", 50.718, -3.534, 1),
    ("York", 53.960, -1.082, 1),
    ("Cambridge", 52.205, 0.122, 1),
    ("Oxford", 51.752, -1.258, 1),
    ("Southampton", 50.910, -1.404, 1),
    ("Brighton", 50.822, -0.137, 1),
    ("Hull", 53.767, -0.327, 1),
    ("Carlisle", 54.893, -2.936, 1),
    ("Ipswich", 52.057, 1.148, 1),
    ("Lincoln", 53.231, -0.541, 1),
    ("Preston", 53.763, -2.703, 1),
    ("Coventry", 52.407, -1.510, 1),
    ("Derby", 52.923, -1.476, 1),
    ("Reading", 51.454, -0.978, 1),
    ("Middlesbrough", 54.574, -1.235, 1),
    ("Truro", 50.263, -5.051, 1),
    ("Canterbury", 51.280, 1.079, 1),
    ("Stoke-on-Trent", 53.003, -2.180, 1),
]
SERVICE_KINDS = [
    "Service",
    "Hub",
    "Project",
    "Group",
    "Team",
    "Helpline",
    "Clinic",
    "Centre",
    "Network",
    "Cafe",
]
ORGANIZATION_KINDS = [
    "Trust",
    "Charity",
    "Partnership",
    "Foundation",
    "Alliance",
    "Association",
    "Collective",
]
WEEKDAY_PATTERNS = ["MO,TU,WE,TH,FR", "MO,WE,FR", "TU,TH", "SA", "MO,TU,WE,TH,FR,SA,SU", "WE"]
HOURS = [
    (dt.time(9), dt.time(17)),
    (dt.time(10), dt.time(16)),
    (dt.time(18), dt.time(21)),
    (dt.time(8), dt.time(20)),
]


@dataclass
class Batch:
    """Unsaved rows for a run of services, in the order they must be inserted."""

    organizations: list = field(default_factory=list)
    services: list = field(default_factory=list)
    locations: list = field(default_factory=list)
    addresses: list = field(default_factory=list)
    service_at_locations: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    phones: list = field(default_factory=list)
    schedules: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    attributes: list = field(default_factory=list)

    def tables(self):
        return [rows for rows in vars(self).values() if rows]


def taxonomy_terms():
    """The real RightHelp taxonomy terms (ids are uuid5 of `term:<kind>:<slug>`), grouped by taxonomy name."""
    by_taxonomy = {}
    for term in json.loads(TAXONOMY_FILE.read_text(encoding="utf-8")):
        by_taxonomy.setdefault(term["taxonomy"], []).append(term)
    return by_taxonomy


class Generator:
    """Yields Batches of unsaved model instances; the same (n, seed) always yields the same records."""

    def __init__(self, n, seed):
        self.n, self.seed = n, seed
        self.rng = random.Random(f"synthetic-services:{seed}")
        self.sampler = ZipfSampler(build_lexicon())
        terms = taxonomy_terms()
        self.needs = [uuid.UUID(t["id"]) for t in terms["RightHelp needs"]]
        self.routes = [uuid.UUID(t["id"]) for t in terms["RightHelp referral routes"]]
        self.eligibility = [uuid.UUID(t["id"]) for t in terms["RightHelp eligibility"]]
        self.languages = [
            (t["term"], t["name"], uuid.UUID(t["id"])) for t in terms["RightHelp languages offered"]
        ]
        self.town_weights = [w for *_, w in TOWNS]

    def uuid(self):
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def text(self, low, high):
        return sentences(self.sampler, self.rng, self.rng.randint(low, high))

    def title(self, kinds):
        words = self.sampler.words(self.rng, 8)
        chosen = [w for w in words if len(w) > 3][:2] or words[:2]
        return " ".join(w.capitalize() for w in chosen) + " " + self.rng.choice(kinds) + SYNTHETIC_SUFFIX

    def batches(self, size=2000):
        batch = Batch()
        for index in range(self.n):
            if index % SERVICES_PER_ORGANIZATION == 0:
                organization = self.organization(batch)
            self.service(batch, index, organization)
            if len(batch.services) == size:
                yield batch
                batch = Batch()
        if batch.services:
            yield batch

    def organization(self, batch):
        organization = Organization(
            id=self.uuid(),
            name=self.title(ORGANIZATION_KINDS),
            description=f"{DESCRIPTION_PREFIX} {self.text(15, 40)}",
            website="https://example.org/synthetic",
        )
        batch.organizations.append(organization)
        batch.attributes.append(
            self.attribute(SOURCE_TERM_ID, organization.id, Attribute.Entity.ORGANIZATION)
        )
        return organization

    def service(self, batch, index, organization):
        rng = self.rng
        service = Service(
            id=self.uuid(),
            organization_id=organization.id,
            name=self.title(SERVICE_KINDS),
            description=f"{DESCRIPTION_PREFIX} {self.text(25, 90)}",
            url=f"https://example.org/synthetic/{index}",
            email=f"service{index}@example.org",
            status="inactive" if rng.random() < 0.03 else "active",
            eligibility_description=self.text(5, 20),
            application_process=self.text(5, 20),
            minimum_age=rng.choice([None, None, 16, 18]),
            assured_date=ASSURED - dt.timedelta(days=rng.randrange(400)),
            last_modified=dt.datetime(2026, 1, 15, tzinfo=dt.UTC)
            - dt.timedelta(minutes=rng.randrange(500_000)),
        )
        batch.services.append(service)
        term_ids = [SOURCE_TERM_ID, *rng.sample(self.needs, rng.randint(1, 3)), rng.choice(self.routes)]
        if rng.random() < 0.5:
            term_ids.append(rng.choice(self.eligibility))
        if rng.random() < 0.2:
            code, name, term_id = rng.choice(self.languages)
            term_ids.append(term_id)
            batch.languages.append(Language(id=self.uuid(), service_id=service.id, name=name, code=code))
        batch.attributes += [self.attribute(t, service.id, Attribute.Entity.SERVICE) for t in term_ids]
        self.location(batch, service, index)
        self.contact(batch, service, index)
        for _ in range(rng.randint(1, 2)):
            self.schedule(batch, service)

    def attribute(self, term_id, link_id, entity):
        return Attribute(
            id=self.uuid(),
            taxonomy_term_id=term_id,
            link_entity=entity,
            link_id=link_id,
            link_type=entity.value,
        )

    def location(self, batch, service, index):
        town, lat, lon, _ = self.rng.choices(TOWNS, weights=self.town_weights)[0]
        location = Location(
            id=self.uuid(),
            location_type="physical",
            name=f"Synthetic venue {index}{SYNTHETIC_SUFFIX}",
            latitude=round(lat + self.rng.uniform(-0.08, 0.08), 5),
            longitude=round(lon + self.rng.uniform(-0.12, 0.12), 5),
        )
        batch.locations.append(location)
        # ZZ99 3VZ is the NHS pseudo-postcode for "no fixed abode": it can never be a real address.
        batch.addresses.append(
            Address(
                id=self.uuid(),
                location_id=location.id,
                address_1=f"{index} Synthetic Street",
                city=town,
                state_province="England",
                postal_code="ZZ99 3VZ",
                country="GB",
                address_type="physical",
            )
        )
        batch.service_at_locations.append(
            ServiceAtLocation(id=self.uuid(), service_id=service.id, location_id=location.id)
        )

    def contact(self, batch, service, index):
        contact = Contact(id=self.uuid(), service_id=service.id, name=f"Synthetic contact {index}")
        batch.contacts.append(contact)
        batch.phones.append(
            Phone(
                id=self.uuid(),
                contact_id=contact.id,
                number=f"020 7946 0{index % 1000:03d}",
                description="Synthetic number from Ofcom's drama range",
            )
        )

    def schedule(self, batch, service):
        opens_at, closes_at = self.rng.choice(HOURS)
        batch.schedules.append(
            Schedule(
                id=self.uuid(),
                service_id=service.id,
                freq="WEEKLY",
                byday=self.rng.choice(WEEKDAY_PATTERNS),
                opens_at=opens_at,
                closes_at=closes_at,
                description="Synthetic opening hours",
            )
        )
