"""parallel.run: tasks shared over forked processes, handed back as one process would give them."""

import logging
import os
import pickle
import time

import pytest

from casebook.pelican import parallel

TASKS = list(range(200))


def square_and_pid(n):
    return n * n, os.getpid()


def slow_square_and_pid(n):
    time.sleep(0.005)  # long enough for every process to be running before the tasks run out
    return square_and_pid(n)


def test_results_come_back_in_task_order_and_from_more_than_one_process():
    done = parallel.run(TASKS, slow_square_and_pid, 3, min_tasks=1)
    assert [d.value()[0] for d in done] == [n * n for n in TASKS]
    # Each process takes the next chunk when it is free: this one and the forked ones.
    pids = {d.value()[1] for d in done}
    assert os.getpid() in pids and len(pids) >= 2


def test_one_process_runs_every_task_here():
    done = parallel.run(TASKS, square_and_pid, 1)
    assert {d.value()[1] for d in done} == {os.getpid()}


def test_a_few_tasks_are_not_worth_a_fork():
    done = parallel.run(TASKS[:5], square_and_pid, 4)
    assert {d.value()[1] for d in done} == {os.getpid()}


def fails_on_seven(n):
    if n % 100 == 7:
        raise ValueError(f"task {n} refuses")
    return n


def test_an_error_is_raised_in_its_turn_and_the_others_are_kept():
    done = parallel.run(TASKS, fails_on_seven, 2, min_tasks=1)
    assert [d.error is None for d in done].count(False) == 2
    with pytest.raises(ValueError, match="task 7 refuses"):
        done[7].value()
    with pytest.raises(ValueError, match="task 107 refuses"):
        done[107].value()
    assert done[8].value() == 8


class UnpicklableError(Exception):
    def __init__(self, n):
        super().__init__(f"no pickle for {n}")
        self.handle = lambda: n  # a lambda: pickle refuses it


def raises_unpicklable(n):
    raise UnpicklableError(n)


def test_an_exception_that_cannot_cross_processes_comes_back_as_its_text():
    done = parallel.run(TASKS, raises_unpicklable, 2, min_tasks=1)
    messages = set()
    for item in done:
        with pytest.raises((UnpicklableError, RuntimeError)) as raised:
            item.value()
        messages.add(str(raised.value).removeprefix("UnpicklableError: "))
    assert messages == {f"no pickle for {n}" for n in TASKS}
    with pytest.raises(Exception):  # noqa: B017 - what the child meets
        pickle.dumps(UnpicklableError(1))


def logs(n):
    logging.getLogger("casebook.test").warning("task %d, %s", n, "done")
    return n


def test_what_a_task_logs_is_logged_here_in_task_order_once(caplog):
    with caplog.at_level(logging.INFO):
        done = parallel.run(TASKS, logs, 2, min_tasks=1)
        assert caplog.records == []  # nothing shown while the tasks ran, here or there
        for item in done:
            item.value()
            item.value()  # a second look at a result logs nothing again
    assert [r.getMessage() for r in caplog.records] == [f"task {n}, done" for n in TASKS]
    assert {r.name for r in caplog.records} == {"casebook.test"}


def test_a_worker_that_dies_stops_the_build_with_what_to_do():
    parent = os.getpid()

    def dies_in_a_child(n):
        if os.getpid() != parent:
            os._exit(3)  # a worker killed in the middle (out of memory, a signal)
        time.sleep(0.005)  # the parent leaves work for the child to take
        return n

    with pytest.raises(RuntimeError, match="CASEBOOK_WORKERS = 1"):
        parallel.run(TASKS, dies_in_a_child, 2, min_tasks=1)


@pytest.mark.parametrize(
    ("setting", "expected"),
    [(None, parallel.cores()), (1, 1), (3, 3), (0, 1), (-2, 1), (True, 1), ("2", 1)],
)
def test_workers_follows_the_setting_and_never_runs_more_than_asked(setting, expected):
    assert parallel.workers(setting) == expected
