"""Writes for staff accounts. Each records its access event in the same transaction."""

import secrets

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib import auth
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from righthelp.accounts import session_clock
from righthelp.accounts.models import (
    AccessEvent,
    Invitation,
    Membership,
    User,
    hash_token,
    normalise_email,
    roles_invitable_by,
)
from righthelp.accounts.permissions import choose_membership, current_membership
from righthelp.core.template_helpers import london_date

# The backend that checks passwords (axes' backend only refuses locked-out attempts).
PASSWORD_BACKEND = "django.contrib.auth.backends.ModelBackend"


class InvitationUnusable(Exception):
    """The link is unknown, already used or expired."""


def client_address(request):
    return get_client_ip_address(request)


def record_event(*, kind, user=None, organization=None, ip_address=None):
    return AccessEvent.objects.create(kind=kind, user=user, organization=organization, ip_address=ip_address)


@transaction.atomic
def invite_staff(*, invited_by, organization, email, role, ip_address=None):
    """Create a single-use invitation and email its link. Returns the invitation."""
    inviter = invited_by.memberships.filter(organization=organization).first()
    if inviter is None or not roles_invitable_by(inviter.role):
        raise PermissionDenied("Only administrators and service managers may invite staff.")
    if role not in roles_invitable_by(inviter.role):
        raise ValidationError({"role": "You cannot invite someone with that role."})
    email = normalise_email(email)
    if Membership.objects.for_organisation(organization).filter(user__email=email).exists():
        raise ValidationError({"email": f"{email} is already a member of {organization.name}."})
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email, organization=organization, role=role, token_hash=hash_token(token), invited_by=invited_by
    )
    record_event(
        kind=AccessEvent.Kind.INVITATION_SENT,
        user=invited_by,
        organization=organization,
        ip_address=ip_address,
    )
    _send_invitation(invitation, token)
    return invitation


def _send_invitation(invitation, token):
    # The email names only the organisation and the role: no inviter, no other staff.
    link = settings.SITE_URL.rstrip("/") + reverse("accounts:accept_invitation", args=[token])
    body = (
        f"You have been invited to join {invitation.organization.name} on RightHelp "
        f"as {invitation.get_role_display().lower()}.\n\n"
        f"To accept, open this link and set your password:\n{link}\n\n"
        f"The link works once and expires on {london_date(invitation.expires_at, 'j F Y, H:i')}.\n"
        "If you did not expect this invitation, you can ignore this email."
    )
    send_mail("Your invitation to RightHelp", body, None, [invitation.email])


@transaction.atomic
def accept_invitation(*, token, password, ip_address=None):
    """Use an invitation: create the account (or check an existing one's password) and the membership.

    Raises InvitationUnusable for a bad link and ValidationError({"password": ...}) for a bad password.
    """
    invitation = Invitation.objects.select_for_update().filter(token_hash=hash_token(token)).first()
    if invitation is None or invitation.accepted_at or invitation.expires_at <= timezone.now():
        raise InvitationUnusable
    user = User.objects.filter(email=invitation.email).first()
    if user is None:
        try:
            validate_password(password, User(username=invitation.email, email=invitation.email))
        except ValidationError as error:
            raise ValidationError({"password": error.messages}) from error
        user = User.objects.create_user(email=invitation.email, password=password)
    elif not user.check_password(password):
        # An existing account keeps its password: the link must not become a password reset.
        raise ValidationError({"password": "Enter the password you already use to sign in to RightHelp."})
    membership, _ = Membership.objects.update_or_create(
        user=user, organization=invitation.organization, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    record_event(
        kind=AccessEvent.Kind.INVITATION_ACCEPTED,
        user=user,
        organization=invitation.organization,
        ip_address=ip_address,
    )
    return membership


@transaction.atomic
def sign_in(*, request, user, membership=None):
    """Start a session for a user whose password was checked; `membership` becomes the current one."""
    auth.login(request, user, backend=PASSWORD_BACKEND)
    session_clock.start(request.session, timezone.now())
    if membership is not None:
        choose_membership(request, membership)
    current = current_membership(request)
    record_event(
        kind=AccessEvent.Kind.LOGIN,
        user=user,
        organization=current.organization if current else None,
        ip_address=client_address(request),
    )


@transaction.atomic
def end_session(*, request, kind=AccessEvent.Kind.LOGOUT):
    """Sign out (or time out): the event names the organisation acted for, then the session is flushed."""
    current = current_membership(request)
    record_event(
        kind=kind,
        user=request.user,
        organization=current.organization if current else None,
        ip_address=client_address(request),
    )
    auth.logout(request)


@transaction.atomic
def record_failed_sign_in(*, request, email, locked_out):
    record_event(
        kind=AccessEvent.Kind.LOCKOUT if locked_out else AccessEvent.Kind.LOGIN_FAILED,
        user=User.objects.filter(email=email).first(),
        ip_address=client_address(request),
    )


@transaction.atomic
def prepare_totp_device(*, user):
    """The device being enrolled: the same secret on every visit until a code confirms it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


@transaction.atomic
def confirm_totp_device(*, request, device, token):
    """Enrolment: the first good code confirms the device and verifies this session. True if it did."""
    if not device.verify_token(token):
        record_event(
            kind=AccessEvent.Kind.TWO_FACTOR_FAILED, user=request.user, ip_address=client_address(request)
        )
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    record_event(
        kind=AccessEvent.Kind.TWO_FACTOR_ENROLLED, user=request.user, ip_address=client_address(request)
    )
    return True


@transaction.atomic
def verify_totp(*, request, device, token):
    """The second step of signing in. True if the code was right; a wrong one is recorded."""
    if device.verify_token(token):
        otp_login(request, device)
        return True
    record_event(
        kind=AccessEvent.Kind.TWO_FACTOR_FAILED, user=request.user, ip_address=client_address(request)
    )
    return False
