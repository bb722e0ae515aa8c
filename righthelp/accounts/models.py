"""Staff accounts: a user holds a membership, with one role, per directory organisation."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length, Lower
from django.db.models.lookups import Exact
from django.utils import timezone

from righthelp.directory.models import Organization

INVITATION_VALID_FOR = timedelta(days=7)


def normalise_email(address):
    """One spelling per address, so uniqueness and per-user lockout cannot be dodged by case."""
    return address.strip().lower()


class StaffUserManager(UserManager):
    """`create_user(email=...)` or `create_user("name@example.org")`: the username is the email."""

    def create_user(self, username=None, email=None, password=None, **extra_fields):
        return super().create_user(username, email, password, **extra_fields)

    def _create_user_object(self, username, email, password, **extra_fields):
        address = normalise_email(email or username or "")
        if not address or (username and email and normalise_email(username) != address):
            raise ValueError("A staff user's username is their email address.")
        return super()._create_user_object(address, address, password, **extra_fields)


class User(AbstractUser):
    """Staff sign in with their email address, stored as the username."""

    email = models.EmailField(unique=True)

    objects = StaffUserManager()

    class Meta(AbstractUser.Meta):
        constraints = [
            models.CheckConstraint(name="user_username_is_email", condition=Q(username=F("email"))),
            models.CheckConstraint(name="user_email_lower_case", condition=Exact(F("email"), Lower("email"))),
        ]


class Role(models.TextChoices):
    LISTING_EDITOR = "listing_editor", "Listing editor"
    REFERRER = "referrer", "Referrer"
    DUTY_WORKER = "duty_worker", "Service duty worker"
    SERVICE_MANAGER = "service_manager", "Service manager"
    COMMISSIONER = "commissioner", "Commissioner (aggregate figures only)"
    ADMINISTRATOR = "administrator", "Administrator"


# Every role beyond listing editor touches personal data or the whole system: TOTP is required.
ROLES_REQUIRING_TWO_FACTOR = frozenset(Role) - {Role.LISTING_EDITOR}
# Roles that may edit their organisation's directory listings.
ROLES_EDITING_LISTINGS = frozenset({Role.LISTING_EDITOR, Role.SERVICE_MANAGER, Role.ADMINISTRATOR})
# Roles that may see their organisation's staff and invite more.
ROLES_MANAGING_STAFF = frozenset({Role.SERVICE_MANAGER, Role.ADMINISTRATOR})


def roles_invitable_by(role):
    """A service manager cannot make an administrator; an administrator can make any role."""
    if role == Role.ADMINISTRATOR:
        return list(Role)
    if role == Role.SERVICE_MANAGER:
        return [r for r in Role if r != Role.ADMINISTRATOR]
    return []


class OrganisationScopedQuerySet(models.QuerySet):
    def for_organisation(self, organization):
        return self.filter(organization=organization)


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="one_membership_per_organisation"),
            models.CheckConstraint(name="membership_role_valid", condition=models.Q(role__in=Role.values)),
        ]

    def __str__(self):
        return f"{self.user} · {self.organization} · {self.get_role_display()}"


class InvitationQuerySet(OrganisationScopedQuerySet):
    def usable(self):
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


def hash_token(token):
    """Invitations keep only this: a leaked table cannot be turned back into working links."""
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_expiry():
    return timezone.now() + INVITATION_VALID_FOR


class Invitation(models.Model):
    """An emailed, single-use link to join an organisation with a role. Only the token's hash is kept."""

    email = models.EmailField()
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(max_length=20, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="invitations_sent")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="invitations_accepted"
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(name="invitation_role_valid", condition=Q(role__in=Role.values)),
            models.CheckConstraint(
                name="invitation_expires_after_creation", condition=Q(expires_at__gt=F("created_at"))
            ),
            models.CheckConstraint(
                name="invitation_token_hash_is_sha256", condition=Exact(Length("token_hash"), 64)
            ),
            models.CheckConstraint(
                name="invitation_email_lower_case", condition=Exact(F("email"), Lower("email"))
            ),
            models.CheckConstraint(
                name="invitation_accepted_by_someone",
                condition=Q(accepted_at__isnull=True, accepted_by__isnull=True)
                | Q(accepted_at__isnull=False, accepted_by__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.email} · {self.organization} · {self.get_role_display()}"


class AppendOnlyQuerySet(OrganisationScopedQuerySet):
    def update(self, **kwargs):
        raise TypeError("Access events are append-only.")

    def delete(self):
        raise TypeError("Access events are append-only.")


class AccessKind(models.TextChoices):
    LOGIN = "login", "Signed in"
    LOGIN_FAILED = "login_failed", "Sign-in failed"
    LOGOUT = "logout", "Signed out"
    TIMEOUT = "timeout", "Session timed out"
    INVITATION_SENT = "invitation_sent", "Invitation sent"
    INVITATION_ACCEPTED = "invitation_accepted", "Invitation accepted"
    TWO_FACTOR_ENROLLED = "two_factor_enrolled", "Two-factor authentication set up"
    TWO_FACTOR_FAILED = "two_factor_failed", "Two-factor code rejected"
    LOCKOUT = "lockout", "Locked out"


# A failed sign-in or a lockout may be for an address that has no account.
KINDS_WITHOUT_USER = [AccessKind.LOGIN_FAILED.value, AccessKind.LOCKOUT.value]
KINDS_NAMING_ORGANISATION = [AccessKind.INVITATION_SENT.value, AccessKind.INVITATION_ACCEPTED.value]


class AccessEvent(models.Model):
    """Who signed in, out, failed or was invited, when and from where: append-only."""

    Kind = AccessKind

    kind = models.CharField(max_length=20, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="access_events",
    )
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="access_events"
    )
    at = models.DateTimeField(default=timezone.now)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        constraints = [
            models.CheckConstraint(name="access_event_kind_valid", condition=Q(kind__in=AccessKind.values)),
            models.CheckConstraint(
                name="access_event_names_user",
                condition=Q(kind__in=KINDS_WITHOUT_USER) | Q(user__isnull=False),
            ),
            models.CheckConstraint(
                name="access_event_names_organisation",
                condition=~Q(kind__in=KINDS_NAMING_ORGANISATION) | Q(organization__isnull=False),
            ),
        ]
        indexes = [models.Index(fields=["user", "-at"]), models.Index(fields=["organization", "-at"])]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.user or '-'} · {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("Access events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Access events are append-only.")
