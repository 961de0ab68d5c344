"""A strict YAML reader for editors' files.

PyYAML's usual loaders apply YAML 1.1 typing (``9:30`` becomes 570, ``0123`` becomes 83,
``no`` becomes False) and MkDocs swallows every front matter error. Here every scalar
stays the exact string the editor typed; the schema converts it per field. Values carry
their position so that later messages can name the line and column.

We compose with the C parser when it is available (several times faster) and walk the
node tree ourselves, which also gives us duplicate-key detection.
"""

from __future__ import annotations

import functools
import re

import yaml

try:  # libyaml-backed; pure-Python fallback keeps the same behaviour, only slower.
    _Loader = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.BaseLoader

from . import memo
from .problems import Problem


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
    ("mapping values are not allowed",
     "这里出现了多余的“: ”（冒号加空格）。如果值本身含有冒号，请用英文双引号把整个值括起来，例如 title: \"主题：学习\""),
    ("could not find expected ':'",
     "找不到字段名后面的“: ”。请检查上一行或本行：字段名后要用半角冒号加一个空格，多行的值要比字段名多缩进"),
    ("found character '\\t' that cannot start any token",
     "这里有 Tab 字符。YAML 只能用半角空格缩进，请把 Tab 换成空格"),
    ("found a tab character",
     "这里有 Tab 字符。YAML 只能用半角空格缩进，请把 Tab 换成空格"),
    ("did not find expected key",
     "这一行的缩进与上面的字段不一致，或者以“[”“{”“-”开头的值没有加引号。同一层的字段请对齐；如果值以这些符号开头，请用英文双引号括起来"),
    ("did not find expected ',' or ']'",
     "以“[”开头的值被当成了列表，但没有正确结束。如果方括号是文字的一部分，请用英文双引号把整个值括起来"),
    ("did not find expected ',' or '}'",
     "以“{”开头的值被当成了映射，但没有正确结束。如果花括号是文字的一部分，请用英文双引号把整个值括起来"),
    ("did not find expected '-' indicator",
     "列表项的缩进不一致。同一列表的每一项“- ”要上下对齐"),
    ("found undefined alias",
     "以“*”开头的值被当成了引用。如果“*”是文字的一部分，请用英文双引号把整个值括起来"),
    ("found character that cannot start any token",
     "这一行以 YAML 的保留符号（如 @ ` % |）开头。请用英文双引号把整个值括起来"),
    ("found unexpected end of stream",
     "引号没有配对：一个值以引号开头，但直到文件结尾也没有找到结束的引号"),
    ("found unknown escape character",
     "双引号里的反斜杠“\\”被当成了转义符。请把值改用单引号括起来，或把“\\”写成“\\\\”"),
    ("expected <block end>, but found",
     "这一行的缩进与上面不一致，或者一个以引号开头的值在引号结束后还有文字。同一层的字段请对齐；含引号的文字请整体用另一种引号括起来"),
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


_FLOW_START = re.compile(r"^\s*(?:-\s+)?[^\s:#][^:]*:\s+([\[{])")


def _explain_syntax(line_text: str, exc: yaml.MarkedYAMLError) -> str:
    problem = f"{exc.problem or ''} {exc.context or ''}"
    flow = _FLOW_START.match(line_text)
    if flow and ("did not find expected" in problem or "expected <block end>" in problem):
        return (f"YAML 格式错误：值以“{flow.group(1)}”开头，会被当成列表或映射。"
                f"如果它是文字的一部分，请用英文双引号把整个值括起来，例如 title: \"[通知]学习\"")
    for needle, explanation in _YAML_PROBLEMS:
        if needle in problem:
            return f"YAML 格式错误：{explanation}"
    return f"YAML 格式错误（{(exc.problem or exc.context or '').strip()}）。请检查缩进、冒号和引号"


def load_yaml(
    text: str, rel: str, line_offset: int = 0
) -> tuple[YMap | YList | YStr | None, list[Problem]]:
    """Parse ``text`` into YMap/YList/YStr; never raises for bad content.

    ``line_offset`` is added to reported lines (front matter starts below line 1).
    Returns ``(value, problems)``; ``value`` is None when the text could not be parsed.
    The value is shared by calls with the same text (`mkdocs serve` parses only the
    files that changed): treat it as read-only.
    """
    parse = _load_yaml if memo.keeping() else _load_yaml.__wrapped__
    value, problems = parse(text, rel, line_offset)
    return value, list(problems)


@functools.lru_cache(maxsize=50_000)
def _load_yaml(text: str, rel: str, line_offset: int) -> tuple[YMap | YList | YStr | None, list[Problem]]:
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
            problems.append(Problem(
                rel, i + 1 + line_offset, m.end(),
                f"“{key}”后面是全角冒号“：”。字段名后面要用半角冒号加一个空格，例如 {key}: 值",
            ))
            continue
        m = _NOSPACE_KEY.match(line)
        if m and not line.strip().startswith(("http:", "https:")):
            problems.append(Problem(
                rel, i + 1 + line_offset, m.end(),
                f"“{m.group(1)}:”后面缺少空格。请在冒号后加一个半角空格，例如 {m.group(1)}: 值",
            ))
    if problems:
        return None, problems

    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line_no = mark.line if mark else 0
        col_no = mark.column if mark else 0
        line_text = lines[line_no] if line_no < len(lines) else ""
        problems.append(Problem(rel, line_no + 1 + line_offset, col_no + 1, _explain_syntax(line_text, exc)))
        return None, problems
    except yaml.YAMLError as exc:  # e.g. a control character the reader refuses
        problems.append(Problem(rel, None, None, f"YAML 无法读取（{exc}）。请检查文件中是否有特殊的不可见字符"))
        return None, problems
    if node is None:
        return None, problems
    return _convert(node, lines, rel, line_offset, problems), problems


def _convert(node, lines, rel, offset, problems):
    line = node.start_mark.line + 1 + offset
    col = node.start_mark.column + 1
    if isinstance(node, yaml.ScalarNode):
        if not node.style:  # plain scalar (None from PyYAML, '' from libyaml)
            end = node.end_mark
            rest = lines[end.line][end.column:] if end.line < len(lines) else ""
            # "# note" is a comment by convention; "#话题" glued to the text is content the
            # editor meant to keep, which YAML would silently cut off.
            if re.match(r"\s+#[^\s#]", rest):
                problems.append(Problem(
                    rel, end.line + 1 + offset, end.column + 1 + len(rest) - len(rest.lstrip()),
                    f"值“{node.value}”后面的“#”及其后文字会被当作注释丢掉。"
                    "如果“#”是内容的一部分，请用英文双引号把整个值括起来；注释请单独写一行",
                ))
        return YStr(node.value, line, col)
    if isinstance(node, yaml.SequenceNode):
        out = YList(_convert(item, lines, rel, offset, problems) for item in node.value)
        out.line, out.col = line, col
        return out
    out = YMap()
    out.line, out.col = line, col
    for key_node, value_node in node.value:
        key = _convert(key_node, lines, rel, offset, problems)
        if not isinstance(key, YStr):
            problems.append(Problem(rel, key.line, key.col, "字段名必须是文字，不能是列表或映射"))
            continue
        if key in out:
            first = out.key_at(key)
            problems.append(Problem(
                rel, key.line, key.col,
                f"字段“{key}”重复出现（第 {first.line} 行已经有了）。请删除多余的一个，只保留正确的值",
            ))
            continue
        out[key] = _convert(value_node, lines, rel, offset, problems)
    return out
