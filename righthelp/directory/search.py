"""Full-text search over services: an index, not a scan (ADR 0005).

Each service has one document in four weighted parts: A its name; B its needs, with each need's synonyms
from data/needs/synonyms.json; C its organisation and its other taxonomy terms; D its description,
eligibility and application process. SQLite indexes the document with FTS5 (porter stemming) and ranks
with bm25; PostgreSQL with a tsvector (english stemming) under a GIN index, ranked with ts_rank_cd.

A query is the visitor's words minus stop words. Services with every word match when there are any;
otherwise services with any of the words do, those with more of them first. Words are quoted before they
reach the index, so nothing a visitor types is query syntax.
"""

import json
import unicodedata
import uuid
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from django.conf import settings
from django.db import connection, transaction
from django.db.models import BooleanField, Expression, F, FloatField, TextField
from django.db.models.functions import Cast

from righthelp.directory.models import Attribute, Service, TaxonomyTerm

TAXONOMY_NAMESPACE = uuid.UUID("072f72a2-7172-4499-ba5e-e17c34881a43")
NEED_TAXONOMY_ID = uuid.uuid5(TAXONOMY_NAMESPACE, "taxonomy:need")
# Where a record came from says nothing about what it offers, so source terms stay out of the index.
SOURCE_TAXONOMY_ID = uuid.uuid5(TAXONOMY_NAMESPACE, "taxonomy:source")
SYNONYMS_FILE = settings.BASE_DIR / "data" / "needs" / "synonyms.json"
INDEX_TABLE = "directory_service_search"
DOCUMENT_TABLE = "directory_service_search_doc"  # SQLite only: what FTS5 indexed, to delete it again
BATCH_SIZE = 1000
MAX_QUERY_CHARS = 1000
MAX_QUERY_WORDS = 16
MAX_WORD_LENGTH = 64
# PostgreSQL's english stop words (Snowball's list), so both databases ignore the same words.
STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
    between both but by can did do does doing don down during each few for from further had has have having
    he her here hers herself him himself his how i if in into is it its itself just me more most my myself
    no nor not now of off on once only or other our ours ourselves out over own same she should so some
    such t than that the their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with you your yours yourself
    yourselves s""".split()  # noqa: SIM905 (a block of words reads better than 127 quoted ones)
)


@dataclass(frozen=True)
class Query:
    words: tuple
    every_word: bool = True

    @classmethod
    def parse(cls, text):
        words = _words(text[:MAX_QUERY_CHARS])
        unique = dict.fromkeys(w for w in words if w not in STOP_WORDS and len(w) <= MAX_WORD_LENGTH)
        return cls(tuple(unique)[:MAX_QUERY_WORDS])

    def any_word(self):
        """The looser query, or None when it would be the same one."""
        return replace(self, every_word=False) if self.every_word and len(self.words) > 1 else None

    def fts5(self):
        return (" AND " if self.every_word else " OR ").join(f'"{word}"' for word in self.words)

    def websearch(self):
        return (" " if self.every_word else " or ").join(self.words)


def split_words(text):
    """Runs of letters, digits and combining marks (which keep Bengali words whole), as written."""
    word, words = [], []
    for char in f"{text} ":
        if char.isalnum() or unicodedata.category(char).startswith("M"):
            word.append(char)
        elif word:
            words.append("".join(word))
            word = []
    return words


def _words(text):
    return split_words(text.lower())


def search_services(queryset, text):
    """Services in `queryset` matching `text`, most relevant first (then in index order, so pages are
    stable, and in search_ids' order).

    Blank text is no search: the queryset comes back as it was. Text with no searchable word (only
    punctuation or stop words) matches nothing.
    """
    if not (text or "").strip():
        return queryset
    query = Query.parse(text)
    if not query.words:
        return queryset.none()
    entry = F("search_entry__service_id")
    indexed = queryset.filter(search_entry__isnull=False)  # an inner join, so the index drives the query
    looser = query.any_word()
    if looser and not indexed.filter(_Matches(entry, query)).exists():
        query = looser
    return (
        indexed.filter(_Matches(entry, query))
        .annotate(search_rank=_Rank(entry, query))
        .order_by("-search_rank", _Tiebreak(entry, query).asc())
    )


def search_ids(text, limit=None):
    """Ids of the services matching `text`, most relevant first, straight from the index.

    The same order as search_services over all services; an id whose service was deleted since the last
    reindex can appear here (search_services never returns it).
    """
    return RankedIds(text)[:limit]


class RankedIds:
    """Every match of a search, ranked, read from the index a slice at a time: a page of the API costs
    ranking the matches and mapping only that page's rows to service ids."""

    def __init__(self, text):
        query = Query.parse(text or "")
        looser = query.any_word()
        if looser and not _fetch(*_backend().exists_sql(query)):
            query = looser
        self.query = query if query.words else None

    def __getitem__(self, page):
        start, stop = page.start or 0, page.stop
        if self.query is None or (stop is not None and stop <= start):
            return []
        return self._slice(self.query, start, None if stop is None else stop - start)

    def __iter__(self):
        return iter(self[:])

    def count(self):
        if self.query is None:
            return 0
        return _fetch(*_backend().count_sql(self.query))[0][0]

    @staticmethod
    def _slice(query, offset, limit):
        rows = _fetch(*_backend().ids_sql(query, limit, offset))
        return [uuid.UUID(str(service_id)) for (service_id,) in rows]


def _fetch(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def reindex_services(service_ids=None):
    """Rebuild the index for these services (all when None). Called after imports and edits.

    An id whose service no longer exists loses its index entry.
    """
    backend, terms = _backend(), _indexed_terms()
    with transaction.atomic(), connection.cursor() as cursor:
        if service_ids is None:
            backend.clear(cursor)
            all_ids = list(Service.objects.order_by("id").values_list("id", flat=True))
            for batch in _batches(all_ids):
                backend.add(cursor, _documents(terms, range=(batch[0], batch[-1])))
            backend.index(cursor, None)
        else:
            wanted = dict.fromkeys(uuid.UUID(str(service_id)) for service_id in service_ids)
            for batch in _batches(list(wanted)):
                backend.remove(cursor, batch)
                backend.add(cursor, _documents(terms, **{"in": batch}))
                backend.index(cursor, batch)


def _batches(ids):
    return (ids[start : start + BATCH_SIZE] for start in range(0, len(ids), BATCH_SIZE))


def _as_text(field):
    # Ids read as text, not UUID objects: building 100,000 documents makes millions of them otherwise.
    return Cast(field, TextField())


def _indexed_terms():
    """{term id as text: (document part, its words)} for every term but source documents."""
    synonyms = need_synonyms()
    indexed = {}
    for term_id, name, scheme_id in TaxonomyTerm.objects.values_list(
        _as_text("id"), "name", _as_text("scheme_id")
    ):
        term_uuid, scheme_uuid = uuid.UUID(term_id), scheme_id and uuid.UUID(scheme_id)
        if scheme_uuid == NEED_TAXONOMY_ID or term_uuid in synonyms:
            indexed[term_id] = ("needs", "\n".join([name, *synonyms.get(term_uuid, ())]))
        elif scheme_uuid != SOURCE_TAXONOMY_ID:
            indexed[term_id] = ("context", name)
    return indexed


def _documents(terms, **ids):
    """(id as text, name, needs, context, details) for each service whose id passes the one lookup given:
    `in` for a list of ids, `range` for all ids between two (an index range scan, no parameter list)."""
    ((lookup, value),) = ids.items()
    parts = defaultdict(lambda: {"needs": [], "context": []})
    links = Attribute.objects.filter(link_entity=Attribute.Entity.SERVICE, **{f"link_id__{lookup}": value})
    for service_id, term_id in links.values_list(_as_text("link_id"), _as_text("taxonomy_term_id")):
        if term_id in terms:
            part, words = terms[term_id]
            parts[service_id][part].append(words)
    services = Service.objects.filter(**{f"id__{lookup}": value}).values_list(
        _as_text("id"),
        "name",
        "organization__name",
        "description",
        "eligibility_description",
        "application_process",
    )
    return [
        (
            service_id,
            name,
            "\n".join(parts[service_id]["needs"]),
            "\n".join(filter(None, [organization, *parts[service_id]["context"]])),
            "\n".join(filter(None, [description, eligibility, process])),
        )
        for service_id, name, organization, description, eligibility, process in services
    ]


@lru_cache(maxsize=1)
def need_synonyms():
    """{need term id: synonyms in every language} from data/needs/synonyms.json (keyed by need slug)."""
    by_slug = json.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))
    return {
        uuid.uuid5(TAXONOMY_NAMESPACE, f"term:need:{slug}"): tuple(
            w for words in langs.values() for w in words
        )
        for slug, langs in by_slug.items()
    }


class _IndexExpression(Expression):
    """SQL on the service's joined index row; `entry` is a reference to that row (its alias is needed)."""

    def __init__(self, entry, query):
        super().__init__()
        self.entry, self.query = entry, query

    def get_source_expressions(self):
        return [self.entry]

    def set_source_expressions(self, expressions):
        (self.entry,) = expressions

    def table(self, compiler):
        return compiler.quote_name_unless_alias(self.entry.alias)


class _Matches(_IndexExpression):
    output_field = BooleanField()

    def as_sqlite(self, compiler, connection):
        return f"{self.table(compiler)}.{INDEX_TABLE} MATCH %s", [self.query.fts5()]

    def as_postgresql(self, compiler, connection):
        return f"{self.table(compiler)}.document @@ websearch_to_tsquery('english', %s)", [
            self.query.websearch()
        ]


class _Rank(_IndexExpression):
    """Higher is more relevant on both databases."""

    output_field = FloatField()

    def as_sqlite(self, compiler, connection):
        return f"-{_SQLite.bm25(f'{self.table(compiler)}.{INDEX_TABLE}')}", []

    def as_postgresql(self, compiler, connection):
        return (
            f"ts_rank_cd({self.table(compiler)}.document, websearch_to_tsquery('english', %s))",
            [self.query.websearch()],
        )


class _Tiebreak(_IndexExpression):
    """Equally relevant services in a fixed order: on SQLite the index's own row number, which the
    index reads for free (its service id is read from another table, for every match)."""

    def as_sqlite(self, compiler, connection):
        return f"{self.table(compiler)}.rowid", []

    def as_postgresql(self, compiler, connection):
        return f"{self.table(compiler)}.service_id", []


def _backend():
    return {"sqlite": _SQLite, "postgresql": _PostgreSQL}[connection.vendor]()


class _SQLite:
    COLUMNS = "service_id, name, needs, context, details"

    @staticmethod
    def bm25(table):
        # One weight per column: service_id (not indexed), name, needs, context, details.
        return f"bm25({table}, 0.0, 10.0, 4.0, 2.0, 1.0)"

    def ids_sql(self, query, limit, offset):
        # Ranked by row number alone; only the page's rows are looked up for their service ids.
        sql = (
            f"SELECT doc.service_id FROM (SELECT rowid AS id, {self.bm25(INDEX_TABLE)} AS score "
            f"FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH %s ORDER BY score, rowid LIMIT %s OFFSET %s) "
            f"AS page JOIN {DOCUMENT_TABLE} AS doc ON doc.id = page.id ORDER BY page.score, page.id"
        )
        return sql, [query.fts5(), -1 if limit is None else limit, offset]

    def count_sql(self, query):
        return f"SELECT count(*) FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH %s", [query.fts5()]

    def exists_sql(self, query):
        # Unranked: "is there any match?" must not pay for ranking every match.
        return f"SELECT 1 FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH %s LIMIT 1", [query.fts5()]

    def clear(self, cursor):
        cursor.execute(f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}) VALUES ('delete-all')")
        cursor.execute(f"DELETE FROM {DOCUMENT_TABLE}")

    def remove(self, cursor, service_ids):
        where, hexes = self._where(service_ids)
        # FTS5 forgets a row only when told the values it indexed.
        cursor.execute(
            f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}, rowid, {self.COLUMNS}) "
            f"SELECT 'delete', id, {self.COLUMNS} FROM {DOCUMENT_TABLE} WHERE {where}",
            hexes,
        )
        cursor.execute(f"DELETE FROM {DOCUMENT_TABLE} WHERE {where}", hexes)

    def add(self, cursor, documents):
        cursor.executemany(
            f"INSERT INTO {DOCUMENT_TABLE} ({self.COLUMNS}) VALUES (%s, %s, %s, %s, %s)",
            documents,
        )

    def index(self, cursor, service_ids):
        # Not FTS5's 'rebuild': the table reads back only service ids (see migration 0002).
        where, params = self._where(service_ids) if service_ids is not None else ("1", [])
        cursor.execute(
            f"INSERT INTO {INDEX_TABLE} (rowid, {self.COLUMNS}) "
            f"SELECT id, {self.COLUMNS} FROM {DOCUMENT_TABLE} WHERE {where}",
            params,
        )

    @staticmethod
    def _where(service_ids):
        hexes = [service_id.hex for service_id in service_ids]
        return f"service_id IN ({', '.join(['%s'] * len(hexes))})", hexes


class _PostgreSQL:
    # One statement per batch: the documents arrive as five arrays, one per column.
    INSERT = f"""INSERT INTO {INDEX_TABLE} (service_id, document)
        SELECT id::uuid,
            setweight(to_tsvector('english', a), 'A') || setweight(to_tsvector('english', b), 'B')
            || setweight(to_tsvector('english', c), 'C') || setweight(to_tsvector('english', d), 'D')
        FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[]) AS doc (id, a, b, c, d)"""

    def ids_sql(self, query, limit, offset):
        sql = (
            f"SELECT service_id FROM {INDEX_TABLE}, websearch_to_tsquery('english', %s) AS query "
            "WHERE document @@ query ORDER BY ts_rank_cd(document, query) DESC, service_id "
            "LIMIT %s OFFSET %s"
        )
        return sql, [query.websearch(), limit, offset]

    def count_sql(self, query):
        sql = f"SELECT count(*) FROM {INDEX_TABLE} WHERE document @@ websearch_to_tsquery('english', %s)"
        return sql, [query.websearch()]

    def exists_sql(self, query):
        sql = f"SELECT 1 FROM {INDEX_TABLE} WHERE document @@ websearch_to_tsquery('english', %s) LIMIT 1"
        return sql, [query.websearch()]

    def clear(self, cursor):
        cursor.execute(f"DELETE FROM {INDEX_TABLE}")

    def remove(self, cursor, service_ids):
        cursor.execute(f"DELETE FROM {INDEX_TABLE} WHERE service_id = ANY(%s)", [service_ids])

    def add(self, cursor, documents):
        if documents:
            cursor.execute(self.INSERT, [list(column) for column in zip(*documents, strict=True)])

    def index(self, cursor, service_ids):
        """The tsvector is written with its row; nothing more to do."""
