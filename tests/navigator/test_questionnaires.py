import pytest
from hypothesis import given
from hypothesis import strategies as st

from righthelp.navigator.questionnaires import GAD7, PHQ9, TALK_TODAY, InvalidAnswers, score

PHQ9_BANDS = [
    (0, 4, "minimal"),
    (5, 9, "mild"),
    (10, 14, "moderate"),
    (15, 19, "moderately severe"),
    (20, 27, "severe"),
]
GAD7_BANDS = [(0, 4, "minimal"), (5, 9, "mild"), (10, 14, "moderate"), (15, 21, "severe")]
STEP = {
    "minimal": "self-help",
    "mild": "self-help",
    "moderate": "talking-therapies",
    "moderately severe": "gp-review",
    "severe": "gp-review",
}


def answers_totalling(total, count):
    """Answers adding up to `total`, highest first."""
    answers = [min(3, max(0, total - 3 * item)) for item in range(count)]
    assert sum(answers) == total
    return answers


def band(bands, total):
    return next(severity for low, high, severity in bands if low <= total <= high)


@pytest.mark.parametrize(
    ("questionnaire", "bands"), [(PHQ9, PHQ9_BANDS), (GAD7, GAD7_BANDS)], ids=["phq9", "gad7"]
)
def test_every_band_boundary(questionnaire, bands):
    for low, high, severity in bands:
        for total in (low, high):
            result = score(questionnaire, answers_totalling(total, len(questionnaire.items)))
            assert (result.total, result.severity, result.step) == (total, severity, STEP[severity])


@given(st.lists(st.integers(0, 3), min_size=9, max_size=9))
def test_phq9_total_band_and_risk_for_any_answers(answers):
    result = score(PHQ9, answers)
    assert result.total == sum(answers)
    assert result.severity == band(PHQ9_BANDS, sum(answers))
    assert result.risk_flag == (answers[8] > 0)


@given(st.lists(st.integers(0, 3), min_size=7, max_size=7))
def test_gad7_total_and_band_for_any_answers_and_no_risk_item(answers):
    result = score(GAD7, answers)
    assert (result.total, result.severity, result.risk_flag) == (
        sum(answers),
        band(GAD7_BANDS, sum(answers)),
        False,
    )


@pytest.mark.parametrize("item_9", [1, 2, 3])
def test_any_answer_above_0_on_item_9_says_talk_to_someone_today_whatever_the_total(item_9):
    result = score(PHQ9, [0] * 8 + [item_9])
    assert result.severity == "minimal"
    assert result.risk_flag
    assert result.next_steps[0] == TALK_TODAY


def test_no_risk_no_talk_today():
    assert TALK_TODAY not in score(PHQ9, [3] * 8 + [0]).next_steps


@pytest.mark.parametrize(
    ("answers", "fields"),
    [
        ([0] * 8, ["answers[8]"]),
        ([0] * 7 + [None, 0], ["answers[7]"]),
        ([0, 4, 0, -1, 0, 0, 0, 0, 0], ["answers[1]", "answers[3]"]),
        ([0, "2", 0, 0, 0, 0, 0, 0, 0], ["answers[1]"]),
        ([0, True, 0, 0, 0, 0, 0, 0, 0.0], ["answers[1]", "answers[8]"]),
        ([0] * 10, ["answers"]),
        ("0,0,0", ["answers"]),
        (None, ["answers"]),
    ],
)
def test_incomplete_or_out_of_range_answers_name_each_item(answers, fields):
    with pytest.raises(InvalidAnswers) as raised:
        score(PHQ9, answers)
    assert [error["field"] for error in raised.value.errors] == fields


def test_an_item_error_names_the_item_by_number_and_words():
    with pytest.raises(InvalidAnswers) as raised:
        score(PHQ9, [0] * 8)
    (error,) = raised.value.errors
    assert error["item"] == 9
    assert error["message"].startswith("Item 9 (Thoughts that you would be better off dead")


def test_items_are_the_published_questionnaires():
    assert len(PHQ9.items) == 9 and len(GAD7.items) == 7
    assert PHQ9.items[0] == "Little interest or pleasure in doing things"
    assert GAD7.items[6] == "Feeling afraid as if something awful might happen"
