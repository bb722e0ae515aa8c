"""The urgent-help routes shown on every public page (hazard H1 in docs/safety/hazard-log.md).

These are national facts, not local listings: they are the same everywhere in England and are
also records in the directory (data/tower_hamlets/services.json) so the API serves them too.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class CrisisRoute:
    name: str
    action: str
    number: str
    when: str
    kind: str  # "call" or "text"


NATIONAL_CRISIS_ROUTES = (
    CrisisRoute(
        _("Emergency: 999"), _("Call 999 or go to A&E if a life is at risk now"), "999", _("any time"), "call"
    ),
    CrisisRoute(
        _("NHS 111, option 2"),
        _("Call 111 and choose option 2 for the NHS mental health crisis line"),
        "111",
        _("24 hours a day, 7 days a week"),
        "call",
    ),
    CrisisRoute(_("Samaritans"), _("Call Samaritans free on 116 123"), "116123", _("24 hours a day"), "call"),
    CrisisRoute(_("Shout"), _("Text SHOUT to 85258"), "85258", _("24 hours a day"), "text"),
)
