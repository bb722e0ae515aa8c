"""Shape accounts data for the templates."""

from base64 import b32encode

import segno
from django.urls import reverse
from markupsafe import Markup

from righthelp.accounts.models import ROLES_MANAGING_STAFF
from righthelp.core.template_helpers import london_date


def form_context(form, **extra):
    return {"form": form, "values": form.data, "robots": "noindex", **extra}


def membership_rows(memberships, current):
    return [
        {
            "id": membership.id,
            "organisation": membership.organization.name,
            "role": membership.get_role_display(),
            "current": current is not None and membership.id == current.id,
        }
        for membership in memberships
    ]


def staff_links(current):
    """What the staff home offers in the current organisation."""
    if current is None or current.role not in ROLES_MANAGING_STAFF:
        return []
    return [
        {"text": "Staff in this organisation", "href": reverse("accounts:members")},
        {"text": "Invite a member of staff", "href": reverse("accounts:invite")},
    ]


def member_rows(memberships):
    return [[{"text": m.user.email}, {"text": m.get_role_display()}] for m in memberships]


def invitation_rows(invitations):
    return [
        [{"text": i.email}, {"text": i.get_role_display()}, {"text": london_date(i.expires_at, "j F Y")}]
        for i in invitations
    ]


def describe_duration(delta):
    hours, minutes = divmod(int(delta.total_seconds()) // 60, 60)
    if hours and not minutes:
        return f"{hours} hour" if hours == 1 else f"{hours} hours"
    total = hours * 60 + minutes
    return f"{total} minute" if total == 1 else f"{total} minutes"


def totp_setup(device):
    """The QR code (inline SVG, no image requests) and the same secret as text for manual entry."""
    secret = b32encode(device.bin_key).decode()
    qr_code = segno.make(device.config_url, error="m").svg_inline(
        scale=5, title="QR code for your authenticator app"
    )
    return {
        "qr_svg": Markup(qr_code),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "otpauth_uri": device.config_url,
    }
