"""Reads for staff accounts, always through one organisation."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from righthelp.accounts.models import Invitation, Membership, User, hash_token


def organisation_members(organization):
    return Membership.objects.for_organisation(organization).select_related("user").order_by("user__email")


def pending_invitations(organization):
    return Invitation.objects.for_organisation(organization).usable().order_by("email")


def user_memberships(user):
    return user.memberships.select_related("organization").order_by("organization__name")


def usable_invitation(token):
    return (
        Invitation.objects.usable()
        .select_related("organization")
        .filter(token_hash=hash_token(token))
        .first()
    )


def has_account(email):
    return User.objects.filter(email=email).exists()


def confirmed_totp_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()
