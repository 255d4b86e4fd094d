"""Pyramid: `python3 pyramid_app.py PORT` serves the app on waitress (Pyramid's recommended server,
which pserve uses; 4 threads, its default), with pyramid_jinja2 templates and Pyramid's static view."""
import waitress
from pyramid.config import Configurator
from pyramid.response import Response
from pyramid.view import view_config

import fwtarget


@view_config(route_name="plaintext")
def plaintext(request):
    return Response(fwtarget.HELLO, content_type="text/plain", charset="utf-8")


@view_config(route_name="json", renderer="json")
def json(request):
    return fwtarget.MESSAGE


@view_config(route_name="hello")
def hello(request):
    return Response(fwtarget.hello(request.matchdict["name"]), content_type="text/plain", charset="utf-8")


@view_config(route_name="template", renderer="main.html")
def template(request):
    return fwtarget.PAGE


def make_app():
    with Configurator(settings={"jinja2.directories": str(fwtarget.JINJA_TEMPLATES)}) as config:
        config.include("pyramid_jinja2")
        config.add_jinja2_renderer(".html")  # autoescape is pyramid_jinja2's default
        config.add_route("plaintext", "/plaintext")
        config.add_route("json", "/json")
        config.add_route("hello", "/hello/{name}")
        config.add_route("template", "/template")
        config.add_static_view(name="static", path=str(fwtarget.STATIC))
        config.scan()
        return config.make_wsgi_app()


if __name__ == "__main__":
    waitress.serve(make_app(), host=fwtarget.HOST, port=fwtarget.port())
