"""CherryPy: `python3 cherrypy_app.py PORT` runs cherrypy.quickstart, as the first seed did, in the
production environment (no autoreloader polling the files, no screen log). Templates: jinja2, CherryPy
has no engine of its own."""
import cherrypy
import jinja2

import fwtarget

env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(fwtarget.JINJA_TEMPLATES)), autoescape=True)


class Root:
    @cherrypy.expose
    def index(self, name="World"):  # the first seed's URL, /?name=World
        return self.text(fwtarget.hello(name))

    @cherrypy.expose
    def plaintext(self):
        return self.text(fwtarget.HELLO)

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def json(self):
        return fwtarget.MESSAGE

    @cherrypy.expose
    def hello(self, name):
        return self.text(fwtarget.hello(name))

    @cherrypy.expose
    def template(self):
        cherrypy.response.headers["Content-Type"] = fwtarget.HTML
        return env.get_template("main.html").render(**fwtarget.PAGE)

    @staticmethod
    def text(body):
        cherrypy.response.headers["Content-Type"] = "text/plain; charset=utf-8"
        return body


if __name__ == "__main__":
    port = fwtarget.port()
    cherrypy.config.update({
        "environment": "production",
        "server.socket_host": fwtarget.HOST,
        "server.socket_port": port,
        "log.screen": False,
        "log.access_file": "",
    })
    cherrypy.quickstart(Root(), "/", {
        "/static": {"tools.staticdir.on": True, "tools.staticdir.dir": str(fwtarget.STATIC)},
    })
