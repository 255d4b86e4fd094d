"""Starlette, served by uvicorn: `python3 -m uvicorn starlette_app:app --host 127.0.0.1 --port PORT
--no-access-log` from this folder; Jinja2Templates and StaticFiles."""
from starlette.applications import Starlette
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

import fwtarget

templates = Jinja2Templates(directory=str(fwtarget.JINJA_TEMPLATES))  # autoescapes .html


async def plaintext(request):
    return PlainTextResponse(fwtarget.HELLO)


async def json(request):
    return JSONResponse(fwtarget.MESSAGE)


async def hello(request):
    return PlainTextResponse(fwtarget.hello(request.path_params["name"]))


async def template(request):
    return templates.TemplateResponse("main.html", {"request": request, **fwtarget.PAGE})


app = Starlette(routes=[
    Route("/plaintext", plaintext),
    Route("/json", json),
    Route("/hello/{name}", hello),
    Route("/template", template),
    Mount("/static", StaticFiles(directory=str(fwtarget.STATIC))),
])
