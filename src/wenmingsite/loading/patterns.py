"""Regular expressions compiled when first used, not when their module is imported.

Compiling is most of what importing the checks costs (the privacy and sensitive-information
detectors' patterns, the date forms, the SVG and repair rules: ~20 ms), and a build after one
edit uses only some of them: the others match only text that holds what they look for. A
pattern made with :func:`lazy` is written and used as a compiled one (``NAME.search(text)``);
its first method or attribute looked up compiles it with :func:`re.compile` and keeps that
attribute on the object, so later calls are plain attribute lookups. It is not a
:class:`re.Pattern`: do not pass one to ``re.sub``, ``re.compile`` or ``isinstance``, and do
not build another pattern from its ``.pattern`` at import (that compiles it at once).
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast


class _Lazy:
    def __init__(self, pattern: Any, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str):
        # Called only for what is not kept yet; dunder names (copy, pickle) are not forwarded.
        if name.startswith("__") or name == "_source":
            raise AttributeError(name)
        value = getattr(re.compile(*self._source), name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r})"


def lazy(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, done when the result is first used."""
    return cast("re.Pattern[AnyStr]", _Lazy(pattern, flags))
