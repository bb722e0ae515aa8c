"""Synthetic staff for tests (other apps' tests may import these)."""

from functools import cache

from django.contrib.auth.hashers import make_password
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from righthelp.accounts.models import Membership, User
from righthelp.directory.models import Organization

PASSWORD = "correct horse battery staple 42"


def make_organisation(name="Example Wellbeing Network (synthetic)"):
    return Organization.objects.create(name=name, description="A synthetic organisation for tests.")


@cache
def password_hash():
    # Argon2 is slow on purpose; hash the shared test password once per run.
    return make_password(PASSWORD)


def make_staff(email, organisation=None, role=None):
    user = User.objects.create_user(email=email)
    user.password = password_hash()
    user.save(update_fields=["password"])
    if organisation is not None:
        Membership.objects.create(user=user, organization=organisation, role=role)
    return user


def make_device(user):
    return TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)


def code_for(device, drift=0):
    """The code the user's authenticator app shows now (or `drift` steps away)."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}"


def wrong_code_for(device):
    """A six-digit code that no step in the device's tolerance window accepts."""
    valid = {code_for(device, drift) for drift in range(-device.tolerance - 1, device.tolerance + 2)}
    return next(code for code in (f"{n:06d}" for n in range(1_000_000)) if code not in valid)


def sign_in(client, user, device=None):
    """Signed in as `user`; with `device`, past the TOTP step too."""
    client.force_login(user)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
