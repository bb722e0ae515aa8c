"""Staff pages. `locked_out` is named here because settings.AXES_LOCKOUT_CALLABLE points at it."""

from righthelp.accounts.views.signin import locked_out

__all__ = ["locked_out"]
