"""Japronto (not packaged by Debian and built only for Python 3.7 and older; its suite entries are
skipped without it): `python3 japronto_app.py PORT`, one worker. Japronto has no static-file handler,
so /static/ reads the file itself; jinja2 for the page."""
import mimetypes

import jinja2
from japronto import Application

import fwtarget

env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(fwtarget.JINJA_TEMPLATES)), autoescape=True)


def plaintext(request):
    return request.Response(text=fwtarget.HELLO)


def json(request):
    return request.Response(json=fwtarget.MESSAGE)


def hello(request):
    return request.Response(text=fwtarget.hello(request.match_dict["name"]))


def template(request):
    return request.Response(text=env.get_template("main.html").render(**fwtarget.PAGE), mime_type="text/html")


def static(request):
    file = (fwtarget.STATIC / request.match_dict["file"]).resolve()
    if file.parent != fwtarget.STATIC.resolve() or not file.is_file():
        return request.Response(status_code=404, text="Not Found")
    return request.Response(body=file.read_bytes(), mime_type=mimetypes.guess_type(file.name)[0])


if __name__ == "__main__":
    app = Application()
    for route, handler in (("/plaintext", plaintext), ("/json", json), ("/hello/{name}", hello),
                           ("/template", template), ("/static/{file}", static)):
        app.router.add_route(route, handler, method="GET")
    app.run(host=fwtarget.HOST, port=fwtarget.port(), worker_num=1, debug=False)
