"""What every Python target shares: the common assets' locations, the page's data, the port argument.

The assets live in ../common (shared with the Java targets) so that one expected page and one hash
fit every target.
"""
import json
import logging
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMMON = HERE.parent / "common"
JINJA_TEMPLATES = COMMON / "templates" / "jinja"
TORNADO_TEMPLATES = COMMON / "templates" / "tornado"
STATIC = COMMON / "static"

HOST = "127.0.0.1"
HELLO = "Hello, World!"
MESSAGE = {"message": HELLO}
TITLE = "fwbench template"
HTML = "text/html; charset=utf-8"
# Loaded once at start; every /template request renders them again.
ROWS = json.loads((COMMON / "rows.json").read_text(encoding="utf-8"))
PAGE = {"title": TITLE, "rows": ROWS}


def hello(name):
    return f"Hello {name}!"


def port():
    """The port from `APP.py PORT`; a bad argument ends the process with one line."""
    if len(sys.argv) != 2 or not sys.argv[1].isdigit() or not 0 < int(sys.argv[1]) < 65536:
        sys.exit(f"usage: {Path(sys.argv[0]).name} PORT (1-65535)")
    return int(sys.argv[1])


def quiet(*loggers):
    """Silences per-request access logs, which would cost the server time and flood the output."""
    for name in loggers:
        logging.getLogger(name).setLevel(logging.ERROR)
