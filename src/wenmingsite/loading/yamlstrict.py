"""A strict YAML reader for editors' files.

PyYAML's usual loaders apply YAML 1.1 typing (``9:30`` becomes 570, ``0123`` becomes 83,
``no`` becomes False) and MkDocs swallows every front matter error. Here every scalar
stays the exact string the editor typed; the schema converts it per field. Values carry
their position so that later messages can name the line and column.

We read the C parser's events when it is available (several times faster) and build the
values in one pass with an explicit stack: no recursion, aliases never expanded, and
duplicate keys detected on the way. Anchors, aliases, merge keys, tags, nesting deeper
than MAX_DEPTH and texts longer than the size bounds are refused with a Chinese message.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import yaml

try:  # libyaml-backed; pure-Python fallback keeps the same behaviour, only slower.
    _Loader: type[yaml.CBaseLoader] | type[yaml.BaseLoader] = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.BaseLoader

from wenmingsite.loading.patterns import lazy
from wenmingsite.loading.problems import Problem
from wenmingsite.pages import memo


class YStr(str):
    """A scalar as typed, with its 1-based position in the file."""

    line: int
    col: int

    def __new__(cls, value: str, line: int, col: int):
        obj = super().__new__(cls, value)
        obj.line = line
        obj.col = col
        return obj


class YMap(dict):
    """A mapping whose keys are :class:`YStr` (iterate it to get their positions)."""

    line: int
    col: int

    def key_at(self, key: str) -> YStr:
        for k in self:
            if k == key:
                return k
        raise KeyError(key)


class YList(list):
    line: int
    col: int


_YAML_PROBLEMS = [
    (
        "mapping values are not allowed",
        '这里出现了多余的“: ”（冒号加空格）。如果值本身含有冒号，请用英文双引号把整个值括起来，例如 title: "主题：学习"',
    ),
    (
        "could not find expected ':'",
        "找不到字段名后面的“: ”。请检查上一行或本行：字段名后要用半角冒号加一个空格，多行的值要比字段名多缩进",
    ),
    (
        "found character '\\t' that cannot start any token",
        "这里有 Tab 字符。YAML 只能用半角空格缩进，请把 Tab 换成空格",
    ),
    ("found a tab character", "这里有 Tab 字符。YAML 只能用半角空格缩进，请把 Tab 换成空格"),
    (
        "did not find expected key",
        "这一行的缩进与上面的字段不一致，或者以“[”“{”“-”开头的值没有加引号。同一层的字段请对齐；如果值以这些符号开头，请用英文双引号括起来",
    ),
    (
        "did not find expected ',' or ']'",
        "以“[”开头的值被当成了列表，但没有正确结束。如果方括号是文字的一部分，请用英文双引号把整个值括起来",
    ),
    (
        "did not find expected ',' or '}'",
        "以“{”开头的值被当成了映射，但没有正确结束。如果花括号是文字的一部分，请用英文双引号把整个值括起来",
    ),
    ("did not find expected '-' indicator", "列表项的缩进不一致。同一列表的每一项“- ”要上下对齐"),
    ("found undefined alias", "以“*”开头的值被当成了引用。如果“*”是文字的一部分，请用英文双引号把整个值括起来"),
    (
        "found character that cannot start any token",
        "这一行以 YAML 的保留符号（如 @ ` % |）开头。请用英文双引号把整个值括起来",
    ),
    ("found unexpected end of stream", "引号没有配对：一个值以引号开头，但直到文件结尾也没有找到结束的引号"),
    (
        "found unknown escape character",
        "双引号里的反斜杠“\\”被当成了转义符。请把值改用单引号括起来，或把“\\”写成“\\\\”",
    ),
    (
        "expected <block end>, but found",
        "这一行的缩进与上面不一致，或者一个以引号开头的值在引号结束后还有文字。同一层的字段请对齐；含引号的文字请整体用另一种引号括起来",
    ),
    (
        "while scanning an anchor",
        "以“&”开头的值被当成了锚点（anchor）。如果“&”是文字的一部分，请用英文双引号把整个值括起来",
    ),
    ("while scanning an alias", "以“*”开头的值被当成了引用。如果“*”是文字的一部分，请用英文双引号把整个值括起来"),
    (
        "while scanning a tag",
        "以“!”开头的值被当成了类型标记（tag）。如果“!”是文字的一部分，请用英文双引号把整个值括起来",
    ),
    (
        "but found another document",
        "这一行“---”把文件分成了两部分（YAML 的多个文档），网站只能读一个。数据文件里不需要“---”，请删除这一行",
    ),
    (
        "found undefined tag handle",
        "以“!”开头的值被当成了类型标记（tag）。如果“!”是文字的一部分，请用英文双引号把整个值括起来",
    ),
]

_FULLWIDTH_KEY = re.compile(r"^\s*(?:(?:-\s+)?([A-Za-z_][\w-]*)|([\u4e00-\u9fff]{1,8}))\s*：")
_BLOCK_SCALAR_START = re.compile(r"(?:^|:\s|^\s*-\s)\s*[|>][-+0-9]*\s*$")
_NOSPACE_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):(?=[^\s/])")


def _leading_whitespace_problem(line: str) -> str | None:
    if line.startswith("\t") or re.match(r"^ *\t+ *[A-Za-z_\-\"']", line):
        return "行首有 Tab 字符。YAML 只能用半角空格缩进，请把 Tab 换成空格"
    if line.startswith("\u3000"):
        return "行首有全角空格（中文输入法下的空格）。YAML 只能用半角空格缩进，请删除后重新输入半角空格"
    return None


_FLOW_START = lazy(r"^\s*(?:-\s+)?[^\s:#][^:]*:\s+([\[{])")


def _explain_syntax(line_text: str, exc: yaml.MarkedYAMLError) -> str:
    problem = f"{exc.problem or ''} {exc.context or ''}"
    flow = _FLOW_START.match(line_text)
    if flow and ("did not find expected" in problem or "expected <block end>" in problem):
        return (
            f"YAML 格式错误：值以“{flow.group(1)}”开头，会被当成列表或映射。"
            f'如果它是文字的一部分，请用英文双引号把整个值括起来，例如 title: "[通知]学习"'
        )
    for needle, explanation in _YAML_PROBLEMS:
        if needle in problem:
            return f"YAML 格式错误：{explanation}"
    return f"YAML 格式错误（{(exc.problem or exc.context or '').strip()}）。请检查缩进、冒号和引号"


# --- limits ------------------------------------------------------------------------
#
# Editors' files need none of YAML's graph features, and each of them has hurt us:
# an alias can point at its own list (infinite recursion), nine aliases nine levels
# deep make a 300-byte file expand to millions of nodes ("billion laughs"), a value that
# starts with "!" or "&" loses its first word to a tag or an anchor. So the reader
# refuses them, and bounds nesting and size. The demo's deepest value is 4 levels
# (organization.yml: leading_group > members > member), its longest front matter
# 318 characters and its longest data file 2,928 characters.

MAX_DEPTH = 12
MAX_FRONT_MATTER_CHARS = 20_000
MAX_DATA_CHARS = 500_000

_QUOTE_IT = "如果这是文字的一部分，请用英文双引号把整个值括起来"


def load_yaml(
    text: str, rel: str, line_offset: int = 0, max_chars: int | None = None
) -> tuple[YMap | YList | YStr | None, list[Problem]]:
    """Parse ``text`` into YMap/YList/YStr; never raises for bad content.

    ``line_offset`` is added to reported lines (front matter starts below line 1).
    ``max_chars`` bounds the text; by default :data:`MAX_FRONT_MATTER_CHARS` for a
    Markdown page's front matter (``rel`` ends in ``.md``), else :data:`MAX_DATA_CHARS`.
    Returns ``(value, problems)``; ``value`` is None when the text could not be parsed.
    The value is shared by calls with the same text (`mkdocs serve` parses only the
    files that changed): treat it as read-only.
    """
    if max_chars is None:
        max_chars = MAX_FRONT_MATTER_CHARS if rel.endswith(".md") else MAX_DATA_CHARS
    parse = _load_yaml if memo.keeping() else _load_yaml.__wrapped__
    value, problems = parse(text, rel, line_offset, max_chars)
    return value, list(problems)


@functools.lru_cache(maxsize=50_000)
def _load_yaml(
    text: str, rel: str, line_offset: int, max_chars: int = MAX_DATA_CHARS
) -> tuple[YMap | YList | YStr | None, list[Problem]]:
    if len(text) > max_chars:
        return None, [_too_long(text, rel, line_offset, max_chars)]
    lines = text.split("\n")
    problems: list[Problem] = []

    # Traps that YAML either accepts silently or reports far from their cause.
    block_indent: int | None = None
    for i, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue  # inside a literal block: any text is content
            block_indent = None
        if _BLOCK_SCALAR_START.search(line):
            block_indent = indent
        msg = _leading_whitespace_problem(line)
        if msg:
            problems.append(Problem(rel, i + 1 + line_offset, 1, msg))
            continue
        m = _FULLWIDTH_KEY.match(line)
        if m and ": " not in line[: m.end()]:
            key = m.group(1) or m.group(2)
            problems.append(
                Problem(
                    rel,
                    i + 1 + line_offset,
                    m.end(),
                    f"“{key}”后面是全角冒号“：”。字段名后面要用半角冒号加一个空格，例如 {key}: 值",
                )
            )
            continue
        m = _NOSPACE_KEY.match(line)
        if m and not line.strip().startswith(("http:", "https:")):
            problems.append(
                Problem(
                    rel,
                    i + 1 + line_offset,
                    m.end(),
                    f"“{m.group(1)}:”后面缺少空格。请在冒号后加一个半角空格，例如 {m.group(1)}: 值",
                )
            )
    if problems:
        return None, problems

    refusals: list[Problem] = []
    try:
        value = _build(text, lines, rel, line_offset, problems, refusals)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line_no = mark.line if mark else 0
        col_no = mark.column if mark else 0
        line_text = lines[line_no] if line_no < len(lines) else ""
        # As before, a syntax error replaces the content problems found before it; what
        # the reader refused is kept, it is independent of the error.
        return None, refusals + [Problem(rel, line_no + 1 + line_offset, col_no + 1, _explain_syntax(line_text, exc))]
    except yaml.YAMLError as exc:  # e.g. a control character the reader refuses
        return None, refusals + [
            Problem(rel, None, None, f"YAML 无法读取（{exc}）。请检查文件中是否有特殊的不可见字符")
        ]
    except _Refused as exc:
        return None, problems + [exc.problem]
    if refusals:
        return None, problems
    return value, problems


def _too_long(text: str, rel: str, offset: int, limit: int) -> Problem:
    line = text.count("\n", 0, limit) + 1
    col = limit - (text.rfind("\n", 0, limit) + 1) + 1
    if rel.endswith(".md"):
        msg = (
            f"front matter 太长（{len(text):,} 个字符，最多 {limit:,} 个），从这里起超出。"
            "front matter 只写标题、日期、照片等字段；正文请写在第二行“---”的下面"
        )
    else:
        msg = (
            f"数据文件太长（{len(text):,} 个字符，最多 {limit:,} 个），从这里起超出。"
            "请检查是否误粘贴了大段内容；活动记录可以按年份分成多个文件"
        )
    return Problem(rel, line + offset, col, msg)


class _Refused(Exception):
    """Stop reading: what follows depends on a construct the reader does not accept."""

    def __init__(self, problem: Problem):
        self.problem = problem


_KEY = object()  # a mapping frame waiting for its next key
_DROP = object()  # ... for the value of a key that was reported and is not kept
_SEQ = object()  # marks a sequence frame

_ScalarEvent = yaml.ScalarEvent
_MappingStartEvent = yaml.MappingStartEvent
_SequenceStartEvent = yaml.SequenceStartEvent
_MappingEndEvent = yaml.MappingEndEvent
_SequenceEndEvent = yaml.SequenceEndEvent
_AliasEvent = yaml.AliasEvent
_DocumentStartEvent = yaml.DocumentStartEvent
_StreamEndEvent = yaml.StreamEndEvent
_COMMENT_GLUED = re.compile(r"\s+#[^\s#]")


def _build(text, lines, rel, offset, problems, refusals):
    """One pass over the parser's events, building YMap/YList/YStr with an explicit stack.

    No recursion (any depth is refused before it costs anything) and aliases are never
    expanded. Same values, positions and problems as composing the node tree and
    walking it.
    """
    parser = _Loader(text)
    # Events are dispatched on their exact class below; typed loosely so that each branch can
    # read the attributes its class has.
    get_event: Callable[[], Any] = parser.get_event
    root = None
    documents = 0
    first_mark = None
    # A frame is [container, state, muted]: state is _SEQ for a list, else _KEY, _DROP or
    # the pending key; muted frames are values of dropped keys, whose text is not checked.
    stack: list[list] = []
    try:
        while True:
            event = get_event()
            cls = type(event)
            if cls is _ScalarEvent:
                mark = event.start_mark
                if event.anchor is not None or event.tag is not None:
                    _refuse_property(event, stack, lines, rel, offset, problems, refusals)
                line = mark.line + 1 + offset
                value = YStr(event.value, line, mark.column + 1)
                muted = bool(stack) and (stack[-1][2] or stack[-1][1] is _DROP)
                if not event.style:  # plain scalar (None from PyYAML, '' from libyaml)
                    end = event.end_mark
                    rest = lines[end.line][end.column :] if end.line < len(lines) else ""
                    # "# note" is a comment by convention; "#话题" glued to the text is
                    # content the editor meant to keep, which YAML would silently cut off.
                    if not muted and _COMMENT_GLUED.match(rest):
                        problems.append(
                            Problem(
                                rel,
                                end.line + 1 + offset,
                                end.column + 1 + len(rest) - len(rest.lstrip()),
                                f"值“{event.value}”后面的“#”及其后文字会被当作注释丢掉。"
                                "如果“#”是内容的一部分，请用英文双引号把整个值括起来；注释请单独写一行",
                            )
                        )
                    if value == "<<" and stack and stack[-1][1] is _KEY:
                        raise _Refused(
                            Problem(
                                rel,
                                line,
                                mark.column + 1,
                                "“<<”是 YAML 的合并写法（把别处的字段并进来），网站不使用这种写法。"
                                "请把需要的字段直接写在这里",
                            )
                        )
            elif cls is _MappingStartEvent or cls is _SequenceStartEvent:
                mark = event.start_mark
                if event.anchor is not None or event.tag is not None:
                    _refuse_property(event, stack, lines, rel, offset, problems, refusals)
                if len(stack) >= MAX_DEPTH:
                    raise _Refused(
                        Problem(
                            rel,
                            mark.line + 1 + offset,
                            mark.column + 1,
                            f"列表或映射在这里嵌套超过了 {MAX_DEPTH} 层，网站的内容用不到这么多层。"
                            "如果“[”或“{”是文字的一部分，请用英文双引号把整个值括起来；否则请检查缩进",
                        )
                    )
                container = YMap() if cls is _MappingStartEvent else YList()
                container.line = mark.line + 1 + offset
                container.col = mark.column + 1
                muted = bool(stack) and (stack[-1][2] or stack[-1][1] is _DROP)
                stack.append([container, _KEY if cls is _MappingStartEvent else _SEQ, muted])
                continue
            elif cls is _MappingEndEvent or cls is _SequenceEndEvent:
                value = stack.pop()[0]
            elif cls is _AliasEvent:
                # Every anchor stops the reading, so an alias never has one to refer to.
                raise yaml.composer.ComposerError(None, None, "found undefined alias", event.start_mark)
            elif cls is _DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise yaml.composer.ComposerError(
                        "expected a single document in the stream",
                        first_mark,
                        "but found another document",
                        event.start_mark,
                    )
                continue
            elif cls is _StreamEndEvent:
                return root
            else:
                continue

            # Attach the finished value to its parent.
            if not stack:
                root = value
                if first_mark is None:
                    first_mark = yaml.Mark(rel, 0, value.line - 1 - offset, value.col - 1, None, 0)
                continue
            frame = stack[-1]
            state = frame[1]
            if state is _SEQ:
                frame[0].append(value)
            elif state is _KEY:
                if not isinstance(value, YStr):
                    problems.append(Problem(rel, value.line, value.col, "字段名必须是文字，不能是列表或映射"))
                    frame[1] = _DROP
                elif value in frame[0]:
                    first = frame[0].key_at(value)
                    problems.append(
                        Problem(
                            rel,
                            value.line,
                            value.col,
                            f"字段“{value}”重复出现（第 {first.line} 行已经有了）。请删除多余的一个，只保留正确的值",
                        )
                    )
                    frame[1] = _DROP
                else:
                    frame[1] = value
            else:
                if state is not _DROP:
                    frame[0][state] = value
                frame[1] = _KEY
    finally:
        parser.dispose()


def _refuse_property(event, stack, lines, rel, offset, problems, refusals) -> None:
    """A tag (``!x``, ``!!str``) or an anchor (``&a``) in front of a value."""
    mark = event.start_mark
    line_text = lines[mark.line] if mark.line < len(lines) else ""
    token = line_text[mark.column :].split(None, 1)[0] if line_text[mark.column :].strip() else ""
    example = ""
    end = event.end_mark if type(event) is _ScalarEvent else None  # the parser marks every scalar
    if end is not None and end.line == mark.line and stack:
        key = stack[-1][1]
        typed = line_text[mark.column : end.column]
        if isinstance(key, YStr) and not line_text[end.column :].strip() and '"' not in typed and "\\" not in typed:
            example = f'，例如 {key}: "{typed}"'
    line, col = mark.line + 1 + offset, mark.column + 1
    if token.startswith("&") or event.tag is None:
        what = "锚点（anchor，供别处引用的标记）"
    else:
        what = "类型标记（tag）"
    problem = Problem(
        rel,
        line,
        col,
        f"值前面的“{token}”会被 YAML 当成{what}并从值里去掉，网站不使用这种写法。{_QUOTE_IT}{example}",
    )
    if event.anchor is not None:  # aliases may follow: stop here
        raise _Refused(problem)
    refusals.append(problem)
    problems.append(problem)
