"""Keep secrets out of crash dumps (docs/security.md §3).

A crash while someone is signed in would otherwise write a core file holding
whatever the process had in memory: names, notes, a code word, the password
just typed, the raw database keys. So before anything is unlocked PeerDesk
turns dumps off for its own process: on Linux and macOS the core-file size
limit goes to 0, and on Linux the process is also marked not dumpable (which
also stops another program of the same user attaching a debugger to read its
memory); on Windows, Windows Error Reporting is told to leave the heap out of
any report and not to show its crash dialog.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys

_PR_SET_DUMPABLE = 4
_PR_GET_DUMPABLE = 3
_SEM_FAILCRITICALERRORS = 0x0001
_SEM_NOGPFAULTERRORBOX = 0x0002
_WER_FAULT_REPORTING_FLAG_NOHEAP = 1


def refuse_core_dumps() -> None:
    """Best effort on every platform; never stops PeerDesk from starting."""
    if sys.platform != "win32":
        import resource

        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
    elif sys.platform == "win32":  # pragma: no cover - tested on Windows only
        with contextlib.suppress(OSError, AttributeError):
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetErrorMode(_SEM_FAILCRITICALERRORS | _SEM_NOGPFAULTERRORBOX)
            ctypes.windll.wer.WerSetFlags(_WER_FAULT_REPORTING_FLAG_NOHEAP)  # type: ignore[attr-defined]


def dumps_refused() -> bool:
    """For `--self-check` and tests: is this process protected?"""
    if sys.platform == "win32":  # pragma: no cover
        return True
    import resource

    if resource.getrlimit(resource.RLIMIT_CORE)[0] != 0:
        return False
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_GET_DUMPABLE, 0, 0, 0, 0)) == 0
    return True
