"""Quart served by Hypercorn, the Python target that speaks HTTP/2: `python3 quart_hypercorn.py PORT
[--h2c | --tls]`, the command line of the built-in Java targets. Hypercorn answers HTTP/1.1 and h2c (prior
knowledge or Upgrade) on a cleartext port whatever the flag, so --h2c only says what is asked for; --tls
serves h2 and http/1.1 by ALPN with a self-signed certificate that openssl makes at start (in a temporary
folder, removed at exit)."""
import asyncio
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from hypercorn.asyncio import serve
from hypercorn.config import Config
from quart import Quart, render_template

import fwtarget

app = Quart(__name__, static_folder=str(fwtarget.STATIC), static_url_path="/static",
            template_folder=str(fwtarget.JINJA_TEMPLATES))
TEXT = {"Content-Type": "text/plain; charset=utf-8"}
USAGE = "usage: quart_hypercorn.py PORT [--h2c | --tls]"


@app.route("/plaintext")
async def plaintext():
    return fwtarget.HELLO, TEXT


@app.route("/json")
async def json():
    return fwtarget.MESSAGE


@app.route("/hello/<name>")
async def hello(name):
    return fwtarget.hello(name), TEXT


@app.route("/template")
async def template():
    return await render_template("main.html", **fwtarget.PAGE)


def self_signed(folder):
    """An EC P-256 key and a certificate for 127.0.0.1, ::1 and localhost, as the Java targets make theirs."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    result = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost",
         "-days", "30", "-keyout", str(key), "-out", str(cert)],
        capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit("quart_hypercorn: openssl could not make a self-signed certificate: "
                 + (result.stderr.strip().splitlines() or ["no output"])[-1])
    return cert, key


def arguments():
    """The port and whether TLS is asked for; anything else ends the process with one line."""
    args = sys.argv[1:]
    if not 1 <= len(args) <= 2 or not args[0].isdigit() or not 0 < int(args[0]) < 65536 \
            or (len(args) == 2 and args[1] not in ("--h2c", "--tls")):
        sys.exit(USAGE)
    return int(args[0]), len(args) == 2 and args[1] == "--tls"


async def main(port, tls, folder):
    config = Config()
    config.bind = [f"{fwtarget.HOST}:{port}"]
    config.accesslog = None
    config.errorlog = "-"
    config.loglevel = "WARNING"
    if tls:
        config.certfile, config.keyfile = (str(p) for p in self_signed(folder))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await serve(app, config, shutdown_trigger=stop.wait)


if __name__ == "__main__":
    PORT, TLS = arguments()
    with tempfile.TemporaryDirectory(prefix="fwbench-tls-") as tmp:
        asyncio.run(main(PORT, TLS, Path(tmp)))
