"""MkDocs' log, told in Chinese: a table of MkDocs' English lines and what an editor reads
instead, and the logging handler that prints it.

The table covers what MkDocs 1.6 says in a build or a preview: progress lines (dropped or
translated), the warnings about the nav and links (translated, with the file named), the
configuration errors and the preview server's lines. A line it does not know is passed on
prefixed 提示 (错误 at error level); a line that is already Chinese (the site's own, from
whatever logger its hook or plugin uses) is printed as it is, without MkDocs' level column
or the ``wenming:`` prefix that MkDocs' plugin loggers put in front. Nothing here imports
MkDocs: the records are plain ``logging`` records.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
STAMP = re.compile(r"\[(\d\d:\d\d:\d\d)\] ")  # the preview server's lines start with the time
PLUGIN_LOGGERS = "mkdocs.plugins."  # get_plugin_logger("x.y") writes "x: " before each message


@dataclass(frozen=True)
class LogRule:
    """One English line of MkDocs (a regular expression matched in full) and its Chinese:
    a template filled with the named groups, or None to drop the line."""

    pattern: re.Pattern[str]
    chinese: str | None


def rule(pattern: str, chinese: str | None) -> LogRule:
    return LogRule(re.compile(pattern, re.DOTALL), chinese)


QUOTED = r"'(?P<{}>[^']*)'"
PAGE, LINK, TARGET = QUOTED.format("page"), QUOTED.format("link"), QUOTED.format("target")
SUGGESTION = r" Did you mean '(?P<suggestion>[^']*)'\?"

# Group names say what a value is, and so how it is shown (see FIELDS): ``page`` and
# ``target`` are paths inside docs_dir, ``pages`` and ``urls`` MkDocs' "\n  - " lists,
# ``paths`` a list of quoted paths. Rules are tried in order; the first that matches wins.
RULES: tuple[LogRule, ...] = (
    # Progress: the commands print their own beginning and end.
    rule(r"Building documentation\.\.\.", None),
    rule(r"Cleaning site directory", None),
    rule(r"Building documentation to directory: .*", None),
    rule(r"Documentation built in [\d.]+ seconds", None),
    rule(r"The directory contains stale files\. Use --clean to remove them\.", None),
    rule(r"Template skipped: '[^']*' generated empty output\.", None),
    rule(r"Reloading browsers", None),
    rule(r"Shutting down\.\.\.", None),
    rule(
        r"A 'dirty' build is being performed, .*",
        "这次只重新生成了改动过的页面，导航和链接可能不准确，只适合预览",
    ),
    # The nav in mkdocs.yml.
    rule(
        r"The following pages exist in the docs directory, but are not included in the \"nav\" configuration:"
        r"\n  - (?P<pages>.*)",
        "这些页面没有列入 mkdocs.yml 的 nav（栏目）：{pages}。要在栏目中出现，请在 nav 中加一行",
    ),
    rule(
        rf"A reference to {PAGE} is included in the 'nav' configuration, which is not found in the documentation files\.",
        "mkdocs.yml：nav（栏目）中列出的 {page} 不存在。请检查文件名（大小写也要一致），或删去 nav 中的这一行",
    ),
    rule(
        rf"A reference to {PAGE} is included in the 'nav' configuration, but this file is excluded from the built site\.",
        "mkdocs.yml：nav（栏目）中列出的 {page} 不会发布（它被排除在网站之外）。请删去 nav 中的这一行",
    ),
    rule(
        rf"An absolute path to {LINK} is included in the 'nav' configuration, which presumably points to an external resource\.",
        "mkdocs.yml：nav（栏目）中的“{link}”以“/”开头，会被当作站外网址。站内页面请写 docs 中的文件名，例如 timeline/index.md",
    ),
    # Links in pages.
    rule(
        rf"Doc file {PAGE} contains a link {LINK}, but the doc {TARGET} does not contain an anchor '#(?P<anchor>[^']*)'\.",
        "{page}：链接“{link}”指向 {target} 中的“#{anchor}”，但那一页没有这个位置（小标题）。请检查 # 后面的写法",
    ),
    rule(
        rf"Doc file {PAGE} contains a link {LINK}, but there is no such anchor on this page\. "
        r"This seems to be a footnote that is never referenced\.",
        "{page}：链接“{link}”指向一个脚注，但正文中没有引用这个脚注",
    ),
    rule(
        rf"Doc file {PAGE} contains a link {LINK}, but there is no such anchor on this page\.",
        "{page}：链接“{link}”指向本页的一个位置（小标题），但本页没有它。请检查 # 后面的写法",
    ),
    rule(
        rf"Doc file {PAGE} contains a link {LINK}, but the target(?: '[^']*')? is not found among documentation files\."
        rf"{SUGGESTION}",
        "{page}：链接“{link}”的目标不存在。是不是要写“{suggestion}”？",
    ),
    rule(
        rf"Doc file {PAGE} contains a link {LINK}, but the target(?: '[^']*')? is not found among documentation files\.",
        "{page}：链接“{link}”的目标不存在。请检查文件名和路径（路径相对于本文件所在的文件夹）",
    ),
    rule(
        rf"Doc file {PAGE} contains an unrecognized relative link {LINK}, it was left as is\.{SUGGESTION}",
        "{page}：链接“{link}”不是文件名，认不出它指向哪一页。是不是要写“{suggestion}”？",
    ),
    rule(
        rf"Doc file {PAGE} contains an unrecognized relative link {LINK}, it was left as is\.",
        "{page}：链接“{link}”不是文件名，认不出它指向哪一页。请写成指向 .md 文件的路径，例如 ../timeline/index.md",
    ),
    rule(
        rf"Doc file {PAGE} contains an absolute link {LINK}, it was left as is\.(?:{SUGGESTION})?",
        "{page}：链接“{link}”以“/”开头（从网站根目录算起），网站发布在子路径下时会失效。"
        "请写相对于本文件所在文件夹的路径",
    ),
    rule(
        rf"Doc file {PAGE} contains a link to {TARGET} which is excluded from the built site\.",
        "{page}：链接指向的 {target} 不会发布，访客点开会找不到页面",
    ),
    # Pages and files.
    rule(rf"Error reading page {PAGE}:", "{page}：读取这一页时出错（原因见下一行）"),
    rule(rf"Error reading page {PAGE}: (?P<detail>.+)", "{page}：读取这一页时出错：{detail}"),
    rule(rf"Error building page {PAGE}:", "{page}：生成这一页时出错（原因见下一行）"),
    rule(rf"Error building page {PAGE}: (?P<detail>.+)", "{page}：生成这一页时出错：{detail}"),
    rule(rf"Page skipped: {PAGE}\. Generated empty output\.", "{page}：生成的页面是空的，没有发布"),
    rule(
        rf"Excluding {PAGE} from the site because it conflicts with {TARGET}\.",
        "{page} 没有发布：它和 {target} 会生成同一个网址（同一文件夹里的 README.md 和 index.md 只能留一个）",
    ),
    rule(r"File not found: (?P<page>.+)", "{page}：找不到这个文件"),
    rule(
        r"Encoding error reading file: (?P<page>.+)",
        "{page}：不是 UTF-8 编码，读不出来。请用记事本或 VS Code“另存为”UTF-8 编码，或运行 wenming fix",
    ),
    rule(
        r"Template skipped: '(?P<name>[^']*)' not found in theme directories\.",
        "主题中没有模板“{name}”，跳过了它。请检查 mkdocs.yml 的 theme 设置",
    ),
    rule(
        r"Template skipped: '(?P<name>[^']*)' not found in docs_dir\.",
        "mkdocs.yml 的 extra_templates 中的“{name}”不存在，跳过了它",
    ),
    rule(r"Error reading template '(?P<name>[^']*)': (?P<detail>.*)", "读取模板“{name}”时出错：{detail}"),
    rule(
        r"The following pages are being built only for the preview but will be excluded from `mkdocs build` "
        r"per `draft_docs` config:\n  - (?P<urls>.*)",
        "这些页面只在预览中出现，正式生成的网站不包含它们：{urls}",
    ),
    # mkdocs.yml.
    rule(
        r"Config value 'plugins': The \"(?P<plugin>[^\"]+)\" plugin is not installed",
        "mkdocs.yml：没有安装 plugins 中的插件“{plugin}”。请在网站文件夹运行 pip install -r requirements.txt，"
        "或从 plugins 中删去它",
    ),
    rule(
        r"Config value 'hooks': The path '(?P<path>[^']+)' isn't an existing file\.",
        "mkdocs.yml：hooks 中的文件“{path}”不存在。请检查路径",
    ),
    rule(
        r"Config value '(?P<name>[^']+)': Unrecognised configuration name: .*",
        "mkdocs.yml：不认识“{name}”这个设置项。请检查拼写；不用的话删去这一行",
    ),
    rule(r"Config value '(?P<name>[^']+)': (?P<detail>.*)", "mkdocs.yml：“{name}”的设置有误：{detail}"),
    rule(
        r"MkDocs encountered an error parsing the configuration file: .*?line (?P<line>\d+), column (?P<column>\d+).*",
        "mkdocs.yml:{line}:{column}: 这里附近的写法不对，读不出来。常见原因：全角冒号“：”、"
        "用 Tab 或全角空格缩进、括号或引号不成对",
    ),
    rule(r"Config file '(?P<path>[^']+)' does not exist\.", "找不到 {path}"),
    # The preview server.
    rule(
        r"Watching paths for changes: (?P<paths>.*)",
        "正在留意这些文件的修改：{paths}（修改并保存后，预览会自动更新）",
    ),
    rule(
        r"Serving on (?P<url>\S+) and opening it in a browser",
        "正在预览：{url}（已在浏览器中打开；按 Ctrl+C 结束预览）",
    ),
    rule(r"Serving on (?P<url>\S+)", "正在预览：{url}（用浏览器打开这个地址；按 Ctrl+C 结束预览）"),
    rule(r"Detected file changes", "发现文件有修改，正在重新生成预览……"),
    rule(r"Browser connected: (?P<url>\S+)", "浏览器打开了 {url}"),
    rule(
        r"An error happened during the rebuild\. The server will appear stuck until build errors are resolved\.",
        "修改好并保存后，预览会自动重新生成；在那之前浏览器中还是上一次的页面",
    ),
)


def _in_docs(docs: str) -> Callable[[str], str]:
    return lambda path: f"{docs}/{path.replace(chr(92), '/')}" if docs else path


FIELDS: dict[str, Callable[[str], Callable[[str], str]]] = {
    "page": _in_docs,
    "target": _in_docs,
    "pages": lambda docs: lambda text: "、".join(map(_in_docs(docs), text.split("\n  - "))),
    "urls": lambda docs: lambda text: "、".join(text.split("\n  - ")),
    "paths": lambda docs: lambda text: "、".join(p.strip("'") for p in text.split(", ")),
}


def tell(message: str, level: int = logging.INFO, docs: str = "docs") -> str | None:
    """What an editor reads for one line of MkDocs' log (None: nothing). ``docs`` is the
    docs_dir as the editor knows it, put in front of MkDocs' page paths."""
    stamp = STAMP.match(message)
    text = message[stamp.end() :] if stamp else message
    prefix = f"[{stamp.group(1)}] " if stamp else ""
    for r in RULES:
        m = r.pattern.fullmatch(text)
        if m:
            if r.chinese is None:
                return None
            fields = {k: FIELDS[k](docs)(v) if k in FIELDS else v for k, v in m.groupdict().items() if v is not None}
            return prefix + r.chinese.format(**fields)
    if CJK.search(text):
        return prefix + text
    return prefix + ("错误 " if level >= logging.ERROR else "提示 ") + text


def unprefixed(record: logging.LogRecord) -> str:
    """The message without the "name: " that MkDocs' plugin loggers put in front of it."""
    message = record.getMessage()
    if record.name.startswith(PLUGIN_LOGGERS):
        prefix = record.name[len(PLUGIN_LOGGERS) :].split(".", 1)[0] + ": "
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message


class ChineseLog(logging.Handler):
    """Prints MkDocs' log in Chinese through ``echo`` and counts the problems (warnings and
    errors) of the build in progress.

    MkDocs logs the message of the error that stopped a build (a plugin's "内容共有 N 处问题，
    网站没有生成" or MkDocs' own) just before it aborts; that line is held back and
    ``stopped()`` decides: when the problems it sums up were printed above, the command's
    own last line replaces it; otherwise it is printed as one more problem."""

    def __init__(self, echo: Callable[[str], None], docs: str = "docs"):
        super().__init__(logging.INFO)
        self.echo = echo
        self.docs = docs
        self.problems = 0
        self.reason: str | None = None

    def restart(self) -> None:
        """A new build begins (the preview rebuilds in the same process)."""
        self.problems = 0
        self.reason = None

    def emit(self, record: logging.LogRecord) -> None:
        message = unprefixed(record)
        if record.levelno >= logging.ERROR and record.name == "mkdocs.commands.build" and record.funcName == "build":
            self.reason = message
            return
        self.say(message, record.levelno)

    def say(self, message: str, level: int) -> None:
        line = tell(message, level, self.docs)
        if line is None:
            return
        if level >= logging.WARNING:
            self.problems += 1
        self.echo(line)

    def stopped(self, message: str | None = None) -> int:
        """The build stopped (``message``: what stopped it, if MkDocs did not log it).
        Returns the number of problems printed for it, at least one."""
        reason, self.reason = self.reason or message, None
        if reason and not (self.problems and CJK.search(reason)):
            self.say(reason, logging.ERROR)
        return max(self.problems, 1)
