"""The project's URLs plus views guarded by require_membership, for tests/accounts/test_permissions.py."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns
from righthelp.accounts.models import Role
from righthelp.accounts.permissions import require_membership


def show_membership(request):
    return HttpResponse(f"{request.membership.organization.name} as {request.membership.role}")


urlpatterns = [
    *project_urlpatterns,
    path("test/referrals/", require_membership(Role.REFERRER, Role.DUTY_WORKER)(show_membership)),
    path("test/listings/", require_membership(Role.LISTING_EDITOR)(show_membership)),
]
