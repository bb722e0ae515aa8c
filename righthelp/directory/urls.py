from django.urls import path

from righthelp.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.service_list, name="service_list"),
    path("<uuid:service_id>/", views.service_detail, name="service_detail"),
    path("<uuid:service_id>/report/", views.report_problem, name="report_problem"),
    path("<uuid:service_id>/report/sent/", views.report_sent, name="report_sent"),
    path("manage/", views.manage_listings, name="manage_listings"),
    path("manage/<uuid:service_id>/", views.manage_edit_listing, name="manage_edit_listing"),
    path("manage/<uuid:service_id>/confirm/", views.manage_confirm_listing, name="manage_confirm_listing"),
    path("manage/reports/", views.manage_reports, name="manage_reports"),
    path(
        "manage/reports/<int:report_id>/resolve/", views.manage_resolve_report, name="manage_resolve_report"
    ),
]
