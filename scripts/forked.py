"""Run independent parts of the build at the same time, one process per core.

The processes are forked, so they start with the parent's memory (the catalogue, the pages):
tasks are plain closures and only their results travel back. With one core, or one task, the
tasks simply run here, one after the other.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")

_tasks: list[Callable[[], object]] = []  # read by the forked workers, which inherit it


def cores() -> int:
    return len(os.sched_getaffinity(0))


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
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_call, range(len(tasks))))
    finally:
        _tasks = []
