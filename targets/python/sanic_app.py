"""Sanic (not packaged by Debian; its suite entries are skipped without it): `python3 sanic_app.py PORT`
runs Sanic's own server, one worker, no access log; jinja2 for the page, Sanic's static route."""
import jinja2
from sanic import Sanic, response

import fwtarget

app = Sanic("fwbench")
env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(fwtarget.JINJA_TEMPLATES)), autoescape=True)
app.static("/static", str(fwtarget.STATIC))


@app.get("/plaintext")
async def plaintext(request):
    return response.text(fwtarget.HELLO)


@app.get("/json")
async def json(request):
    return response.json(fwtarget.MESSAGE)


@app.get("/hello/<name>")
async def hello(request, name):
    return response.text(fwtarget.hello(name))


@app.get("/template")
async def template(request):
    return response.html(env.get_template("main.html").render(**fwtarget.PAGE))


if __name__ == "__main__":
    app.run(host=fwtarget.HOST, port=fwtarget.port(), workers=1, access_log=False, single_process=True)
