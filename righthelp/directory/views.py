from django.shortcuts import get_object_or_404, render

from righthelp.directory.models import Service


def service_list(request):
    return render(request, "directory/service_list.html", {"services": Service.objects.all()[:50]})


def service_detail(request, service_id):
    service = get_object_or_404(Service, id=service_id)
    return render(request, "directory/service_detail.html", {"service": service, "page_title": service.name})
