"""A build's lock is free when the build ends, even while processes it forked still run."""

from __future__ import annotations

import fcntl
import os
import time

from scripts.publish import build_lock


def test_a_forked_child_does_not_keep_the_lock(tmp_path):
    handle = build_lock.acquire(tmp_path)
    ready, started = os.pipe()
    child = os.fork()
    if child == 0:  # the child (past its fork handlers): outlives the parent's hold on the lock
        os.write(started, b"x")
        time.sleep(3)
        os._exit(0)
    try:
        os.read(ready, 1)
        build_lock.release(handle)
        other = (tmp_path / "build" / "build.lock").open("a")
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises BlockingIOError if the child held it
        other.close()
    finally:
        os.kill(child, 9)
        os.waitpid(child, 0)
