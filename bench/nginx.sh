# Sourced by the bench scripts: installs what they need from Debian packages when missing, starts nginx
# on 127.0.0.1:$port (one worker, no access log, a 12-byte body, pinned to the last CPU) in a
# temporary folder $work, made here (nginx is stopped and $work removed when the script exits), and measures
# a command's CPU and a median.
# Needs $port and $url set; with $nginx_h2c_port set, nginx also serves h2c (HTTP/2 by prior knowledge) there;
# with $nginx_tls_port set, TLS there (h2 or http/1.1 by ALPN) with the certificate $work/cert.pem and key
# $work/key.pem, which the caller makes.

work=$(mktemp -d)
nginx_pid=""
bench_cleanup() { [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap bench_cleanup EXIT

# bench_install TOOL:PACKAGE ...: installs the package of each tool that is not on the PATH
bench_install() {
  local missing=() tp
  for tp in "$@"; do command -v "${tp%%:*}" >/dev/null || missing+=("${tp#*:}"); done
  [ "${#missing[@]}" -eq 0 ] && return 0
  local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  echo "bench: installing ${missing[*]} (Debian packages) ..." >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# bench_nginx: starts nginx, waits until it answers, and sets $last (its CPU) and $nginx_pid
bench_nginx() {
  local nginx
  nginx=$(command -v nginx || echo /usr/sbin/nginx)
  last=$(( $(nproc) - 1 ))
  [ "$last" -ge 1 ] || { echo "bench: needs at least 2 CPUs (server and client apart); this process may use $(nproc)" >&2; exit 2; }
  cat >"$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 100000000;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
  ${nginx_tls_port:+ssl_protocols TLSv1.2 TLSv1.3; ssl_certificate $work/cert.pem; ssl_certificate_key $work/key.pem;}
  server {
    listen 127.0.0.1:$port;
    ${nginx_h2c_port:+listen 127.0.0.1:$nginx_h2c_port http2;}
    ${nginx_tls_port:+listen 127.0.0.1:$nginx_tls_port ssl http2;}
    location / { default_type text/plain; return 200 "hello world\n"; }
  }
}
CONF
  taskset -c "$last" "$nginx" -c "$work/nginx.conf" -p "$work" &
  nginx_pid=$!
  for _ in $(seq 50); do curl -fs "$url" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "bench: nginx did not answer on $url; its log: $(tail -n 3 "$work/error.log" 2>/dev/null)" >&2
  exit 1
}

# cpu_of CMD...: runs CMD (its output in $work/out and $work/err) and leaves its children's user+system CPU seconds in $cpu
cpu_of() {
  local t
  t=$( { "$@" >"$work/out" 2>"$work/err"; times; } | tail -n 1)
  cpu=$(awk '{ n=split($0,f," "); s=0; for (i=1;i<=2;i++) { split(f[i],p,"m"); s+=p[1]*60+p[2] } print s }' <<<"${t//s/}")
}

. "$(dirname "${BASH_SOURCE[0]}")/median.sh"
