"""Split a Markdown page into front matter and body, catching what MkDocs lets through.

MkDocs only recognises front matter that starts on line 1 with exactly ``---`` and is
closed by ``---`` or ``...``; anything else silently becomes page text. Editors type
``——`` with a Chinese IME, leave a blank line on top, or forget the closing line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wenmingsite.loading.patterns import lazy
from wenmingsite.loading.problems import Problem
from wenmingsite.loading.yamlstrict import YMap, load_yaml

_OPEN = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_DASHLIKE = re.compile(r"^[\-—–―－─━‐‑ー~～_＿=]{2,}[ \t\u3000]*$")
_KEYLIKE = lazy(r"^[A-Za-z_][\w-]*\s*[:：]")


@dataclass(frozen=True)
class Split:
    meta: YMap | None  # None: no front matter, or it could not be read
    body: str
    body_line: int  # 1-based line of the file where the body starts
    has_front_matter: bool
    problems: tuple[Problem, ...]


def split(text: str, rel: str) -> Split:
    lines = text.split("\n")
    first = lines[0] if lines else ""
    problems: list[Problem] = []

    if not _OPEN.match(first):
        stripped = first.strip()
        first_nonblank = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first_nonblank and _OPEN.match(lines[first_nonblank].strip()):
            problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    f"front matter 的开头“---”前面有 {first_nonblank} 个空行，网站会把它当成正文。"
                    "请删除这些空行，让“---”成为文件的第 1 行",
                )
            )
        elif _DASHLIKE.match(stripped) and len(lines) > 1 and _KEYLIKE.match(lines[1].strip()):
            problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    f"第 1 行是“{stripped}”，front matter 的开始和结束都必须是三个半角减号“---”"
                    "（中文输入法下输入的“——”是破折号）。请切换到英文输入法重新输入",
                )
            )
        elif first.startswith((" ", "\t", "\u3000")) and _OPEN.match(stripped):
            problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    "第 1 行的“---”前面有空格。请删除空格，让“---”顶格写",
                )
            )
        elif _KEYLIKE.match(stripped) and any(_KEYLIKE.match(line.strip()) for line in lines[1:3]):
            problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    "文件开头像是 front matter（“字段: 值”），但缺少上下两行“---”。"
                    "请在第一个字段的上一行和最后一个字段的下一行各加一行 ---",
                )
            )
        if problems:
            return Split(None, text, 1, True, tuple(problems))
        return Split(None, text, 1, False, ())

    close = None
    for i in range(1, len(lines)):
        if _CLOSE.match(lines[i]):
            close = i
            break
        if _DASHLIKE.match(lines[i].strip()) and not _KEYLIKE.match(lines[i].strip()):
            problems.append(
                Problem(
                    rel,
                    i + 1,
                    1,
                    f"这一行是“{lines[i].strip()}”，front matter 的结束行必须是三个半角减号“---”。"
                    "请切换到英文输入法重新输入",
                )
            )
            return Split(None, "\n".join(lines[i + 1 :]), i + 2, True, tuple(problems))
    if close is None:
        problems.append(
            Problem(
                rel,
                1,
                1,
                "front matter 只有开头的“---”，没有结束的“---”。请在最后一个字段的下一行加一行 ---",
            )
        )
        return Split(None, "", len(lines) + 1, True, tuple(problems))

    meta_text = "\n".join(lines[1:close])
    body = "\n".join(lines[close + 1 :])
    value, yaml_problems = load_yaml(meta_text, rel, line_offset=1)
    problems.extend(yaml_problems)
    if value is not None and not isinstance(value, YMap):
        hint = ""
        if "：" in meta_text:
            hint = "字段名后面的冒号可能是全角“：”，请改成半角冒号加空格。"
        problems.append(
            Problem(
                rel,
                value.line,
                value.col,
                f"front matter 应该是一行一个“字段: 值”，这里却不是。{hint}例如 title: 植树节义务植树活动",
            )
        )
        value = None
    if value is None and not problems and meta_text.strip() == "":
        value = YMap()
        value.line, value.col = 2, 1
    return Split(value if not problems else None, body, close + 2, True, tuple(problems))
