"""Hypothesis strategies for the property suite: hostile content a careless or malicious
editor could commit — front matter values, YAML data files, Markdown with raw HTML, file
names, personal numbers in disguise, and images that carry EXIF/XMP/GPS and text chunks.

Every strategy returns plain data (text, bytes, small dataclasses) so that a failing
example prints as something one can paste into a fixture file.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import dataclass, field

from hypothesis import strategies as st

TODAY = dt.date(2026, 11, 27)  # the fixture's build day (conftest.TODAY)

# --- text ---------------------------------------------------------------------------

MARKUP = [
    "<img src=x onerror=alert(1)>",
    '"><script>alert(1)</script>',
    "'><svg onload=alert(1)>",
    "javascript:alert(1)",
    "</title><script>alert(1)</script>",
    '<a href="javascript:alert(1)">x</a>',
    "&lt;script&gt;",
    "&#60;script&#62;",
    "{{ config }}",
    "{% raw %}",
    "${7*7}",
]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u3000", "\u00a0"]
DIGITS = ["１２３", "٣٤٥", "۴۵۶", "४५६", "১২৩", "๑๒๓", "99999999999999999999999", "1e400", "NaN", "-0", "0x1F"]
YAML_SPECIALS = [
    "&a",
    "*a",
    "!tag",
    "!!str",
    "!!python/object/apply:os.system ['id']",
    "[",
    "]",
    "{",
    "}",
    "#",
    " #注释",
    ": ",
    "- ",
    "? ",
    "|",
    ">",
    "%YAML",
    "@",
    "`",
    "'",
    '"',
    "\\",
    "---",
    "...",
    "\t",
    "~",
    "null",
    "yes",
    "no",
    "0123",
    "9:30",
    "1.10",
    "<<",
]
CHINESE = [
    "植树节",
    "志愿服务",
    "文明单位",
    "学雷锋",
    "社区",
    "《通知》",
    "“引号”",
    "（括号）",
    "：",
    "——",
    "，",
    "。",
    "职工之家",
    "办公室",
    "测试中心",
]
HOSTILE = MARKUP + INVISIBLE + DIGITS + YAML_SPECIALS

# Placeholders and numbers the publication checks refuse on purpose; "valid" text avoids
# them so that a valid page is expected to build.
_REFUSED_ON_PURPOSE = ("XX", "xx", "××", "○○", "（在这里写")


def _pieces(extra: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(CHINESE),
        st.sampled_from(extra),
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=4),
    )


def hostile_text(max_pieces: int = 6) -> st.SearchStrategy[str]:
    """Any text, weighted towards markup, YAML specials, invisible and non-ASCII digits."""
    return st.lists(_pieces(HOSTILE), min_size=1, max_size=max_pieces).map("".join)


def valid_text(max_pieces: int = 6) -> st.SearchStrategy[str]:
    """Hostile text a page may legitimately hold (it is escaped, never refused): markup and
    YAML specials, but no C0/C1 control characters, placeholders or 11+ digit runs."""

    def ok(text: str) -> bool:
        if not text.strip():
            return False
        if any(p in text for p in _REFUSED_ON_PURPOSE):
            return False
        if any(unicodedata.category(c) == "Cc" and c not in "\t" for c in text):
            return False
        run = 0
        for c in unicodedata.normalize("NFKC", text):
            run = run + 1 if c.isdigit() else 0
            if run >= 7:
                return False
        return True

    return hostile_text(max_pieces).filter(ok)


def valid_title() -> st.SearchStrategy[str]:
    """A title the schema accepts: no < or >, at most 80 characters once whitespace is folded."""
    return (
        valid_text(5)
        .map(lambda t: t.replace("<", "《").replace(">", "》"))
        .filter(lambda t: 0 < len(" ".join(t.split())) <= 80 and "<" not in t)
    )


# --- YAML scalars -------------------------------------------------------------------


def _yaml_printable(c: str) -> bool:
    o = ord(c)
    return (
        c in "\t" or 0x20 <= o <= 0x7E or 0xA0 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or o >= 0x10000
    ) and c not in "\u2028\u2029\ufeff"


def double_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that always parses back to exactly ``text``."""
    out = []
    for c in text:
        if c in '"\\':
            out.append("\\" + c)
        elif c == "\t":
            out.append("\\t")
        elif not _yaml_printable(c):
            out.append(f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def scalar_styles(text: str) -> st.SearchStrategy[str]:
    """``text`` written as an editor might: plain, quoted in either way, or as a block."""
    styles = [st.just(double_quoted(text)), st.just(text)]
    if "\n" not in text:
        styles.append(st.just("'" + text.replace("'", "''") + "'"))
        styles.append(st.just("|-\n  " + text))
    return st.one_of(styles)


# --- dates and numbers --------------------------------------------------------------


def past_dates() -> st.SearchStrategy[dt.date]:
    return st.dates(dt.date(2024, 1, 1), TODAY)


def date_forms(day: dt.date) -> st.SearchStrategy[str]:
    """The spellings of one date the schema promises to accept."""
    return st.sampled_from(
        [
            day.isoformat(),
            f"{day.year}-{day.month}-{day.day}",
            f"{day.year}/{day.month}/{day.day}",
            f"{day.year}.{day.month}.{day.day}",
            f"{day.year}年{day.month}月{day.day}日",
            unicodedata.normalize("NFKC", day.isoformat()).translate(
                str.maketrans("0123456789-", "０１２３４５６７８９－")
            ),
        ]
    )


HOSTILE_NUMBERS = [
    "99999999999999999999999",
    "1e400",
    "NaN",
    "inf",
    "-0",
    "0x1F",
    "１２",
    "٣٤",
    "1_000",
    "1,2,3",
    "00",
    "+5",
    "５０人次",
    "0.0000001",
    "1" * 400,
]


# --- personal numbers ---------------------------------------------------------------

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


@dataclass(frozen=True)
class Planted:
    """A personal number, its ASCII digits, and the disguise it was written in."""

    kind: str  # "mobile" | "id18" | "id15"
    digits: str
    written: str
    disguise: str


@st.composite
def mobile_number(draw) -> str:
    return (
        "1"
        + draw(st.sampled_from("3456789"))
        + "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=9, max_size=9)))
    )


@st.composite
def id_number(draw) -> str:
    region = draw(st.sampled_from(["110101", "310104", "440305", "510107", "650102"]))
    born = draw(st.dates(dt.date(1950, 1, 1), dt.date(2005, 12, 31)))
    seq = f"{draw(st.integers(0, 999)):03d}"
    body = f"{region}{born:%Y%m%d}{seq}"
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, ID_WEIGHTS, strict=True)) % 11]
    return body + check


@st.composite
def old_id_number(draw) -> str:
    """A first-generation 15-digit resident ID (still on old documents): YYMMDD, no check digit."""
    region = draw(st.sampled_from(["110101", "310104", "440305"]))
    born = draw(st.dates(dt.date(1950, 1, 1), dt.date(1999, 12, 31)))
    return f"{region}{born:%y%m%d}{draw(st.integers(0, 999)):03d}"


FULLWIDTH = str.maketrans("0123456789Xx", "０１２３４５６７８９ＸＸ")


def _groups(digits: str, sizes) -> list[str]:
    out, i = [], 0
    for n in sizes:
        out.append(digits[i : i + n])
        i += n
    return out


DISGUISES = [
    "plain",
    "fullwidth",
    "dash",
    "space",
    "dot",
    "ideographic-space",
    "zero-width",
    "plus86",
    "nbsp",
    "fullwidth-dash",
]


@st.composite
def planted_number(draw, kinds=("mobile", "id18", "id15")) -> Planted:
    kind = draw(st.sampled_from(kinds))
    digits = draw({"mobile": mobile_number(), "id18": id_number(), "id15": old_id_number()}[kind])
    disguise = draw(st.sampled_from(DISGUISES if kind == "mobile" else ["plain", "fullwidth", "space", "zero-width"]))
    sizes = (3, 4, 4) if kind == "mobile" else (6, 8, 4) if kind == "id18" else (6, 6, 3)
    parts = _groups(digits, sizes)
    written = {
        "plain": digits,
        "fullwidth": digits.translate(FULLWIDTH),
        "dash": "-".join(parts),
        "space": " ".join(parts),
        "dot": ".".join(parts),
        "ideographic-space": "\u3000".join(parts),
        "zero-width": "\u200b".join(parts),
        "plus86": "+86 " + digits,
        "nbsp": "\u00a0".join(parts),
        "fullwidth-dash": "－".join(p.translate(FULLWIDTH) for p in parts),
    }[disguise]
    return Planted(kind, digits, written, disguise)


# --- Markdown bodies ----------------------------------------------------------------

RAW_HTML = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<iframe src="https://evil.example/"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<a href="javascript:alert(1)">点我</a>',
    '<a href="JaVaScRiPt:alert(1)">点我</a>',
    '<a href="java&#x09;script:alert(1)">点我</a>',
    '<a href=" javascript:alert(1)">点我</a>',
    "<img src=x onerror=alert(1)>",
    '<img src="x" ONERROR="alert(1)">',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">打开</a>',
    '<object data="data:text/html,<script>alert(1)</script>"></object>',
    '<embed src="javascript:alert(1)">',
    "<style>body{display:none}</style>",
    "<svg onload=alert(1)><circle r=5 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    '<details open ontoggle="alert(1)"><summary>x</summary>y</details>',
    '<form action="javascript:alert(1)"><button>提交</button></form>',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<div markdown="1" onclick="alert(1)">**粗体**</div>',
    "[链接](javascript:alert(1))",
    "[链接](<javascript:alert(1)>)",
    "![图](javascript:alert(1))",
    "[链接](data:text/html,<script>alert(1)</script>)",
    '段落文字 {onclick="alert(1)"}',
    '[链接](https://example.org){onmouseover="alert(1)"}',
    "# 标题 {onclick=alert(1)}",
    "<!-- <script>alert(1)</script> -->",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
]
HARMLESS_HTML = [  # markup that shows as text or as code: the scanner must stay quiet
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n```",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "这句话里写着 onclick=alert(1) 和 javascript:void(0) 两个词。",
]


def markdown_body(raw: bool = True) -> st.SearchStrategy[str]:
    paragraphs = [st.sampled_from(CHINESE).map(lambda w: w + "。"), valid_text(4), st.sampled_from(HARMLESS_HTML)]
    if raw:
        paragraphs.append(st.sampled_from(RAW_HTML))
    return st.lists(st.one_of(paragraphs), min_size=1, max_size=5).map("\n\n".join)


# --- file names ---------------------------------------------------------------------

NAME_STEMS = [
    "con",
    "CON",
    "aux",
    "nul",
    "prn",
    "com1",
    "lpt1",
    "?",
    "a*b",
    "a:b",
    "with space",
    " lead",
    "trail ",
    "中文 活动",
    "2024-03-05-植树",
    "a#b",
    "a%20b",
    "%",
    "..",
    "-",
    "index",
    "README",
    "<img src=x onerror=alert(1)>",
    'x"y',
    "x'y",
    "ａｂｃ",
    "\u200b",
    "e\u0301",
    "x&y",
    "x;y",
]
NAME_SUFFIXES = [".md", ".MD", ".Md", ".markdown", ".md.txt", ".md ", ".txt", ".mdown"]


@st.composite
def file_name(draw, suffixes=NAME_SUFFIXES) -> str:
    stem = draw(
        st.one_of(
            st.sampled_from(NAME_STEMS),
            mobile_number().map(lambda m: f"{m}-报名"),
            st.text(st.characters(codec="utf-8", exclude_characters="/\x00"), min_size=1, max_size=8),
        )
    )
    name = stem + draw(st.sampled_from(suffixes))
    if name in (".", "..") or "/" in name or len(name.encode()) > 200:
        name = "x.md"
    return name


# --- whole text files ---------------------------------------------------------------

ENCODINGS = ["utf-8", "utf-8-bom", "crlf", "cr", "gbk", "utf-16", "stray-byte", "nul"]


def encode(text: str, how: str) -> bytes:
    """``text`` saved the way Windows editors and old tools save files."""
    if how == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if how == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    if how == "cr":
        return text.replace("\n", "\r").encode("utf-8")
    if how == "gbk":
        return text.encode("gbk", errors="replace")
    if how == "utf-16":
        return text.encode("utf-16")
    if how == "stray-byte":
        data = text.encode("utf-8")
        return data[: len(data) // 2] + b"\xff\xfe\x80" + data[len(data) // 2 :]
    if how == "nul":
        return text.encode("utf-8") + b"\x00"
    return text.encode("utf-8")


@dataclass
class PageSpec:
    """One activity page: its file name, the values written, and the resulting text."""

    name: str
    text: str
    values: dict = field(default_factory=dict)  # field -> the Python value written (valid mode)
    photos: dict = field(default_factory=dict)  # file name beside the page -> image bytes


CATEGORIES = ["志愿服务", "volunteer", "文体活动", "culture-sports"]
DEPARTMENTS = ["办公室", "工会"]


@st.composite
def activity_page(draw, valid: bool = True, images: bool = False) -> PageSpec:
    """An activity page. ``valid``: every value well-formed (double-quoted hostile text),
    so the page should load; otherwise values are written in random styles and may be
    anything at all."""
    day = draw(past_dates())
    values: dict = {"date": day}
    lines = ["---"]

    def put(key: str, text: str, style=None):
        written = style if style is not None else (double_quoted(text) if valid else draw(scalar_styles(text)))
        lines.append(f"{key}: {written}")

    title = draw(valid_title() if valid else hostile_text(4))
    values["title"] = title
    put("title", title)
    lines.append(f"date: {draw(date_forms(day))}" if valid or draw(st.booleans()) else f"date: {draw(hostile_text(2))}")
    category = draw(st.sampled_from(CATEGORIES) if valid else st.one_of(st.sampled_from(CATEGORIES), hostile_text(2)))
    put("category", category)
    for key in ("location", "summary", "description"):
        if draw(st.booleans()):
            text = draw(valid_text() if valid else hostile_text())
            values[key] = text
            put(key, text)
    if draw(st.booleans()):
        values["department"] = draw(st.sampled_from(DEPARTMENTS))
        put("department", values["department"])
    if draw(st.booleans()):
        if valid:
            n = draw(st.integers(0, 100_000))
            values["participants"] = n
            lines.append(f"participants: {draw(st.sampled_from([str(n), f'{n}人', f'{n}人次', f'{n:,}']))}")
        else:
            lines.append(f"participants: {draw(st.one_of(st.sampled_from(HOSTILE_NUMBERS), hostile_text(2)))}")
    if not valid:
        for key in ("volunteer_hours", "amount"):
            if draw(st.booleans()):
                lines.append(f"{key}: {draw(st.sampled_from(HOSTILE_NUMBERS))}")
        if draw(st.booleans()):
            lines.append(f"{draw(st.sampled_from(['标题', 'Title', 'titel', 'onclick', '<b>']))}: x")
    photos: dict = {}
    if images and draw(st.booleans()):
        lines.append("photos:")
        for i in range(draw(st.integers(1, 2))):
            photo = draw(image_file())
            name = f"p{i}{photo.ext}"
            photos[name] = photo.data
            lines.append(f"  - src: {name}")
            lines.append(f"    caption: {double_quoted(draw(valid_text(3)))}")
    lines.append("---")
    lines.append("")
    lines.append(draw(markdown_body()))
    name = f"{day.isoformat()}-{draw(st.integers(0, 10**6))}.md"
    return PageSpec(name, "\n".join(lines) + "\n", values, photos)


# --- YAML data files ----------------------------------------------------------------

ALIAS_BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


@st.composite
def yaml_entry(draw, fields: dict[str, st.SearchStrategy[str]], valid: bool) -> str:
    """One ``- key: value`` list entry of a data file."""
    lines = []
    for i, (key, values) in enumerate(fields.items()):
        text = draw(values)
        written = double_quoted(text) if valid else draw(scalar_styles(text))
        if "\n" in written:
            written = written.replace("\n", "\n    ")
        lines.append(f"{'- ' if i == 0 else '  '}{key}: {written}")
    if not valid and draw(st.booleans()):
        lines.insert(
            draw(st.integers(0, len(lines))),
            draw(
                st.sampled_from(
                    [
                        "  <<: *a",
                        "  x: &a 1",
                        "  y: *a",
                        "  z: !!binary aGVsbG8=",
                        "  w: !tag v",
                        "\t- tab: x",
                        "\u3000- x: y",
                        "  [a, b]: c",
                        "  ? complex\n  : key",
                        "- " + "[" * 50 + "]" * 50,
                    ]
                )
            ),
        )
    return "\n".join(lines)


@st.composite
def activity_log(draw, valid: bool = True) -> str:
    """data/activities/<name>.yml with a few one-off activities."""
    entries = []
    for _ in range(draw(st.integers(1, 3))):
        day = draw(past_dates())
        entries.append(
            draw(
                yaml_entry(
                    {
                        "date": date_forms(day) if valid else st.one_of(date_forms(day), hostile_text(2)),
                        "title": valid_title() if valid else hostile_text(4),
                        "category": st.sampled_from(CATEGORIES) if valid else hostile_text(2),
                        "summary": valid_text() if valid else hostile_text(),
                        "location": valid_text() if valid else hostile_text(),
                    },
                    valid,
                )
            )
        )
    return "activities:\n" + "\n".join("  " + e.replace("\n", "\n  ") for e in entries) + "\n"


@st.composite
def honours_file(draw, valid: bool = True, photo: str | None = None) -> str:
    entries = []
    for i in range(draw(st.integers(1, 3))):
        fields = {
            "year": st.sampled_from(["2024", "2025", "2026"])
            if valid
            else st.one_of(st.sampled_from(HOSTILE_NUMBERS), hostile_text(2)),
            "title": valid_title() if valid else hostile_text(4),
            "level": st.sampled_from(["国家级", "省级", "市级", "县区级", "系统内"]) if valid else hostile_text(2),
            "awarded_by": valid_text(3) if valid else hostile_text(3),
            "note": valid_text() if valid else hostile_text(),
        }
        if photo and i == 0:
            fields["photo"] = st.just(photo)
        entries.append(draw(yaml_entry(fields, valid)))
    return "\n".join(entries) + "\n"


# --- images -------------------------------------------------------------------------

GPS_XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="30,15.125N" '
    b'exif:GPSLongitude="120,10.021E"/></rdf:RDF></x:xmpmeta>'
)
PLAIN_XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Zhang San" '
    b'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="Phone Camera"/></rdf:RDF></x:xmpmeta>'
)
SECRET_TEXT = "拍摄于张三家 13812345678"


@dataclass(frozen=True)
class ImageFile:
    ext: str
    data: bytes
    carries: tuple[str, ...]  # "exif-gps", "exif", "xmp-gps", "xmp", "text", "comment"


def _exif(gps: bool):
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F] = "Phone"
    exif[0x0110] = "Model X"
    exif[0x0132] = "2024:03:05 09:30:00"
    if gps:
        exif.get_ifd(0x8825).update({1: "N", 2: (30.0, 15.0, 7.5), 3: "E", 4: (120.0, 10.0, 1.25)})
    return exif


@st.composite
def image_file(draw, gps_exif: bool | None = False, gps_xmp: bool | None = None) -> ImageFile:
    """A small JPEG, PNG or WebP made with Pillow carrying a random set of metadata blocks.
    ``gps_exif``: False never writes EXIF GPS (a build would refuse it: the originals are
    checked), None lets Hypothesis choose; ``gps_xmp`` likewise for GPS in XMP."""
    from PIL import Image, PngImagePlugin

    kind = draw(st.sampled_from(["jpeg", "png", "webp"]))
    w, h = draw(st.integers(8, 96)), draw(st.integers(8, 96))
    colour = draw(st.tuples(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255)))
    mode = (
        draw(st.sampled_from(["RGB", "RGBA", "P", "L"]))
        if kind != "jpeg"
        else draw(st.sampled_from(["RGB", "L", "CMYK"]))
    )
    im = Image.new("RGB", (w, h), colour)
    im.paste((255 - colour[0], colour[1], 0), (0, 0, w // 2, h // 2))
    im = im.convert(mode)
    carries = []
    gps = draw(st.booleans()) if gps_exif is None else gps_exif
    params: dict = {}
    if draw(st.booleans()) or gps:
        params["exif"] = _exif(gps)
        carries.append("exif-gps" if gps else "exif")
    xmp = draw(st.sampled_from([None, PLAIN_XMP] + ([GPS_XMP] if gps_xmp is not False else [])))
    if gps_xmp:
        xmp = GPS_XMP
    if xmp:
        params["xmp"] = xmp
        carries.append("xmp-gps" if xmp is GPS_XMP else "xmp")
    if kind == "jpeg":
        if draw(st.booleans()):
            params["comment"] = SECRET_TEXT.encode("utf-8")
            carries.append("comment")
        params["quality"] = 80
    if kind == "png":
        xmp = params.pop("xmp", None)  # PNG keeps XMP in an iTXt chunk
        if xmp or draw(st.booleans()):
            info = PngImagePlugin.PngInfo()
            info.add_text("Comment", "secret at home")
            info.add_itxt("Description", SECRET_TEXT, zip=draw(st.booleans()))
            if xmp:
                info.add_itxt("XML:com.adobe.xmp", xmp.decode())
            params["pnginfo"] = info
            carries.append("text")
    buffer = io.BytesIO()
    im.save(buffer, {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}[kind], **params)
    ext = draw(st.sampled_from({"jpeg": [".jpg", ".jpeg", ".JPG"], "png": [".png", ".PNG"], "webp": [".webp"]}[kind]))
    return ImageFile(ext, buffer.getvalue(), tuple(carries))


SVG_HARMLESS = [
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="4" fill="red"/></svg>',
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>标志</title>'
    '<rect width="10" height="10"/></svg>',
]
SVG_HOSTILE = [
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
    '<a xlink:href="javascript:alert(1)"><text y="20">点我</text></a></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" '
    'src="javascript:alert(1)"></iframe></foreignObject></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="onmouseover" to="alert(1)"/>'
    '<animate onbegin="alert(1)" attributeName="x" dur="1s"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="30,15.1N"/></rdf:RDF></metadata>'
    '<circle r="5"/></svg>',
]
