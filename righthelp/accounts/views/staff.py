"""The staff home (memberships, choosing the current organisation), the members list and inviting staff."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from righthelp.accounts import actions, presenters, queries
from righthelp.accounts.forms import ChooseOrganisationForm, InviteStaffForm
from righthelp.accounts.models import ROLES_MANAGING_STAFF, roles_invitable_by
from righthelp.accounts.permissions import (
    choose_membership,
    current_membership,
    next_url,
    require_membership,
    require_signed_in,
)


@require_GET
@require_signed_in
def home(request):
    return _home_page(request, ChooseOrganisationForm())


@require_POST
@require_signed_in
def choose_organisation(request):
    form = ChooseOrganisationForm(request.POST)
    if not form.is_valid():
        return _home_page(request, form, status=400)
    membership = get_object_or_404(request.user.memberships, id=form.cleaned_data["membership"])
    choose_membership(request, membership)
    return redirect(next_url(request))


def _home_page(request, form, status=200):
    current = current_membership(request)
    context = presenters.form_context(
        form,
        page_title="Staff home",
        email=request.user.email,
        memberships=presenters.membership_rows(queries.user_memberships(request.user), current),
        links=presenters.staff_links(current),
        next=request.GET.get("next", ""),
    )
    return render(request, "accounts/home.html", context, status=status)


@require_GET
@require_membership(*ROLES_MANAGING_STAFF)
def members(request):
    organization = request.membership.organization
    context = {
        "page_title": f"Staff in {organization.name}",
        "organisation": organization.name,
        "member_rows": presenters.member_rows(queries.organisation_members(organization)),
        "invitation_rows": presenters.invitation_rows(queries.pending_invitations(organization)),
        "robots": "noindex",
    }
    return render(request, "accounts/members.html", context)


@require_http_methods(["GET", "POST"])
@require_membership(*ROLES_MANAGING_STAFF)
def invite(request):
    organization = request.membership.organization
    roles = roles_invitable_by(request.membership.role)
    form = (
        InviteStaffForm(request.POST, roles=roles)
        if request.method == "POST"
        else InviteStaffForm(roles=roles)
    )
    if form.is_valid():
        try:
            actions.invite_staff(
                invited_by=request.user,
                organization=organization,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                ip_address=actions.client_address(request),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Invitation sent to {form.cleaned_data['email']}.")
            return redirect("accounts:members")
    context = presenters.form_context(
        form,
        page_title="Invite a member of staff",
        organisation=organization.name,
        role_items=[{"value": value, "text": label} for value, label in form.fields["role"].choices],
    )
    return render(request, "accounts/invite.html", context, status=400 if form.is_bound else 200)
