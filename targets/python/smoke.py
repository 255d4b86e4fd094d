#!/usr/bin/python3
"""Smoke test of the Python targets, standalone (stdlib only): each installed target is started on a
free loopback port, every route is checked against the shared expectations, a short burst of requests
goes to /plaintext, and the target is stopped; no process of it may be left.

    /usr/bin/python3 targets/python/smoke.py [--burst N] [TARGET...]

One line per target (PASS, FAIL with the reasons, SKIP when a module is missing), then a summary;
the exit status is 1 when any target failed. The table below mirrors suites/python.yaml.
"""
import argparse
import hashlib
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import fwtarget

PYTHON = os.environ.get("FWBENCH_PYTHON", "/usr/bin/python3")
READY_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0
REQUEST_TIMEOUT = 10.0


@dataclass(frozen=True)
class Target:
    name: str
    argv: tuple  # "{python}" and "{port}" are filled in
    modules: tuple  # the framework first, then its server; all must import
    seed_path: str = ""  # the first seed's URL for this framework, answering "Hello World!"


GUNICORN = ("{python}", "-m", "gunicorn", "--workers", "1", "--worker-class", "sync",
            "--bind", "127.0.0.1:{port}")


def app(script):
    return "{python}", script, "{port}"


TARGETS = (
    Target("bottle", app("bottle_app.py"), ("bottle", "jinja2"), "/hello/World"),
    Target("webpy", app("webpy_app.py"), ("web", "jinja2"), "/World"),
    Target("flask", app("flask_app.py"), ("flask",), "/hello/World"),
    Target("cherrypy", app("cherrypy_app.py"), ("cherrypy", "jinja2"), "/?name=World"),
    Target("tornado", app("tornado_app.py"), ("tornado",), "/hello?name=World"),
    Target("aiohttp", app("aiohttp_app.py"), ("aiohttp", "aiohttp_jinja2")),
    Target("pyramid", app("pyramid_app.py"), ("pyramid", "waitress", "pyramid_jinja2")),
    Target("starlette-uvicorn", ("{python}", "-m", "uvicorn", "starlette_app:app", "--host", "127.0.0.1",
                                 "--port", "{port}", "--no-access-log", "--log-level", "warning"),
           ("starlette", "uvicorn")),
    Target("django-gunicorn", GUNICORN + ("django_app:application",), ("django", "gunicorn")),
    Target("bottle-gunicorn", GUNICORN + ("bottle_app:app",), ("bottle", "gunicorn", "jinja2")),
    Target("flask-gunicorn", GUNICORN + ("flask_app:app",), ("flask", "gunicorn")),
    Target("flask-gevent", app("flask_gevent.py"), ("flask", "gevent")),
    Target("flask-tornado", app("flask_tornado.py"), ("flask", "tornado")),
    # HTTP/1.1 here like the rest; it also serves h2c, and h2 with --tls (suites/python-h2.yaml).
    Target("quart-hypercorn", app("quart_hypercorn.py"), ("quart", "hypercorn")),
    # No tornado-on-gevent: tornado.wsgi.WSGIApplication, which the template seed used, is gone since Tornado 6.0.
    Target("sanic", app("sanic_app.py"), ("sanic", "jinja2")),
    Target("japronto", app("japronto_app.py"), ("japronto", "jinja2")),
)


class CheckFailed(Exception):
    pass


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict  # lower-case names
    body: bytes

    def media_type(self):
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def get(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        conn.close()


def normalise_html(text):
    """The shared normalisation (targets/common/README.md): entity spellings, then whitespace."""
    text = re.sub(r"&#(34|x22);", "&quot;", text, flags=re.IGNORECASE)
    text = re.sub(r"&#x27;", "&#39;", text, flags=re.IGNORECASE)
    text = re.sub(r">\s+<", "><", text)
    return re.sub(r"\s+", " ", text).strip()


EXPECTED_PAGE = normalise_html((fwtarget.COMMON / "template-expected.html").read_text(encoding="utf-8"))
EXPECTED_SHA256 = (fwtarget.STATIC / "style-100k.css.sha256").read_text().split()[0]
STATIC_LENGTH = 102400


def expect(condition, what):
    if not condition:
        raise CheckFailed(what)


def check_text(port, path, media_type, body):
    reply = get(port, path)
    expect(reply.status == 200, f"{path}: status {reply.status}")
    expect(reply.media_type() == media_type, f"{path}: Content-Type {reply.headers.get('content-type')!r}")
    expect(reply.body.decode("utf-8", "replace") == body, f"{path}: body {reply.body[:80]!r}")


def check_json(port):
    reply = get(port, "/json")
    expect(reply.status == 200, f"/json: status {reply.status}")
    expect(reply.media_type() == "application/json", f"/json: Content-Type {reply.headers.get('content-type')!r}")
    try:
        expect(json.loads(reply.body) == fwtarget.MESSAGE, f"/json: body {reply.body[:80]!r}")
    except ValueError:
        raise CheckFailed(f"/json: not JSON: {reply.body[:80]!r}") from None


def check_template(port):
    reply = get(port, "/template")
    expect(reply.status == 200, f"/template: status {reply.status}")
    expect(reply.media_type() == "text/html", f"/template: Content-Type {reply.headers.get('content-type')!r}")
    page = normalise_html(reply.body.decode("utf-8", "replace"))
    if page != EXPECTED_PAGE:
        at = next((i for i, (a, b) in enumerate(zip(page, EXPECTED_PAGE)) if a != b),
                  min(len(page), len(EXPECTED_PAGE)))
        raise CheckFailed(f"/template: differs from the expected page at {at}: {page[max(0, at - 30):at + 50]!r}")


def check_static(port):
    path = "/static/style-100k.css"
    reply = get(port, path)
    expect(reply.status == 200, f"{path}: status {reply.status}")
    expect(reply.media_type() == "text/css", f"{path}: Content-Type {reply.headers.get('content-type')!r}")
    expect(reply.headers.get("content-length") == str(STATIC_LENGTH),
           f"{path}: Content-Length {reply.headers.get('content-length')!r}")
    expect(hashlib.sha256(reply.body).hexdigest() == EXPECTED_SHA256, f"{path}: SHA-256 differs")


def check_burst(port, requests):
    """Concurrent requests, each on a new connection (as the first seed's client did)."""
    def one(_):
        reply = get(port, "/plaintext")
        return reply.status == 200 and reply.body == fwtarget.HELLO.encode()

    with ThreadPoolExecutor(max_workers=8) as pool:
        ok = sum(pool.map(one, range(requests)))
    expect(ok == requests, f"burst: {requests - ok} of {requests} requests failed")


def check_all(target, port, burst):
    check_text(port, "/plaintext", "text/plain", fwtarget.HELLO)
    check_json(port)
    check_text(port, "/hello/fwbench", "text/plain", fwtarget.hello("fwbench"))
    if target.seed_path:
        check_text(port, target.seed_path, "text/plain", fwtarget.hello("World"))
    check_template(port)
    check_static(port)
    if burst:
        check_burst(port, burst)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def missing_module(target):
    probe = "import importlib, sys\nfor m in sys.argv[1:]: importlib.import_module(m)"
    result = subprocess.run([PYTHON, "-c", probe, *target.modules], capture_output=True, text=True)
    if result.returncode == 0:
        return None
    return (result.stderr.strip().splitlines() or ["import failed"])[-1]


def version(target):
    framework_and_server = [m for m in target.modules if m != "jinja2"][:2]
    result = subprocess.run([PYTHON, str(fwtarget.HERE / "version.py"), *framework_and_server],
                            capture_output=True, text=True)
    return result.stdout.strip()


def wait_ready(process, port, log):
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise CheckFailed(f"exited with {process.returncode} before it was ready: {tail(log)}")
        try:
            if get(port, "/plaintext").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise CheckFailed(f"not ready within {READY_TIMEOUT:.0f} s: {tail(log)}")


def tail(log):
    log.flush()
    lines = Path(log.name).read_text(errors="replace").strip().splitlines()
    return " | ".join(lines[-3:]) or "(no output)"


def group_members(pgid):
    """Live processes of the target's process group (zombies excluded: they hold nothing)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[2]) == pgid:
            members.append(int(stat.parent.name))
    return members


def stop(process):
    """SIGTERM to the whole group (gunicorn's worker, uvicorn's children), SIGKILL after a grace period.
    Returns the pids still alive afterwards."""
    pgid = process.pid
    for sig, grace in ((signal.SIGTERM, STOP_TIMEOUT), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            pass
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            process.poll()
            if process.returncode is not None and not group_members(pgid):
                return []
            time.sleep(0.05)
    process.poll()
    return group_members(pgid)


def run(target, burst):
    """Returns (verdict, detail)."""
    missing = missing_module(target)
    if missing:
        return "SKIP", f"not installed ({missing})"
    port = free_port()
    argv = [a.format(python=PYTHON, port=port) for a in target.argv]
    started = time.monotonic()
    with tempfile.NamedTemporaryFile("w+", prefix=f"smoke-{target.name}-", suffix=".log") as log:
        process = subprocess.Popen(argv, cwd=fwtarget.HERE, stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        failure = None
        try:
            wait_ready(process, port, log)
            check_all(target, port, burst)
            # The access log is off everywhere: per-request lines would cost time and flood the output.
            expect("/plaintext" not in Path(log.name).read_text(errors="replace"),
                   f"logs every request: {tail(log)}")
        except (CheckFailed, OSError) as e:
            failure = str(e)
        finally:
            left = stop(process)
        if left:
            failure = "; ".join(filter(None, [failure, f"processes left after SIGKILL: {left}"]))
    detail = f"{version(target)}, {time.monotonic() - started:.1f} s"
    return ("FAIL", f"{detail}: {failure}") if failure else ("PASS", detail)


def main():
    parser = argparse.ArgumentParser(description="Smoke test of the Python targets.")
    parser.add_argument("--burst", type=int, default=200, metavar="N",
                        help="requests sent to /plaintext after the checks (default 200, 0 = none)")
    parser.add_argument("targets", nargs="*", metavar="TARGET", help="names to run (default: all)")
    args = parser.parse_args()
    names = {t.name for t in TARGETS}
    unknown = [n for n in args.targets if n not in names]
    if unknown:
        parser.error(f"unknown target {', '.join(unknown)}; known: {', '.join(sorted(names))}")
    counts = {"PASS": 0, "FAIL": 0, "SKIP": 0}
    for target in TARGETS:
        if args.targets and target.name not in args.targets:
            continue
        verdict, detail = run(target, args.burst)
        counts[verdict] += 1
        print(f"{verdict} {target.name:<18} {detail}", flush=True)
    print(f"smoke: {counts['PASS']} passed, {counts['FAIL']} failed, {counts['SKIP']} skipped")
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
