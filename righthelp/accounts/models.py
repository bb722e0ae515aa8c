"""Staff accounts: a user holds a membership, with one role, per directory organisation."""

from django.contrib.auth.models import AbstractUser
from django.db import models

from righthelp.directory.models import Organization


class User(AbstractUser):
    """Staff sign in with their email address, stored as the username."""

    email = models.EmailField(unique=True)


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


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="one_membership_per_organisation"),
            models.CheckConstraint(name="membership_role_valid", condition=models.Q(role__in=Role.values)),
        ]

    def __str__(self):
        return f"{self.user} · {self.organization} · {self.get_role_display()}"
