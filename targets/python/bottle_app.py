"""Bottle: `python3 bottle_app.py PORT` runs bottle's wsgiref server, as the first seed did; gunicorn
serves the same `app` (bottle_app:app). Templates: jinja2 through bottle's own jinja2_template, so that
the shared templates serve (SimpleTemplate would need a third copy of the page)."""
import bottle
from bottle import jinja2_template, response, static_file

import fwtarget

app = bottle.Bottle()
TEMPLATE_PATH = [str(fwtarget.JINJA_TEMPLATES)]
AUTOESCAPE = {"autoescape": True}  # bottle's Jinja2 adapter leaves it off


@app.get("/plaintext")
def plaintext():
    response.content_type = "text/plain; charset=utf-8"
    return fwtarget.HELLO


@app.get("/json")
def json():
    return fwtarget.MESSAGE  # bottle serialises dicts as application/json


@app.get("/hello/<name>")  # also the first seed's URL, /hello/World
def hello(name):
    response.content_type = "text/plain; charset=utf-8"
    return fwtarget.hello(name)


@app.get("/template")
def template():
    response.content_type = fwtarget.HTML
    return jinja2_template("main.html", template_lookup=TEMPLATE_PATH,
                           template_settings=AUTOESCAPE, **fwtarget.PAGE)


@app.get("/static/<path:path>")
def static(path):
    return static_file(path, root=str(fwtarget.STATIC))


if __name__ == "__main__":
    app.run(server="wsgiref", host=fwtarget.HOST, port=fwtarget.port(), quiet=True)
