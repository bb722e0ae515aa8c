"""Loading a page of directory records as ORUK dicts, in a fixed number of queries whatever its size.

Related rows come from .values() (a page of full services is hundreds of rows, and model instances
would cost more than the queries) and are shaped as they arrive. Attributes, which ORUK links by id
rather than by a key, are filled in last by one query for every record on the page.
"""

import datetime
import uuid
from collections import defaultdict
from decimal import Decimal
from functools import cache

from django.db.models import Q

from righthelp.directory.models import (
    Accessibility,
    Address,
    Attribute,
    Contact,
    CostOption,
    Funding,
    Language,
    Location,
    OrganizationIdentifier,
    Phone,
    Schedule,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

Entity = Attribute.Entity
# ORUK names of the columns whose model field has another name.
ORUK_NAMES = {"scheme_id": "taxonomy_id"}
SERVICE_LISTS = {"service_areas": ServiceArea, "funding": Funding, "cost_options": CostOption}


@cache
def attnames(model):
    return tuple(field.attname for field in model._meta.concrete_fields)


def json_value(value):
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime.datetime):
        # UTC with "Z"; milliseconds when there are any (ORUK asks for millisecond accuracy).
        value = value.astimezone(datetime.UTC)
        return value.isoformat(timespec="milliseconds" if value.microsecond else "seconds").replace(
            "+00:00", "Z"
        )
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def oruk_row(model, values, prefix=""):
    """The columns of `model` in `values` (keys `prefix` + attname) under their ORUK names, None left out."""
    out = {}
    for attname in attnames(model):
        value = values[prefix + attname]
        if value is not None:
            out[ORUK_NAMES.get(attname, attname)] = json_value(value)
    return out


def instance_row(record):
    return oruk_row(type(record), {attname: getattr(record, attname) for attname in attnames(type(record))})


def term_row(values, prefix=""):
    """A taxonomy term, with its taxonomy as HSDS 3.0's taxonomy_detail when it has one."""
    term = oruk_row(TaxonomyTerm, values, prefix)
    if values[f"{prefix}scheme_id"] is not None:
        term["taxonomy_detail"] = oruk_row(Taxonomy, values, f"{prefix}scheme__")
    return term


class PageLoader:
    def __init__(self):
        self.attribute_lists = {}  # (entity, id) -> the record's "attributes" list, filled by fill_attributes

    def with_attributes(self, entity, record):
        record["attributes"] = self.attribute_lists.setdefault((entity, record["id"]), [])
        return record

    def grouped(self, model, condition, *keys, entity=None):
        """ORUK dicts of the matching rows (by id), grouped under each of `keys` by that column's value."""
        groups = {key: defaultdict(list) for key in keys}
        for values in model.objects.filter(condition).order_by("id").values(*attnames(model)):
            record = oruk_row(model, values)
            if entity:
                self.with_attributes(entity, record)
            for key in keys:
                if values[key] is not None:
                    groups[key][str(values[key])].append(record)
        return groups

    def fill_attributes(self):
        wanted = defaultdict(list)
        for entity, pk in self.attribute_lists:
            wanted[entity].append(pk)
        if not wanted:
            return
        condition = Q()
        for entity, ids in wanted.items():
            condition |= Q(link_entity=entity, link_id__in=ids)
        term = [f"taxonomy_term__{name}" for name in attnames(TaxonomyTerm)]
        scheme = [f"taxonomy_term__scheme__{name}" for name in attnames(Taxonomy)]
        rows = Attribute.objects.filter(condition).order_by("id").values(*attnames(Attribute), *term, *scheme)
        for values in rows:
            attribute = oruk_row(Attribute, values)
            attribute["taxonomy_term"] = term_row(values, "taxonomy_term__")
            self.attribute_lists[(values["link_entity"], attribute["link_id"])].append(attribute)

    def organizations(self, organizations):
        """Full ORUK dicts (without services) of these Organization instances, by id."""
        ids = [org.id for org in organizations]
        identifiers = self.grouped(
            OrganizationIdentifier,
            Q(organization_id__in=ids),
            "organization_id",
            entity=Entity.ORGANIZATION_IDENTIFIER,
        )["organization_id"]
        out = {}
        for org in organizations:
            record = self.with_attributes(Entity.ORGANIZATION, instance_row(org))
            record["organization_identifiers"] = identifiers[record["id"]]
            out[record["id"]] = record
        return out

    def locations(self, ids):
        """Full ORUK dicts of the locations with these ids, by id."""
        in_locations = Q(location_id__in=ids)
        addresses = self.grouped(Address, in_locations, "location_id", entity=Entity.ADDRESS)["location_id"]
        accessibility = self.grouped(Accessibility, in_locations, "location_id", entity=Entity.ACCESSIBILITY)
        out = {}
        for values in Location.objects.filter(id__in=ids).values(*attnames(Location)):
            record = self.with_attributes(Entity.LOCATION, oruk_row(Location, values))
            record["addresses"] = addresses[record["id"]]
            record["accessibility"] = accessibility["location_id"][record["id"]]
            out[record["id"]] = record
        return out

    def services(self, services, *, with_locations=True):
        """Full ORUK dicts of these Service instances (fetched with their organization), by id."""
        in_services = Q(service_id__in=[service.id for service in services])
        organizations = self.organizations(
            {s.organization_id: s.organization for s in services if s.organization}.values()
        )
        lists = {
            key: self.grouped(model, in_services, "service_id")["service_id"]
            for key, model in SERVICE_LISTS.items()
        }
        contacts, phones, languages = self._contacts_and_phones(in_services)
        sals = (
            self.grouped(ServiceAtLocation, in_services, "service_id")["service_id"] if with_locations else {}
        )
        every_sal = [sal for found in sals.values() for sal in found]
        in_sals = Q(service_at_location_id__in=[sal["id"] for sal in every_sal])
        schedules = self.grouped(Schedule, in_services | in_sals, "service_id", "service_at_location_id")
        self._place(every_sal, schedules["service_at_location_id"])
        out = {}
        for service in services:
            record = self.with_attributes(Entity.SERVICE, instance_row(service))
            sid = record["id"]
            if service.organization:
                record["organization"] = organizations[str(service.organization_id)]
            record["schedules"] = schedules["service_id"][sid]
            record.update((key, found[sid]) for key, found in lists.items())
            record.update(languages=languages[sid], contacts=contacts[sid], phones=phones[sid])
            if with_locations:
                record["service_at_locations"] = sals[sid]
            out[sid] = record
        return out

    def _contacts_and_phones(self, in_services):
        """The services' contacts (with phones), own phones and own languages, each by service id;
        every phone with its languages."""
        contacts = self.grouped(Contact, in_services, "service_id", entity=Entity.CONTACT)["service_id"]
        every_contact = [contact for found in contacts.values() for contact in found]
        in_contacts = Q(contact_id__in=[contact["id"] for contact in every_contact])
        phones = self.grouped(Phone, in_services | in_contacts, "service_id", "contact_id")
        every_phone = [phone for by in phones.values() for found in by.values() for phone in found]
        in_phones = Q(phone_id__in=[phone["id"] for phone in every_phone])
        languages = self.grouped(Language, in_services | in_phones, "service_id", "phone_id")
        for phone in every_phone:
            phone["languages"] = languages["phone_id"][phone["id"]]
        for contact in every_contact:
            contact["phones"] = phones["contact_id"][contact["id"]]
        return contacts, phones["service_id"], languages["service_id"]

    def _place(self, sals, schedules):
        """Each service_at_location gets its location in full and its own schedules."""
        locations = self.locations([sal["location_id"] for sal in sals]) if sals else {}
        for sal in sals:
            sal["location"] = locations[sal["location_id"]]
            sal["schedules"] = schedules[sal["id"]]
