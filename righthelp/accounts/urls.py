from django.urls import path

from righthelp.accounts.views import signin, staff, two_factor

app_name = "accounts"
urlpatterns = [
    path("", staff.home, name="home"),
    path("sign-in/", signin.sign_in, name="login"),
    path("sign-in/code/", two_factor.verify, name="verify"),
    path("sign-in/set-up-code/", two_factor.enrol, name="enrol"),
    path("sign-out/", signin.sign_out, name="logout"),
    path("signed-out/", signin.signed_out, name="signed_out"),
    path("invitation/<str:token>/", signin.accept_invitation, name="accept_invitation"),
    path("organisation/", staff.choose_organisation, name="choose_organisation"),
    path("organisation/staff/", staff.members, name="members"),
    path("organisation/staff/invite/", staff.invite, name="invite"),
]
