"""One build of a project at a time: builds write the generated pages into docs/ and the
published site into site/, and two at once would interleave their files.

The lock is an advisory lock on build/build.lock in the project folder; the operating system
releases it when the process holding it ends, however it ends. A build started while another
runs waits for it, and says so.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

# Set by scripts.publish.site for the MkDocs build it runs, which must not wait for its own lock.
HELD_BY_PARENT = "VAEKSTAFTALER_BUILD_LOCK_HELD"

# Locks this process holds. A forked child (the downloads and search index a build leaves running
# under make serve) closes its copies, so that the lock is free when the build that took it ends.
_held: set[IO] = set()


def _forget_in_child() -> None:
    for handle in _held:
        handle.close()  # this process's copy only: the parent's lock stands
    _held.clear()


os.register_at_fork(after_in_child=_forget_in_child)


def acquire(project: Path) -> IO | None:
    """Take the project's build lock, waiting while another build holds it; None if the
    process that started this one holds it already. Release with `release`."""
    project = project.resolve()
    if os.environ.get(HELD_BY_PARENT) == str(project):
        return None
    path = project / "build" / "build.lock"
    path.parent.mkdir(exist_ok=True)
    handle = path.open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(
            f"Another build of this site is running ({path} is locked); waiting for it to finish …",
            file=sys.stderr,
            flush=True,
        )
        fcntl.flock(handle, fcntl.LOCK_EX)
    _held.add(handle)
    return handle


def release(handle: IO | None) -> None:
    if handle is not None:
        _held.discard(handle)
        handle.close()  # closing the file releases the lock


@contextlib.contextmanager
def held(project: Path) -> Iterator[None]:
    handle = acquire(project)
    try:
        yield
    finally:
        release(handle)
