#!/usr/bin/env python3
"""A tiny HTTPS server for tests: answers every POST/PUT/PATCH with 200 "ok".

Usage: tls_server.py CERT KEY [--client-ca CA]
Listens on 127.0.0.1 on a free port, prints the port once it accepts connections, and stops
when its stdin closes (so it never outlives the test that started it). With --client-ca it
requires a client certificate signed by (or equal to) CA.
"""
import http.server
import ssl
import sys
import threading


class Handler(http.server.BaseHTTPRequestHandler):
    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = b"ok"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_PUT = do_PATCH = _answer

    def log_message(self, *args):
        pass


def main():
    cert, key = sys.argv[1], sys.argv[2]
    client_ca = sys.argv[sys.argv.index("--client-ca") + 1] if "--client-ca" in sys.argv else None
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    if client_ca:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(client_ca)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    sys.stdin.read()
    server.shutdown()


if __name__ == "__main__":
    main()
