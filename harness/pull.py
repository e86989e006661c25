"""Executions handed out per request place, for callers that visit requests one by one.

A Postman run is a sequence driven by scripts (jumps, loops, skips); pytest's items are fixed
at collection time. :class:`Puller` keeps the run authoritative: asked for one place
``(iteration, position)``, it advances the run until the next execution would come after that
place, and returns what belongs to it: one execution, several (a polling loop), or none (the
flow skipped it; :attr:`Puller.reason` says why). An execution that a jump back caused for an
earlier, already handed-out place is attached to the place being asked for, flagged in its
warnings, so nothing is lost.
"""

from __future__ import annotations

from collections import defaultdict

from harness.result import Execution
from harness.run import Run

Place = tuple[int, int]


class Puller:
    def __init__(self, run: Run) -> None:
        self.run = run
        self._buffer: dict[Place, list[Execution]] = defaultdict(list)
        self._handed: set[Place] = set()
        self.positions = {item.id: index for index, (_, item) in enumerate(run.order)}

    def place_of(self, item_id: str, iteration: int) -> Place | None:
        position = self.positions.get(item_id)
        return None if position is None else (iteration, position)

    def take(self, place: Place) -> list[Execution]:
        """Everything executed for ``place`` (advancing the run as far as needed)."""
        while True:
            upcoming = self.run.peek()
            if upcoming is None or upcoming > place:
                break
            execution = self.run.step()
            executed = (execution.iteration, self.positions[execution.item.id])
            if executed in self._handed and executed != place:
                execution.warnings.append(
                    "executed again by setNextRequest after a later request had run; "
                    "reported with that later request")
                executed = place
            self._buffer[executed].append(execution)
        self._handed.add(place)
        return self._buffer.pop(place, [])

    def drain(self) -> list[Execution]:
        """Run to the end; return executions no place asked for."""
        leftover = [e for group in self._buffer.values() for e in group]
        self._buffer.clear()
        while self.run.peek() is not None:
            leftover.append(self.run.step())
        return leftover

    @property
    def reason(self) -> str:
        """Why a place got no execution."""
        if self.run.stop_reason and self.run.stop_reason != "finished":
            return f"not executed: the run {self.run.stop_reason}"
        return "not executed: the flow skipped it (setNextRequest jumped past it or ended " \
               "the iteration)"
