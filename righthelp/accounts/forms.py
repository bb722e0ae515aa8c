"""Staff forms. Error messages follow the NHS.UK pattern: say what to do, naming the field."""

from django import forms

from righthelp.accounts.models import normalise_email

EMAIL_ERRORS = {
    "required": "Enter your email address",
    "invalid": "Enter an email address in the correct format, like name@example.com",
}


class SignInForm(forms.Form):
    email = forms.EmailField(error_messages=EMAIL_ERRORS)
    password = forms.CharField(strip=False, error_messages={"required": "Enter your password"})

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])


class TotpCodeForm(forms.Form):
    code = forms.CharField(error_messages={"required": "Enter the 6-digit code from your authenticator app"})

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Enter the 6 digits shown in your authenticator app, like 123456")
        return code


class AcceptInvitationForm(forms.Form):
    """A new account sets and confirms a password; an existing account enters the one it has."""

    password = forms.CharField(strip=False, error_messages={"required": "Enter a password"})
    password_confirmation = forms.CharField(
        strip=False, required=False, error_messages={"required": "Enter the password again"}
    )

    def __init__(self, *args, new_account, **kwargs):
        super().__init__(*args, **kwargs)
        self.new_account = new_account
        self.fields["password_confirmation"].required = new_account

    def clean(self):
        cleaned = super().clean()
        password, confirmation = cleaned.get("password"), cleaned.get("password_confirmation")
        if self.new_account and password and confirmation and password != confirmation:
            self.add_error(
                "password_confirmation", "The passwords do not match. Enter the same password twice"
            )
        return cleaned


class InviteStaffForm(forms.Form):
    email = forms.EmailField(
        error_messages={
            "required": "Enter the email address of the person to invite",
            "invalid": EMAIL_ERRORS["invalid"],
        }
    )
    role = forms.ChoiceField(
        error_messages={"required": "Select a role", "invalid_choice": "Select one of the roles listed"}
    )

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.value, role.label) for role in roles]

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])


class ChooseOrganisationForm(forms.Form):
    membership = forms.IntegerField(error_messages={"required": "Select an organisation"})
