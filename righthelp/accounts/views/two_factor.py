"""TOTP: enrolment (scan a QR code, confirm with a code) and the verification step after the password."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from righthelp.accounts import actions, queries
from righthelp.accounts.forms import TotpCodeForm
from righthelp.accounts.permissions import next_url, with_next
from righthelp.accounts.presenters import form_context, totp_setup

WRONG_CODE = "The code is not right. Enter the code your authenticator app shows now"
TOO_SOON = "There have been wrong codes. Wait a minute, then enter the code your authenticator app shows"


def _refusal(device):
    """Why the next code would be refused, read before the attempt (a failure itself starts a wait)."""
    allowed, _ = device.verify_is_allowed()
    return WRONG_CODE if allowed else TOO_SOON


@require_http_methods(["GET", "POST"])
def verify(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    target = next_url(request)
    if request.user.is_verified():
        return redirect(target)
    device = queries.confirmed_totp_device(request.user)
    if device is None:
        return redirect(with_next("accounts:enrol", target))
    form = TotpCodeForm(request.POST) if request.method == "POST" else TotpCodeForm()
    if form.is_valid():
        refusal = _refusal(device)
        if actions.verify_totp(request=request, device=device, token=form.cleaned_data["code"]):
            return redirect(target)
        form.add_error("code", refusal)
    context = form_context(form, page_title="Enter your security code", next=target)
    return render(request, "accounts/verify.html", context, status=400 if form.is_bound else 200)


@require_http_methods(["GET", "POST"])
def enrol(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    target = next_url(request)
    if queries.confirmed_totp_device(request.user) is not None:
        return redirect(with_next("accounts:verify", target))
    device = actions.prepare_totp_device(user=request.user)
    form = TotpCodeForm(request.POST) if request.method == "POST" else TotpCodeForm()
    if form.is_valid():
        refusal = _refusal(device)
        if actions.confirm_totp_device(request=request, device=device, token=form.cleaned_data["code"]):
            return redirect(target)
        form.add_error("code", refusal)
    context = form_context(
        form, page_title="Set up two-factor authentication", next=target, **totp_setup(device)
    )
    return render(request, "accounts/enrol.html", context, status=400 if form.is_bound else 200)
