"""The Open Referral UK 3.0 core, one model per ORUK table.

Field names are the ORUK property names, so import and export map them one to one (ADR 0003).
Optional fields are nullable: an absent value stays absent on export, an empty string stays "".
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q


def text():
    return models.TextField(null=True, blank=True)


class ORUKModel(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)

    class Meta:
        abstract = True


class Taxonomy(ORUKModel):
    name = models.TextField()
    description = models.TextField()
    uri = text()
    version = text()

    class Meta:
        verbose_name_plural = "taxonomies"
        ordering = ["name"]

    def __str__(self):
        return self.name


class TaxonomyTerm(ORUKModel):
    # `scheme` is ORUK's taxonomy_id; ORUK also has a free-text `taxonomy` property, kept as is.
    scheme = models.ForeignKey(
        Taxonomy,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        db_column="taxonomy_id",
        related_name="terms",
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    code = text()
    name = models.TextField()
    description = models.TextField()
    taxonomy = text()
    term = text()
    term_uri = text()
    version = text()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Organization(ORUKModel):
    name = models.TextField()
    description = models.TextField()
    email = text()
    website = text()
    logo = text()
    uri = text()
    parent_organization = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class OrganizationIdentifier(ORUKModel):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="organization_identifiers"
    )
    identifier_scheme = text()
    identifier_type = models.TextField()
    identifier = models.TextField()


class Service(ORUKModel):
    class Status(models.TextChoices):
        ACTIVE = "active"
        INACTIVE = "inactive"
        DEFUNCT = "defunct"
        TEMPORARILY_CLOSED = "temporarily closed"

    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="services"
    )
    name = models.TextField()
    description = text()
    url = text()
    email = text()
    status = models.CharField(max_length=20, choices=Status.choices)
    fees = text()
    accreditations = text()
    # HSDS 3.0 core fields the UK profile leaves out: who it is for, how to get it (ADR 0003).
    eligibility_description = text()
    application_process = text()
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    # assured_date is "last checked": the listing turns stale DIRECTORY_STALE_AFTER_DAYS after it.
    assured_date = models.DateField(null=True, blank=True)
    assurer_email = text()
    alert = text()
    last_modified = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                name="service_status_valid",
                condition=Q(status__in=["active", "inactive", "defunct", "temporarily closed"]),
            ),
            models.CheckConstraint(
                name="service_age_range_ordered",
                condition=Q(minimum_age__isnull=True)
                | Q(maximum_age__isnull=True)
                | Q(minimum_age__lte=models.F("maximum_age")),
            ),
        ]

    def __str__(self):
        return self.name


class Location(ORUKModel):
    location_type = models.CharField(
        max_length=10, choices=[("physical", "physical"), ("postal", "postal"), ("virtual", "virtual")]
    )
    name = text()
    description = text()
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    external_identifier = text()
    external_identifier_type = text()


class Address(ORUKModel):
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="addresses")
    attention = text()
    address_1 = models.TextField()
    address_2 = text()
    city = models.TextField()
    region = text()
    state_province = models.TextField()
    postal_code = models.TextField()
    country = models.TextField()
    address_type = models.CharField(max_length=10)


class Accessibility(ORUKModel):
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="accessibility")
    description = text()
    details = text()
    url = text()
    accessibility = text()

    class Meta:
        verbose_name_plural = "accessibility"


class ServiceAtLocation(ORUKModel):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_at_locations")
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="service_at_locations")
    description = text()


class Contact(ORUKModel):
    service = models.ForeignKey(Service, null=True, on_delete=models.CASCADE, related_name="contacts")
    name = text()
    title = text()
    department = text()
    email = text()


class Phone(ORUKModel):
    # HSDS 3.0 places phones on a service, a contact or a location; the UK profile's compiled
    # service omits them, so they travel as an additional `phones` array (ADR 0003).
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    number = models.TextField()
    extension = text()
    type = text()
    description = text()

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="phone_belongs_to_service_or_contact",
                condition=Q(service__isnull=False) | Q(contact__isnull=False),
            )
        ]


class Language(ORUKModel):
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="languages"
    )
    phone = models.ForeignKey(
        Phone, null=True, blank=True, on_delete=models.CASCADE, related_name="languages"
    )
    name = text()
    code = text()
    note = text()


class Schedule(ORUKModel):
    """One ORUK schedule row. See directory/schedules.py for how rows decide "open now"."""

    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    dtstart = models.DateField(null=True, blank=True)
    freq = models.CharField(
        max_length=10, null=True, blank=True, choices=[("WEEKLY", "WEEKLY"), ("MONTHLY", "MONTHLY")]
    )
    interval = models.PositiveSmallIntegerField(null=True, blank=True)
    byday = text()
    bymonthday = text()
    description = text()
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    schedule_link = text()
    attending_type = text()
    notes = text()

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="schedule_validity_ordered",
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_from__lte=models.F("valid_to")),
            )
        ]


class ServiceArea(ORUKModel):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_areas")
    name = text()
    extent = text()
    extent_type = text()
    uri = text()
    service_area = text()


class CostOption(ORUKModel):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    option = text()
    amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    currency = text()
    amount_description = text()


class Funding(ORUKModel):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="funding")
    source = text()


class Attribute(ORUKModel):
    """Links any ORUK record to a taxonomy term: our needs, routes, eligibility, languages, sources.

    `link_id`/`link_type` are ORUK's own (free text in the wild); `link_entity` is which table the
    linked record is in, so queries never depend on what a publisher wrote in link_type.
    """

    class Entity(models.TextChoices):
        SERVICE = "service"
        ORGANIZATION = "organization"
        ORGANIZATION_IDENTIFIER = "organization_identifier"
        LOCATION = "location"
        ADDRESS = "address"
        ACCESSIBILITY = "accessibility"
        CONTACT = "contact"

    taxonomy_term = models.ForeignKey(TaxonomyTerm, on_delete=models.PROTECT, related_name="attributes")
    link_entity = models.CharField(max_length=30, choices=Entity.choices)
    link_id = models.UUIDField()
    link_type = text()
    label = text()
    value = text()

    class Meta:
        indexes = [
            models.Index(fields=["link_entity", "link_id"]),
            models.Index(fields=["taxonomy_term", "link_entity"]),
        ]


class ListingEdit(models.Model):
    """Who changed a listing, when, and which fields: append-only."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="edits")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    at = models.DateTimeField(auto_now_add=True)
    fields = models.JSONField(default=list)
    confirmed_unchanged = models.BooleanField(default=False)

    class Meta:
        ordering = ["-at"]


class ProblemReport(models.Model):
    """A member of the public says a listing is wrong; it goes to the owning organisation."""

    class Status(models.TextChoices):
        OPEN = "open"
        RESOLVED = "resolved"

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="problem_reports")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="problem_reports")
    what_is_wrong = models.TextField()
    reporter_email = models.EmailField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]


# Search index and postcodes


class ServiceSearchEntry(models.Model):
    """A service's row in the full-text index, kept by directory/search.py.

    Django does not create this table (migration 0002 does): on SQLite it is an FTS5 table, on PostgreSQL
    a tsvector column with a GIN index. It has no foreign key, so flushing or deleting services never
    waits on the index; search joins it to the service table, so a row left by a deleted service is
    never returned and the next reindex removes it.
    """

    service = models.OneToOneField(
        Service,
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_column="service_id",
        db_constraint=False,
        related_name="search_entry",
    )

    class Meta:
        managed = False
        db_table = "directory_service_search"

    def __str__(self):
        return f"search entry of service {self.service_id}"


class Postcode(models.Model):
    """A postcode unit, sector or district and its centroid; directory/postcodes.py looks them up.

    `postcode` is upper case: a unit without its space ("E16AN"), a sector with it ("E1 6", which would
    otherwise be district E16), a district as written ("E1W").
    """

    class Kind(models.TextChoices):
        UNIT = "unit"
        SECTOR = "sector"
        DISTRICT = "district"

    postcode = models.CharField(max_length=8, primary_key=True)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    latitude = models.FloatField()
    longitude = models.FloatField()
    # How exact the centroid is, in words: "unit centroid" (ONSPD), "mean of its live unit centroids"
    # (computed from ONSPD units), "approximate" (estimated by hand, data/postcodes/).
    precision = models.TextField()
    source = models.TextField()

    def __str__(self):
        return self.postcode


# Read models


class ServiceDocument(models.Model):
    """A service's full ORUK JSON, serialised once when the service is written (ADR 0006).

    directory/documents.py keeps it: every writer calls refresh_read_models, and the API sends the text
    as it is, so a page of full services costs one query and no serialisation.
    """

    service = models.OneToOneField(
        Service, primary_key=True, on_delete=models.CASCADE, related_name="oruk_document"
    )
    oruk = models.TextField()

    def __str__(self):
        return f"ORUK document of service {self.service_id}"
