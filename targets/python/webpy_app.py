"""web.py: `python3 webpy_app.py PORT` runs web.py's runsimple (its Cheroot server with the
StaticMiddleware that serves ./static), as the first seed did. Templates: jinja2, so that the shared
templates serve (Templator would need a third copy of the page); directly, because web.py's
render_jinja wrapper cannot turn autoescaping on."""
import json
import os

import jinja2
import web
import web.httpserver

import fwtarget

urls = (
    "/plaintext", "Plaintext",
    "/json", "Json",
    "/hello/(.+)", "Hello",
    "/template", "Template",
    "/(.*)", "Hello",  # the first seed's URL, /World
)
env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(fwtarget.JINJA_TEMPLATES)), autoescape=True)


class Plaintext:
    def GET(self):
        web.header("Content-Type", "text/plain; charset=utf-8")
        return fwtarget.HELLO


class Json:
    def GET(self):
        web.header("Content-Type", "application/json")
        return json.dumps(fwtarget.MESSAGE)


class Hello:
    def GET(self, name):
        web.header("Content-Type", "text/plain; charset=utf-8")
        return fwtarget.hello(name)


class Template:
    def GET(self):
        web.header("Content-Type", fwtarget.HTML)
        return env.get_template("main.html").render(**fwtarget.PAGE)


app = web.application(urls, globals())

if __name__ == "__main__":
    port = fwtarget.port()
    # runsimple serves /static/ from the working directory.
    os.chdir(fwtarget.COMMON)
    # runsimple wraps the app in a LogMiddleware that prints every request; silence it.
    web.httpserver.LogMiddleware.log = lambda self, status, environ: None
    web.httpserver.runsimple(app.wsgifunc(), (fwtarget.HOST, port))
