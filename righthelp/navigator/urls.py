"""The navigator's API, under /api/v1/ (config/urls.py includes it before the directory's API)."""

from django.urls import path

from righthelp.navigator import api

app_name = "navigator"

urlpatterns = [
    path("navigate", api.navigate, name="navigate"),
    path("questionnaires/<slug:name>/score", api.questionnaire_score, name="questionnaire_score"),
]
