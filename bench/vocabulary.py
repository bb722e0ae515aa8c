"""The synthetic lexicon: real service-description words, then pseudo-words, sampled with Zipf's law.

Real descriptions are a few very frequent words ("and", "support", "mental") and a long tail of rare
ones (place names, programme names). Sampling rank r with weight 1/r^s (s ~ 1.1) reproduces that, so
a search for a frequent word matches a large share of the records and a rare one a handful, as in life.
"""

import itertools
import random
import re

ZIPF_EXPONENT = 1.1
LEXICON_SIZE = 4000

# Ranked roughly as they fall in real UK service descriptions: function words and the commonest
# domain words first. Stop words take part in the text but are never used as search queries.
_STOP_TEXT = """
and the to for of a with in you your or who we are is on can our by from at be this their as have it
they an if also more through not that which how all any one into about after when there so do
"""
STOP_WORDS = _STOP_TEXT.split()

_DOMAIN_TEXT = """
support people health mental help service services care community advice local adults team wellbeing
carers crisis social free young family children information group access recovery referral housing
groups needs work training living advocacy learning emotional day activities confidential counselling
therapy specialist online phone drop centre practical assessment skills independent employment benefits
money debt older women men parents peer volunteers volunteering anxiety depression stress isolation
loneliness bereavement grief trauma abuse domestic violence alcohol drugs substance addiction homeless
homelessness accommodation hostel tenancy sleep eating disorders psychosis dementia memory autism
disability disabilities learning physical exercise walking gardening art music cooking cafe lunch club
hub sessions course courses workshop workshops evening weekend weekly monthly daily appointment
appointments waiting list referrals self gp nurse doctor psychologist psychiatrist worker workers
coordinator navigator mentor befriending befriender listening talking therapies cognitive behavioural
mindfulness relaxation coping resilience confidence esteem relationships couples families carer caring
respite breaks equipment adaptations home visits outreach telephone text email video face meet meeting
languages interpreters bengali somali sylheti urdu polish arabic translation culturally sensitive faith
mosque church temple neighbourhood borough council nhs trust charity voluntary organisation
organisations partnership alliance network forum board commissioners provider providers primary
secondary acute hospital ward discharge beds inpatient outpatient clinic clinics pharmacy medication
prescribing review reviews plan plans planning goals personalised budget budgets direct payments grants
fund funding financial welfare rights tribunal appeals forms letters immigration asylum refugees
migrants students university college school schools teenagers youth transition veterans prison probation
offenders justice police ambulance emergency urgent safety safeguarding risk suicide prevention harm
reduction needle exchange testing vaccination screening checks diabetes heart weight smoking stop
healthy lifestyle nutrition food bank clothing furniture energy fuel poverty warm spaces digital
computer internet literacy english classes numeracy qualifications apprenticeships jobs careers cv
interview placements volunteer opportunities leisure sport swimming football yoga dance drama creative
writing poetry photography crafts knitting reading library museum heritage nature parks allotment
outdoors travel transport bus buddy accompany escort shopping cleaning meals personal hygiene dressing
mobility falls sensory hearing sight wheelchair accessible step free toilets parking lift ramp perinatal
pregnancy postnatal baby babies toddlers nursery childcare maternity midwife health visitor
breastfeeding fathers dads mums grandparents kinship foster adoption care leavers lgbtq transgender
identity gender sexuality men's women's black asian minority ethnic communities inequalities equality
inclusion coproduction lived experience champions ambassadors survey feedback complaints compliments
quality standards assured registered regulated inspected evidence outcomes impact evaluation pilot
project programme scheme initiative campaign
"""
DOMAIN_WORDS = _DOMAIN_TEXT.split()

_SYLLABLE_TEXT = """
ba be bi bo bu da de di do du fa fe fi fo ga ge go ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no
nu pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi vo wa we wi ya zo bar ber dal den fin
gor kel lin mar mor nor pen ric sel ston tam ton vel wick worth ham ley ford
"""
_SYLLABLES = _SYLLABLE_TEXT.split()


def pseudo_words(count, seed=1):
    """Pronounceable made-up words (the rare tail: names of places, projects, people)."""
    rng = random.Random(f"pseudo-words:{seed}")
    made, seen = [], set()
    while len(made) < count:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen and len(word) >= 5:
            seen.add(word)
            made.append(word)
    return made


def build_lexicon(size=LEXICON_SIZE):
    """Words in rank order: stop words interleaved with the commonest domain words, then the rest."""
    domain = list(dict.fromkeys(w for w in DOMAIN_WORDS if w not in STOP_WORDS))
    head = [w for pair in itertools.zip_longest(STOP_WORDS, domain[: len(STOP_WORDS)]) for w in pair if w]
    words = head + domain[len(STOP_WORDS) :]
    taken = set(words)
    tail = [w for w in pseudo_words(size, seed=size) if w not in taken]
    return words + tail[: size - len(words)]


class ZipfSampler:
    """Draws words with probability proportional to 1/rank^exponent."""

    def __init__(self, lexicon, exponent=ZIPF_EXPONENT):
        self.lexicon = lexicon
        self.cum_weights = list(
            itertools.accumulate(1 / rank**exponent for rank in range(1, len(lexicon) + 1))
        )
        self._ranks = {word: rank for rank, word in enumerate(lexicon, start=1)}

    def words(self, rng, k):
        return rng.choices(self.lexicon, cum_weights=self.cum_weights, k=k)

    def __contains__(self, word):
        return word in self._ranks

    def rank(self, word):
        """1-based rank of a lexicon word."""
        return self._ranks[word]


def sentences(sampler, rng, word_count):
    """Plain sentences of 6-16 words, capitalised and full-stopped."""
    words = sampler.words(rng, word_count)
    out, i = [], 0
    while i < len(words):
        length = rng.randint(6, 16)
        chunk = words[i : i + length]
        out.append(
            chunk[0].capitalize() + " " + " ".join(chunk[1:]) + "." if len(chunk) > 1 else chunk[0] + "."
        )
        i += length
    return " ".join(out)


def tokens(text):
    return re.findall(r"[a-z']+", text.lower())
