"""aiohttp: `python3 aiohttp_app.py PORT` runs aiohttp's own server (web.run_app) without access log,
with aiohttp_jinja2 for templates and aiohttp's static route."""
import aiohttp_jinja2
import jinja2
from aiohttp import web

import fwtarget


async def plaintext(request):
    return web.Response(text=fwtarget.HELLO)  # text/plain; charset=utf-8


async def json(request):
    return web.json_response(fwtarget.MESSAGE)


async def hello(request):
    return web.Response(text=fwtarget.hello(request.match_info["name"]))


async def template(request):
    return aiohttp_jinja2.render_template("main.html", request, fwtarget.PAGE)


def make_app():
    app = web.Application()
    aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(str(fwtarget.JINJA_TEMPLATES)), autoescape=True)
    app.router.add_get("/plaintext", plaintext)
    app.router.add_get("/json", json)
    app.router.add_get("/hello/{name}", hello)
    app.router.add_get("/template", template)
    app.router.add_static("/static", str(fwtarget.STATIC))
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host=fwtarget.HOST, port=fwtarget.port(), access_log=None, print=None)
