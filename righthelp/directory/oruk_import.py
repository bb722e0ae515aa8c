"""Import Open Referral UK 3.0 services: the UK profile plus the HSDS 3.0 extras of ADR 0003.

Every record is validated against the profile's schemas before anything is written; then the whole
import runs in one transaction, upserting by id, so a failure leaves the directory as it was and a
re-import changes nothing. An array present in a record replaces the stored rows (rows it no longer
lists are removed); an absent array leaves them alone. Records referred to by id only (an
organization_id, a taxonomy_term_id, a parent_id ...) must exist, in the directory or in the import.
"""

import json
from collections import defaultdict

from django.db import transaction
from django.db.models import Q

from righthelp.directory import documents, oruk_validation
from righthelp.directory.models import (
    Accessibility,
    Address,
    Attribute,
    Contact,
    CostOption,
    Funding,
    Language,
    Location,
    Organization,
    OrganizationIdentifier,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from righthelp.directory.oruk_rows import (
    ORUKImportError,
    convert,
    record_id,
    remove_unlisted,
    row_values,
    upsert,
)

__all__ = ["ORUKImportError", "import_services"]

SERVICE_LISTS = {
    "service_areas": ServiceArea,
    "languages": Language,
    "funding": Funding,
    "cost_options": CostOption,
}
Entity = Attribute.Entity


def import_services(records, *, taxonomy_terms=()):
    """Validate and import ORUK service records and free-standing taxonomy terms; returns the service ids.

    Raises ORUKImportError listing every problem ("services[3].schedules[0].opens_at: ...") and
    writes nothing when any record is invalid.
    """
    services = [oruk_validation.with_taxonomy_details(record) for record in records]
    terms = [oruk_validation.with_taxonomy_detail(term) for term in taxonomy_terms]
    errors = _schema_errors(oruk_validation.taxonomy_term_validator(), terms, "taxonomy_terms")
    errors += _schema_errors(oruk_validation.service_validator(), services, "services")
    if errors:
        raise ORUKImportError(errors)
    with transaction.atomic():
        writer = _Writer()
        for index, term in enumerate(terms):
            writer.term(term, f"taxonomy_terms[{index}]")
        service_ids = [
            writer.service(service, f"services[{index}]") for index, service in enumerate(services)
        ]
        writer.resolve_references()
        documents.refresh_read_models(writer.services_to_refresh(service_ids))
    return service_ids


def _schema_errors(validator, records, name):
    return [
        error
        for index, record in enumerate(records)
        for error in oruk_validation.errors_in(validator, record, f"{name}[{index}]")
    ]


class _Writer:
    def __init__(self):
        self.written = {}  # (model, id) -> the JSON last written, so shared records are written once
        self.references = defaultdict(dict)  # model -> {id: path}: ids that must exist when the import ends
        self.parents = defaultdict(dict)  # (model, attname) -> {id: (parent id or None, path)}
        self.before = {}  # (model, id) -> a shared taxonomy row as it was before the import, or None

    def row(self, model, data, path, *, parents=None, fixed=None, entity=None):
        """Upsert one row, and its attributes when `entity` names it. `parents` are the foreign keys its
        place in the record implies (a nested `service_id` etc. must agree); `fixed` are set from context."""
        pk = record_id(model, data, path)
        for attname, value in (parents or {}).items():
            given = data.get(attname)
            if given is not None and convert(model._meta.pk, given, f"{path}.{attname}") != value:
                raise ORUKImportError([f"{path}.{attname}: must be {value}, the id of the record it is in"])
        upsert(model, pk, {**row_values(model, data, path), **(parents or {}), **(fixed or {})})
        if entity:
            self.replace(
                data,
                path,
                "attributes",
                Attribute,
                {"link_entity": entity, "link_id": pk},
                write=self.attribute,
            )
        return pk

    def first_time(self, model, data):
        key, canonical = (model, data["id"]), json.dumps(data, sort_keys=True)
        if self.written.get(key) == canonical:
            return False
        if model in (TaxonomyTerm, Taxonomy) and key not in self.before:
            self.before[key] = _stored_row(model, data["id"])
        self.written[key] = canonical
        return True

    def services_to_refresh(self, service_ids):
        """The imported services, and the others whose full JSON embeds a shared record written here:
        the services of its organizations and locations, and of any taxonomy term or taxonomy it changed
        (terms are shared by thousands of services, so only a real change refreshes them)."""
        written = defaultdict(list)
        for model, pk in self.written:
            written[model].append(pk)
        changed = {
            model: [pk for (m, pk), row in self.before.items() if m is model and _stored_row(m, pk) != row]
            for model in (TaxonomyTerm, Taxonomy)
        }
        terms = TaxonomyTerm.objects.filter(
            Q(pk__in=changed[TaxonomyTerm]) | Q(scheme_id__in=changed[Taxonomy])
        ).values("pk")
        linked = Attribute.objects.filter(taxonomy_term__in=terms)
        others = Service.objects.filter(
            Q(organization_id__in=written[Organization])
            | Q(service_at_locations__location_id__in=written[Location])
            | Q(pk__in=linked.filter(link_entity=Entity.SERVICE).values("link_id"))
            | Q(organization_id__in=linked.filter(link_entity=Entity.ORGANIZATION).values("link_id"))
        )
        return [*service_ids, *others.values_list("pk", flat=True).distinct()]

    def replace(self, data, path, key, model, owner, *, fixed=None, entity=None, write=None):
        """Write the rows listed under `key`, when the record has it, and remove the rows of `owner` it no
        longer lists. `entity` names the rows for their attributes."""
        if key not in data:
            return
        items = [(item, f"{path}.{key}[{index}]") for index, item in enumerate(data[key])]
        if write:
            kept = [write(item, at, owner) for item, at in items]
        else:
            kept = [
                self.row(model, item, at, parents=owner, fixed=fixed, entity=entity) for item, at in items
            ]
        remove_unlisted(model.objects.filter(**owner, **(fixed or {})), kept, entity)

    def nested_or_reference(self, data, path, key, id_key, model, write):
        """The id of the record nested under `key` (written now) or referred to by `id_key`."""
        given = data.get(id_key)
        given = None if given is None else convert(model._meta.pk, given, f"{path}.{id_key}")
        if data.get(key) is None:
            if given is not None:
                self.references[model].setdefault(given, f"{path}.{id_key}")
            return given
        written = write(data[key], f"{path}.{key}")
        if given is not None and given != written:
            raise ORUKImportError([f"{path}.{id_key}: does not match {key}.id"])
        return written

    def parent(self, model, attname, pk, data, path):
        given = data.get(attname)
        parent = None if given is None else convert(model._meta.pk, given, f"{path}.{attname}")
        self.parents[(model, attname)][pk] = (parent, f"{path}.{attname}")

    def service(self, data, path):
        organization = self.nested_or_reference(
            data, path, "organization", "organization_id", Organization, self.organization
        )
        sid = self.row(Service, data, path, fixed={"organization_id": organization}, entity=Entity.SERVICE)
        owner = {"service_id": sid}
        self.replace(
            data, path, "service_at_locations", ServiceAtLocation, owner, write=self.service_at_location
        )
        self.replace(data, path, "schedules", Schedule, owner, write=self.service_schedule)
        for key, model in SERVICE_LISTS.items():
            self.replace(data, path, key, model, owner)
        self.replace(data, path, "contacts", Contact, owner, entity=Entity.CONTACT, write=self.contact)
        self.replace(data, path, "phones", Phone, owner, fixed={"contact_id": None}, write=self.phone)
        return sid

    def service_schedule(self, data, path, owner):
        """A service's schedule may also name one of the service's own service_at_locations."""
        sal = data.get("service_at_location_id")
        if sal is not None:
            sal = convert(ServiceAtLocation._meta.pk, sal, f"{path}.service_at_location_id")
            if not ServiceAtLocation.objects.filter(pk=sal, **owner).exists():
                raise ORUKImportError([f"{path}.service_at_location_id: not one of this service's locations"])
        return self.row(Schedule, data, path, parents=owner, fixed={"service_at_location_id": sal})

    def service_at_location(self, data, path, owner):
        location = self.nested_or_reference(data, path, "location", "location_id", Location, self.location)
        if location is None:
            raise ORUKImportError([f"{path}: needs a location or a location_id"])
        sal = self.row(ServiceAtLocation, data, path, parents=owner, fixed={"location_id": location})
        self.replace(
            data, path, "schedules", Schedule, {"service_at_location_id": sal}, fixed={"service_id": None}
        )
        return sal

    def contact(self, data, path, owner):
        cid = self.row(Contact, data, path, parents=owner, entity=Entity.CONTACT)
        self.replace(
            data, path, "phones", Phone, {"contact_id": cid}, fixed={"service_id": None}, write=self.phone
        )
        return cid

    def phone(self, data, path, owner):
        other_owner = {"contact_id": None} if "service_id" in owner else {"service_id": None}
        pid = self.row(Phone, data, path, parents=owner, fixed=other_owner)
        self.replace(data, path, "languages", Language, {"phone_id": pid}, fixed={"service_id": None})
        return pid

    def organization(self, data, path):
        oid = record_id(Organization, data, path)
        if self.first_time(Organization, data):
            self.row(Organization, data, path, entity=Entity.ORGANIZATION)
            self.parent(Organization, "parent_organization_id", oid, data, path)
            self.replace(
                data, path, "organization_identifiers", OrganizationIdentifier, {"organization_id": oid},
                entity=Entity.ORGANIZATION_IDENTIFIER,
            )  # fmt: skip
        return oid

    def location(self, data, path):
        lid = record_id(Location, data, path)
        if self.first_time(Location, data):
            self.row(Location, data, path, entity=Entity.LOCATION)
            owner = {"location_id": lid}
            self.replace(data, path, "addresses", Address, owner, entity=Entity.ADDRESS)
            self.replace(data, path, "accessibility", Accessibility, owner, entity=Entity.ACCESSIBILITY)
        return lid

    def attribute(self, data, path, owner):
        term = self.nested_or_reference(
            data, path, "taxonomy_term", "taxonomy_term_id", TaxonomyTerm, self.term
        )
        if term is None:
            raise ORUKImportError([f"{path}: needs a taxonomy_term or a taxonomy_term_id"])
        # link_id defaults to the record the attribute hangs off; link_entity is always that record's table.
        link_id = convert(Attribute._meta.get_field("link_id"), data.get("link_id"), f"{path}.link_id")
        fixed = {"taxonomy_term_id": term, **owner, "link_id": link_id or owner["link_id"]}
        return self.row(Attribute, data, path, fixed=fixed)

    def term(self, data, path):
        tid = record_id(TaxonomyTerm, data, path)
        if self.first_time(TaxonomyTerm, data):
            scheme = self.nested_or_reference(
                data, path, "taxonomy_detail", "taxonomy_id", Taxonomy, self.taxonomy
            )
            self.row(TaxonomyTerm, data, path, fixed={"scheme_id": scheme})
            self.parent(TaxonomyTerm, "parent_id", tid, data, path)
        return tid

    def taxonomy(self, data, path):
        if self.first_time(Taxonomy, data):
            self.row(Taxonomy, data, path)
        return record_id(Taxonomy, data, path)

    def resolve_references(self):
        """Check that every id referred to exists, then set the parent links: parents may come later."""
        errors = [error for model, wanted in self.references.items() for error in _missing(model, wanted)]
        for (model, _), links in self.parents.items():
            errors += _missing(model, {parent: path for parent, path in links.values() if parent is not None})
        if errors:
            raise ORUKImportError(sorted(errors))
        for (model, attname), links in self.parents.items():
            children_of = defaultdict(list)
            for pk, (parent, _) in links.items():
                children_of[parent].append(pk)
            for parent, pks in children_of.items():
                model.objects.filter(pk__in=pks).update(**{attname: parent})


def _stored_row(model, pk):
    return model.objects.filter(pk=pk).values().first()


def _missing(model, wanted):
    found = set(model.objects.filter(pk__in=list(wanted)).values_list("pk", flat=True))
    return [
        f"{path}: no {model._meta.verbose_name} with id {pk}"
        for pk, path in wanted.items()
        if pk not in found
    ]
