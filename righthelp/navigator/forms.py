"""Forms for the navigator's pages. Field ids are the field names, so an error summary links to `#name`.

The find-help form hands what it was sent to params.parse_query, the same reader the API uses, and turns
each error it names into a page error on that field.
"""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _

from righthelp.navigator.params import MAX_AGE, MAX_NEEDS, MAX_TEXT_LENGTH, InvalidQuery, parse_query
from righthelp.navigator.questionnaires import OPTIONS


def page_error(parameter):
    """What the page says for a parameter parse_query rejects: plain words, not the API's."""
    messages = {
        "q": _("What's happening must be %(max)d characters or fewer") % {"max": MAX_TEXT_LENGTH},
        "need": _("Choose up to %(max)d things from the list") % {"max": MAX_NEEDS},
        "postcode": _("We could not find that postcode. Check it, or leave it empty"),
        "age": _("Enter your age as a whole number from 0 to %(max)d, or leave it empty") % {"max": MAX_AGE},
        "language": _("Choose a language from the list"),
    }
    return messages.get(parameter, _("Check this answer"))


class FindHelpForm(forms.Form):
    q = forms.CharField(required=False, strip=True)
    need = forms.MultipleChoiceField(required=False)
    postcode = forms.CharField(required=False)
    age = forms.CharField(required=False)
    language = forms.ChoiceField(required=False)
    open_now = forms.BooleanField(required=False)
    self_referral = forms.BooleanField(required=False)

    def __init__(self, *args, needs, languages, **kwargs):
        """`needs` and `languages` are {slug: name} of what the picker and the select offer."""
        super().__init__(*args, auto_id="%s", **kwargs)
        self.known_needs = needs
        self.fields["need"].choices = list(needs.items())
        self.fields["need"].error_messages["invalid_choice"] = page_error("need")
        self.fields["language"].choices = [("", _("Any language")), *languages.items()]
        self.fields["language"].error_messages["invalid_choice"] = page_error("language")
        self.query = None

    def clean(self):
        try:
            self.query = parse_query(self._as_query(), known_needs=self.known_needs)
        except InvalidQuery as invalid:
            for parameter in dict.fromkeys(error["parameter"] for error in invalid.errors):
                if parameter not in self.errors:
                    self.add_error(parameter, page_error(parameter))
        return self.cleaned_data

    def _as_query(self):
        """What was sent, as the API's query parameters."""
        query = QueryDict(mutable=True)
        for name in ("q", "postcode", "age", "language"):
            query[name] = self.data.get(name, "")
        query.setlist("need", self.data.getlist("need"))
        for name in ("open_now", "self_referral"):
            query[name] = "true" if self.data.get(name) else "false"
        return query


class SelfCheckForm(forms.Form):
    """One radio question (`item-1`, `item-2`, ...) per questionnaire item, each answered 0 to 3."""

    def __init__(self, *args, questionnaire, **kwargs):
        super().__init__(*args, auto_id="%s", **kwargs)
        self.questionnaire = questionnaire
        choices = [(str(value), label) for value, label in OPTIONS]
        for number, text in enumerate(questionnaire.items, start=1):
            message = _("Answer question %(number)d: %(question)s") % {"number": number, "question": text}
            self.fields[field_name(number)] = forms.TypedChoiceField(
                choices=choices,
                coerce=int,
                error_messages={"required": message, "invalid_choice": message},
            )

    def answers(self):
        """The valid answers in item order, None for each missing or bad one (validate first)."""
        return [
            self.cleaned_data.get(field_name(number))
            for number in range(1, len(self.questionnaire.items) + 1)
        ]


def field_name(number):
    return f"item-{number}"
