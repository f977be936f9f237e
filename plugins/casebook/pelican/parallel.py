"""Both cores: independent tasks shared between this process and forked copies of it.

`run(tasks, work, workers)` forks `workers - 1` children; every process, this one included,
takes the next few tasks from one pipe until none are left, so a slow task holds up no other.
A child sends back, in one message at the end, each task's result (or the exception it
raised) and the log records the task made. The parent hands the results back in task order,
the records replayed through its own loggers at that point, so the log, Pelican's duplicate
filter and `--fatal warnings` behave as in one process. Nothing is shared but what the fork
copied; a child ends with `os._exit`, never running the parent's exit handlers.
"""

from __future__ import annotations

import contextlib
import gc
import io
import logging
import os
import pickle
import signal
import struct
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

CHUNK = struct.Struct("=I")  # a chunk's number, as read from the task pipe
MAX_CHUNKS = 8192  # 32 KiB of chunk numbers: the pipe holds them all before any is read
# Below this many tasks a fork costs more than it saves.
MIN_TASKS = 16


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def workers(setting: object) -> int:
    """How many processes a build uses: CASEBOOK_WORKERS, or one per core when it is unset."""
    if setting is None:
        return cores()
    if isinstance(setting, bool) or not isinstance(setting, int) or setting < 1:
        return 1  # refused by the rule book's settings check; never more than asked
    return setting


class Wire:
    """How a child's outcomes cross to the parent: pickle, unless a subclass knows better."""

    def dump(self, value: object, file: BinaryIO) -> None:
        pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)

    def load(self, file: BinaryIO) -> Any:
        return pickle.load(file)  # noqa: S301 - written by this build's own child


@dataclass
class Done(Generic[R]):
    """One task's outcome: its result or the exception it raised, and what it logged."""

    result: R | None = None
    error: BaseException | None = None
    records: list[logging.LogRecord] = field(default_factory=list)
    here: bool = True  # run in this process: its loggers' filters have seen the records

    def replay(self) -> None:
        """Log what the task logged, through this process's loggers, as if it ran here now."""
        records, self.records = self.records, []
        for record in records:
            logger = logging.getLogger(record.name)
            if self.here:
                logger.callHandlers(record)  # filtered already, when it was logged
            elif logger.isEnabledFor(record.levelno):
                # Filtered here too: a message two processes logged is shown once. Pelican's
                # logger raises FilteredMessage for one it drops.
                with contextlib.suppress(Exception):
                    logger.handle(record)

    def value(self) -> R:
        """The result, after replaying the log; the task's own exception if it raised one."""
        self.replay()
        if self.error is not None:
            raise self.error
        return self.result  # type: ignore[return-value]


class _Capture(logging.Handler):
    """In a child: keeps each record, formatted, for the parent to replay."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)


def _portable(error: BaseException) -> BaseException:
    """The exception itself if it survives pickling, else a RuntimeError that says what it was."""
    try:
        pickle.loads(pickle.dumps(error))  # noqa: S301 - its own bytes, just made
    except Exception:  # noqa: BLE001 - any failure to pickle means: send its text instead
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def _chunks(count: int, workers: int) -> int:
    """Tasks per chunk: small enough to share the slow ones out, big enough to be cheap."""
    size = max(1, count // (workers * 16))
    while count / size > MAX_CHUNKS:
        size *= 2
    return size


def _take(tasks_fd: int) -> Iterator[int]:
    """The chunk numbers this process takes from the shared pipe, until it is empty."""
    while True:
        data = os.read(tasks_fd, CHUNK.size)
        if len(data) < CHUNK.size:
            return
        yield CHUNK.unpack(data)[0]


def _work(
    tasks: Sequence[T], work: Callable[[T], R], tasks_fd: int, size: int
) -> dict[int, Done[R]]:
    done: dict[int, Done[R]] = {}
    root = logging.getLogger()
    for chunk in _take(tasks_fd):
        for index in range(chunk * size, min(len(tasks), (chunk + 1) * size)):
            # What the task logs is kept for its turn (Done.replay), not shown now.
            capture = _Capture()
            shown, root.handlers = root.handlers, [capture]
            try:
                done[index] = Done(work(tasks[index]), None, capture.records)
            except Exception as error:  # noqa: BLE001 - the parent raises it in its turn
                done[index] = Done(None, error, capture.records)
            finally:
                root.handlers = shown
    return done


def _child(
    tasks: Sequence[T], work: Callable[[T], R], tasks_fd: int, out_fd: int, size: int, wire: Wire
):
    """A forked child's whole life: work, send everything back, end without cleanup."""
    status = 0
    try:
        done = _work(tasks, work, tasks_fd, size)
        for item in done.values():
            item.here = False
            if item.error is not None:
                item.error = _portable(item.error)
        with os.fdopen(out_fd, "wb") as out:
            wire.dump(done, out)
    except BaseException:  # noqa: BLE001 - a child must never return into the parent's code
        status = 1
        with contextlib.suppress(Exception):
            sys.stderr.write("casebook: a worker process of the build failed:\n")
            traceback.print_exc()
            sys.stderr.flush()
    finally:
        os._exit(status)


def _receive(pid: int, fd: int, wire: Wire) -> dict[int, Any]:
    """A finished child's outcomes, once it has ended."""
    with os.fdopen(fd, "rb") as incoming:
        data = incoming.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        raise RuntimeError(
            "a worker process of the build stopped before it finished; build again with "
            "CASEBOOK_WORKERS = 1 to see why"
        )
    found: dict[int, Any] = wire.load(io.BytesIO(data))
    return found


def _abandon(pid: int, fd: int) -> None:
    """After a failure here (an interrupt): end a child and reap it."""
    os.close(fd)
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGTERM)
    with contextlib.suppress(OSError):
        os.waitpid(pid, 0)


def run(
    tasks: Sequence[T],
    work: Callable[[T], R],
    processes: int,
    min_tasks: int = MIN_TASKS,
    wire: Wire | None = None,
) -> list[Done[R]]:
    """`work(task)` for every task, in `processes` processes; the outcomes in task order.

    `wire` pickles what a child sends back (Wire: plain pickle); results made in this
    process are handed back as they are, never copied.
    """
    wire = wire or Wire()
    processes = min(processes, max(1, len(tasks)))
    if processes <= 1 or len(tasks) < min_tasks:
        return _alone(tasks, work)
    size = _chunks(len(tasks), processes)
    count = -(-len(tasks) // size)
    read_fd, write_fd = os.pipe()
    os.write(write_fd, b"".join(CHUNK.pack(n) for n in range(count)))
    os.close(write_fd)  # every process reads until the pipe is empty
    children: list[tuple[int, int]] = []
    # What lives now is the children's too: the collector need not walk it in each of them
    # (nor touch, and so copy, its pages). Given back after, unless the build froze it first.
    thaw_after = gc.get_freeze_count() == 0
    gc.freeze()
    try:
        for _ in range(processes - 1):
            result_read, result_write = os.pipe()
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                os.close(result_read)
                _child(tasks, work, read_fd, result_write, size, wire)
            os.close(result_write)
            children.append((pid, result_read))
        done = _work(tasks, work, read_fd, size)
        while children:
            pid, fd = children.pop(0)
            done.update(_receive(pid, fd, wire))
    finally:
        if thaw_after:
            gc.unfreeze()
        os.close(read_fd)
        for pid, fd in children:
            _abandon(pid, fd)
    return [done[index] for index in range(len(tasks))]


def _alone(tasks: Sequence[T], work: Callable[[T], R]) -> list[Done[R]]:
    """Every task here, one after another: logs go straight out, errors are kept in order."""
    done: list[Done[R]] = []
    for task in tasks:
        try:
            done.append(Done(work(task)))
        except Exception as error:  # noqa: BLE001 - raised in its turn by Done.value
            done.append(Done(None, error))
    return done
