"""A guard that makes any non-loopback connection attempt fail loudly inside tests.

Even if the fetcher's own policy were broken, a test could then never send a packet to a real
address: `socket.socket.connect` itself refuses and records the attempt.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


class NonLoopbackConnectionError(AssertionError):
    pass


class NetworkGuard:
    def __init__(self) -> None:
        self.attempts: list[Any] = []
        self.connections: list[Any] = []

    def check(self, address: Any) -> None:
        if isinstance(address, tuple):
            host = str(address[0]).split("%", 1)[0]
            try:
                loopback = ipaddress.ip_address(host).is_loopback
            except ValueError:
                loopback = False
            if not loopback:
                self.attempts.append(address)
                raise NonLoopbackConnectionError(f"test tried to connect to {address!r}")
        self.connections.append(address)


def install(monkeypatch: Any) -> NetworkGuard:
    guard = NetworkGuard()

    def connect(sock: socket.socket, address: Any) -> None:
        guard.check(address)
        return _real_connect(sock, address)

    def connect_ex(sock: socket.socket, address: Any) -> int:
        guard.check(address)
        return _real_connect_ex(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    return guard
