"""Run independent parts of the build at the same time: several tasks on every core (run), or
one task beside the rest of the build (Started).

The processes are forked, so they start with the parent's memory (the catalogue, the pages):
tasks are plain closures and only their results travel back. With one core, or one task, run
simply runs the tasks here, one after the other.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import traceback
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")

_tasks: list[Callable[[], object]] = []  # read by the forked workers, which inherit it


def die_with_parent() -> None:
    """Make this process end when the one that started it does, however that ends (a killed
    build must not leave processes writing into its folders). Linux only; elsewhere the pipes
    to the parent close and the processes end when they next use them."""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # the parent ended before the call above
        os._exit(1)


def cores() -> int:
    """The cores this process may run on; where the system cannot say (macOS has no
    sched_getaffinity), every core of the machine."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _start_worker() -> None:
    gc.disable()  # a worker lives only for its tasks: its garbage goes when it ends
    die_with_parent()


def _call(n: int) -> object:
    return _tasks[n]()


def run(tasks: list[Callable[[], T]], workers: int | None = None) -> list[T]:
    """Each task's result, in the order given. Give the longest tasks first: each worker takes
    the next task as soon as it is free."""
    global _tasks
    workers = min(workers or cores(), len(tasks))
    if workers <= 1:
        return [task() for task in tasks]
    _tasks = tasks
    try:
        with ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork"), initializer=_start_worker
        ) as pool:
            return list(pool.map(_call, range(len(tasks))))
    finally:
        _tasks = []


class Started:
    """A task running in a process of its own while the build goes on."""

    def __init__(self, task: Callable[[], object]) -> None:
        context = multiprocessing.get_context("fork")
        self._pipe, theirs = context.Pipe(duplex=False)
        self._process = context.Process(target=_run_and_send, args=(task, theirs), daemon=True)
        self._process.start()
        theirs.close()  # so that a process that dies unexpectedly ends the wait with EOFError

    def result(self) -> object:
        """Wait for the task; its failure is raised here."""
        value, failure = self._pipe.recv()
        self._process.join()
        if failure:
            raise RuntimeError(failure)
        return value

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.kill()


def _run_and_send(task: Callable[[], object], pipe) -> None:
    _start_worker()
    try:
        pipe.send((task(), ""))
    except Exception:
        pipe.send((None, traceback.format_exc()))
