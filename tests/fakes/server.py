"""A real HTTP server on 127.0.0.1 that replays upstream services for tests and the bench.

Routes map a path to a handler that gets the parsed request and returns a `FakeResponse` (or a
list of them, served in turn, the last one repeating). Every request is recorded, so tests can
assert what the client sent (query parameters, User-Agent, conditional headers).
"""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class FakeResponse:
    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    # Send the body this slowly (bytes per second) to exercise total-time limits.
    drip_bytes_per_second: float | None = None
    gzip_body: bool = False

    @classmethod
    def json(cls, data: Any, status: int = 200, **kwargs: Any) -> FakeResponse:
        headers = {"Content-Type": "application/json; charset=utf-8", **kwargs.pop("headers", {})}
        return cls(status=status, body=json.dumps(data), headers=headers, **kwargs)

    @classmethod
    def html(cls, text: str, status: int = 200, **kwargs: Any) -> FakeResponse:
        headers = {"Content-Type": "text/html; charset=utf-8", **kwargs.pop("headers", {})}
        return cls(status=status, body=text, headers=headers, **kwargs)

    @classmethod
    def redirect(cls, location: str, status: int = 302) -> FakeResponse:
        return cls(status=status, headers={"Location": location})


@dataclass
class FakeRequest:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def param(self, name: str, default: str = "") -> str:
        return self.query.get(name, [default])[0]


Handler = Callable[[FakeRequest], "FakeResponse | list[FakeResponse]"]


class FakeServer:
    def __init__(self, routes: dict[str, Handler | FakeResponse | list[FakeResponse]] | None = None):
        self.routes: dict[str, Any] = dict(routes or {})
        self.requests: list[FakeRequest] = []
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        # A short poll interval keeps shutdown (once per test) quick.
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}{path}"

    def requests_to(self, path: str) -> list[FakeRequest]:
        return [request for request in self.requests if request.path == path]

    def start(self) -> FakeServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _respond(self, request: FakeRequest) -> FakeResponse:
        route = self.routes.get(request.path)
        if route is None:
            return FakeResponse(status=404, body="not found")
        result = route(request) if callable(route) else route
        if isinstance(result, list):
            with self._lock:
                index = self._served.get(request.path, 0)
                self._served[request.path] = index + 1
            return result[min(index, len(result) - 1)]
        return result

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes; with Nagle's algorithm the body would wait
            # for the client's delayed ACK (~40 ms), which real servers do not add.
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                request = FakeRequest(
                    method=self.command,
                    path=parts.path,
                    query=parse_qs(parts.query),
                    headers={key.lower(): value for key, value in self.headers.items()},
                    body=self.rfile.read(length) if length else b"",
                )
                with fake._lock:
                    fake.requests.append(request)
                response = fake._respond(request)
                if response.delay:
                    time.sleep(response.delay)
                body = response.body.encode() if isinstance(response.body, str) else response.body
                headers = dict(response.headers)
                if response.gzip_body:
                    body = gzip.compress(body)
                    headers["Content-Encoding"] = "gzip"
                try:
                    self.send_response(response.status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    if "Content-Length" not in headers:
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if response.drip_bytes_per_second:
                        for index in range(len(body)):
                            self.wfile.write(body[index : index + 1])
                            self.wfile.flush()
                            time.sleep(1 / response.drip_bytes_per_second)
                    elif self.command != "HEAD":
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = do_HEAD = _handle

        return RequestHandler
