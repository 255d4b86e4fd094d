#!/usr/bin/env python3
"""Regenerates rows.json, template-expected.html and static/style-100k.css(.sha256).

Deterministic: running it twice gives byte-identical files. The expected page is rendered
with Jinja2 (autoescape on, block lines trimmed) and its entity spellings are then made canonical (&quot; and &#39;).
"""
import hashlib
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike "
         "november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee "
         "zulu benchmark latency throughput memory request response server client socket "
         "thread worker pool queue buffer kernel process template static handler router").split()
SCRIPT_ROW = 150
QUOTES_ROW = 42


def lcg(seed):
    state = seed
    while True:
        state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        yield state >> 33


def row_text(i, rnd):
    if i == SCRIPT_ROW:
        return '<script>alert("x")</script>'
    text = f"Row {i}:"
    if i == QUOTES_ROW:
        text += ' Tom & Jerry\'s "quotes" and'
    while len(text) < 60:
        text += " " + WORDS[next(rnd) % len(WORDS)]
    return text + "."


def rows():
    rnd = lcg(20240611)
    return [{"id": i, "text": row_text(i, rnd)} for i in range(1, 301)]


def css(size):
    out = ["/* fwbench static scenario: deterministic filler style sheet, 102400 bytes. */\n"]
    length = len(out[0])
    rnd = lcg(7)
    n = 0
    while True:
        n += 1
        rule = (f".c{n:05d} {{ color: #{next(rnd) % 0x1000000:06x}; "
                f"margin: {next(rnd) % 32}px {next(rnd) % 32}px; "
                f"padding: {next(rnd) % 16}px; border-radius: {next(rnd) % 9}px; }}\n")
        if length + len(rule) > size - 8:
            break
        out.append(rule)
        length += len(rule)
    pad = size - length - len("/*  */\n")
    out.append("/* " + "-" * pad + " */\n")
    data = "".join(out).encode("ascii")
    assert len(data) == size, len(data)
    return data


def main():
    data = rows()
    lines = ",\n".join(" " + json.dumps(row) for row in data)
    (HERE / "rows.json").write_text("[\n" + lines + "\n]\n", encoding="utf-8")

    import jinja2
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates" / "jinja"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    page = env.get_template("main.html").render(title="fwbench template", rows=data)
    page = page.replace("&#34;", "&quot;")
    (HERE / "template-expected.html").write_text(page, encoding="utf-8")

    sheet = css(102400)
    (HERE / "static" / "style-100k.css").write_bytes(sheet)
    (HERE / "static" / "style-100k.css.sha256").write_text(hashlib.sha256(sheet).hexdigest() + "\n")


if __name__ == "__main__":
    main()
