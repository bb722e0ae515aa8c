# The Open Referral UK API. (Owned by the API work; placeholder until then.)
from django.http import JsonResponse
from django.urls import path

app_name = "api"


def root(request):
    return JsonResponse({"version": "3.0", "profile": "", "openapi_url": ""})


urlpatterns = [path("", root, name="root")]
