"""One ORUK JSON object to one database row: values converted field by field (each error names its JSON
path), upsert by id, and removal of the children a re-import no longer lists.

ORUK property names are the model field names (ADR 0003), so the mapping is by name: a property the
model has is stored, an absent one is stored as None.
"""

import math

from django.core.exceptions import ValidationError
from django.db import models

from righthelp.directory.models import Attribute


class ORUKImportError(Exception):
    """The records were not imported; `errors` lists each problem with its JSON path."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


# Pairs the models also enforce with check constraints, checked here so the error names the field.
ORDERED_PAIRS = {
    "service": [("minimum_age", "maximum_age", "must not be less than minimum_age")],
    "schedule": [("valid_from", "valid_to", "must not be before valid_from")],
}


def scalar_fields(model):
    return [field for field in model._meta.concrete_fields if not field.is_relation and not field.primary_key]


def convert(field, value, path):
    """The Python value for `field`, or ORUKImportError naming `path`."""
    if value is None:
        return None
    problem = _type_problem(field, value)
    if problem is None:
        try:
            converted = field.to_python(value)
            field.run_validators(converted)
            return converted
        except ValidationError as error:
            problem = " ".join(error.messages)
    raise ORUKImportError([f"{path}: {problem}"])


def _type_problem(field, value):
    # The schema types the UK profile's fields; these also cover the HSDS 3.0 extras it does not type.
    if isinstance(field, models.TextField | models.CharField) and not isinstance(value, str):
        return "must be a string"
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(field, models.IntegerField) and not (is_number and float(value).is_integer()):
        return "must be a whole number"
    if isinstance(field, models.FloatField | models.DecimalField) and not (
        is_number and math.isfinite(value)
    ):
        return "must be a finite number"
    return None


def row_values(model, data, path):
    """The model's own (non-relation) fields from `data`, converted; absent properties become None."""
    values = {
        field.attname: convert(field, data.get(field.name), f"{path}.{field.name}")
        for field in scalar_fields(model)
    }
    for low, high, message in ORDERED_PAIRS.get(model._meta.model_name, []):
        if values[low] is not None and values[high] is not None and values[low] > values[high]:
            raise ORUKImportError([f"{path}.{high}: {message}"])
    return values


def record_id(model, data, path):
    return convert(model._meta.pk, data["id"], f"{path}.id")


def upsert(model, pk, values):
    if not model.objects.filter(pk=pk).update(**values):
        model.objects.create(pk=pk, **values)


def remove_unlisted(queryset, kept_ids, attribute_entity=None):
    """Delete the rows of `queryset` a re-import no longer lists, with the attributes that hang off them."""
    stale = list(queryset.exclude(pk__in=kept_ids).values_list("pk", flat=True))
    if not stale:
        return
    if attribute_entity:
        Attribute.objects.filter(link_entity=attribute_entity, link_id__in=stale).delete()
    queryset.model.objects.filter(pk__in=stale).delete()
