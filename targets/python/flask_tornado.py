"""The template seed's tornado_flask: the Flask app inside Tornado's WSGIContainer, on Tornado's
HTTPServer and IOLoop."""
import asyncio

from tornado.httpserver import HTTPServer
from tornado.wsgi import WSGIContainer

import fwtarget
from flask_app import app


async def main(port):
    HTTPServer(WSGIContainer(app)).listen(port, address=fwtarget.HOST)
    await asyncio.Event().wait()


if __name__ == "__main__":
    port = fwtarget.port()
    fwtarget.quiet("tornado.access")
    asyncio.run(main(port))
