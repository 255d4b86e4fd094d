"""The template seed's gevent_flask: the Flask app on gevent's WSGIServer (gevent.pywsgi; the seed's
gevent.wsgi was its old name). As in the seed, nothing is monkey-patched."""
from gevent.pywsgi import WSGIServer

import fwtarget
from flask_app import app

if __name__ == "__main__":
    WSGIServer((fwtarget.HOST, fwtarget.port()), app, log=None).serve_forever()
