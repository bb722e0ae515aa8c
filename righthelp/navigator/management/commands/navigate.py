"""manage.py navigate "TEXT": the navigator's answer, as the navigate API gives it (same code path)."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from righthelp.navigator import navigation, presenters
from righthelp.navigator.needs import need_names
from righthelp.navigator.params import InvalidQuery, parse_query

# Each option's query parameter in the API.
OPTIONS = {"postcode": "postcode", "age": "age", "language": "language"}


class Command(BaseCommand):
    help = "Find help for what a person wrote: crisis routes first when it shows a risk, then services."

    def add_arguments(self, parser):
        parser.add_argument("text", help='what the person wrote, e.g. "I\'ve felt low for weeks"')
        parser.add_argument("--need", action="append", default=[], help="a need slug, as picked (repeatable)")
        parser.add_argument("--postcode")
        parser.add_argument("--age")
        parser.add_argument("--language", help="a language code, e.g. bn")
        parser.add_argument("--open-now", action="store_true")
        parser.add_argument("--self-referral", action="store_true")
        parser.add_argument("--json", action="store_true", help="print the navigate API's JSON")

    def handle(self, *args, **options):
        query = QueryDict(mutable=True)
        query["q"] = options["text"]
        query.setlist("need", options["need"])
        for option, parameter in OPTIONS.items():
            if options[option] is not None:
                query[parameter] = options[option]
        query["open_now"] = "true" if options["open_now"] else "false"
        query["self_referral"] = "true" if options["self_referral"] else "false"
        try:
            parsed = parse_query(query, known_needs=need_names())
        except InvalidQuery as invalid:
            raise CommandError(
                "\n".join(f"{_option(error['parameter'])}: {error['message']}" for error in invalid.errors)
            ) from invalid
        answer = presenters.answer_json(navigation.navigate(parsed))
        if options["json"]:
            self.stdout.write(json.dumps(answer, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(_as_text(answer))


def _option(parameter):
    return "TEXT" if parameter == "q" else "--" + parameter.replace("_", "-")


def _as_text(answer):
    lines = []
    if answer["crisis"]:
        lines.append("URGENT HELP FIRST:")
        lines += [
            f"  {route['name']}: {route['action']} ({route['when']})" for route in answer["crisis_routes"]
        ]
        lines.append("")
    needs = ", ".join(need["name"] for need in answer["query"]["needs"]) or "none recognised"
    lines.append(f"Needs: {needs}")
    if not answer["results"]:
        lines.append("No services found.")
    for number, result in enumerate(answer["results"], start=1):
        organisation = f" ({result['organization']})" if result["organization"] else ""
        lines.append(f"{number}. {result['name']}{organisation} [score {result['score']}]")
        lines.append(f"   {'; '.join(result['reasons'])}")
    return "\n".join(lines)
