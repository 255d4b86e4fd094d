#!/usr/bin/env bash
# Installs the Python web frameworks that targets/python/ runs: Debian's packages on Debian/Ubuntu
# (for the system python3, which the suites use), pip and targets/python/requirements.txt elsewhere.
# Idempotent: what is installed already is skipped. Prints what it could not install, and exits 0
# when at least the core set (the first seed's five frameworks and jinja2) can be imported.
set -uo pipefail
cd "$(dirname "$0")/.."

PYTHON=${FWBENCH_PYTHON:-/usr/bin/python3}

# Debian package -> the module that proves it works. Core first; a missing core module fails the script.
CORE_PACKAGES=(python3-bottle:bottle python3-webpy:web python3-flask:flask python3-cherrypy3:cherrypy
               python3-tornado:tornado python3-jinja2:jinja2)
EXTRA_PACKAGES=(python3-psutil:psutil python3-aiohttp:aiohttp python3-aiohttp-jinja2:aiohttp_jinja2
                python3-starlette:starlette python3-uvicorn:uvicorn python3-pyramid:pyramid
                python3-pyramid-jinja2:pyramid_jinja2 python3-waitress:waitress python3-django:django
                gunicorn:gunicorn python3-gevent:gevent python3-requests:requests
                python3-quart:quart python3-hypercorn:hypercorn)
# Not packaged by Debian; only pip can bring them, and their targets are skipped without them.
PIP_ONLY_MODULES=(sanic japronto)

say() { printf 'install-python-targets: %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else say "not root and no sudo: cannot run $1"; return 1
  fi
}

deb_installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

deb_available() { # a candidate version exists in the package lists
  local candidate
  candidate=$(apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: //p')
  [ -n "$candidate" ] && [ "$candidate" != "(none)" ]
}

install_debian() {
  local entry pkg missing=() unknown=() installable=()
  for entry in "${CORE_PACKAGES[@]}" "${EXTRA_PACKAGES[@]}"; do
    pkg=${entry%%:*}
    deb_installed "$pkg" || missing+=("$pkg")
  done
  if [ ${#missing[@]} = 0 ]; then
    say "all Debian packages already installed"
    return 0
  fi
  for pkg in "${missing[@]}"; do deb_available "$pkg" || unknown+=("$pkg"); done
  # Package lists may be absent or stale on a fresh machine: refresh only when they don't know a package.
  if [ ${#unknown[@]} -gt 0 ]; then
    say "updating package lists"
    as_root apt-get update -qq || say "apt-get update failed"
  fi
  for pkg in "${missing[@]}"; do
    if deb_available "$pkg"; then installable+=("$pkg"); else say "no Debian package $pkg here"; fi
  done
  [ ${#installable[@]} = 0 ] && return 0
  say "installing ${installable[*]}"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
       "${installable[@]}" >/dev/null; then
    # One broken package must not keep the others out: retry them one at a time.
    for pkg in "${installable[@]}"; do
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$pkg" \
        >/dev/null 2>&1 || say "apt-get could not install $pkg"
    done
  fi
}

install_pip() {
  local req=targets/python/requirements.txt line
  if ! "$PYTHON" -m pip --version >/dev/null 2>&1; then
    say "$PYTHON has no pip: install pip, then run this again"
    return 0
  fi
  say "installing with pip from $req"
  if ! "$PYTHON" -m pip install -q -r "$req"; then
    while read -r line; do
      line=${line%%#*}
      [ -z "${line// /}" ] && continue
      "$PYTHON" -m pip install -q "$line" >/dev/null 2>&1 || say "pip could not install: $line"
    done <"$req"
  fi
}

if command -v apt-get >/dev/null && command -v dpkg-query >/dev/null; then
  install_debian
else
  install_pip
fi

# Whatever the route, what counts is what the python the suites use can import.
core_missing=() missing=()
for entry in "${CORE_PACKAGES[@]}"; do
  "$PYTHON" -c "import ${entry#*:}" >/dev/null 2>&1 || core_missing+=("${entry#*:}")
done
for entry in "${EXTRA_PACKAGES[@]}"; do
  "$PYTHON" -c "import ${entry#*:}" >/dev/null 2>&1 || missing+=("${entry#*:}")
done
for module in "${PIP_ONLY_MODULES[@]}"; do
  "$PYTHON" -c "import $module" >/dev/null 2>&1 || missing+=("$module")
done
[ ${#missing[@]} -gt 0 ] && say "not installed (their targets will be skipped): ${missing[*]}"
if [ ${#core_missing[@]} -gt 0 ]; then
  say "core modules missing for $PYTHON: ${core_missing[*]}"
  exit 1
fi
say "core set installed for $PYTHON"
