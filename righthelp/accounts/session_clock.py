"""When a staff session started and was last used, kept in the session itself."""

from django.conf import settings

SIGNED_IN_AT = "accounts_signed_in_at"
LAST_SEEN_AT = "accounts_last_seen_at"

IDLE = "idle"
ABSOLUTE = "absolute"


def start(session, now):
    session[SIGNED_IN_AT] = session[LAST_SEEN_AT] = now.timestamp()


def expiry_reason(session, now):
    """IDLE or ABSOLUTE if the session has run out, else None. A session without a clock starts one."""
    if SIGNED_IN_AT not in session:
        start(session, now)
    moment = now.timestamp()
    if moment - session[SIGNED_IN_AT] > settings.SESSION_ABSOLUTE_TIMEOUT:
        return ABSOLUTE
    if moment - session.get(LAST_SEEN_AT, session[SIGNED_IN_AT]) > settings.SESSION_IDLE_TIMEOUT:
        return IDLE
    return None


def touch(session, now):
    session[LAST_SEEN_AT] = now.timestamp()
