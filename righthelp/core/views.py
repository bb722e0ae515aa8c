from django.shortcuts import render

from righthelp.directory.models import Service


def home(request):
    return render(
        request, "core/home.html", {"service_count": Service.objects.filter(status="active").count()}
    )


def about(request):
    return render(request, "core/about.html", {"page_title": "About RightHelp"})


def not_found(request, exception=None):
    return render(request, "core/404.html", {"page_title": "Page not found"}, status=404)


def server_error(request):
    return render(request, "core/500.html", {"page_title": "Sorry, there is a problem"}, status=500)
