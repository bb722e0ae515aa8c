"""Idle and absolute session timeouts for signed-in staff."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils import timezone

from righthelp.accounts import actions, session_clock
from righthelp.accounts.models import AccessEvent

TIMEOUT_MESSAGES = {
    session_clock.IDLE: "You were signed out because you had not used RightHelp for a while. Sign in again.",
    session_clock.ABSOLUTE: "You were signed out because your session reached its time limit. Sign in again.",
}


class SessionTimeoutMiddleware:
    """Ends a session idle for SESSION_IDLE_TIMEOUT seconds, or SESSION_ABSOLUTE_TIMEOUT after sign-in.

    Sits after MessageMiddleware, so the timeout message survives the flushed session (in its cookie).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = timezone.now()
            reason = session_clock.expiry_reason(request.session, now)
            if reason:
                actions.end_session(request=request, kind=AccessEvent.Kind.TIMEOUT)
                messages.info(request, TIMEOUT_MESSAGES[reason])
                # Only a page can be returned to; a form posted into an ended session cannot be replayed.
                if request.method == "GET":
                    return redirect_to_login(request.get_full_path())
                return redirect("accounts:login")
            session_clock.touch(request.session, now)
        return self.get_response(request)
