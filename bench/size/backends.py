#!/usr/bin/env python3
"""Live loopback backends for the example config: answers HTTP GET with 200 on every
address:port given (so it serves both the TCP- and the HTTP-checked LBs). Runs until killed.
Usage: backends.py ADDR:PORT [ADDR:PORT ...]   (IPv6 as [::1]:18080)"""
import http.server
import socket
import sys
import threading


class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b'{"status":"green"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A TCP check connects and closes without a request: not an error here.
        pass


class Server6(Server):
    address_family = socket.AF_INET6


def serve(spec):
    host, _, port = spec.rpartition(":")
    if host.startswith("["):
        server = Server6((host[1:-1], int(port)), Health)
    else:
        server = Server((host, int(port)), Health)
    server.serve_forever()


threads = [threading.Thread(target=serve, args=(s,), daemon=True) for s in sys.argv[1:]]
for t in threads:
    t.start()
for t in threads:
    t.join()
