"""Fills a benchmark database with synthetic services once; runs with the same size and seed reuse it."""

import hashlib
import time
import uuid
from pathlib import Path

from django.core.management import call_command
from django.db import transaction

from bench.synthetic import SOURCE_TERM, SOURCE_TERM_ID, Generator, taxonomy_terms
from righthelp.directory import documents, search
from righthelp.directory.models import Service, Taxonomy, TaxonomyTerm

# Bump when the generator's output changes, so a cached database is regenerated.
GENERATOR_VERSION = 1
BATCH_SIZE = 2000


def data_marker(n, seed):
    return f"Synthetic benchmark records: {n} services, seed {seed}, generator {GENERATOR_VERSION}"


def index_fingerprint():
    """Changes with the directory's code or migrations (the index and any stored documents are built
    from them), so a cached database is reindexed whenever they change."""
    app = Path(search.__file__).parent
    digest = hashlib.sha256()
    for module in sorted([*app.glob("*.py"), *app.glob("migrations/*.py")]):
        digest.update(module.name.encode() + module.read_bytes())
    return f"search index {digest.hexdigest()[:12]}"


def marker(n, seed):
    return f"{data_marker(n, seed)}; {index_fingerprint()}."


def described():
    return TaxonomyTerm.objects.filter(id=SOURCE_TERM_ID).values_list("description", flat=True).first() or ""


def is_populated(n, seed):
    return described() == marker(n, seed) and Service.objects.count() == n


def populate(n, seed, log=print):
    """Generate N services and build their read models, unless already done; returns seconds per step."""
    timings = {}
    if described().startswith(data_marker(n, seed)) and Service.objects.count() == n:
        log(f"  reusing {n} synthetic services (seed {seed})")
    else:
        timings["insert_s"] = timed(insert, n, seed)
        log(f"  inserted {n} synthetic services in {timings['insert_s']} s")
    if not is_populated(n, seed):
        # As every writer does: the stored ORUK documents the API sends, and the search index.
        timings["read_models_s"] = timed(documents.refresh_read_models)
        log(f"  stored their documents and indexed them in {timings['read_models_s']} s")
        # Written last, so an interrupted run is never mistaken for a complete one.
        TaxonomyTerm.objects.filter(id=SOURCE_TERM_ID).update(description=marker(n, seed))
    return timings


def timed(function, *args):
    started = time.perf_counter()
    function(*args)
    return round(time.perf_counter() - started, 1)


def insert(n, seed):
    call_command("flush", interactive=False, verbosity=0)
    create_taxonomy()
    for batch in Generator(n, seed).batches(BATCH_SIZE):
        with transaction.atomic():
            for rows in batch.tables():
                type(rows[0]).objects.bulk_create(rows, batch_size=BATCH_SIZE)


def create_taxonomy():
    """The real RightHelp taxonomy terms, plus the source term that labels every synthetic record."""
    taxonomies, terms = {}, []
    for group in taxonomy_terms().values():
        for term in group:
            detail = term["taxonomy_detail"]
            taxonomies[detail["id"]] = Taxonomy(
                id=uuid.UUID(detail["id"]),
                name=detail["name"],
                description=detail["description"],
                version=detail.get("version"),
            )
            terms.append(
                TaxonomyTerm(
                    id=uuid.UUID(term["id"]),
                    scheme_id=uuid.UUID(detail["id"]),
                    name=term["name"],
                    description=term["description"],
                    taxonomy=term["taxonomy"],
                    term=term["term"],
                )
            )
    source = next(t for t in taxonomies.values() if t.name == "RightHelp source documents")
    terms.append(
        TaxonomyTerm(
            id=SOURCE_TERM_ID,
            scheme_id=source.id,
            name="Synthetic benchmark data",
            description="Synthetic benchmark records (incomplete run).",
            taxonomy=source.name,
            term=SOURCE_TERM,
        )
    )
    Taxonomy.objects.bulk_create(taxonomies.values())
    TaxonomyTerm.objects.bulk_create(terms)
