"""Flask: `python3 flask_app.py PORT` runs Werkzeug's development server (threaded, Flask's default);
gunicorn, gevent and tornado serve the same `app` (flask_app:app)."""
from flask import Flask, jsonify, render_template, request

import fwtarget

app = Flask(__name__, static_folder=str(fwtarget.STATIC), static_url_path="/static",
            template_folder=str(fwtarget.JINJA_TEMPLATES))
TEXT = {"Content-Type": "text/plain; charset=utf-8"}


@app.route("/plaintext")
def plaintext():
    return fwtarget.HELLO, TEXT


@app.route("/json")
def json():
    return jsonify(fwtarget.MESSAGE)


@app.route("/hello/<name>")  # also the first seed's URL, /hello/World
def hello(name):
    return fwtarget.hello(name), TEXT


@app.route("/template")
def template():
    return render_template("main.html", **fwtarget.PAGE)


if __name__ == "__main__":
    port = fwtarget.port()
    fwtarget.quiet("werkzeug")
    app.run(host=fwtarget.HOST, port=port, threaded=True, debug=False)
