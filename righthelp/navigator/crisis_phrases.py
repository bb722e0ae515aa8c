"""The reviewed list of crisis phrases: data, not logic (hazard H7, docs/safety/crisis-detection.md).

Each pattern is a regular expression over text as `text.normalise` leaves it: lower case, no apostrophes
("dont", "im"), hyphens and punctuation turned into single spaces. English patterns use word boundaries
(`\\b`); Bengali ones match anywhere, because Bengali adds endings to words. Every example must fire its
own entry (tests/navigator/test_crisis.py checks this).

`reviewed` says a fluent speaker of the entry's language has checked that the pattern means what its
examples mean. Entries with `reviewed=False` are live (missing a crisis is worse than a false alarm) but
wait for native-speaker review: docs/i18n/bengali-review.md.

To add a phrase: add an entry with at least one example, add the person's own wording to the hazard test
set in tests/navigator/test_crisis.py, and record the change in docs/safety/crisis-detection.md.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Phrase:
    id: str
    language: str  # BCP 47: "en", "bn" (Bengali script), "bn-Latn" (Bengali or Sylheti in Latin letters)
    category: str
    pattern: str
    examples: tuple
    reviewed: bool


# Key words people misspell, and how close a typed word must be to count as one (text.py tokens).
FUZZY_WORDS = (
    "suicide",
    "suicidal",
    "overdose",
    "overdosed",
    "overdosing",
    "myself",
    "paracetamol",
    "anymore",
    "tablets",
    "আত্মহত্যা",
)
FUZZY_MIN_LENGTH = 5  # shorter typed words are never corrected: too many real words are one edit apart
# Real words one edit from a key word, which must stay themselves.
NEVER_CORRECTED = frozenset({"overdone", "overdoing", "tables", "tablet"})

MYSELF = r"(?:my ?self|me ?self|mi ?self|my own self)"
TO = r"(?:to|2|too|t)?"
# Stems: `\w*` after them takes the endings ("kil" -> kill, killing, killd).
HARM_VERB = (
    r"(?:hurt|harm|cut|burn|scratch|stab|shoot|shot|hang|hung|drown|poison|gas|starv|strangl|suffocat|chok|"
    r"punch|bang|injur|mutilat|smother|kil|murder|destroy|end|unaliv|top|electrocut)"
)
PILLS = (
    r"(?:pills?|tablets?|meds|medication|medicines?|paracetamol|painkillers?|co ?codamol|sleeping pills?|"
    r"antidepressants?|sertraline|insulin|anti ?depressants?)"
)
SUBJECT_VOICES = (
    r"(?:voices?|someone in my head|something in my head|the devil|demons?|spirits?|jinns?|djinns?)"
)
COMMAND = r"(?:tell\w*|told|say\w*|said|want\w*|order\w*|command\w*|mak\w*|urg\w*|push\w*)"
HARM_ACT = r"(?:kill|hurt|harm|die|dead|jump|cut|stab|end|attack|suicide|overdose|hang|drown|burn|poison)"
# "go on" and "carry on" as in living, not "go on holiday".
GO_ON = (
    r"(?:go on|carry on)(?! (?:a|an|the|holidays?|trips?|dates?|leave|strike|about|at|to|line|online|air|tv))"
)
OTHERS = (
    r"(?:someone|somebody|people|others|him|her|them|my (?:baby|babies|child|children|kids?|son|daughter|"
    r"partner|wife|husband|mum|mother|dad|father|family|brother|sister|neighbour))"
)

ENGLISH = (
    Phrase(
        "en-suicide",
        "en",
        "suicide",
        # su-i-c-i-d with the usual slips (sucide, suicde, suiside, sueside), "sewer slide", "kms".
        r"\bsu+[ie]?[cs]+i?d|\bsooi?cide|\bsewer ?(?:slide|cide)\b|(?<!\d )\bkms\b",
        ("I feel suicidal", "thinking about suicide", "sucide", "suiside thoughts", "kms", "sewerslide"),
        True,
    ),
    Phrase(
        "en-harm-myself",
        "en",
        "self-harm",
        rf"\b{HARM_VERB}\w* ?{MYSELF}\b",
        ("I want to kill myself", "killmyself", "hurting myself", "I might hang myself", "cut myself again"),
        True,
    ),
    Phrase(
        "en-off-myself",
        "en",
        "suicide",
        rf"\b(?:to|gonna|going to|wanna|will|might|could|should) off {MYSELF}\b",
        ("I'm going to off myself",),
        True,
    ),
    Phrase("en-unalive", "en", "suicide", r"\bun ?aliv", ("I want to unalive", "unaliving"), True),
    Phrase(
        "en-self-harm",
        "en",
        "self-harm",
        r"\bself ?(?:harm|injur|mutilat|hurt|destruct|poison)\w*",
        ("self harm", "self-harming", "selfharm", "self injury"),
        True,
    ),
    Phrase(
        "en-wrists",
        "en",
        "self-harm",
        r"\b(?:slit|slash|slice|cut|cutting|open) (?:my |me |both )?(?:wrists?|arms?|veins?|throat)\b",
        ("slit my wrists", "cutting my arms"),
        True,
    ),
    Phrase(
        "en-end-my-life",
        "en",
        "suicide",
        r"\b(?:end|ending|ended|take|taking|took|taken) (?:my|me|mi) (?:own )?life\b"
        r"|\bend(?:ing)? (?:it|everything|things|this) (?:all|now|tonight|today|for good|forever)\b"
        r"|\b(?:want|wanna|going|gonna|ready|plan|planning|thinking of|thinking about|decided|about) "
        rf"{TO} ?end (?:it|everything|things|this|my life)\b",
        ("I want to end my life", "end it all", "thinking about ending it all", "ready to end it"),
        True,
    ),
    Phrase(
        "en-want-to-die",
        "en",
        "suicide",
        rf"\b(?:want|wanna|wanted|wanting|wish|wished|ready|like|deserve) {TO} ?"
        r"(?:die|be dead|not (?:be )?(?:alive|exist))\b"
        r"|\bwish (?:i|id) (?:was|were|had|could|would) (?:be )?"
        r"(?:dead|die|died|never been born|not alive|disappear)"
        r"|\bwish i (?:wasnt|werent|was not|were not) (?:alive|here|born|around)\b"
        r"|\b(?:let|leave) me die\b|\bi should (?:just )?die\b|\bwant me dead\b",
        ("I just want to die", "wanna die", "I wish I was dead", "i wish i wasnt alive", "want 2 die"),
        True,
    ),
    Phrase(
        "en-not-want-to-live",
        "en",
        "suicide",
        r"\b(?:dont|do not|didnt|dnt|no longer|not|never) (?:really )?"
        r"(?:want|wanna|wish|feel like|see the point)"
        rf" ?(?:in |of )?{TO} ?(?:live|living|be alive|being alive|be here|exist|existing|wake up|waking up|"
        rf"be around|{GO_ON})\b",
        ("I don't want to be here anymore", "dont want to live", "i no longer want to exist"),
        True,
    ),
    Phrase(
        "en-no-reason-to-live",
        "en",
        "suicide",
        r"\bno (?:reason|point|purpose|will) (?:to|in|for|of) "
        r"(?:live|living|life|being alive|going on|carrying on|existing|being here)\b"
        r"|\bnothing (?:left )?to live for\b|\bnot worth (?:living|being alive)\b|\bisnt worth living\b"
        r"|\b(?:whats|what is) the point (?:in|of) (?:living|life|going on|being alive|carrying on)\b"
        r"|\b(?:life is|lifes) (?:pointless|meaningless|not worth it)\b",
        (
            "there's no reason to live",
            "nothing to live for",
            "life isn't worth living",
            "whats the point of living",
        ),
        True,
    ),
    Phrase(
        "en-better-off-dead",
        "en",
        "suicide",
        r"\bbetter off (?:dead|gone|without me|not here|not being here|if i (?:was|were|wasnt) )"
        r"|\b(?:everyone|everybody|they|world|family|kids|people)\b(?: \w+){0,3} "
        r"better (?:off )?without me\b",
        ("I'd be better off dead", "everyone would be better off without me"),
        True,
    ),
    Phrase(
        "en-cant-go-on",
        "en",
        "suicide",
        rf"\b(?:cant|can not|cannot|cnt|cant really) (?:{GO_ON}|keep going like this|live like this)\b"
        r"|\b(?:cant|can not|cannot|cnt) (?:do|take|cope|handle|bear|deal|stand)\b(?: \w+){0,4} "
        r"(?:anymore|any more|any longer|no more)\b",
        ("I can't go on", "I can't take it anymore", "cant cope any more"),
        True,
    ),
    Phrase(
        "en-tired-of-living",
        "en",
        "suicide",
        r"\b(?:tired|sick|done|finished) (?:of|with) (?:living|life|being alive|it all|everything|existing)\b"
        r"|\b(?:hate|hating) being alive\b|\bgiv(?:e|ing) up on (?:life|living|everything)\b",
        ("I'm tired of living", "done with life", "giving up on life"),
        True,
    ),
    Phrase(
        "en-never-wake-up",
        "en",
        "suicide",
        r"\b(?:sleep|go to sleep|fall asleep) and (?:never|not) wake up\b|\bsleep forever\b|\bnever wake up\b"
        rf"|\b(?:want|wanna|wish) (?:i could )?{TO} ?disappear\b",
        ("I want to go to sleep and never wake up", "i want to disappear"),
        True,
    ),
    Phrase(
        "en-method",
        "en",
        "suicide",
        r"\b(?:jump|jumping|jumped|throw(?:ing)? my ?self) (?:off|from|in front of|under|into) "
        r"(?:a |the |my )?"
        r"(?:\w+ )?(?:bridge|building|roof|balcony|cliff|tower|train|tube|bus|lorry|traffic|tracks|platform|"
        r"river|thames|canal|window)\b"
        r"|\b(?:step|stepping|walk|walking|lie|lying) (?:in front of|under) (?:a |the )?"
        r"(?:train|tube|bus|lorry|car|traffic)\b"
        r"|\bnoose\b|\brope (?:round|around) my neck\b|\bgun to my head\b"
        r"|\b(?:drink|drinking|swallow)\w* (?:some |the )?(?:bleach|poison|antifreeze|weedkiller)\b",
        ("jump off a bridge", "jump in front of a train", "I bought a noose", "drink bleach"),
        True,
    ),
    Phrase(
        "en-overdose",
        "en",
        "overdose",
        r"\bover ?do[sz](?:e|ed|es|ing|in)?\b|\boverdoes\b|\bod(?:s|ed|ing)?\b|\bo d\b",
        ("I took an overdose", "overdosed last night", "thinking of ODing", "I OD'd"),
        True,
    ),
    Phrase(
        "en-pills",
        "en",
        "overdose",
        r"\b(?:all|too many|loads|lots|handful|bunch|boxes|box|packets?|bottles?|whole|every|enough|"
        r"stockpil\w*|sav(?:e|ed|ing) up|hoard\w*)\b(?: \w+){0,3}? " + PILLS + r"\b",
        ("take all my pills", "swallow a bottle of paracetamol", "I've been stockpiling my meds"),
        True,
    ),
    Phrase(
        "en-voices",
        "en",
        "psychosis-command",
        rf"\b{SUBJECT_VOICES}\b(?: \w+){{0,6}}? {COMMAND}\b(?: \w+){{0,6}}? {HARM_ACT}",
        ("the voices are telling me to hurt people", "a voice keeps saying I should die"),
        True,
    ),
    Phrase(
        "en-harm-others",
        "en",
        "harm-to-others",
        r"\b(?:want|wanna|going|gonna|might|could|urges?|feel like|scared i will|afraid i will|"
        r"afraid i might|scared i might|thoughts of|thinking about|thinking of|about) "
        rf"{TO} ?(?:kill|hurt|harm|stab|attack|strangle|smother)\w* {OTHERS}\b",
        ("I want to kill someone", "scared I might hurt my baby", "thoughts of harming my baby"),
        True,
    ),
    Phrase(
        "en-danger-from-others",
        "en",
        "danger-from-others",
        r"\b(?:threaten\w*|tried|trying|try|tries) (?:to )?"
        r"(?:kill|stab|strangle|choke|hurt|attack|murder) me\b"
        r"|\b(?:fear|fearing|scared|afraid|frightened) for my (?:life|safety)\b"
        r"|\b(?:not|dont feel|do not feel|never feel|no longer feel) safe "
        r"(?:at home|in my home|with (?:him|her|my partner|my husband|my wife))\b",
        ("my partner threatened to kill me", "I'm scared for my life", "I don't feel safe at home"),
        True,
    ),
    Phrase(
        "en-crisis",
        "en",
        "crisis",
        # "crisis" said of oneself fires; named economic crises and "a crisis of confidence" do not.
        r"(?<!cost of living )(?<!housing )(?<!climate )(?<!financial )(?<!energy )(?<!economic )"
        r"\bcrisis\b(?! of (?:confidence|faith))"
        r"|\b(?:mental health|medical|psychiatric) emergency\b|\b(?:its|this is) an emergency\b"
        r"|\b(?:my )?life is in danger\b|\b(?:i am|im) in danger\b"
        r"|\b(?:nervous|mental|emotional|having a|had a|have a|verge of a) breakdown\b",
        ("I'm in crisis", "mental health crisis", "this is an emergency", "having a breakdown"),
        True,
    ),
    Phrase(
        "en-goodbye",
        "en",
        "suicide",
        r"\b(?:goodbye|farewell|suicide) (?:note|letter)s?\b|\bsaying goodbye to (?:everyone|everybody)\b",
        ("I wrote a goodbye letter", "saying goodbye to everyone"),
        True,
    ),
)

BENGALI = (
    Phrase(
        "bn-suicide",
        "bn",
        "suicide",
        r"আত্ম ?হত্যা|আত্ন ?হত্যা|আত্ম ?হত্তা|আত্ম ?হনন|সুইসাইড",
        ("আত্মহত্যা করতে চাই", "আত্মহত্যার কথা ভাবছি", "আমি সুইসাইড করব"),
        False,
    ),
    Phrase(
        "bn-kill-myself",
        "bn",
        "suicide",
        r"নিজে(?:কে|রে) ?(?:মেরে|মারতে|মারব|মারি|শেষ ?করে|শেষ ?ক|খুন)",
        ("নিজেকে মেরে ফেলতে চাই", "নিজেকে শেষ করে দিতে চাই", "নিজেরে মারি ফালাইমু"),
        False,
    ),
    Phrase(
        "bn-want-to-die",
        "bn",
        "suicide",
        r"মরে ?যেতে ?(?:চাই|ইচ্ছে|ইচ্ছা|মন)|মরতে ?(?:চাই|ইচ্ছে|ইচ্ছা)|মরে ?যাব|মরে ?যাওয়া ?ই? ?ভালো"
        r"|মরি ?যাই(?:তাম|মু)|মরণ ?(?:চাই|ই ?ভালো)",
        ("মরে যেতে চাই", "মরে যেতে ইচ্ছে করে", "আমি মরতে চাই", "মরি যাইতাম"),
        False,
    ),
    Phrase(
        "bn-not-want-to-live",
        "bn",
        "suicide",
        r"বাঁ?চতে ?(?:চাই ?না|ইচ্ছে ?করে ?না|ইচ্ছা ?করে ?না|পারছি ?না|মন ?চায় ?না)"
        r"|বেঁ?চে ?থাকতে ?(?:চাই ?না|ইচ্ছে ?করে ?না|ইচ্ছা ?করে ?না|পারছি ?না)"
        r"|(?:বেঁ?চে ?থাকার|বাঁ?চার) ?(?:কোন|কোনো|কোনও)? ?(?:মানে|কারণ|ইচ্ছা|ইচ্ছে) ?(?:নেই|নাই)",
        ("আর বাঁচতে চাই না", "বাঁচতে ইচ্ছে করে না", "বেঁচে থাকার কোনো মানে নেই", "বাচতে চাই না"),
        False,
    ),
    Phrase(
        "bn-end-life",
        "bn",
        "suicide",
        r"জীবন ?(?:শেষ ?করে|শেষ ?ক|দিয়ে ?দে|দিয়ে ?দি)",
        ("জীবন শেষ করে দিতে চাই",),
        False,
    ),
    Phrase(
        "bn-self-harm",
        "bn",
        "self-harm",
        r"নিজের ?(?:শরীরের ?)?ক্ষতি|নিজেকে ?(?:আঘাত|কষ্ট ?দি|কাট|ব্যথা ?দি|জখম)|হাত ?(?:কাট|কেটে)",
        ("নিজের ক্ষতি করি", "নিজের ক্ষতি করতে ইচ্ছে করে", "নিজেকে আঘাত করি", "হাত কেটে ফেলি"),
        False,
    ),
    Phrase(
        "bn-pills",
        "bn",
        "overdose",
        r"(?:ওষুধ|ওষুদ|ঔষধ|ঔষুধ|ট্যাবলেট|বড়ি|পিল)(?:গুলো|গুলি|গুলা)? ?(?:সব|সবগুলো|সবগুলি|একসাথে|অনেকগুলো|অনেক) ?"
        r"(?:খেয়ে|খাব|খাবো|খেতে|খাইয়া|খাইমু)"
        r"|(?:সব|সবগুলো|অনেক|একসাথে) ?(?:ঘুমের ?)?(?:ওষুধ|ঔষধ|ট্যাবলেট|বড়ি|পিল)(?:গুলো|গুলি)? ?"
        r"(?:খেয়ে|খাব|খাবো|খেতে|খাইয়া|খাইমু)",
        ("ঘুমের ওষুধ সব খেয়ে ফেলব", "সব ওষুধ একসাথে খেয়ে ফেলব", "অনেক ঘুমের ওষুধ খেয়ে ফেলেছি"),
        False,
    ),
    Phrase(
        "bn-poison",
        "bn",
        "suicide",
        r"বিষ ?(?:খাব|খাবো|খেয়ে|খেতে|খাইমু|খাইয়া)",
        ("বিষ খেয়ে মরব", "ইঁদুরের বিষ খাব"),
        False,
    ),
    Phrase(
        "bn-hanging",
        "bn",
        "suicide",
        r"গলায় ?(?:দড়ি|ফাঁ?স)|ফাঁ?সি ?(?:দেব|দিব|দিতে|দিমু|নেব)|ফাঁ?স ?(?:দেব|দিব|দিতে|দিমু|নেব|লাগা)"
        r"|(?:ট্রেনের|গাড়ির|বাসের) ?(?:নিচে|সামনে) ?ঝাঁ?প|(?:ছাদ|ব্রিজ|সেতু|বিল্ডিং)(?: ?থেকে)? ?লাফ",
        ("গলায় দড়ি দেব", "ফাঁসি দেব", "ট্রেনের নিচে ঝাঁপ দেব", "ছাদ থেকে লাফ দেব"),
        False,
    ),
    Phrase(
        "bn-voices",
        "bn",
        "psychosis-command",
        r"(?:কণ্ঠস্বর|কন্ঠস্বর|কণ্ঠ|কন্ঠ|আওয়াজ|গলার ?স্বর|জ্বীন|জ্বিন)[^।?!]{0,40}"
        r"(?:মেরে ?ফেল|মরে ?যা|মরে ?যে|মরতে|ক্ষতি|আঘাত|খুন)",
        ("কণ্ঠস্বর আমাকে বলছে মরে যেতে", "একটা আওয়াজ বলে সবার ক্ষতি করতে"),
        False,
    ),
    Phrase(
        "bn-harm-others",
        "bn",
        "harm-to-others",
        r"(?:কাউকে|ওকে|তাকে|বাচ্চাকে|বাচ্চার|সন্তানকে|সন্তানের) ?(?:মেরে ?ফেল|খুন|ক্ষতি ?কর)",
        ("কাউকে মেরে ফেলব", "ভয় হয় বাচ্চার ক্ষতি করে ফেলব"),
        False,
    ),
)

ROMANISED = (
    Phrase(
        "bn-latn-suicide",
        "bn-Latn",
        "suicide",
        r"\bat+m?[ao]?h[ao]t+y?a\w*",
        ("atmohotta korte chai", "atmohatya", "attohotta"),
        False,
    ),
    Phrase(
        "bn-latn-want-to-die",
        "bn-Latn",
        "suicide",
        r"\bmor(?:e|i|ey)? ?(?:jete|jaite|zaite|jaitam|zaitam|jabo|jamu|zamu|jaimu|zaimu)\b"
        r"|\bmor(?:te|ite|bar|ar) (?:chai|sai|cai|iccha|ichcha|issa|isa|mon)\b"
        r"|\bmoron ?(?:chai|sai|bhalo|balo)\b|\bmoira (?:jaimu|zaimu|jamu|zamu)\b",
        ("mori jaite chai", "more jete chai", "ami morte chai", "moira jamu"),
        False,
    ),
    Phrase(
        "bn-latn-kill-myself",
        "bn-Latn",
        "suicide",
        r"\bnije(?:ke|re|k|rey)? ?"
        r"(?:mere|meire|maira|mairi|mari|marimu|marbo|marmu|sesh|shesh|khotom|khatam|khun)\b",
        ("nijeke mere felbo", "nijere marimu", "nijeke sesh kore dibo"),
        False,
    ),
    Phrase(
        "bn-latn-not-want-to-live",
        "bn-Latn",
        "suicide",
        r"\b(?:bachte|basite|bachite|baste|bachar|basar|bashar|beche thakte|besi thakte) ?"
        r"(?:chai|sai|cai|ichcha|iccha|issa|isa|mon)? ?(?:na|nai|nei|kore na)\b",
        ("bachte chai na", "basar issa nai"),
        False,
    ),
    Phrase(
        "bn-latn-self-harm",
        "bn-Latn",
        "self-harm",
        r"\bnijer ?(?:khoti|kkhoti|khyoti|ksoti|koti)\b|\bnijeke (?:aghat|agat|kosto dei|kosto dibo|kati)\b",
        ("nijer khoti kori", "nijeke aghat kori"),
        False,
    ),
    Phrase(
        "bn-latn-pills",
        "bn-Latn",
        "overdose",
        r"\b(?:oshud|osud|oushod|ousod|ousud|oshudh|tablet|pill|bori)\w*(?: \w+){0,2}? "
        r"(?:sob|shob|sobgula|sobgulo|shobgulo|ekshathe|eksathe|onek)\b(?: \w+){0,2}? ?"
        r"(?:khabo|khaibo|khamu|khaimu|khaiya|kheye|khete)\b"
        r"|\b(?:sob|shob|ekshathe|onek)\b(?: \w+){0,2}? (?:oshud|osud|oushod|ousod|ousud|tablet|pill|bori)\w*"
        r"(?: \w+){0,2}? ?(?:khabo|khaibo|khamu|khaimu|khaiya|kheye|khete)\b",
        ("ghumer oshud sob khaiya felmu", "sob oshud kheye felbo"),
        False,
    ),
    Phrase(
        "bn-latn-hanging-poison",
        "bn-Latn",
        "suicide",
        r"\b(?:gol[ae]y|golai) (?:dori|dodi|fash|phash|fas)\b|\bfa(?:n)?shi (?:dibo|dimu|nibo)\b"
        r"|\bbish (?:khabo|khamu|khaimu|khaiya|kheye|khete)\b",
        ("golay dori dibo", "bish khamu"),
        False,
    ),
)

PHRASES = ENGLISH + BENGALI + ROMANISED
