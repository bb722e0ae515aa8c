"""Crisis detection. HAZARD_POSITIVES is hazard H7's test set: every phrasing must fire (100% recall).

Add a phrasing here whenever a real person's words were missed, before changing the phrase list.
Decisions recorded in docs/safety/crisis-detection.md are tested by name below.
"""

import re

import pytest

from righthelp.navigator import crisis_phrases
from righthelp.navigator.crisis import detect_crisis, osa_distance

ENGLISH_POSITIVES = [
    # suicide, in many spellings
    "I feel suicidal",
    "Suicidal thoughts every day",
    "I've been having suicidal thoughts",
    "sucidal",
    "suicde",
    "sucide",
    "suiside",
    "im sooo suicidle",
    "I have been thinking about suicide",
    "my friend is suicidal, what do I do",
    "my brother took an overdose",
    "I tried to commit suicide last year",
    "su1c1de",
    "S U I C I D E",
    "s.u.i.c.i.d.e",
    "kms",
    "I wrote a suicide note",
    # killing oneself
    "I want to kill myself",
    "i want to kill my self",
    "KILL MYSELF",
    "Kill Myself",
    "killmyself",
    "I'm going to kill mysef tonight",
    "thinking of killing myself",
    "I've been thinking about killing my self",
    "k!ll myself",
    "I want to unalive myself",
    "gonna top myself",
    # ending one's life
    "I want to end my life",
    "I'M GOING TO END MY LIFE",
    "I want to end it all",
    "thinking about ending it all",
    "I'm going to take my own life",
    "planning to end it tonight",
    # wanting to die, not wanting to live
    "I just want to die",
    "i wanna die",
    "I want to die!!!",
    "i want to diiiie",
    "wanna d1e",
    "I want to be dead",
    "I wish I was dead",
    "I wish I wasn't alive",
    "I don't want to be here anymore",
    "dont want to live anymore",
    "I do not want to wake up tomorrow",
    "I want to go to sleep and never wake up",
    "I want to disappear forever",
    "there's no reason to live",
    "I have nothing to live for",
    "life isn't worth living",
    "what's the point of living",
    "Everyone would be better off without me",
    "I'd be better off dead",
    "I feel like everyone would be better off if I was gone",
    "my family would be better without me",
    "I can't go on like this",
    "I can't go on",
    "I can't go on, I'm exhausted",
    "I can't take it anymore",
    "I can't cope any more",
    "I'm tired of living",
    "I'm done with life",
    # self-harm
    "self harm",
    "self-harm",
    "selfharm",
    "SELF HARM",
    "I've been self harming again",
    "I self-harm when I'm stressed",
    "I keep cutting myself",
    "I cut myself last night",
    "I want to hurt myself",
    "hurting myself is the only thing that helps",
    "I burn myself",
    "I want to hang myself",
    "I might slit my wrists",
    # overdose and pills
    "I took an overdose",
    "I overdosed last week",
    "I'm going to overdose",
    "I OD'd on my meds",
    "thinking of ODing",
    "ovedose",
    "I might take an overdose of insulin",
    "I'm going to take all my pills",
    "take all my tablets at once",
    "I've been saving up my tablets",
    "I've been stockpiling paracetamol",
    "swallow a whole box of paracetamol",
    "took too many sleeping pills",
    "drinking bleach",
    # voices, methods, others
    "the voices are telling me to hurt myself",
    "voices in my head telling me to kill people",
    "a voice keeps saying I should die",
    "the voices want me to jump",
    "I'm going to jump off a bridge",
    "thinking of jumping in front of a train",
    "I tied a noose",
    "I'm scared I might hurt my baby",
    "I want to kill someone",
    "my partner threatened to kill me",
    "I don't feel safe at home",
    # crisis said outright
    "I'm in crisis",
    "mental health crisis, need help now",
    "I'm having a breakdown",
]

BENGALI_POSITIVES = [
    "আত্মহত্যা করতে চাই",
    "আমি আত্মহত্যার কথা ভাবছি",
    "আত্নহত্যা",
    "আত্ম\u200dহত্যা",  # a zero-width joiner inside the word
    "নিজেকে মেরে ফেলতে চাই",
    "নিজেকে শেষ করে দিতে চাই",
    "মরে যেতে চাই",
    "আমার মরে যেতে ইচ্ছে করে",
    "আমি মরতে চাই",
    "মরে যাওয়াই ভালো",
    "মরে যাও\u09dfাই ভালো",  # য় typed as one precomposed character
    "নিজের ক্ষতি করি",
    "নিজের ক্ষতি করতে ইচ্ছে করে",
    "নিজেকে আঘাত করি",
    "আর বাঁচতে চাই না",
    "বাচতে চাই না",
    "বাঁচতে ইচ্ছে করে না",
    "বেঁচে থাকার কোনো মানে নেই",
    "ঘুমের ওষুধ সব খেয়ে ফেলব",
    "সব ওষুধ একসাথে খেয়ে ফেলব",
    "জীবন শেষ করে দিতে চাই",
    "গলায় দড়ি দেব",
    "কণ্ঠস্বর আমাকে বলছে মরে যেতে",
    # romanised Bengali and Sylheti, and mixed
    "atmohotta korte chai",
    "mori jaite chai",
    "more jete chai",
    "ami morte chai",
    "nijeke mere felbo",
    "bachte chai na",
    "nijer khoti kori",
    "ghumer oshud sob khaiya felmu",
    "Ami suicide korte chai",
]

HAZARD_POSITIVES = ENGLISH_POSITIVES + BENGALI_POSITIVES

NEGATIVES = [
    "I need help with housing",
    "I've felt low for weeks and can't sleep",
    "crisis of confidence at work",
    "the cost of living crisis is hitting us hard",
    "the housing crisis in London",
    "climate crisis makes me anxious",
    "I'm in a financial crisis",
    "I need help with debt and bills",
    "I'm lonely since I moved here",
    "I'm a carer for my mum who has dementia",
    "my son is autistic and needs support",
    "I'd like to volunteer",
    "looking for a job",
    "I can't sleep and I'm tired all the time",
    "I feel anxious about exams",
    "Where can I get talking therapy?",
    "I want to refer myself to talking therapies",
    "I hurt my back at work",
    "I cut my finger cooking",
    "this heat is killing me",
    "my boss is going to kill me if I'm late",
    "I'm dying to get out of the house",
    "bored to death",
    "my dad died last year and I miss him",
    "grief after my mother's death",
    "that's odd",
    "I do odd jobs",
    "I'm overdue on my rent",
    "the steak was overdone",
    "I'm overdoing it at the gym",
    "I take my tablets every morning",
    "My GP said to take two tablets a day",
    "I forgot to take my medication",
    "I need to collect my prescription",
    "all my friends have moved away",
    "the tables were all full",
    "I need painkillers for my back",
    "I want to end my tenancy",
    "how do I end my contract",
    "self-employed and stressed",
    "self-help books for anxiety",
    "self referral for counselling",
    "self care tips",
    "I want our voices heard by the council",
    "I can't go on holiday this year",
    "I don't want to go on the course",
    "I'm killing time before my appointment",
    "succeeded in getting a job",
    "drugs and alcohol support",
    "it's 5 kms from my house",
    "Emergency Carers Service",
    "He was killed in an accident years ago",
    "আমার ঘুম হয় না",
    "মন খারাপ লাগে",
    "আমি চাকরি খুঁজছি",
    "বাড়িওয়ালা সমস্যা করছে",
    "আমার মা অসুস্থ",
    "ওষুধ খেতে ভুলে যাই",
    "টাকার খুব অভাব",
    "আমার জিনিসপত্রের ক্ষতি হয়েছে",
    "mon kharap",
    "ghum hoy na",
]


@pytest.mark.parametrize("text", HAZARD_POSITIVES)
def test_every_hazard_phrasing_fires(text):
    assert detect_crisis(text).fired, f"crisis missed: {text!r}"


def test_hazard_set_covers_english_misspellings_and_bengali():
    assert len(ENGLISH_POSITIVES) >= 80
    assert len(BENGALI_POSITIVES) >= 20
    assert len(NEGATIVES) >= 40


@pytest.mark.parametrize("text", NEGATIVES)
def test_everyday_words_do_not_fire(text):
    signal = detect_crisis(text)
    assert not signal.fired, f"false alarm on {text!r}: {signal.matched}"


@pytest.mark.parametrize(
    ("phrase", "example"),
    [(phrase, example) for phrase in crisis_phrases.PHRASES for example in phrase.examples],
    ids=lambda value: value.id if isinstance(value, crisis_phrases.Phrase) else None,
)
def test_each_phrase_entry_fires_on_its_own_examples(phrase, example):
    assert phrase.id in detect_crisis(example).matched


def test_phrase_entries_have_unique_ids_examples_and_compilable_patterns():
    ids = [phrase.id for phrase in crisis_phrases.PHRASES]
    assert len(ids) == len(set(ids))
    for phrase in crisis_phrases.PHRASES:
        assert phrase.examples, phrase.id
        assert phrase.language in {"en", "bn", "bn-Latn"}
        re.compile(phrase.pattern)


def test_saying_you_are_not_suicidal_still_fires():
    """Decision: no negation handling. Routes shown to someone who is safe cost little; a missed crisis
    (\"I'm not suicidal... but I have a plan\") costs a life."""
    assert detect_crisis("I'm not suicidal, I just need housing help").matched == ["en-suicide"]


def test_the_word_crisis_fires_unless_it_names_an_economic_crisis():
    assert detect_crisis("crisis").fired
    assert detect_crisis("where is the crisis cafe").fired
    assert not detect_crisis("the cost of living crisis").fired
    assert detect_crisis("the cost of living crisis has put me in crisis").fired


def test_voices_without_a_command_to_harm_do_not_fire():
    """Decision: hearing voices is a psychosis need (ranked to early intervention services); only voices
    telling someone to harm fire the crisis routes."""
    assert not detect_crisis("I've been hearing voices").fired
    assert detect_crisis("I've been hearing voices telling me to hurt myself").fired


def test_matched_lists_every_entry_that_fired_in_list_order():
    signal = detect_crisis("I took an overdose and I want to die")
    assert signal.matched == ["en-want-to-die", "en-overdose"]


@pytest.mark.parametrize("text", ["", "   ", "?!", None])
def test_blank_text_does_not_fire(text):
    assert detect_crisis(text) == detect_crisis("") and not detect_crisis(text).fired


def test_a_key_word_one_slip_away_is_read_as_that_word():
    assert detect_crisis("kill mysefl").matched == ["en-harm-myself"]
    assert detect_crisis("I'll take all the paracetamoll").matched == ["en-pills"]


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("suicide", "suicide", 0), ("suicde", "suicide", 1), ("siucide", "suicide", 1), ("sucde", "suicide", 2)],
)
def test_osa_distance_counts_a_swap_of_neighbours_as_one_edit(a, b, distance):
    assert osa_distance(a, b) == distance
