"""Who may do what.

`require_membership(*roles)` decorates a view: the user must be signed in, hold a membership with one of
`roles` in their current organisation, and (for roles in ROLES_REQUIRING_TWO_FACTOR) have passed TOTP in
this session. The view then finds that membership at `request.membership` (`.organization`, `.role`, `.user`).
"""

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import user_has_device

from righthelp.accounts.models import ROLES_REQUIRING_TWO_FACTOR

CURRENT_MEMBERSHIP = "accounts_membership_id"


def current_membership(request):
    """The membership the user is acting under: the one they chose, or their only one; else None."""
    if not request.user.is_authenticated:
        return None
    memberships = list(request.user.memberships.select_related("organization", "user"))
    chosen = request.session.get(CURRENT_MEMBERSHIP)
    for membership in memberships:
        if membership.id == chosen:
            return membership
    if len(memberships) == 1:
        choose_membership(request, memberships[0])
        return memberships[0]
    return None


def choose_membership(request, membership):
    request.session[CURRENT_MEMBERSHIP] = membership.id


def needs_two_factor(user):
    """Asked once per session at sign-in if any of the user's roles needs it."""
    return user.memberships.filter(role__in=ROLES_REQUIRING_TWO_FACTOR).exists()


def next_url(request, default="accounts:home"):
    """The `next` parameter if it is a path on this site, else `default`."""
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(default)


def with_next(view_name, next_path):
    return f"{reverse(view_name)}?{urlencode({'next': next_path})}"


def second_factor_redirect(request, next_path=None):
    """To TOTP verification, or to enrolment if the user has no confirmed device yet."""
    view_name = "accounts:verify" if user_has_device(request.user, confirmed=True) else "accounts:enrol"
    return redirect(with_next(view_name, next_path or request.get_full_path()))


def require_signed_in(view):
    """Staff pages outside any one organisation: signed in, and past TOTP if any role needs it."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_verified() and needs_two_factor(request.user):
            return second_factor_redirect(request)
        return view(request, *args, **kwargs)

    return wrapped


def require_membership(*roles):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = current_membership(request)
            if membership is None:
                if request.user.memberships.exists():
                    return redirect(with_next("accounts:home", request.get_full_path()))
                raise PermissionDenied
            if membership.role in ROLES_REQUIRING_TWO_FACTOR and not request.user.is_verified():
                return second_factor_redirect(request)
            if membership.role not in roles:
                raise PermissionDenied
            request.membership = membership
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
