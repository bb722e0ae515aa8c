from django.urls import path

from righthelp.navigator import views

app_name = "find"
urlpatterns = [
    path("", views.find_help, name="find_help"),
    path("my-list/", views.my_list, name="my_list"),
    path("my-list/add/", views.add_to_list, name="add_to_list"),
    path("my-list/remove/", views.remove_from_list, name="remove_from_list"),
    path("self-check/", views.self_check_choose, name="self_check_choose"),
    path("self-check/<slug:name>/", views.self_check, name="self_check"),
]
