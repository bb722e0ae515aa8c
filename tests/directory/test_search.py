import uuid
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from righthelp.directory import search
from righthelp.directory.models import Attribute, Organization, Service, Taxonomy, TaxonomyTerm

pytestmark = pytest.mark.django_db

NAMESPACE = search.TAXONOMY_NAMESPACE


def make_term(taxonomy_slug, term_slug, name):
    scheme, _ = Taxonomy.objects.get_or_create(
        id=uuid.uuid5(NAMESPACE, f"taxonomy:{taxonomy_slug}"),
        defaults={"name": f"Example {taxonomy_slug} (synthetic)", "description": "Synthetic test taxonomy"},
    )
    return TaxonomyTerm.objects.create(
        id=uuid.uuid5(NAMESPACE, f"term:{taxonomy_slug}:{term_slug}"),
        scheme=scheme,
        name=name,
        description="Synthetic test term",
        term=term_slug,
    )


def make_service(name, description="", terms=(), organization=None):
    service = Service.objects.create(
        name=name, description=description, status=Service.Status.ACTIVE, organization=organization
    )
    for term in terms:
        Attribute.objects.create(taxonomy_term=term, link_entity=Attribute.Entity.SERVICE, link_id=service.id)
    return service


def names(queryset):
    return [service.name for service in queryset]


def found(text):
    return names(search.search_services(Service.objects.all(), text))


def test_name_match_outranks_description_match():
    make_service("Example Drop-in (synthetic)", "Gardening sessions every week.")
    make_service("Example Gardening Club (synthetic)", "Meet people every week.")
    search.reindex_services()
    assert found("gardening") == ["Example Gardening Club (synthetic)", "Example Drop-in (synthetic)"]


def test_services_with_every_word_are_found_when_there_are_any():
    make_service("Example One (synthetic)", "Art classes.")
    make_service("Example Two (synthetic)", "Art and music classes.")
    search.reindex_services()
    assert found("music art") == ["Example Two (synthetic)"]


def test_otherwise_services_with_any_word_are_found_those_with_more_words_first():
    make_service("Example One (synthetic)", "Art classes.")
    make_service("Example Two (synthetic)", "Art and music classes.")
    make_service("Example Three (synthetic)", "Cookery classes.")
    for number in range(6):
        make_service(f"Example Filler {number} (synthetic)", "Walks in the park.")
    search.reindex_services()
    results = found("art music cookery")
    assert results[0] == "Example Two (synthetic)"
    assert sorted(results[1:]) == ["Example One (synthetic)", "Example Three (synthetic)"]


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("We counsel adults.", "counselling"),
        ("Support for a carer.", "carers"),
        ("Cooking together.", "cooked"),
    ],
)
def test_stemming_finds_other_forms_of_a_word(text, query):
    make_service("Example Service (synthetic)", text)
    search.reindex_services()
    assert found(query) == ["Example Service (synthetic)"]


def test_need_synonym_finds_a_service_tagged_with_that_need():
    low_mood = make_term("need", "low-mood", "Low mood")
    make_service("Example Talking Therapy (synthetic)", "One-to-one sessions.", terms=[low_mood])
    make_service("Example Walking Group (synthetic)", "Walks in the park.")
    search.reindex_services()
    assert found("depressed") == ["Example Talking Therapy (synthetic)"]
    assert found("feeling down") == ["Example Talking Therapy (synthetic)"]


def test_organisation_and_linked_terms_are_searched_but_source_documents_are_not():
    organization = Organization.objects.create(name="Example Wellbeing Trust (synthetic)", description="x")
    language = make_term("language", "bengali", "Bengali")
    source = make_term("source", "example-strategy", "Example Strategy Document (synthetic)")
    make_service(
        "Example Service (synthetic)", "Sessions.", terms=[language, source], organization=organization
    )
    search.reindex_services()
    assert found("wellbeing trust") == ["Example Service (synthetic)"]
    assert found("bengali") == ["Example Service (synthetic)"]
    assert found("strategy") == []


def test_a_bengali_word_finds_a_service_whose_text_has_it():
    make_service("Example Bengali Group (synthetic)", "মানসিক স্বাস্থ্য সহায়তা")
    make_service("Example Other Group (synthetic)", "Walks in the park.")
    search.reindex_services()
    assert found("স্বাস্থ্য") == ["Example Bengali Group (synthetic)"]


@pytest.mark.parametrize(
    "text",
    ['"', "AND (", "*", "NEAR(", "name:", "-", "^", "'; DROP TABLE directory_service; --", "\u0301", "OR"],
)
def test_query_syntax_in_the_text_is_never_interpreted(text):
    make_service("Example Counselling (synthetic)", "Sessions.")
    search.reindex_services()
    assert found(text) == []
    assert search.search_ids(text) == []
    assert found(f"counselling {text}") == ["Example Counselling (synthetic)"]


@pytest.mark.parametrize("text", ["", "   ", None])
def test_blank_text_is_no_search(text):
    make_service("Example One (synthetic)")
    make_service("Example Two (synthetic)")
    assert sorted(found(text)) == ["Example One (synthetic)", "Example Two (synthetic)"]


def test_text_of_stop_words_only_matches_nothing():
    make_service("Example The Service (synthetic)", "The service of the people.")
    search.reindex_services()
    assert found("the of") == []


def test_search_keeps_the_filters_already_on_the_queryset():
    make_service("Example Art Club (synthetic)")
    Service.objects.filter(pk=make_service("Example Art Group (synthetic)").pk).update(status="inactive")
    search.reindex_services()
    active = Service.objects.filter(status=Service.Status.ACTIVE)
    assert names(search.search_services(active, "art")) == ["Example Art Club (synthetic)"]


def test_reindexing_a_service_after_an_edit_replaces_its_entry():
    edited = make_service("Example Knitting Circle (synthetic)")
    make_service("Example Knitting Class (synthetic)")
    search.reindex_services()
    Service.objects.filter(pk=edited.pk).update(name="Example Pottery Circle (synthetic)")
    assert found("pottery") == []
    search.reindex_services([edited.id])
    assert found("pottery") == ["Example Pottery Circle (synthetic)"]
    assert found("knitting") == ["Example Knitting Class (synthetic)"]


def test_reindexing_a_deleted_service_removes_its_entry():
    deleted = make_service("Example Choir (synthetic)")
    search.reindex_services()
    deleted_id = deleted.id
    deleted.delete()
    assert found("choir") == []
    search.reindex_services([deleted_id])
    assert search.search_ids("choir") == []


def test_search_ids_ranks_as_search_services_does_and_honours_the_limit():
    for number in range(5):
        make_service(f"Example Yoga {number} (synthetic)", "Yoga. " * number)
    search.reindex_services()
    ranked = [service.id for service in search.search_services(Service.objects.all(), "yoga")]
    assert search.search_ids("yoga") == ranked
    assert search.search_ids("yoga", limit=2) == ranked[:2]


def test_equally_relevant_services_keep_one_order_in_search_ids_and_search_services():
    for number in range(4):
        make_service(f"Example Pottery {number} (synthetic)")
    search.reindex_services()
    ranked = [service.id for service in search.search_services(Service.objects.all(), "pottery")]
    assert search.search_ids("pottery") == ranked


def test_ranked_ids_give_the_ranking_a_slice_at_a_time_and_count_the_matches():
    for number in range(5):
        make_service(f"Example Yoga {number} (synthetic)", "Yoga. " * number)
    make_service("Example Chess (synthetic)")
    search.reindex_services()
    ranked = search.RankedIds("yoga")
    assert ranked[0:2] + ranked[2:4] + ranked[4:6] == search.search_ids("yoga")
    assert ranked.count() == 5
    assert list(search.RankedIds("yoga chess")) == search.search_ids("yoga chess")
    assert search.RankedIds("yoga chess").count() == 6  # no service has both: either word will do
    assert search.RankedIds("the").count() == 0 and search.RankedIds("the")[0:20] == []


def test_search_reindex_command_reindexes_the_services_named_or_all():
    first = make_service("Example Archery (synthetic)")
    second = make_service("Example Archery Club (synthetic)")
    call_command("search_reindex", str(first.id), stdout=StringIO())
    assert found("archery") == ["Example Archery (synthetic)"]
    call_command("search_reindex", stdout=StringIO())
    assert sorted(found("archery")) == ["Example Archery (synthetic)", "Example Archery Club (synthetic)"]
    assert second.id in search.search_ids("archery")


def test_search_reindex_command_names_an_id_that_is_not_a_uuid():
    with pytest.raises(CommandError, match="SERVICE_ID must be a UUID"):
        call_command("search_reindex", "not-a-uuid")
