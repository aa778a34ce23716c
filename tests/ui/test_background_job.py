"""Background jobs: results arrive on the GUI thread, and the cycle collector never
runs in a worker (it could destroy a Qt widget off the thread that owns it)."""

from __future__ import annotations

import gc
import threading

from PySide6.QtWidgets import QApplication

from peerdesk.ui.background_job import BackgroundJob, jobs_running


def test_collection_is_paused_while_a_job_runs_and_back_after(qtbot):
    assert gc.isenabled()
    release = threading.Event()
    seen: dict[str, object] = {}

    def work(report):
        seen["collector_on_in_worker"] = gc.isenabled()
        seen["thread"] = threading.current_thread().name
        release.wait(5)
        report("half way")
        return 42

    job = BackgroundJob(work, name="test-job")
    results: list[object] = []
    delivered_on: list[bool] = []
    job.succeeded.connect(lambda value: (results.append(value), delivered_on.append(
        QApplication.instance().thread() is job.thread())))
    job.start()
    assert jobs_running() == 1 and not gc.isenabled()
    release.set()
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=5000)
    assert results == [42] and delivered_on == [True]
    assert seen == {"collector_on_in_worker": False, "thread": "test-job"}
    assert gc.isenabled()


def test_a_failing_job_reports_its_error_and_resumes_collection(qtbot):
    def work(_report):
        raise ValueError("nope")

    job = BackgroundJob(work)
    errors: list[object] = []
    job.failed.connect(errors.append)
    job.start()
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=5000)
    assert len(errors) == 1 and isinstance(errors[0], ValueError)
    assert gc.isenabled()
