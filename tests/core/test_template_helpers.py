"""Template helpers every page relies on."""

from django import forms
from django.core.paginator import Paginator
from django.http import QueryDict

from righthelp.core import template_helpers


class ExampleForm(forms.Form):
    name = forms.CharField(error_messages={"required": "Enter a name"})

    def clean(self):
        raise forms.ValidationError("Something about the whole form")


def test_error_summary_links_each_field_error_to_its_field():
    form = ExampleForm({"name": ""})
    form.is_valid()

    assert template_helpers.error_summary_items(form) == [
        {"text": "Something about the whole form"},
        {"text": "Enter a name", "href": "#name"},
    ]
    assert template_helpers.field_error(form, "name") == {"text": "Enter a name"}


def test_field_error_is_none_for_a_good_field():
    form = ExampleForm({"name": "Synthetic"})
    form.is_valid()

    assert template_helpers.field_error(form, "name") is None


def test_paragraphs_escape_html_and_keep_line_breaks():
    html = template_helpers.paragraphs("First <b>line</b>\nsecond line\n\nNew paragraph")

    assert html == "<p>First &lt;b&gt;line&lt;/b&gt;<br>second line</p>\n<p>New paragraph</p>"


def test_tel_href_keeps_digits_and_plus_only():
    assert template_helpers.tel_href("+44 (0)1632 960 000") == "tel:+4401632960000"


def test_pagination_keeps_the_visitors_filters():
    page = Paginator(list(range(45)), 20).get_page(2)

    params = template_helpers.pagination(page, QueryDict("q=carers&need=anxiety&page=2"))

    assert params["previous"]["href"] == "?q=carers&need=anxiety&page=1"
    assert params["next"]["href"] == "?q=carers&need=anxiety&page=3"
    assert [item.get("number") for item in params["items"]] == [1, 2, 3]
    assert [item["current"] for item in params["items"]] == [False, True, False]


def test_no_pagination_for_a_single_page():
    assert template_helpers.pagination(Paginator([1], 20).get_page(1), QueryDict("")) is None
