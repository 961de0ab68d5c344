"""SVG made safe to publish: rebuilt from an allowlist, never passed through.

An SVG is a document that can run script (``<script>``, ``onload=``), embed HTML
(``<foreignObject>``), fetch from other sites (``href``, ``url(...)``, ``@import``) and,
through a DOCTYPE, expand entities until the parser runs out of memory. A logo opened
from the site's own origin runs in that origin. So the file is parsed by expat with
DOCTYPE refused outright, and a new document is written from the elements and
attributes known to draw something; everything else is left out and named, in Chinese,
for the editor.
"""

from __future__ import annotations

import re
from collections import Counter
from xml.parsers import expat

from wenmingsite.loading.patterns import lazy

# Bump when what sanitise keeps changes: cached clean copies are then made again.
SVG_VERSION = 1
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
MAX_SVG_BYTES = 5 << 20
MAX_ELEMENTS = 200_000
MAX_DEPTH = 200


class UnsafeSvg(ValueError):
    """An SVG that cannot be made safe; the message is for editors (Chinese)."""


ELEMENTS = frozenset(
    """
svg g defs symbol use title desc switch
path rect circle ellipse line polyline polygon
text tspan textPath
linearGradient radialGradient stop pattern clipPath mask marker style
filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix
feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB
feFuncG feFuncR feGaussianBlur feMerge feMergeNode feMorphology feOffset fePointLight
feSpecularLighting feSpotLight feTile feTurbulence
""".split()
)

# Named one by one in the report: these are how an SVG runs code or reaches out.
DANGEROUS_ELEMENTS = frozenset(
    """
script foreignObject iframe embed object image feImage a animate animateMotion
animateTransform animateColor set handler listener discard
""".split()
)

ATTRIBUTES = frozenset(
    """
id class style transform viewBox width height x y x1 y1 x2 y2 cx cy r rx ry fx fy fr d
points pathLength preserveAspectRatio version baseProfile
fill fill-opacity fill-rule stroke stroke-width stroke-linecap stroke-linejoin
stroke-miterlimit stroke-dasharray stroke-dashoffset stroke-opacity opacity color
display visibility overflow clip clip-path clip-rule clipPathUnits mask maskUnits
maskContentUnits mask-type paint-order vector-effect shape-rendering text-rendering
image-rendering color-interpolation color-interpolation-filters color-rendering mix-blend-mode
isolation transform-origin transform-box
offset stop-color stop-opacity gradientUnits gradientTransform spreadMethod
patternUnits patternContentUnits patternTransform
markerWidth markerHeight refX refY orient markerUnits marker-start marker-mid marker-end
font-family font-size font-size-adjust font-weight font-style font-variant font-stretch
text-anchor dominant-baseline alignment-baseline baseline-shift letter-spacing word-spacing
text-decoration writing-mode direction unicode-bidi kerning dx dy rotate textLength
lengthAdjust startOffset method spacing side white-space
filter filterUnits primitiveUnits in in2 result stdDeviation mode operator k1 k2 k3 k4
values type flood-color flood-opacity lighting-color tableValues slope intercept amplitude
exponent radius scale xChannelSelector yChannelSelector order kernelMatrix divisor bias
targetX targetY edgeMode preserveAlpha surfaceScale specularConstant specularExponent
diffuseConstant kernelUnitLength azimuth elevation pointsAtX pointsAtY pointsAtZ
limitingConeAngle z numOctaves baseFrequency seed stitchTiles
systemLanguage requiredFeatures requiredExtensions
role lang tabindex focusable aria-label aria-labelledby aria-describedby aria-hidden
""".split()
)

# Elements whose href may point at another element of the same file.
LOCAL_HREF = frozenset("use textPath linearGradient radialGradient pattern filter".split())

_XML_DECLARATION = lazy(r"^\s*<\?xml\b[^>]*\?>")
_EVENT = lazy(r"^on", re.I)
_COMMENTS = lazy(r"/\*.*?\*/", re.S)
_URL = lazy(r"url\s*\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)
_LOCAL_REF = lazy(r"#[A-Za-z_][\w.:-]*")
_BAD_CSS = lazy(r"@import|expression\s*\(|javascript:|vbscript:|behavior\s*:|-moz-binding|\\|<", re.I)
_BAD_VALUE = lazy(r"expression\s*\(|javascript:|vbscript:", re.I)
_SAFE_AT_RULES = ("@media", "@supports", "@keyframes", "@-webkit-keyframes", "@font-face")


# Prefixes of the namespaces drawing programs write, to name their leftovers.
KNOWN_PREFIXES = {
    "http://www.inkscape.org/namespaces/inkscape": "inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd": "sodipodi",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://creativecommons.org/ns#": "cc",
    "http://ns.adobe.com/AdobeIllustrator/10.0/": "i",
    "http://ns.adobe.com/Extensibility/1.0/": "x",
    "http://ns.adobe.com/SaveForWeb/1.0/": "sfw",
    "http://www.bohemiancoding.com/sketch/ns": "sketch",
    "http://www.w3.org/1999/xhtml": "html",
}


def _label(ns: str, local: str) -> str:
    return f"{KNOWN_PREFIXES[ns]}:{local}" if ns in KNOWN_PREFIXES else local


def _join(head: str, tail: str) -> str:
    """Chinese followed by Latin gets a space between them, as the rest of the site writes."""
    return f"{head} {tail}" if tail[:1].isascii() else head + tail


def _short(value: str, limit: int = 40) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[:limit] + "…"


def _external_refs(value: str) -> list[str]:
    """The url(...) references of a value that do not point inside this file."""
    return [m.group(2).strip() for m in _URL.finditer(value) if not _LOCAL_REF.fullmatch(m.group(2).strip())]


def _css_problem(text: str, css: bool = True) -> str | None:
    """What in a piece of CSS (or, with ``css`` False, a presentation attribute's value)
    prevents keeping it (Chinese), or None."""
    if m := (_BAD_CSS if css else _BAD_VALUE).search(text):
        found = m.group(0).lower()
        if found.startswith("@import"):
            return "@import（从外部加载样式）"
        if found.startswith("expression"):
            return "expression(…)（可执行代码）"
        if found in ("javascript:", "vbscript:"):
            return f"{found}…（可执行代码）"
        if found in ("\\", "<"):
            return "转义字符或尖括号（可能用来隐藏危险内容）"
        return f"{found.rstrip(' :')}（可执行代码）"
    if refs := _external_refs(text):
        return f"指向外部的引用 url({_short(refs[0])})"
    if len(re.findall(r"url\s*\(", text, re.I)) > len(_URL.findall(text)):
        return "写法不完整的 url(…)"
    return None


def clean_css(text: str, removed: Counter) -> str:
    """CSS with every declaration or rule that could fetch or run anything left out.

    Split at ``{``, ``}`` and ``;`` (kept in place): each piece between them is a selector,
    an at-rule or a declaration, and a piece that fails is dropped alone. A final check of
    the whole result drops it entirely if anything unsafe is still there."""
    text = _COMMENTS.sub(" ", text)
    out: list[str] = []
    for piece, delimiter in re.findall(r"([^{};]*)([{};]|$)", text):
        problem = _css_problem(piece)
        stripped = piece.strip().lower()
        if (
            problem is None
            and stripped.startswith("@")
            and delimiter != "}"
            and not stripped.startswith(_SAFE_AT_RULES)
        ):
            problem = f"{stripped.split()[0]} 规则"
        if problem:
            removed[_join("样式中的", problem)] += 1
            # The previous piece keeps its own delimiter, so nothing joins across the gap.
            piece, delimiter = "", ("" if delimiter == ";" else delimiter)
        out.append(piece + delimiter)
    result = "".join(out)
    if _css_problem(result):
        removed["无法安全保留的整段样式"] += 1
        return ""
    return result


EXPAT_REASONS = {
    "no element found": "文件在中途结束",
    "unclosed token": "文件在中途结束",
    "mismatched tag": "开始标签和结束标签对不上",
    "not well-formed (invalid token)": "有不合法的字符或写法",
    "undefined entity": "用了没有定义的实体，例如 &nbsp;，请改写成字符本身或 &#160;",
    "junk after document element": "<svg> 结束之后还有别的内容",
    "duplicate attribute": "同一个属性写了两次",
    "unbound prefix": "用了没有声明的命名空间前缀",
}


class _Node:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag: str, attrs: list[tuple[str, str]]):
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node | str] = []


def _split(name: str) -> tuple[str, str]:
    ns, sep, local = name.rpartition(" ")
    return (ns, local) if sep else ("", name)


def _parse(text: str, extras: Counter) -> _Node:
    """The element tree via expat, refusing DOCTYPE and entity declarations (so no entity
    is ever expanded and nothing external is read); comments and processing instructions
    are counted in ``extras``."""
    if len(text.encode("utf-8")) > MAX_SVG_BYTES:
        raise UnsafeSvg(
            f"SVG 文件超过 {MAX_SVG_BYTES >> 20} MB，不像是标志或插图。请用绘图软件导出精简的 SVG，或改用 PNG"
        )
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*_args):
        raise UnsafeSvg(
            "SVG 文件含有 DOCTYPE 或实体（ENTITY）声明，可能被用来构造“实体炸弹”或读取外部文件，"
            "网站不会发布它。请用绘图软件重新导出为“普通 SVG”（不含 DOCTYPE）"
        )

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    stack: list[_Node] = []
    top: list[_Node] = []
    count = [0]

    def start(name, attrs):
        count[0] += 1
        if count[0] > MAX_ELEMENTS or len(stack) > MAX_DEPTH:
            raise UnsafeSvg(
                f"SVG 文件的元素超过 {MAX_ELEMENTS} 个或嵌套超过 {MAX_DEPTH} 层，网站不会发布它。"
                "请用绘图软件简化后重新导出，或改用 PNG"
            )
        node = _Node(name, list(attrs.items()))
        (stack[-1].children if stack else top).append(node)
        stack.append(node)

    def end(_name):
        stack.pop()

    def chars(data):
        if stack:
            stack[-1].children.append(data)

    def comment(_data):
        extras["注释"] += 1

    def instruction(target, _data):
        extras[f"处理指令 <?{target}?>"] += 1

    parser.CommentHandler = comment
    parser.ProcessingInstructionHandler = instruction
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.buffer_text = True
    try:
        parser.Parse(text, True)
    except expat.ExpatError as exc:
        reason = EXPAT_REASONS.get(expat.ErrorString(exc.code), expat.ErrorString(exc.code))
        raise UnsafeSvg(
            f"SVG 文件不是完整的 XML（第 {exc.lineno} 行第 {exc.offset + 1} 列：{reason}），"
            "可能没有保存完整。请用绘图软件重新导出"
        ) from None
    if not top:
        raise UnsafeSvg("SVG 文件是空的。请用绘图软件重新导出")
    return top[0]


def _escape(value: str, quote: bool = False) -> str:
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace('"', "&quot;") if quote else value


class _Writer:
    def __init__(self) -> None:
        self.removed: Counter = Counter()  # dangerous things, each named
        self.extras: Counter = Counter()  # editor leftovers that draw nothing
        self.uses_xlink = False
        self.parts: list[str] = []

    def element(self, node: _Node, parent: str) -> None:
        ns, local = _split(node.tag)
        if ns not in ("", SVG_NS):
            self.extras[_label(ns, local)] += 1
            return
        if local == "a":  # a link inside a picture: keep what it draws, not where it leads
            href = next((v for k, v in node.attrs if _split(k)[1] == "href"), "")
            self.removed[f"指向外部的链接 {_short(href)}" if href else "<a> 链接元素"] += 1
            for child in node.children:
                self.child(child, parent)
            return
        if local in DANGEROUS_ELEMENTS:
            self.removed[f"<{local}> 元素"] += 1
            return
        if local not in ELEMENTS:
            self.extras[local] += 1
            return
        attrs = self.attributes(local, node.attrs)
        if parent == "" and local == "svg":
            attrs.insert(0, ("xmlns", SVG_NS))
        self.parts.append(f"<{local}" + "".join(f' {k}="{_escape(v, True)}"' for k, v in attrs))
        if not node.children:
            self.parts.append("/>")
            return
        self.parts.append(">")
        if local == "style":
            css = clean_css("".join(c for c in node.children if isinstance(c, str)), self.removed)
            self.parts.append(_escape(css))
            if any(not isinstance(c, str) for c in node.children):
                self.extras["style 中的元素"] += 1
        else:
            for child in node.children:
                self.child(child, local)
        self.parts.append(f"</{local}>")

    def child(self, child, parent: str) -> None:
        if isinstance(child, str):
            self.parts.append(_escape(child))
        else:
            self.element(child, parent)

    def attributes(self, element: str, attrs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        kept: list[tuple[str, str]] = []
        for name, value in attrs:
            ns, local = _split(name)
            if _EVENT.match(local):
                self.removed[f"{local} 属性"] += 1
                continue
            if local == "href" and ns in ("", XLINK_NS):
                target = value.strip()
                if element in LOCAL_HREF and _LOCAL_REF.fullmatch(target):
                    if ns == XLINK_NS:
                        self.uses_xlink = True
                        kept.append(("xlink:href", target))
                    else:
                        kept.append(("href", target))
                else:
                    self.removed[f"指向外部的链接 {_short(target)}"] += 1
                continue
            if ns == XML_NS and local in ("space", "lang"):
                kept.append((f"xml:{local}", value))
                continue
            if ns or local not in ATTRIBUTES:
                self.extras[_label(ns, local)] += 1
                continue
            if local == "style":
                value = clean_css(value, self.removed).strip()
                if value:
                    kept.append((local, value))
                continue
            if problem := _css_problem(value, css=False):
                self.removed[_join(f"{local} 属性中的", problem)] += 1
                continue
            kept.append((local, value))
        return kept


def sanitise(text: str) -> tuple[str, list[str]]:
    """A safe SVG document rebuilt from ``text``, and what was left out, in Chinese:
    one entry per kind of dangerous content (with a count when it occurs more than
    once), then one entry summing up editor leftovers that draw nothing (Inkscape or
    Illustrator metadata, unknown attributes). Raises :class:`UnsafeSvg` for a file that
    cannot be made safe: DOCTYPE or entity declarations, broken XML, a root that is not
    ``<svg>``, an absurd size."""
    # The text is already decoded: a declared encoding (UTF-16, GBK...) must not be applied again.
    text = _XML_DECLARATION.sub("", text.lstrip("\ufeff"), count=1)
    writer = _Writer()
    root = _parse(text, writer.extras)
    ns, local = _split(root.tag)
    if local != "svg" or ns not in ("", SVG_NS):
        raise UnsafeSvg(f"文件的根元素是 <{local}>，不是 <svg>，不是 SVG 图片。请用绘图软件重新导出为 SVG，或改用 PNG")
    writer.element(root, "")
    body = "".join(writer.parts)
    if writer.uses_xlink:
        body = body.replace(f'<svg xmlns="{SVG_NS}"', f'<svg xmlns="{SVG_NS}" xmlns:xlink="{XLINK_NS}"', 1)
    removed = [f"{what}（{n} 处）" if n > 1 else what for what, n in writer.removed.items()]
    if writer.extras:
        names = "、".join(sorted(writer.extras)[:5]) + ("等" if len(writer.extras) > 5 else "")
        removed.append(f"绘图软件留下的不影响显示的附加信息 {sum(writer.extras.values())} 处（{names}）")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n", removed
