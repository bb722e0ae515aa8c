import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("navigate", *args, stdout=out)
    return out.getvalue()


def test_json_is_what_the_api_answers(client, borough):
    printed = json.loads(run("I can't sleep and feel anxious", "--need", "low-mood", "--age", "30", "--json"))
    api = client.get(
        reverse("navigator:navigate"),
        {"q": "I can't sleep and feel anxious", "need": "low-mood", "age": "30"},
    )
    assert printed == api.json()


def test_text_output_leads_with_urgent_help_when_there_is_a_risk(borough):
    lines = run("I want to end my life").splitlines()
    assert lines[:2] == [
        "URGENT HELP FIRST:",
        "  Emergency: 999: Call 999 or go to A&E if a life is at risk now (any time)",
    ]
    assert lines[6:8] == ["", "Needs: Mental health crisis"]
    assert lines[8].startswith("1. ")


def test_text_output_lists_numbered_results_with_their_reasons(borough):
    lines = run("carer for my mum").splitlines()
    assert lines[:3] == [
        "Needs: Support for carers",
        "1. Virtual Carers Centre Hub (London Borough of Tower Hamlets) [score 60]",
        "   Helps with support for carers; For carers; Open now",
    ]
    assert run("carer for my mum", "--self-referral").splitlines()[1] == "No services found."


def test_bad_options_are_named(borough):
    with pytest.raises(CommandError, match="--age: must be a whole number"):
        run("help", "--age", "old")
