"""Signing in and out, lockout, and accepting an invitation."""

from axes.helpers import get_cool_off
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from righthelp.accounts import actions, queries
from righthelp.accounts.forms import AcceptInvitationForm, SignInForm
from righthelp.accounts.permissions import needs_two_factor, next_url, second_factor_redirect
from righthelp.accounts.presenters import describe_duration, form_context

NOINDEX = {"robots": "noindex"}


@require_http_methods(["GET", "POST"])
def sign_in(request):
    if request.method == "GET" and request.user.is_authenticated:
        return redirect(next_url(request))
    form = SignInForm(request.POST) if request.method == "POST" else SignInForm()
    if form.is_valid():
        email = form.cleaned_data["email"]
        user = authenticate(request, username=email, password=form.cleaned_data["password"])
        if user is not None:
            return _signed_in(request, user)
        locked_out = getattr(request, "axes_locked_out", False)
        actions.record_failed_sign_in(request=request, email=email, locked_out=locked_out)
        form.add_error("email", "The email address or password is not right. Check both and try again")
    context = form_context(
        form, page_title="Sign in", next=request.POST.get("next") or request.GET.get("next", "")
    )
    return render(request, "accounts/login.html", context, status=400 if form.is_bound else 200)


def _signed_in(request, user):
    actions.sign_in(request=request, user=user)
    target = next_url(request)
    if needs_two_factor(user):
        return second_factor_redirect(request, target)
    return redirect(target)


@require_POST
def sign_out(request):
    if request.user.is_authenticated:
        actions.end_session(request=request)
    return redirect("accounts:signed_out")


def signed_out(request):
    return render(request, "accounts/signed_out.html", {"page_title": "You have signed out", **NOINDEX})


def locked_out(request, original_response=None, credentials=None):
    """Axes' lockout page: too many failures for this email address or from this network address."""
    context = {
        "page_title": "Sign-in locked",
        "duration": describe_duration(get_cool_off(request)),
        **NOINDEX,
    }
    return render(request, "accounts/locked_out.html", context, status=429)


@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    invitation = queries.usable_invitation(token)
    if invitation is None:
        return _invitation_unusable(request)
    new_account = not queries.has_account(invitation.email)
    data = request.POST if request.method == "POST" else None
    form = AcceptInvitationForm(data, new_account=new_account)
    if form.is_valid():
        try:
            membership = actions.accept_invitation(
                token=token,
                password=form.cleaned_data["password"],
                ip_address=actions.client_address(request),
            )
        except actions.InvitationUnusable:
            return _invitation_unusable(request)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            actions.sign_in(request=request, user=membership.user, membership=membership)
            if needs_two_factor(membership.user):
                return second_factor_redirect(request, next_path=reverse("accounts:home"))
            return redirect("accounts:home")
    context = form_context(
        form, page_title="Accept your invitation", invitation=invitation, new_account=new_account
    )
    return render(request, "accounts/accept_invitation.html", context, status=400 if form.is_bound else 200)


def _invitation_unusable(request):
    context = {"page_title": "This invitation link cannot be used", **NOINDEX}
    return render(request, "accounts/invitation_unusable.html", context, status=404)
