"""Ctrl+C and SIGTERM: stop cleanly, giving the vault back and removing temporary files.

Headless commands: Ctrl+C already raises KeyboardInterrupt; SIGTERM is made to
raise `Terminated` the same way, so every `finally` (ending the session,
releasing the vault's lock, removing a half-written file) runs before exit.

The GUI (app/gui_signals.py) instead closes the app through its normal path.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

from peerdesk.app.exit_codes import EXIT_INTERRUPTED, EXIT_TERMINATED, Terminated


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextlib.contextmanager
def sigterm_raises() -> Iterator[None]:
    """While inside, SIGTERM raises Terminated in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def exit_code_for(signum: int) -> int:
    return EXIT_INTERRUPTED if signum == signal.SIGINT else EXIT_TERMINATED


def stopped_message(code: int) -> str:
    return "stopped by Ctrl+C" if code == EXIT_INTERRUPTED else "stopped by SIGTERM"
