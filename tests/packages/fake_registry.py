"""A tiny FHIR package registry on 127.0.0.1 that records what it was asked."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeRegistry:
    def __init__(self, packages: dict[tuple[str, str], bytes]):
        self.packages = packages
        self.requests: list[str] = []


@contextlib.contextmanager
def serve(registry: FakeRegistry) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def do_GET(self):
            registry.requests.append(self.path)
            parts = self.path.strip("/").split("/")
            if len(parts) == 2 and (parts[0], parts[1]) in registry.packages:
                body = registry.packages[(parts[0], parts[1])]
                self.send_response(200)
            elif len(parts) == 1 and any(pid == parts[0] for pid, _ in registry.packages):
                versions = sorted(v for pid, v in registry.packages if pid == parts[0])
                body = json.dumps({"name": parts[0], "dist-tags": {"latest": versions[-1]}}).encode()
                self.send_response(200)
            else:
                body = b"{}"
                self.send_response(404)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
