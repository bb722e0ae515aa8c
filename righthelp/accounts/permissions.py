"""Who may do what. INTERFACE STUB: the accounts work replaces the bodies, keeping the signatures.

`require_membership(*roles)` decorates a view: the user must be signed in, hold a membership with one of
`roles` in their current organisation, and (for roles in ROLES_REQUIRING_TWO_FACTOR) have passed TOTP.
The view then finds that membership at `request.membership` (`.organization`, `.role`, `.user`).
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def require_membership(*roles):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = request.user.memberships.filter(role__in=roles).select_related("organization").first()
            if membership is None:
                raise PermissionDenied
            request.membership = membership
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
