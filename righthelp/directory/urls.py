# Public directory pages. (Owned by the directory pages work; placeholder routes until then.)
from django.urls import path

from righthelp.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.service_list, name="service_list"),
    path("<uuid:service_id>/", views.service_detail, name="service_detail"),
]
