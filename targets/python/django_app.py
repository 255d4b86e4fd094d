"""Django in one file, served by gunicorn: `python3 -m gunicorn --workers 1 django_app:application`
from this folder. Django templates (the shared ones read as Django templates), JsonResponse, and
django.views.static.serve for /static/ (Django's own static view; whitenoise is not packaged here)."""
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import path, re_path
from django.views.static import serve

import fwtarget

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["127.0.0.1", "localhost", "[::1]"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="fwbench-target-not-secret",
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    TEMPLATES=[{
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [str(fwtarget.JINJA_TEMPLATES)],
    }],
    LOGGING_CONFIG=None,
)


def plaintext(request):
    return HttpResponse(fwtarget.HELLO, content_type="text/plain; charset=utf-8")


def json(request):
    return JsonResponse(fwtarget.MESSAGE)


def hello(request, name):
    return HttpResponse(fwtarget.hello(name), content_type="text/plain; charset=utf-8")


def template(request):
    return render(request, "main.html", fwtarget.PAGE)


urlpatterns = [
    path("plaintext", plaintext),
    path("json", json),
    path("hello/<str:name>", hello),
    path("template", template),
    re_path(r"^static/(?P<path>.+)$", serve, {"document_root": str(fwtarget.STATIC)}),
]

application = get_wsgi_application()
