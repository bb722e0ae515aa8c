from django.urls import include, path

urlpatterns = [
    path("", include("righthelp.core.urls")),
    path("find/", include("righthelp.navigator.pages_urls")),
    path("services/", include("righthelp.directory.urls")),
    # Before the directory API, whose routes would otherwise answer first.
    path("api/v1/", include("righthelp.navigator.urls")),
    path("api/v1/", include("righthelp.directory.api_urls")),
    path("staff/", include("righthelp.accounts.urls")),
]

handler404 = "righthelp.core.views.not_found"
handler500 = "righthelp.core.views.server_error"
