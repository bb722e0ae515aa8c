"""The PHQ-9 and GAD-7 self-checks: items, scoring, severity bands, the risk item, and the stepped-care step.

A result signposts; it does not diagnose (hazard H9). Each total maps to a step of stepped care:
minimal or mild -> "self-help" (self-help and community support); moderate -> "talking-therapies" (NHS
Talking Therapies, which people refer themselves to); moderately severe or severe -> "gp-review" (a GP
review, and Talking Therapies). Any answer above 0 to PHQ-9 item 9 raises the risk flag: crisis routes
first and "talk to someone today", whatever the total (hazard H8). Answers are scored and forgotten.
"""

from dataclasses import dataclass

ATTRIBUTION = (
    "PHQ-9 and GAD-7 developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
    "with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or "
    "distribute."
)
OPTIONS = ((0, "Not at all"), (1, "Several days"), (2, "More than half the days"), (3, "Nearly every day"))
NOT_A_DIAGNOSIS = (
    "This is a self-check, not a diagnosis. It shows how much these problems have bothered you over the last "
    "2 weeks and where to find help that fits."
)
TALK_TODAY = "Talk to someone today."


@dataclass(frozen=True)
class Questionnaire:
    slug: str
    name: str
    question: str
    items: tuple
    bands: tuple  # (lowest total, severity), ascending
    risk_item: int | None = None  # 1-based number of the item whose every answer above 0 is a risk

    @property
    def max_total(self):
        return 3 * len(self.items)


PHQ9 = Questionnaire(
    slug="phq9",
    name="PHQ-9",
    question="Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    items=(
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so "
        "fidgety or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ),
    bands=((0, "minimal"), (5, "mild"), (10, "moderate"), (15, "moderately severe"), (20, "severe")),
    risk_item=9,
)
GAD7 = Questionnaire(
    slug="gad7",
    name="GAD-7",
    question="Over the last 2 weeks, how often have you been bothered by the following problems?",
    items=(
        "Feeling nervous, anxious or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid as if something awful might happen",
    ),
    bands=((0, "minimal"), (5, "mild"), (10, "moderate"), (15, "severe")),
)
QUESTIONNAIRES = {questionnaire.slug: questionnaire for questionnaire in (PHQ9, GAD7)}

STEPS = {
    "minimal": "self-help",
    "mild": "self-help",
    "moderate": "talking-therapies",
    "moderately severe": "gp-review",
    "severe": "gp-review",
}
NEXT_STEPS = {
    "self-help": (
        "Self-help and community support can help: look after sleep, activity and the people around you, "
        "and try the community groups below.",
        "If things do not get better in 2 weeks, or get worse, do the self-check again or talk to your GP.",
    ),
    "talking-therapies": (
        "NHS Talking Therapies can help with problems like these. You can refer yourself: you do not need "
        "to see your GP first.",
    ),
    "gp-review": (
        "Make an appointment with your GP to talk about how you have been feeling. Take these answers if "
        "that helps.",
        "You can also refer yourself to NHS Talking Therapies while you wait.",
    ),
}


@dataclass(frozen=True)
class Score:
    questionnaire: Questionnaire
    total: int
    severity: str
    risk_flag: bool
    step: str

    @property
    def next_steps(self):
        return ((TALK_TODAY,) if self.risk_flag else ()) + NEXT_STEPS[self.step]


class InvalidAnswers(Exception):
    def __init__(self, errors):
        self.errors = errors
        super().__init__(errors)


def score(questionnaire, answers):
    """The Score for a complete list of answers, each 0-3, or InvalidAnswers naming each bad item."""
    errors = answer_errors(questionnaire, answers)
    if errors:
        raise InvalidAnswers(errors)
    total = sum(answers)
    severity = severity_for(questionnaire, total)
    risk = questionnaire.risk_item is not None and answers[questionnaire.risk_item - 1] > 0
    return Score(questionnaire, total, severity, risk, STEPS[severity])


def risk_answered(questionnaire, answers):
    """Whether the risk item has an answer above 0, even among answers that cannot be scored."""
    number = questionnaire.risk_item
    if number is None or not isinstance(answers, list) or len(answers) < number:
        return False
    answer = answers[number - 1]
    return type(answer) is int and answer > 0


def severity_for(questionnaire, total):
    return [severity for lowest, severity in questionnaire.bands if total >= lowest][-1]


def answer_errors(questionnaire, answers):
    """[{"field", "item", "message"}] for each missing, extra or out-of-range answer."""
    count = len(questionnaire.items)
    if not isinstance(answers, list):
        return [{"field": "answers", "message": f"must be a list of {count} answers, each 0, 1, 2 or 3"}]
    errors = []
    for number, text in enumerate(questionnaire.items, start=1):
        field = f"answers[{number - 1}]"
        if number > len(answers) or answers[number - 1] is None:
            message = f"Item {number} ({text}) has no answer: answer it with 0, 1, 2 or 3"
        elif type(answers[number - 1]) is not int or not 0 <= answers[number - 1] <= 3:
            message = f"Item {number} ({text}) must be 0, 1, 2 or 3"
        else:
            continue
        errors.append({"field": field, "item": number, "message": message})
    if len(answers) > count:
        errors.append(
            {"field": "answers", "message": f"{questionnaire.name} has {count} items, not {len(answers)}"}
        )
    return errors
