"""Forms for the directory pages. Field ids are the field names, so an error summary links to `#name`."""

from datetime import datetime

from django import forms

from righthelp.directory import postcodes, queries
from righthelp.directory.actions import EDITABLE_LISTING_FIELDS
from righthelp.directory.models import Service

METRES_PER_MILE = 1609.344
DISTANCE_CHOICES = [("1", "1 mile"), ("2", "2 miles"), ("5", "5 miles"), ("10", "10 miles")]
DEFAULT_DISTANCE = "2"
MAX_AGE = 150


class ServiceFilterForm(forms.Form):
    """The service list's search and filters (GET). A bad filter is reported and left out; the rest apply."""

    q = forms.CharField(
        required=False,
        max_length=200,
        error_messages={"max_length": "Search must be 200 characters or fewer"},
    )
    need = forms.MultipleChoiceField(
        required=False, error_messages={"invalid_choice": "Select needs from the list"}
    )
    self_referral = forms.BooleanField(required=False)
    open_now = forms.BooleanField(required=False)
    postcode = forms.CharField(
        required=False, max_length=10, error_messages={"max_length": "Enter a real postcode"}
    )
    distance = forms.ChoiceField(
        required=False,
        choices=DISTANCE_CHOICES,
        error_messages={"invalid_choice": "Select a distance from the list"},
    )

    def __init__(self, *args, need_terms=(), **kwargs):
        super().__init__(*args, auto_id="%s", **kwargs)
        self.fields["need"].choices = [(term.term, term.name) for term in need_terms]

    def clean_postcode(self):
        postcode = " ".join(self.cleaned_data["postcode"].upper().split())
        if not postcode:
            return None
        place = postcodes.lookup(postcode)
        if place is None:
            raise forms.ValidationError(
                "We could not find that postcode. Check it and try again, or search without a postcode"
            )
        return place

    def criteria(self, *, now):
        """The valid part of the visitor's request as search criteria."""
        if not self.is_bound:
            return queries.Criteria()
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        place = data.get("postcode")
        return queries.Criteria(
            text=(data.get("q") or "").strip(),
            need_slugs=tuple(data.get("need") or ()),
            self_referral=bool(data.get("self_referral")),
            open_at=now if data.get("open_now") else None,
            near=place,
            within_m=int(data.get("distance") or DEFAULT_DISTANCE) * METRES_PER_MILE if place else None,
        )


class ProblemReportForm(forms.Form):
    what_is_wrong = forms.CharField(
        max_length=2000,
        strip=True,
        error_messages={
            "required": "Enter what is wrong with this page",
            "max_length": "What is wrong must be 2000 characters or fewer",
        },
    )
    reporter_email = forms.EmailField(
        required=False,
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="%s", **kwargs)


def age_field(label):
    return forms.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_AGE,
        error_messages={
            "invalid": f"{label} must be a whole number, like 18",
            "min_value": f"{label} must be 0 or more",
            "max_value": f"{label} must be {MAX_AGE} or less",
        },
    )


class ListingForm(forms.ModelForm):
    """A provider's edit of their own listing. `last_modified_seen` detects a change made meanwhile."""

    url = forms.URLField(
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter a web address in the correct format, like https://www.example.org"},
    )
    email = forms.EmailField(
        required=False,
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.org"},
    )
    minimum_age = age_field("Minimum age")
    maximum_age = age_field("Maximum age")
    last_modified_seen = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Service
        fields = list(EDITABLE_LISTING_FIELDS)
        error_messages = {
            "name": {"required": "Enter the name of the service"},
            "status": {"required": "Select a status", "invalid_choice": "Select a status from the list"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="%s", **kwargs)
        seen = self.instance.last_modified
        self.fields["last_modified_seen"].initial = seen.isoformat() if seen else ""
        for name in ("url", "email"):
            self.fields[name].empty_value = None

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("minimum_age"), cleaned.get("maximum_age")
        # The database's own rule (service_age_range_ordered), said in words on the right field.
        if low is not None and high is not None and low > high:
            self.add_error("maximum_age", "Maximum age must be the same as or more than the minimum age")
        return cleaned

    def clean_last_modified_seen(self):
        value = self.cleaned_data["last_modified_seen"]
        try:
            return datetime.fromisoformat(value) if value else None
        except ValueError:
            raise forms.ValidationError("Reload the page and make your changes again") from None

    def changes(self):
        """{field: new value} for the listing fields the provider changed."""
        return {name: self.cleaned_data[name] for name in self.changed_data if name != "last_modified_seen"}
