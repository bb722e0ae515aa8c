"""Opening hours from ORUK schedule rows. INTERFACE STUB: the schedules work replaces the bodies."""


def is_open(schedules, at):
    """True when the rows say the service is open at the aware datetime `at` (Europe/London rules).
    The single decision behind both the "open now" badge and the open-now filter."""
    return False


def is_open_during(schedules, day, start_time, end_time):
    """True when the service is open at some point on weekday `day` ("MO".."SU") between the times."""
    return False
