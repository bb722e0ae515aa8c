"""Full-text search over services. INTERFACE STUB: the search work replaces the body with a real index
(SQLite FTS5 / PostgreSQL GIN) behind the same signatures."""


def search_services(queryset, text):
    """Services in `queryset` matching `text`, most relevant first."""
    from django.db.models import Q

    return queryset.filter(Q(name__icontains=text) | Q(description__icontains=text))


def reindex_services(service_ids=None):
    """Rebuild the index for these services (all when None). Called after imports and edits."""
