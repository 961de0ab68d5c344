"""Content problems: where, what, how to fix — collected, never raised one by one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Characters that would break a problem's one line or not show at all: control characters and
# Unicode's line and paragraph separators (a file may be named with them: it is the problem).
_UNSEEN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shown(text: str) -> str:
    """``text`` with each control character written as its escape (``\\n``, ``\\x14``), as a
    problem's line shows it: one line, and nothing in it the editor cannot see."""
    return _UNSEEN.sub(lambda m: repr(m.group())[1:-1], text)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in the unit's content, addressed to an editor (message in Chinese).

    ``path`` is relative to the project root (the folder of mkdocs.yml), in POSIX form;
    ``line`` and ``col`` are 1-based and optional (a whole-file problem has neither).
    """

    path: str
    line: int | None
    col: int | None
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        return shown(f"{where}: {self.message}")


class ProblemError(Exception):
    """Raised by low-level readers when a file cannot be read at all."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class Problems:
    """A collector passed through one load; ``items`` keeps the order of discovery."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int | None, col: int | None, message: str) -> None:
        self.items.append(Problem(path, line, col, message))

    def extend(self, problems) -> None:
        self.items.extend(problems)

    def for_path(self, path: str) -> list[Problem]:
        return [p for p in self.items if p.path == path]

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def sorted(self) -> list[Problem]:
        """Stable report order: by file, then line (whole-file problems first)."""
        return sorted(self.items, key=lambda p: (p.path, p.line or 0, p.col or 0))
