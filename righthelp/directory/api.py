"""The Open Referral UK API: read-only, open to any origin, no key. Views parse, fetch, then shape.

Every response carries `Access-Control-Allow-Origin: *`. A bad parameter answers 400 and an unknown id
404, both as {"errors": [{"parameter": ..., "message": ...}]}, as openapi.json documents.
"""

from functools import cache, wraps
from math import ceil
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from righthelp.directory import api_params, api_queries, documents
from righthelp.directory.api_params import ParameterErrors, QueryParameters
from righthelp.directory.oruk_export import (
    minimal_service_to_oruk,
    organization_to_oruk,
    service_at_location_to_oruk,
    service_to_oruk,
    taxonomy_term_to_oruk,
    taxonomy_to_oruk,
)

OPENAPI = Path(__file__).with_name("openapi.json")
ALLOWED_METHODS = "GET, HEAD, OPTIONS"


class NotFound(Exception):
    def __init__(self, message, parameter=None):
        self.message, self.parameter = message, parameter
        super().__init__(message)


def _errors(status, message, parameter=None):
    error = {"message": message} if parameter is None else {"parameter": parameter, "message": message}
    return JsonResponse({"errors": [error]}, status=status)


def api_view(view):
    """GET (and HEAD) only, CORS for every origin, and errors as JSON."""

    @csrf_exempt  # nothing here changes anything; other methods get a plain 405
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = _respond(view, request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


def _respond(view, request, *args, **kwargs):
    if request.method == "OPTIONS":
        return _preflight(request)
    if request.method not in ("GET", "HEAD"):
        response = _errors(405, f"{request.method} is not allowed: this API is read-only")
        response["Allow"] = ALLOWED_METHODS
        return response
    try:
        return view(request, *args, **kwargs)
    except ParameterErrors as error:
        return JsonResponse({"errors": error.errors}, status=400)
    except NotFound as error:
        return _errors(404, error.message, error.parameter)


def _preflight(request):
    response = HttpResponse(status=204)
    response["Allow"] = response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response["Access-Control-Allow-Headers"] = request.headers.get("Access-Control-Request-Headers", "*")
    response["Access-Control-Max-Age"] = "86400"
    return response


def _one(records, kind, pk):
    if not records:
        raise NotFound(f"There is no {kind} with the id {pk}", "id")
    return records[0]


def _page(page, paging, contents):
    return JsonResponse({**_page_fields(page, paging, len(contents)), "contents": contents})


def _page_of_documents(page, paging, texts):
    """The page around stored JSON texts (documents.py), joined as they are: parsing them to serialise
    them again would cost more than everything else the request does."""
    head = documents.as_json(_page_fields(page, paging, len(texts)))
    body = f'{head[:-1]},"contents":[{",".join(texts)}]}}'
    return HttpResponse(body, content_type="application/json")


def _page_fields(page, paging, size):
    total_pages = ceil(page.total / paging.per_page)
    return {
        "total_items": page.total,
        "total_pages": total_pages,
        "page_number": paging.page,
        "size": size,
        "first_page": paging.page == 1,
        "last_page": paging.page >= total_pages,
        "empty": not size,
    }


@api_view
def root(request):
    openapi_url = request.build_absolute_uri(reverse("api:openapi"))
    return JsonResponse({"version": "3.0", "profile": settings.ORUK_PROFILE_URL, "openapi_url": openapi_url})


@cache
def _openapi_document():
    return OPENAPI.read_bytes()


@api_view
def openapi(request):
    return HttpResponse(_openapi_document(), content_type="application/json")


@api_view
def unknown(request, path):
    raise NotFound("There is no such endpoint: see openapi.json")


@api_view
def service_list(request):
    params = QueryParameters(request.GET)
    paging, filters = api_params.paging(params), api_params.service_filters(params)
    minimal, full = params.boolean("minimal"), params.boolean("full")
    params.raise_errors()
    page = api_queries.page_of(api_queries.service_ids(filters), paging)
    if minimal:  # the lighter shape wins when a client asks for both
        contents = [minimal_service_to_oruk(s) for s in api_queries.minimal_services(page.ids)]
    elif full:
        return _page_of_documents(page, paging, documents.documents_of(page.ids))
    else:
        contents = [service_to_oruk(s, full=False) for s in api_queries.services(page.ids)]
    return _page(page, paging, contents)


@api_view
def service_detail(request, id):
    pk = api_params.path_id(id)
    text = _one(documents.documents_of([pk]), "service", pk)
    return HttpResponse(text, content_type="application/json")


@api_view
def organization_list(request):
    params = QueryParameters(request.GET)
    paging = api_params.paging(params)
    params.raise_errors()
    page = api_queries.page_of(api_queries.organization_ids(), paging)
    return _page(page, paging, [organization_to_oruk(o) for o in api_queries.organizations(page.ids)])


@api_view
def organization_detail(request, id):
    pk = api_params.path_id(id)
    params = QueryParameters(request.GET)
    full_service = params.boolean("full_service")
    params.raise_errors()
    found = api_queries.organizations([pk], full=True, full_services=full_service)
    return JsonResponse(organization_to_oruk(_one(found, "organization", pk), full=True))


@api_view
def taxonomy_list(request):
    params = QueryParameters(request.GET)
    paging = api_params.paging(params)
    params.raise_errors()
    page = api_queries.page_of(api_queries.taxonomy_ids(), paging)
    return _page(page, paging, [taxonomy_to_oruk(t) for t in api_queries.taxonomies(page.ids)])


@api_view
def taxonomy_detail(request, id):
    pk = api_params.path_id(id)
    taxonomy = _one(api_queries.taxonomies([pk]), "taxonomy", pk)
    return JsonResponse(taxonomy_to_oruk(taxonomy, terms=api_queries.terms_of(taxonomy)))


@api_view
def taxonomy_term_list(request):
    params = QueryParameters(request.GET)
    paging = api_params.paging(params)
    ids = api_queries.taxonomy_term_ids(
        taxonomy_id=params.uuid("taxonomy_id"),
        parent_id=params.uuid("parent_id"),
        top_only=params.boolean("top_only"),
    )
    params.raise_errors()
    page = api_queries.page_of(ids, paging)
    return _page(page, paging, [taxonomy_term_to_oruk(t) for t in api_queries.taxonomy_terms(page.ids)])


@api_view
def taxonomy_term_detail(request, id):
    pk = api_params.path_id(id)
    term = _one(api_queries.taxonomy_terms([pk]), "taxonomy term", pk)
    return JsonResponse(taxonomy_term_to_oruk(term))


@api_view
def service_at_location_list(request):
    params = QueryParameters(request.GET)
    paging, filters, near = (
        api_params.paging(params),
        api_params.service_filters(params),
        api_params.near(params),
    )
    params.raise_errors()
    page = api_queries.page_of(api_queries.service_at_location_ids(filters, near), paging)
    sals = api_queries.service_at_locations(page.ids, full=False)
    return _page(page, paging, [service_at_location_to_oruk(sal, full=False) for sal in sals])


@api_view
def service_at_location_detail(request, id):
    pk = api_params.path_id(id)
    sal = _one(api_queries.service_at_locations([pk], full=True), "service at location", pk)
    return JsonResponse(service_at_location_to_oruk(sal))
