#!/usr/bin/env python3
"""Serves a built bundle with nginx or Caddy and the shipped configuration
(deploy/), or with `mediatheque serve --no-build`, on 127.0.0.1, and checks it with
real HTTP requests (server_checks.py).

    server_test.py nginx|caddy|serve BUNDLE PRIVATE_PATH MEDIATHEQUE

MEDIATHEQUE is the command, run for serve.

Starts the server in a temporary folder on a free port (as root or not), stops it
at the end (`mediatheque serve` with SIGINT, as Ctrl-C does: it must exit 0). Prints
one failure a line and exits 1 if any; exits 2 when the server is not installed.
"""
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import server_checks

DEPLOY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "deploy")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def nginx(bundle, private_path, prefix, port):
    """The shipped snippet with its placeholders filled, in a loopback server of its own."""
    snippet = open(os.path.join(DEPLOY, "nginx", "mediatheque-bundle.conf")).read()
    snippet = snippet.replace("@BUNDLE@", bundle).replace("@PRIVATE_PATH@", private_path)
    with open(os.path.join(prefix, "mediatheque-bundle.conf"), "w") as f:
        f.write(snippet)
    site = open(os.path.join(DEPLOY, "nginx", "mediatheque.conf")).read()
    zones = "\n".join(re.findall(r"^limit_req_zone .*$", site, re.M))
    temp = "\n".join(f"  {kind}_temp_path {prefix}/{kind};" for kind in
                     ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
    user = "user root;\n" if os.geteuid() == 0 else ""
    with open(os.path.join(prefix, "nginx.conf"), "w") as f:
        f.write(f"""{user}worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 64; }}
http {{
  access_log off;
{temp}
  {zones}
  server {{
    listen 127.0.0.1:{port};
    include {prefix}/mediatheque-bundle.conf;
  }}
}}
""")
    return [executable("nginx"), "-p", prefix, "-e", prefix + "/error.log", "-c", prefix + "/nginx.conf"], None


def caddy(bundle, private_path, prefix, port):
    """The shipped Caddyfile, its settings in the environment, without the admin endpoint."""
    with open(os.path.join(prefix, "Caddyfile"), "w") as f:
        f.write("{\n\tadmin off\n}\n\n" + open(os.path.join(DEPLOY, "caddy", "Caddyfile")).read())
    environment = dict(os.environ, HOME=prefix, XDG_DATA_HOME=prefix, XDG_CONFIG_HOME=prefix,
                       MEDIATHEQUE_SITE=f"http://127.0.0.1:{port}", MEDIATHEQUE_BUNDLE=bundle,
                       MEDIATHEQUE_PRIVATE=private_path.rstrip("/"))
    return [executable("caddy"), "run", "--adapter", "caddyfile", "--config", prefix + "/Caddyfile"], environment


def serve(bundle, private_path, prefix, port):
    """The preview server, over the bundle as built (its site folder gives the private path)."""
    site = os.path.join(DEPLOY, "..", "Site")
    return [sys.argv[4], "serve", "--no-build", "--out", bundle, "--site", site, "--port", str(port)], None


SERVERS = {"nginx": nginx, "caddy": caddy, "serve": serve}


def executable(name):
    for folder in os.environ.get("PATH", "").split(":") + ["/usr/sbin", "/usr/bin"]:
        if os.access(os.path.join(folder, name), os.X_OK):
            return os.path.join(folder, name)
    return None


def main():
    server, bundle, private_path = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    if server != "serve" and executable(server) is None:
        print(f"{server} is not installed (scripts/install-deps.sh installs it)", file=sys.stderr)
        return 2
    prefix = tempfile.mkdtemp(prefix=f"mediatheque-{server}-")
    os.chmod(prefix, 0o755)
    port = free_port()
    command, environment = SERVERS[server](bundle, private_path, prefix, port)
    log = open(prefix + "/output.log", "wb")
    process = subprocess.Popen(command, env=environment, stdout=log, stderr=subprocess.STDOUT)
    failures = []
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    logs = [open(path, errors="replace").read() for path in [prefix + "/output.log", prefix + "/error.log"]
                            if os.path.exists(path)]
                    print(f"{server} did not start: " + "".join(logs), file=sys.stderr)
                    return 1
                time.sleep(0.05)
        failures, gzipped = server_checks.check(f"http://127.0.0.1:{port}", bundle, private_path)
        if server == "nginx":  # stock Caddy cannot limit rates
            failures += server_checks.check_rate_limit(f"http://127.0.0.1:{port}", private_path)
    finally:
        process.send_signal(signal.SIGINT if server == "serve" else signal.SIGTERM)
        status = process.wait(timeout=10)
        log.close()
        if server == "serve" and status != 0:
            failures.append(f"serve: exit status {status} after SIGINT: " + open(prefix + "/output.log", errors="replace").read())
        shutil.rmtree(prefix, ignore_errors=True)
    for failure in failures:
        print(failure)
    print(f"{server}: {gzipped} precompressed files served", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
