from righthelp.navigator.needs import needs_in_text

NAMES = {
    "low-mood": "Low mood",
    "anxiety": "Anxiety",
    "sleep": "Sleep",
    "housing": "Housing and homelessness",
    "money-and-benefits": "Money and benefits",
    "carer-support": "Support for carers",
}


def slugs(text):
    return [need.slug for need in needs_in_text(text, NAMES)]


def test_synonyms_name_needs_in_the_order_the_text_names_them():
    assert slugs("I can't sleep and I'm worried about debt") == ["sleep", "anxiety", "money-and-benefits"]


def test_each_part_of_a_need_name_names_it():
    assert slugs("need help with housing") == ["housing"]
    assert slugs("I have no money") == ["money-and-benefits"]


def test_english_words_match_whole_after_light_stemming():
    assert slugs("so many worries") == ["anxiety"]  # "worry"
    assert slugs("my carers allowance") == ["carer-support"]
    assert slugs("sleepover at a friend's") == []


def test_bengali_and_romanised_words_name_needs():
    assert slugs("মন খারাপ, ঘুম হয় না") == ["low-mood", "sleep"]
    assert slugs("ঘুমের সমস্যা") == ["sleep"]  # Bengali endings: ঘুম + ের
    assert slugs("amar mon kharap") == ["low-mood"]


def test_each_need_once_with_the_words_that_named_it_first():
    needs = needs_in_text("panic, more panic, anxious", NAMES)
    assert [(need.slug, need.source, need.words) for need in needs] == [("anxiety", "text", "panic")]


def test_needs_outside_the_taxonomy_are_not_named():
    assert needs_in_text("I drink too much alcohol", NAMES) == []
