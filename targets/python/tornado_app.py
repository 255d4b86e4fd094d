"""Tornado: `python3 tornado_app.py PORT` runs the app on Tornado's own HTTPServer and IOLoop, as the
first seed did, with Tornado's template engine and static handler."""
import asyncio

import tornado.web

import fwtarget


class Plaintext(tornado.web.RequestHandler):
    def get(self):
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.write(fwtarget.HELLO)


class Json(tornado.web.RequestHandler):
    def get(self):
        self.write(fwtarget.MESSAGE)  # dicts go out as application/json


class Hello(tornado.web.RequestHandler):
    def get(self, name=None):  # without a path segment: the first seed's URL, /hello?name=World
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.write(fwtarget.hello(name or self.get_argument("name", "World")))


class Template(tornado.web.RequestHandler):
    def get(self):
        self.set_header("Content-Type", fwtarget.HTML)
        self.render("main.html", **fwtarget.PAGE)


def make_app():
    return tornado.web.Application(
        [(r"/plaintext", Plaintext), (r"/json", Json), (r"/hello/([^/]+)", Hello), (r"/hello", Hello),
         (r"/template", Template)],
        template_path=str(fwtarget.TORNADO_TEMPLATES),
        static_path=str(fwtarget.STATIC),
        log_function=lambda handler: None,  # no access log
    )


async def main(port):
    make_app().listen(port, address=fwtarget.HOST)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main(fwtarget.port()))
