"""Read models: what the API sends for a full service, stored when the service is written (ADR 0006).

A page of 20 full services is some 130 KB of JSON built from a dozen queries; building it on every
request was most of the API's time. Instead each service's full ORUK JSON (exactly service_to_oruk's,
serialised) is stored as text, and the API joins the stored texts into its response without parsing
them. Every writer calls refresh_read_models, which also refreshes the search index, so neither the
documents nor the index go stale.
"""

import json
import uuid

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from righthelp.directory import search
from righthelp.directory.models import Service, ServiceDocument
from righthelp.directory.oruk_export import service_to_oruk, services_for_export

BATCH_SIZE = 500


def refresh_read_models(service_ids=None):
    """Rebuild the stored documents and the search index of these services (all when None).

    An id whose service no longer exists loses both.
    """
    with transaction.atomic():
        if service_ids is None:
            ServiceDocument.objects.all().delete()
            ids = list(Service.objects.order_by("id").values_list("id", flat=True))
        else:
            ids = list(dict.fromkeys(uuid.UUID(str(service_id)) for service_id in service_ids))
            ServiceDocument.objects.filter(service_id__in=ids).delete()
        for start in range(0, len(ids), BATCH_SIZE):
            ServiceDocument.objects.bulk_create(
                ServiceDocument(service_id=pk, oruk=text)
                for pk, text in _built(ids[start : start + BATCH_SIZE]).items()
            )
        search.reindex_services(service_ids)


def as_json(document):
    """Compact JSON text, encoded as the API's responses are."""
    return json.dumps(document, cls=DjangoJSONEncoder, separators=(",", ":"))


def documents_of(ids):
    """The full ORUK JSON text of each of these services that exists, in the order given.

    A service written without refresh_read_models (by hand, in the Django shell) has no document yet:
    its JSON is built afresh, so it is served correctly, only more slowly.
    """
    texts = dict(ServiceDocument.objects.filter(service_id__in=ids).values_list("service_id", "oruk"))
    missing = [pk for pk in ids if pk not in texts]
    if missing:
        texts.update(_built(missing))
    return [texts[pk] for pk in ids if pk in texts]


def _built(ids):
    services = services_for_export(Service.objects.filter(pk__in=ids))
    return {service.pk: as_json(service_to_oruk(service, full=True)) for service in services}
