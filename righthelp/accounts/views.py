from django.http import HttpResponse


def locked_out(request, credentials=None, *args, **kwargs):
    return HttpResponse("Too many failed sign-in attempts. Try again in an hour.", status=429)
