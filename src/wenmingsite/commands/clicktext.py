"""click, speaking Chinese: its own messages, its help layout and its yes/no question.

click marks its messages for translation with the classic GNU gettext calls
(``from gettext import gettext as _`` in each of its modules). That API reads a process-wide
domain and picks the language from LANGUAGE/LC_ALL/LANG, which an office PC with Windows
does not set, and it needs a compiled .mo file. So the translation is a catalog here,
keyed by click's own message ids, and ``install()`` binds the ``_`` and ``ngettext`` names
of click's modules to it. A few words click never passes through gettext are fixed in
the same place: the names of its parameter types (shown as metavars and in "is not a valid
integer"), ``[OPTIONS]`` / ``COMMAND [ARGS]...`` and ``confirm``'s ``[y/N]``.

click fixes some words when a command is declared (``Path`` names itself "directory"), so
importing this module installs the translation, before any command of ``wenming`` exists.
``tests/test_clicktext.py`` checks the catalog against every message in click's source.
"""

from __future__ import annotations

import gettext
import importlib
import re
import sys
from pathlib import Path
from typing import Any

import click
from click import types

# click's message ids (as written in its source) and their Chinese. ``{value!r}`` in an id
# becomes “{value}”: Chinese quotes instead of Python's repr quotes.
CATALOG: dict[str, str] = {
    # core.py
    "Aborted!": "已取消。",
    "deprecated": "已停用",
    "Missing command.": "缺少子命令。",
    "Options": "选项",
    "Positional arguments": "参数",
    "Commands": "子命令",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": "提示：子命令“{name}”已停用。{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": "提示：“{name}”已停用。{extra_message}",
    "Value must be an iterable.": "这里要写一组值。",
    "Could not determine name for option with declarations {decls!r}": "无法确定选项的名称：{decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
    "Did you mean to pass '--{name}'?": "没有定义选项，却给了名称（{name}）。是要定义参数，还是要写“--{name}”？",
    "Name '{name}' defined twice": "名称“{name}”定义了两次",
    "Boolean option {decl!r} cannot use the same flag for true/false.": "开关选项 {decl!r} 的开和关不能用同一个写法。",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.": "参数只能有一个名称，这里有 {length} 个：{decls}。",
    "env var: {var}": "环境变量：{var}",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "(dynamic)": "（运行时决定）",
    # decorators.py
    "Do you want to continue?": "要继续吗？",
    "Confirm the action without prompting.": "不询问，直接执行",
    "%(prog)s, version %(version)s": "%(prog)s 版本 %(version)s",
    "Show the version and exit.": "显示版本并退出",
    "Show this message and exit.": "显示帮助并退出",
    # exceptions.py
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看帮助。",
    "Invalid value: {message}": "值有误：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint}的值有误：{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "No such option {name!r}.": "没有“{name}”这个选项。",
    "No such command {name!r}.": "没有“{name}”这个子命令。",
    "unknown error": "未知错误",
    "Could not open file {filename!r}: {message}": "打不开文件“{filename}”：{message}",
    # formatting.py
    "Usage:": "用法：",
    # parser.py
    "Invalid start character for option ({option})": "选项的开头字符不对（{option}）",
    "Argument {name!r} takes {nargs} values.": "参数“{name}”要写 {nargs} 个值。",
    "Option {name!r} does not take a value.": "选项“{name}”后面不能带值。",
    # termui.py
    "Repeat for confirmation": "请再输入一遍",
    "Error: The two entered values do not match.": "错误：两次输入的不一样。",
    "Error: invalid input": "错误：请回答“是”或“否”。",
    "Unknown color {colour!r}": "未知的颜色 {colour!r}",
    "Press any key to continue...": "按任意键继续……",
    # types.py
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "Choice({choices})": "可选值（{choices}）",
    "{value} is not in the range {range}.": "{value} 不在 {range} 的范围内。",
    "{value!r} is not a valid {number_type}.": "“{value}”不是{number_type}。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "“{value}”不是“是”或“否”。可以写：{states}",
    "{value!r} is not a valid UUID.": "“{value}”不是有效的 UUID。",
    "{name} {filename!r} does not exist.": "{name}“{filename}”不存在。",
    "{name} {filename!r} is a file.": "“{filename}”是一个文件，这里要的是{name}。",
    "{name} {filename!r} is a directory.": "“{filename}”是一个文件夹，这里要的是{name}。",
    "{name} {filename!r} is not readable.": "{name}“{filename}”没有读取权限。",
    "{name} {filename!r} is not writable.": "{name}“{filename}”没有写入权限。",
    "{name} {filename!r} is not executable.": "{name}“{filename}”不能执行。",
    # utils.py, shell_completion.py, _termui_impl.py, _winconsole.py
    "Unknown standard stream '{name}'": "未知的标准流“{name}”",
    "Couldn't detect Bash version, shell completion is not supported.": "无法判断 Bash 的版本，不支持命令补全。",
    "Shell completion is not supported for Bash versions older than 4.4.": "Bash 4.4 以前的版本不支持命令补全。",
    "d": "天",
    "{editor}: Editing failed": "{editor}：编辑失败",
    "{editor}: Editing failed: {e}": "{editor}：编辑失败：{e}",
    "Windows error: {error}": "Windows 错误：{error}",
}

# click's ngettext ids (singular, plural) and their Chinese for one and for several.
PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "多出了参数“{args}”。参数里有空格时，请用英文引号把整个参数括起来",
    )
    * 2,
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "要写 {nargs} 个值，实际写了 1 个。",
        "要写 {nargs} 个值，实际写了 {len} 个。",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "是不是要写{possibility}？",
        "（是不是要写其中之一：{possibilities}？）",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "选项“{name}”后面要写一个值。",
        "选项“{name}”后面要写 {nargs} 个值。",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "“{value}”不是可选的值。只能写 {choice}。",
        "“{value}”不是可选的值。可选：{choices}。",
    ),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."): (
        "“{value}”不符合格式 {format}。",
        "“{value}”不符合以下任何一种格式：{formats}。",
    ),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): ("要写 {len_type} 个值，实际写了 {len_value} 个。",) * 2,
}

# What click calls its parameter types (metavars, "is not a valid integer"). Not gettext'd.
TYPE_NAMES: dict[type, str] = {
    types.StringParamType: "文字",
    types.UnprocessedParamType: "文字",
    types.IntParamType: "整数",
    types.IntRange: "整数",
    types.FloatParamType: "数字",
    types.FloatRange: "数字",
    types.BoolParamType: "是或否",
    types.UUIDParameterType: "UUID",
    types.DateTime: "日期时间",
    types.File: "文件",
}

# click's modules that call gettext (the last ones click imports only when it needs them).
CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "click.utils",
    "click.shell_completion",
    "click._termui_impl",
    *(("click._winconsole",) if sys.platform == "win32" else ()),
)

YES = ("是", "y", "yes")
NO = ("否", "n", "no")


class ChineseTranslation(gettext.NullTranslations):
    """The catalog as a gettext translation; an id it lacks stays as click wrote it."""

    def gettext(self, message: str) -> str:
        return CATALOG.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        forms = PLURALS.get((msgid1, msgid2))
        if forms is None:
            return msgid1 if n == 1 else msgid2
        return forms[0] if n == 1 else forms[1]


TRANSLATION = ChineseTranslation()


def confirm(
    text: str,
    default: bool | None = False,
    abort: bool = False,
    prompt_suffix: str = ": ",
    show_default: bool = True,
    err: bool = False,
) -> bool:
    """``click.confirm`` in Chinese: answered with 是 or 否 (y/n still work), the default
    said in words instead of an upper-case letter."""

    def answer(value: str) -> bool:
        value = value.strip().lower()
        if value in YES:
            return True
        if value in NO:
            return False
        raise click.BadParameter("请回答“是”或“否”")

    hint = "是/否"
    if default is not None and show_default:
        hint += f"，直接回车即为“{'是' if default else '否'}”"
    result = click.prompt(
        f"{text}（{hint}）",
        default=None if default is None else ("是" if default else "否"),
        show_default=False,
        value_proc=answer,
        prompt_suffix="：" if prompt_suffix == ": " else prompt_suffix,
        err=err,
    )
    if abort and not result:
        raise click.Abort()
    return result


def prompt(text: str, *args, prompt_suffix: str = ": ", **kwargs):
    """``click.prompt`` ending its question with a full-width colon, as Chinese text does."""
    return _click_prompt(text, *args, prompt_suffix="：" if prompt_suffix == ": " else prompt_suffix, **kwargs)


_click_prompt: Any = click.termui.prompt


def quoted(names) -> str:
    """Names of options, arguments or choices in Chinese quotes (click writes Python's repr
    quotes: '--jobs'), as every other message of the tool quotes what was typed."""
    return " / ".join(f"“{n}”" for n in names)


def _parameter_hint(self, ctx=None) -> str:
    return quoted(self.opts or [self.human_readable_name])


def _argument_hint(self, ctx=None) -> str:
    return quoted([self.make_metavar(ctx) if ctx is not None else self.human_readable_name])


def _join_param_hints(param_hint):
    return param_hint if param_hint is None or isinstance(param_hint, str) else quoted(param_hint)


def _format_possibilities(possibilities) -> str:
    return TRANSLATION.ngettext(
        "Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", len(possibilities)
    ).format(
        possibility=quoted(sorted(possibilities)), possibilities="、".join(f"“{p}”" for p in sorted(possibilities))
    )


def _invalid_choice(self, value, ctx) -> str:
    choices = "、".join(str(c) for c in self._normalized_mapping(ctx=ctx).values())
    return TRANSLATION.ngettext(
        "{value!r} is not {choice}.", "{value!r} is not one of {choices}.", len(self.choices)
    ).format(value=value, choice=choices, choices=choices)


def _no_space_after_full_stop(format_message):
    """click joins a message and its suggestion with a space ("没有……。 是不是要写……")
    and ends “缺少参数 “文件”” with an ASCII full stop: Chinese text needs neither."""

    def wrapped(self) -> str:
        text = format_message(self).replace("。 ", "。")
        return re.sub(r"^(缺少(?:参数|选项)) (“.*?”)\.", r"\1\2。", text)

    wrapped.__wrapped__ = format_message  # type: ignore[attr-defined]
    return wrapped


def install() -> None:
    """Make click speak Chinese in this process (idempotent)."""
    from click import core, exceptions

    core.Parameter.get_error_hint = _parameter_hint  # type: ignore[method-assign]
    core.Argument.get_error_hint = _argument_hint  # type: ignore[method-assign]
    exceptions._join_param_hints = _join_param_hints
    exceptions._format_possibilities = _format_possibilities
    types.Choice.get_invalid_choice_message = _invalid_choice  # type: ignore[method-assign]
    for error in (exceptions.NoSuchOption, exceptions.NoSuchCommand, exceptions.MissingParameter):
        if not hasattr(error.format_message, "__wrapped__"):
            error.format_message = _no_space_after_full_stop(error.format_message)  # type: ignore[method-assign]
    core.prompt = prompt  # options declared with prompt=True ask through it
    click.prompt = prompt
    for name in CLICK_MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = TRANSLATION.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = TRANSLATION.ngettext  # type: ignore[attr-defined]
        if hasattr(module, "confirm"):  # click.core asks boolean prompts with it
            module.confirm = confirm  # type: ignore[attr-defined]
    click.confirm = confirm
    for cls, word in TYPE_NAMES.items():
        cls.name = word  # type: ignore[attr-defined]


install()


# --- help layout and commands ----------------------------------------------------------

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


# Characters a terminal shows two columns wide: CJK, Hangul, full-width forms.
WIDE_CHARS = r"\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
WIDE = re.compile(f"[{WIDE_CHARS}]")
TOKEN = re.compile(rf"[{WIDE_CHARS}]|[^\s{WIDE_CHARS}]+|\s+")  # one wide character, a word or a space
NO_LINE_START = set("，。、；：？！）》」』”’…])")
NO_LINE_END = set("（《「『“‘[(")


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for a Chinese character (click counts one)."""
    return len(text) + len(WIDE.findall(text))


def wrap(text: str, limit: int) -> list[str]:
    """``text`` in lines of at most ``limit`` columns, broken between Chinese characters as
    well as at spaces (click's wrapper breaks at spaces only, so Chinese never wraps); a
    line never starts with closing punctuation nor ends with opening punctuation (the
    character before or after moves along to the next line)."""
    lines: list[str] = []
    line: list[str] = []
    for token in TOKEN.findall(" ".join(text.split())):
        if token.isspace():
            line += [" "] if line else []
        elif not line or width("".join(line)) + width(token) <= limit:
            line.append(token)
        else:
            carried = [token]
            while len(line) > 1 and (carried[0] in NO_LINE_START or carried[0] == " " or line[-1] in NO_LINE_END):
                carried.insert(0, line.pop())
            lines.append("".join(line).rstrip())
            line = carried[1:] if carried[0] == " " else carried
    return [*lines, "".join(line).rstrip()] if line else lines


class ChineseFormatter(click.HelpFormatter):
    """Full-width colons after "用法" and the headings; columns and lines measured in
    terminal columns, so that Chinese text lines up and wraps."""

    def write_usage(self, prog, args="", prefix=None):
        super().write_usage(prog, args, prefix=CATALOG["Usage:"])

    def write_heading(self, heading):
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_text(self, text):
        indent = " " * self.current_indent
        for n, paragraph in enumerate(p for p in text.split("\n\n") if p.strip()):
            if n:
                self.write("\n")
            for line in wrap(paragraph, max(self.width - self.current_indent, 20)):
                self.write(f"{indent}{line}\n")

    def write_dl(self, rows, col_max=30, col_spacing=2):
        rows = list(rows)
        first = min(max((width(term) for term, _ in rows), default=0), col_max)
        column = self.current_indent + first + col_spacing
        for term, text in rows:
            self.write(f"{'':>{self.current_indent}}{term}")
            if width(term) <= first:
                self.write(" " * (first - width(term) + col_spacing))
            elif text:
                self.write(f"\n{'':>{column}}")
            lines = wrap(text, max(self.width - column, 10)) if text else []
            self.write("\n".join([lines[0], *(f"{'':>{column}}{line}" for line in lines[1:])]) if lines else "")
            self.write("\n")


class ChineseContext(click.Context):
    formatter_class = ChineseFormatter


def _metavar(param: click.Parameter) -> str:
    """An argument's placeholder in the usage line: what kind of value, in Chinese (click
    would print the parameter's English name in capitals)."""
    word = param.type.name if isinstance(param.type, types.Path) else TYPE_NAMES.get(type(param.type), "值")
    word = f"{word}..." if param.nargs != 1 else word
    return word if param.required else f"[{word}]"


class ChineseCommand(click.Command):
    context_class = ChineseContext

    def get_short_help_str(self, limit: int = 45) -> str:
        """The help up to its first "：" or "。" (click shortens at spaces, which Chinese has
        few of)."""
        if self.short_help or not self.help:
            return super().get_short_help_str(limit)
        return re.split(r"[：。]", self.help, maxsplit=1)[0]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[选项]")
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, click.Argument) and param.metavar is None and not isinstance(param.type, types.Choice):
                param.metavar = _metavar(param)


class ChineseGroup(click.Group):
    context_class = ChineseContext
    command_class = ChineseCommand

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[选项]")
        kwargs.setdefault("subcommand_metavar", "子命令 [参数]...")
        super().__init__(*args, **kwargs)


def root_option(f):
    return click.option(
        "--root",
        type=click.Path(file_okay=False, path_type=Path),
        default=".",
        show_default=True,
        help="网站文件夹（mkdocs.yml 所在的文件夹）",
    )(f)


def help_option(f):
    return click.help_option("-h", "--help", help="显示帮助并退出")(f)
