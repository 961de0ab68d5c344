"""Content problems: where, what, how to fix — collected, never raised one by one."""

from __future__ import annotations

from dataclasses import dataclass, field


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
        return f"{where}: {self.message}"


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
