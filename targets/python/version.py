"""Prints a target's version as read from its modules: `version.py flask gevent` -> `2.2.2 (gevent 22.10.2)`.

The first module is the framework; the others (servers) follow in parentheses. A module's own
`__version__` (or tornado's `version`) wins; importlib.metadata covers the modules that have none.
"""
import importlib
import importlib.metadata
import sys

DISTRIBUTIONS = {"web": "web.py", "pyramid_jinja2": "pyramid-jinja2"}


def version(module_name):
    module = importlib.import_module(module_name)
    found = getattr(module, "__version__", None) or getattr(module, "version", None)
    if isinstance(found, str):
        return found
    return importlib.metadata.version(DISTRIBUTIONS.get(module_name, module_name))


def main(names):
    if not names:
        sys.exit("usage: version.py MODULE [SERVER_MODULE...]")
    try:
        first, *servers = [version(name) for name in names]
    except (ImportError, importlib.metadata.PackageNotFoundError) as e:
        sys.exit(f"not installed: {e}")
    extra = ", ".join(f"{name} {v}" for name, v in zip(names[1:], servers))
    print(f"{first} ({extra})" if extra else first)


if __name__ == "__main__":
    main(sys.argv[1:])
