"""Publish a built site to an S3-compatible bucket (Alibaba OSS, Tencent COS, Huawei OBS,
MinIO, AWS) or, by the system rsync, to a unit's own web server.

What it trusts. Everything read back from the bucket can have been written by someone else:
an object's bytes, its metadata, the record of what was published. Only two things are taken
as facts: what the store itself computes (an object's size, its ETag, its LastModified time in
a listing) and a message authentication code (HMAC-SHA256) made with a key only the deployer
holds. The key is derived from ``WENMING_DEPLOY_KEY`` when that is set, else from the secret
access key of the credentials boto3 finds (the key never leaves this process; a MAC reveals
nothing of it). So:

- **Unchanged** means the stored bytes are the bytes this run would upload: the listing's size
  equals theirs and its ETag equals their MD5. For a single-part PUT (the only kind this tool
  makes) every one of the stores above returns the MD5 of the body as the ETag; a multipart or
  KMS-encrypted object's ETag is not an MD5 and simply never matches, so the file is uploaded
  again (inbound traffic is free on the domestic clouds, downloads are billed, so
  re-uploading is the cheaper check there; a notice says so when the store's ETags turn out
  not to be MD5s). The headers we set (type, caching, encoding) are not in a listing: they are
  taken from the signed record only while the listing shows the object's LastModified time
  that the record noted after our own upload (any rewrite, even of headers alone, gives a new
  one); otherwise one HEAD per object reads them. Metadata and the record alone never make a
  file "unchanged".
- **The record** (``<prefix>.wenming-deploy.json``, written after a complete run) lists per key
  the SHA-256 of the local file, the headers, the stored size and MD5 and LastModified; it
  carries a MAC over all of that plus the bucket and prefix. A record whose MAC does not verify
  (edited, copied from another prefix, written by an older version, or signed with another
  key) is ignored as a whole and said so; nothing is decided by it.
- **Deletes** touch only objects this tool can prove it published in their current form: the
  signed record names the key with the MD5 and size the listing shows now, or the object's own
  metadata carries a MAC (``x-amz-meta-wenming-mac``) over bucket, key, MD5 and size that
  verifies against the listing's ETag and size (the objects of an interrupted run, which no
  record lists yet). Where the ETag is not an MD5, the object is downloaded once and hashed
  before it is deleted. A foreign object named in an edited record, an object of ours replaced
  by someone else's file, one carrying copied metadata: all are kept and named in the output.

Cost: a deploy of an unchanged site is one LIST per 1,000 keys plus one GET of the record; a
run that uploads adds one LIST after the uploads (to note LastModified). HEADs happen only for
objects the signed record does not cover (the first run after this version, a key change, an
interrupted run) and for keys about to be deleted that the record does not prove.

Order, so that a visitor never meets a half-published site: new and changed files that
pages refer to (assets, photos, documents) first, then new HTML pages, then changed HTML
pages, then the listings of the site for machines (sitemap, JSON, feed, search index;
the files in deeper folders first, so a part is up before the index naming it), then the record; deletes come last, after every new file is up. A run stopped at any
point leaves old pages pointing at old files (still there) and new pages pointing at new
files (already there); the next run finishes the job.

Secrets. mkdocs.yml is public with the repository, and a command line ends up in workflow
files and logs: no deploy setting may carry a credential, whatever its key is called. Every
scalar of the deploy settings is read from the raw YAML (also the defaults of MkDocs'
``!ENV [VAR, default]``, which a plain load never shows) and refused, with its line, when it
holds a URL with a password (``https://AKID:secret@host``, ``rsync://user:pass@host/m``),
a password-like query parameter (``?password=``, a presigned URL's ``Signature=``), an
access key ID (``LTAI…``, ``AKID…``, ``AKIA…``) or a long random-looking base64 or hex
string; so are the target and ``--endpoint-url`` given on the command line, and the values
``!ENV`` takes from the environment (which would be printed in the log).
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import gzip
import hashlib
import hmac
import ipaddress
import json
import mimetypes
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from collections import Counter
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from pathlib import Path

MANIFEST = ".wenming-deploy.json"
HASH_META = "sha256"  # sent as x-amz-meta-sha256
ROOT_META = "wenming-root"  # which deploy folder the object belongs to (a hash of the prefix)
MAC_META = "wenming-mac"  # HMAC over bucket, key, MD5 and size of the stored body
MANIFEST_VERSION = 2
KEY_ENV = "WENMING_DEPLOY_KEY"
KEY_MIN_LENGTH = 20

IMMUTABLE = "public, max-age=31536000, immutable"  # names that change when the content does
SHORT = "public, max-age=300"  # pages, JSON, feeds, and unhashed CSS/JS that must match them
MEDIUM = "public, max-age=3600"  # unhashed images, icons, PDFs

# A run of 8+ hex digits between separators: Material's bundle.a5f9d56c.min.js, the
# photo pipeline's assets/photos/e1/e11574dc436482a0eaac0c20-t400.webp.
HASHED = re.compile(r"(?:^|[.\-_])[0-9a-f]{8,}(?=[.\-_])")
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".svg": "image/svg+xml; charset=utf-8",
    ".webmanifest": "application/manifest+json; charset=utf-8",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".ico": "image/x-icon",
    ".pdf": "application/pdf",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".gz": "application/gzip",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
COMPRESSIBLE = (
    ".html",
    ".htm",
    ".css",
    ".js",
    ".mjs",
    ".json",
    ".map",
    ".xml",
    ".txt",
    ".csv",
    ".ics",
    ".svg",
    ".webmanifest",
)
# Files that list the site's pages: uploaded after every page they name.
LISTING_SUFFIXES = (".json", ".xml", ".gz", ".txt", ".ics", ".webmanifest")

PHASE_ASSETS, PHASE_NEW_PAGES, PHASE_PAGES, PHASE_LISTINGS = range(4)
PHASE_NAMES = {
    PHASE_ASSETS: "资源和照片",
    PHASE_NEW_PAGES: "新页面",
    PHASE_PAGES: "修改的页面",
    PHASE_LISTINGS: "站点地图、数据和订阅",
}
CONFIG_KEYS = ("target", "endpoint_url", "region", "addressing_style", "signature_version", "gzip", "site_url")
SECRET_WORDS = ("key", "secret", "password", "token", "credential", "密钥", "密码")
KEEP_SECRETS_OUT = (
    "密钥请放在环境变量 AWS_ACCESS_KEY_ID、AWS_SECRET_ACCESS_KEY 中（GitHub Actions 中放在仓库的 Secrets 里），"
    "服务器请用 SSH 密钥登录"
)


class DeployError(Exception):
    """A deploy that cannot go on; the message (Chinese) says what happened and what to do."""


# --- what is published, and how ----------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class LocalFile:
    rel: str  # POSIX path inside the site folder = key below the prefix
    path: Path
    sha256: str
    size: int  # bytes on disk (before any compression)
    content_type: str
    cache_control: str
    encoding: str | None  # "gzip" when stored compressed
    md5: str = ""  # hex MD5 of the bytes on disk (what an uncompressed object's ETag is)

    @property
    def props(self) -> str:
        """The headers that make an object right besides its bytes (a change re-uploads)."""
        return f"{self.content_type}|{self.cache_control}|{self.encoding or ''}"

    @property
    def is_html(self) -> bool:
        return self.rel.endswith((".html", ".htm"))

    @property
    def is_listing(self) -> bool:
        return not self.rel.startswith("assets/") and self.rel.endswith(LISTING_SUFFIXES)


def content_type(rel: str) -> str:
    suffix = posixpath.splitext(rel)[1].lower()
    if suffix in TYPES:
        return TYPES[suffix]
    guessed = mimetypes.guess_type(rel)[0] or "application/octet-stream"
    return f"{guessed}; charset=utf-8" if guessed.startswith("text/") else guessed


def cache_control(rel: str) -> str:
    low = rel.lower()
    name = posixpath.basename(low)
    if low.startswith("assets/") and HASHED.search(name):
        return IMMUTABLE
    if low.endswith((".html", ".htm", ".css", ".js", ".mjs", ".map") + LISTING_SUFFIXES):
        return SHORT
    return MEDIUM


def scan_site(site_dir: Path, compress: bool = False) -> list[LocalFile]:
    """Every file of a built site, with the headers it will be served with."""
    files = []
    for path in sorted(site_dir.rglob("*")):
        if path.is_symlink():
            raise DeployError(
                f"{path}：网站文件夹中有符号链接，没有发布任何文件。"
                "请用 mkdocs build 重新生成网站文件夹，不要在里面手工放链接"
            )
        if not path.is_file():
            continue
        rel = path.relative_to(site_dir).as_posix()
        if rel == MANIFEST:
            raise DeployError(
                f"{path}：网站文件夹里不能有名为 {MANIFEST} 的文件（发布工具用这个名字记录已发布的文件）。"
                "请删除或改名后重新运行"
            )
        data = path.read_bytes()
        encoding = "gzip" if compress and rel.lower().endswith(COMPRESSIBLE) and len(data) > 1024 else None
        files.append(
            LocalFile(
                rel,
                path,
                hashlib.sha256(data).hexdigest(),
                len(data),
                content_type(rel),
                cache_control(rel),
                encoding,
                _md5_hex(data),
            )
        )
    if not any(f.rel == "index.html" for f in files):
        raise DeployError(
            f"{site_dir} 中没有 index.html，不像是生成好的网站，没有发布任何文件。"
            "请先运行 mkdocs build --strict，或去掉 --site-dir 让 wenming deploy 自己生成"
        )
    return files


def body_of(f: LocalFile) -> bytes:
    data = f.path.read_bytes()
    if hashlib.sha256(data).hexdigest() != f.sha256:
        raise DeployError(
            f"{f.path} 在发布过程中被改动了（可能有另一个构建在写这个文件夹）。请等构建结束后重新运行 wenming deploy"
        )
    return gzip.compress(data, compresslevel=9, mtime=0) if f.encoding == "gzip" else data


# --- targets and configuration -----------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class S3Target:
    bucket: str
    prefix: str  # "" or ending in "/"
    endpoint_url: str | None = None
    region: str | None = None
    addressing_style: str | None = None  # "virtual", "path" or None (chosen from the endpoint)
    signature_version: str | None = None  # "s3v4" (default) or "s3" (V2, for stores that need it)

    def __str__(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}"


@dataclasses.dataclass(frozen=True)
class RsyncTarget:
    destination: str  # as rsync takes it: rsync://host/module/path, user@host:/path or a folder

    def __str__(self) -> str:
        return self.destination


BUCKET = re.compile(r"[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9]")


def parse_target(
    text: str,
    endpoint_url: str | None = None,
    region: str | None = None,
    addressing_style: str | None = None,
    signature_version: str | None = None,
) -> S3Target | RsyncTarget:
    text = text.strip()
    if not text:
        raise DeployError(
            "没有写发布目标。请写成 wenming deploy s3://存储桶名/前缀 --endpoint-url 服务地址，"
            "或 wenming deploy 用户名@服务器:/网站目录，也可以在 mkdocs.yml 中 wenming 插件的 deploy: target: 中设置"
        )
    if text.startswith("s3://"):
        bucket, _, prefix = text[len("s3://") :].partition("/")
        if not BUCKET.fullmatch(bucket) or ".." in bucket:
            raise DeployError(
                f"“{bucket}”不是有效的存储桶名称（3–63 个小写字母、数字、连字符或点）。"
                "请核对 s3://存储桶名/前缀 中的桶名"
            )
        prefix = "/".join(p for p in prefix.split("/") if p)
        if any(p in (".", "..") for p in prefix.split("/")):
            raise DeployError(f"前缀“{prefix}”中不能有 . 或 .. 。请写成 s3://{bucket}/目录名 的形式")
        if endpoint_url is not None:
            parts = urllib.parse.urlsplit(endpoint_url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise DeployError(
                    f"--endpoint-url “{endpoint_url}”不是有效的网址。请写成 https://s3.oss-cn-hangzhou.aliyuncs.com"
                    "（阿里云 OSS）、https://cos.ap-guangzhou.myqcloud.com（腾讯云 COS）这样的形式"
                )
        if addressing_style not in (None, "virtual", "path"):
            raise DeployError(
                f"addressing_style 只能是 virtual 或 path，现在是“{addressing_style}”。"
                "阿里云 OSS 必须用 virtual；不确定时请删掉这一项"
            )
        if signature_version not in (None, "s3v4", "s3"):
            raise DeployError(f"signature_version 只能是 s3v4 或 s3，现在是“{signature_version}”。不确定时请删掉这一项")
        return S3Target(
            bucket, prefix + "/" if prefix else "", endpoint_url, region, addressing_style, signature_version
        )
    if "://" in text and not text.startswith("rsync://"):
        raise DeployError(
            f"不认识的发布目标“{text}”。支持 s3://存储桶/前缀、rsync://服务器/模块/目录、"
            "用户名@服务器:/目录 和本机文件夹"
        )
    return RsyncTarget(text)


# --- secrets in settings ------------------------------------------------------------------

# Access key IDs of the clouds this tool publishes to, by their documented prefixes.
ACCESS_KEY_IDS = (
    (re.compile(r"LTAI[0-9A-Za-z]{12,30}"), "阿里云 AccessKey ID"),
    (re.compile(r"AKID[0-9A-Za-z]{13,40}"), "腾讯云 SecretId"),
    (re.compile(r"(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[0-9A-Z]{16}"), "AWS 访问密钥 ID"),
)
# Query parameters that carry a password, a token or a signature (presigned URLs: OSS's
# Signature and OSSAccessKeyId, COS's q-ak and q-signature, AWS's X-Amz-Credential...).
SECRET_PARAMETER = re.compile(r"(?i)pass|pwd|secret|token|key|sig|credential|auth|q-ak")
_TOKEN = re.compile(r"[A-Za-z0-9+_\-]+")
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/]{30,}")
_USERINFO = re.compile(r"^(?:[a-z][a-z0-9+.\-]*://)?([^@/\s]*):([^@/\s]+)@", re.I)


def _mask(text: str) -> str:
    return f"{text[:4]}…" if len(text) > 4 else "…"


def _user(name: str) -> str:
    """A user name as messages show it: short names as they are, longer ones (an access key
    ID written as the user) masked."""
    return name if len(name) <= 8 else _mask(name)


_WORD_PIECE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def _random_looking(token: str) -> bool:
    """A token as secret keys look: at least 20 letters and digits, with upper case, lower
    case and digits, that either switches between them often or does not split into word-like
    pieces. Camel-case names and pinyin (``WenMingChuangJian2024``, ``QingXi2024SitePreview``)
    switch at under 0.3 of their characters and are all words (syllables with a vowel, short
    numbers, acronyms); a random base64 or alphanumeric key switches at about 0.45 and is about
    half words. Measured on 5,000 random keys each of AWS (40 base64), Alibaba (30
    alphanumeric) and Tencent (32) form: 1–2 % pass unnoticed, mostly keys without a digit."""
    chars = "".join(c for c in token if c.isascii() and c.isalnum())
    if len(chars) < 20:
        return False
    if not (any(c.isupper() for c in chars) and any(c.islower() for c in chars) and any(c.isdigit() for c in chars)):
        return False

    def kind(c: str) -> int:
        return 0 if c.isdigit() else 1 if c.isupper() else 2

    # A capital followed by small letters is how words start; every other change of kind counts.
    switches = sum(
        1 for a, b in zip(chars, chars[1:], strict=False) if kind(a) != kind(b) and (kind(a), kind(b)) != (1, 2)
    )
    pieces = _WORD_PIECE.findall(chars)
    wordy = sum(
        len(p)
        for p in pieces
        if (p.isdigit() and len(p) <= 4)
        or (len(p) >= 2 and re.search("[aeiouAEIOU]", p))
        or (p.isupper() and 2 <= len(p) <= 4)
    )
    return switches >= 0.3 * (len(chars) - 1) or wordy < 0.7 * len(chars)


def secret_in(value: str) -> str | None:
    """What in ``value`` looks like a credential (a Chinese phrase naming it, masked), or None."""
    text = value.strip()
    parts = urllib.parse.urlsplit(text) if "://" in text else None
    if parts is not None and parts.password:
        return f"写了网址的登录密码（“{_user(parts.username or '')}:***@”）"
    if parts is None and (m := _USERINFO.match(text)):
        return f"写了登录密码（“{_user(m.group(1))}:***@”）"
    if parts is not None and parts.username:
        for rx, label in ACCESS_KEY_IDS:
            if rx.search(parts.username):
                return f"写了{label}（{_mask(parts.username)}）"
    query = parts.query if parts is not None else text.partition("?")[2]
    for name, _ in urllib.parse.parse_qsl(query, keep_blank_values=True):
        if SECRET_PARAMETER.search(name):
            return f"写了带密码或签名参数的网址（“{name}=***”）"
    for rx, label in ACCESS_KEY_IDS:
        if found := rx.search(text):
            return f"写了{label}（{_mask(found.group(0))}）"
    for token in _TOKEN.findall(text) + _BASE64_RUN.findall(text):
        core = token.strip("+/-_")
        if (
            len(core) >= 32
            and re.fullmatch(r"[0-9a-fA-F]+", core)
            and re.search(r"\d", core)
            and re.search(r"[a-fA-F]", core)
        ):
            return f"写了一段像密钥的十六进制长串（{_mask(core)}，{len(core)} 个字符）"
        if _random_looking(core):
            return f"写了一段像密钥的长字符串（{_mask(core)}，{len(core)} 个字符）"
        if len(core) == 20 and re.fullmatch(r"[A-Z0-9]+", core) and re.search(r"\d", core) and re.search("[A-Z]", core):
            return f"写了一段像访问密钥 ID 的字符串（{_mask(core)}，20 个字符）"  # Huawei's AK form
    return None


def _refuse_secret(where: str, what: str, why_public: str = "mkdocs.yml 会随仓库公开") -> DeployError:
    sep = " " if where[-1].isascii() else ""
    return DeployError(
        f"{where}{sep}{what}，没有发布任何文件。{why_public}：请删除它，并尽快在云控制台停用这个密钥"
        f"（或修改密码）；{KEEP_SECRETS_OUT}"
    )


def check_arguments(target: str | None, endpoint_url: str | None) -> None:
    """The command line's target and endpoint: no credentials (see the module docstring)."""
    for name, value in (("发布目标", target), (" --endpoint-url 参数", endpoint_url)):
        if value and (what := secret_in(value)):
            raise _refuse_secret(f"命令行中的{name}", what, "命令行会留在脚本、工作流文件和日志里")


def _env_value(node) -> tuple[list[str], object | None]:
    """(the variables, the default node) of MkDocs' ``!ENV VAR`` / ``!ENV [VAR..., default]``."""
    import yaml

    if isinstance(node, yaml.SequenceNode):
        items = list(node.value)
        default = items.pop() if len(items) > 1 else None
        return [str(i.value) for i in items if isinstance(i, yaml.ScalarNode)], default
    return [str(node.value)], None


def _scalars(node, key: str | None = None, env_default: bool = False):
    """(setting key, scalar node, inside an !ENV default) for every scalar below ``node``."""
    import yaml

    if isinstance(node, yaml.ScalarNode):
        yield key, node, env_default
    elif isinstance(node, yaml.SequenceNode):
        is_env = node.tag == "!ENV"
        for i, item in enumerate(node.value):
            yield from _scalars(item, key, env_default or (is_env and i == len(node.value) - 1 and len(node.value) > 1))
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            name = str(k.value) if isinstance(k, yaml.ScalarNode) else key
            yield from _scalars(k, key if key is not None else name, env_default)
            yield from _scalars(v, key if key is not None else name, env_default)


def _env_nodes(node):
    import yaml

    if node.tag == "!ENV":
        yield node
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _env_nodes(item)
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            yield from _env_nodes(k)
            yield from _env_nodes(v)


def _check_secrets(node, label: str) -> None:
    """Refuse the first scalar of a deploy settings node that holds a credential, and the
    first value an ``!ENV`` there takes from the environment that does."""
    for key, scalar, in_default in _scalars(node):
        what = secret_in(str(scalar.value))
        if what:
            setting = f"{label} 中的 {key}" if key else label
            if in_default:
                setting += "（!ENV 的默认值）"
            raise _refuse_secret(f"mkdocs.yml:{scalar.start_mark.line + 1}: {setting}", what)
    for env in _env_nodes(node):
        variables, _ = _env_value(env)
        name = next((v for v in variables if v in os.environ), None)
        if name is not None and (what := secret_in(os.environ[name])):
            where = f"mkdocs.yml:{env.start_mark.line + 1}: {label} 中 !ENV 取自环境变量 {name} 的值"
            raise _refuse_secret(where, what, "它会出现在发布日志里")


def read_config(root: Path) -> dict:
    """The ``deploy`` settings of the ``wenming`` plugin in mkdocs.yml (an older unit's
    ``extra.wenming.deploy`` is still read). MkDocs' ``!ENV`` is resolved as MkDocs resolves
    it; other tags read as nothing. Refuses a credential in any value (see the module
    docstring), before anything is built or sent."""
    import yaml

    from wenmingsite.loading import settings

    path = root / "mkdocs.yml"
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return {}

    class Lenient(yaml.SafeLoader):
        pass

    def env(loader, node):
        variables, default = _env_value(node)
        for name in variables:
            if name in os.environ:
                return os.environ[name]
        return loader.construct_object(default) if default is not None else None

    Lenient.add_constructor("!ENV", env)
    Lenient.add_multi_constructor("!", lambda loader, suffix, node: None)
    Lenient.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    try:
        node = yaml.compose(text, Loader=Lenient)
    except yaml.YAMLError:
        return {}  # MkDocs itself reports a broken mkdocs.yml when the site is built
    plugin_deploy = _child(_plugin_node(node), "deploy")
    legacy_deploy = _child(_child(_child(node, "extra"), "wenming"), "deploy")
    for found, label in ((plugin_deploy, "wenming 插件的 deploy"), (legacy_deploy, "extra.wenming.deploy")):
        if found is not None:
            _check_secrets(found, label)
    try:
        data = yaml.load(text, Loader=Lenient) or {}
    except yaml.YAMLError:
        return {}
    if not isinstance(data, dict):
        return {}
    _, ours = settings.plugin_entry(data.get("plugins"))
    name = "wenming 插件的 deploy"
    lines = _key_lines(_plugin_node(node), ("deploy",))
    if "deploy" not in ours:  # an older unit's place for it
        extra = data.get("extra")
        legacy = extra.get("wenming") if isinstance(extra, dict) else None
        ours = legacy if isinstance(legacy, dict) else {}
        name = "extra.wenming.deploy"
        lines = _key_lines(node, ("extra", "wenming", "deploy"))
    deploy = ours.get("deploy")
    if deploy is None:
        return {}
    if not isinstance(deploy, dict):
        raise DeployError(
            f"mkdocs.yml:{lines.get('', '?')}: {name} 应该是若干“名称: 值”的设置，"
            f"例如 target: s3://存储桶/前缀。请按 README“发布到国内云存储或自己的服务器”一节修改"
        )
    for key, value in deploy.items():
        where = f"mkdocs.yml:{lines.get(str(key), '?')}"
        low = str(key).lower()
        if any(w in low for w in SECRET_WORDS):
            raise DeployError(
                f"{where}: {name} 中不能写访问密钥（“{key}”），没有发布任何文件。"
                "mkdocs.yml 会随仓库公开，请删除这一行并尽快在云控制台停用这个密钥；"
                "密钥请放在环境变量 AWS_ACCESS_KEY_ID、AWS_SECRET_ACCESS_KEY 中"
                "（GitHub Actions 中放在仓库的 Secrets 里）"
            )
        if key not in CONFIG_KEYS:
            raise DeployError(f"{where}: {name} 中的“{key}”不是可用的设置。可用的设置有：{'、'.join(CONFIG_KEYS)}")
        if key == "gzip":
            if not isinstance(value, bool):
                raise DeployError(f"{where}: gzip 只能写 true 或 false，现在是“{value}”")
        elif value is not None and not isinstance(value, str):
            raise DeployError(f"{where}: {key} 应该是一段文字，例如 target: s3://存储桶/前缀")
    return dict(deploy)


def _child(node, name: str):
    """The value node of key ``name`` in a mapping node, or None."""
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == name), None)


def _plugin_node(node):
    """The YAML node of the ``wenming`` plugin's settings in ``plugins:`` (list or mapping form)."""
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return None
    plugins = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == "plugins"), None)
    items = plugins.value if isinstance(plugins, yaml.SequenceNode) else [plugins]
    for item in items:
        if isinstance(item, yaml.MappingNode):
            for k, v in item.value:
                if isinstance(k, yaml.ScalarNode) and k.value == "wenming":
                    return v
    return None


def _key_lines(node, path: tuple[str, ...]) -> dict[str, int]:
    """1-based lines of the keys of the mapping at ``path`` ('' = the mapping itself)."""
    import yaml

    line = None
    for name in path:
        if not isinstance(node, yaml.MappingNode):
            return {}
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == name:
                node, line = v, k.start_mark.line + 1
                break
        else:
            return {}
    found = {"": line} if line else {}
    if isinstance(node, yaml.MappingNode):
        found.update({k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)})
    return found


# --- building ---------------------------------------------------------------------------


def build_site(root: Path, site_dir: Path, site_url: str | None = None) -> None:
    """``mkdocs build --strict`` into ``site_dir``; raises DeployError when it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site_dir)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    if built.returncode != 0:
        raise DeployError(
            f"{built.stderr.rstrip()}\n网站生成失败（mkdocs build --strict），没有发布任何文件，"
            "线上的网站保持原样。请先运行 wenming check，按每一行的提示修改后重新发布"
        )


def built_for(site_dir: Path) -> str | None:
    """The site_url a built site was made for (its sitemap's first address), if it says."""
    try:
        text = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    found = re.search(r"<loc>\s*([^<\s]+)", text)
    return found.group(1) if found else None


# --- S3 ---------------------------------------------------------------------------------


@dataclasses.dataclass
class Remote:
    size: int
    etag: str  # as the listing gives it, quotes removed
    modified: str = ""  # LastModified, ISO 8601

    @property
    def md5(self) -> str | None:
        """The ETag when it has the form of an MD5 (what a single-part PUT gives)."""
        low = self.etag.lower()
        return low if re.fullmatch(r"[0-9a-f]{32}", low) else None


# Restore: the signed record says this exact file was published there, and the store now
# holds something else (changed behind the tool's back).
NEW, CHANGED, RESTORED = "新增", "修改", "恢复"


@dataclasses.dataclass
class Plan:
    uploads: list[tuple[int, LocalFile, str]]  # (phase, file, NEW | CHANGED | RESTORED), in upload order
    unchanged: int
    deletes: list[str]  # keys
    kept: list[tuple[str, str]]  # (key, why it is kept) for keys under the prefix not proven ours
    nested: list[str]  # folders under the prefix that another deploy publishes (left alone)
    manifest: dict  # the previous record's files when its MAC verified, else {}
    entries: dict  # record entries of the unchanged files (rel -> entry)
    record: str = "ok"  # the previous record: "ok", "absent", "unsigned", "forged"


@dataclasses.dataclass
class Summary:
    uploaded: int = 0
    unchanged: int = 0
    deleted: int = 0
    restored: int = 0  # uploads of files changed in the bucket behind the tool's back
    bytes_sent: int = 0  # request bodies: the objects as stored, plus the manifest
    requests: Counter = dataclasses.field(default_factory=Counter)  # HTTP method -> count
    opaque_etags: bool = False  # the store answered a PUT with an ETag that is not the body's MD5

    def requests_text(self) -> str:
        total = sum(self.requests.values())
        parts = "、".join(f"{m} {n}" for m, n in sorted(self.requests.items()))
        return f"{total} 次请求（{parts}）" if total else "0 次请求"


def _endpoint_host_is_ip(endpoint_url: str) -> bool:
    host = urllib.parse.urlsplit(endpoint_url).hostname or ""
    if host == "localhost":
        return True
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def make_client(target: S3Target, counter: Summary | None = None, jobs: int = 8):
    """A boto3 S3 client for the target. Credentials come from boto3's usual chain only
    (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, ~/.aws/credentials, AWS_PROFILE ...)."""
    import boto3
    from botocore.config import Config

    style = target.addressing_style
    if style is None:
        # Alibaba OSS refuses path-style requests (SecondLevelDomainForbidden); a server on
        # an IP address or localhost (MinIO, a test server) has no bucket subdomains.
        style = "path" if target.endpoint_url and _endpoint_host_is_ip(target.endpoint_url) else "virtual"
    config = Config(
        s3={"addressing_style": style},
        signature_version=target.signature_version or "s3v4",
        # botocore's default CRC32 trailers (aws-chunked bodies) are refused by several
        # S3-compatible stores; Content-MD5 (set on every PUT) is understood by all of them.
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
        retries={"mode": "standard"},  # attempts: AWS_MAX_ATTEMPTS, default 3
        connect_timeout=10,
        read_timeout=60,
        max_pool_connections=max(10, jobs),
        user_agent_extra="wenming-deploy",
    )
    session = boto3.session.Session()
    region = target.region or session.region_name or "us-east-1"
    client = session.client("s3", endpoint_url=target.endpoint_url, region_name=region, config=config)
    if counter is not None:
        lock = threading.Lock()

        def count(request, **kwargs):
            body = request.body
            size = (
                len(body) if isinstance(body, (bytes, bytearray)) else int(request.headers.get("Content-Length") or 0)
            )
            with lock:
                counter.requests[request.method] += 1
                counter.bytes_sent += size

        client.meta.events.register("before-send.s3", count)
    return client


def explain(exc: BaseException, target: S3Target, doing: str) -> str:
    """A Chinese sentence for a client error: what failed, and what to check."""
    from botocore import exceptions as be

    where = f"{doing}（{target}，服务地址 {target.endpoint_url or 'AWS 默认'}）"
    if isinstance(exc, be.NoCredentialsError | be.PartialCredentialsError):
        return (
            f"{where}：没有找到访问密钥。请设置环境变量 AWS_ACCESS_KEY_ID 和 AWS_SECRET_ACCESS_KEY"
            "（GitHub Actions 中放在仓库的 Secrets 里），不要把密钥写进仓库"
        )
    if isinstance(
        exc,
        be.EndpointConnectionError
        | be.ConnectTimeoutError
        | be.ConnectionClosedError
        | be.ReadTimeoutError
        | be.ProxyConnectionError
        | be.SSLError,
    ):
        return (
            f"{where}：无法连接到存储服务（{type(exc).__name__}）。请核对 --endpoint-url"
            "（例如阿里云 OSS 杭州为 https://s3.oss-cn-hangzhou.aliyuncs.com），并确认这台电脑能访问它"
        )
    if isinstance(exc, be.ClientError):
        error = exc.response.get("Error", {})
        code = str(error.get("Code", "")) or str(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", ""))
        message = str(error.get("Message") or "").strip().rstrip("。.")
        if code == "NoSuchBucket":
            return f"{where}：存储桶“{target.bucket}”不存在。请核对桶名称，以及 --endpoint-url 是否是这个桶所在的地域"
        if code in (
            "AccessDenied",
            "InvalidAccessKeyId",
            "SignatureDoesNotMatch",
            "403",
            "InvalidToken",
            "AuthorizationHeaderMalformed",
            "ExpiredToken",
        ):
            return (
                f"{where}：存储服务拒绝了访问（{code}）。请核对 AWS_ACCESS_KEY_ID、AWS_SECRET_ACCESS_KEY，"
                f"这个密钥对存储桶“{target.bucket}”是否有读、写、删除权限，"
                "以及 AWS_DEFAULT_REGION 是否是桶所在的地域"
            )
        if code == "SecondLevelDomainForbidden":
            return (
                f"{where}：这个存储服务要求用“桶名.服务地址”的方式访问。请在 mkdocs.yml 的 "
                "wenming 插件的 deploy 中写 addressing_style: virtual，或删掉 addressing_style: path"
            )
        return f"{where}：存储服务返回错误 {code}{'：' + message if message else ''}。请核对存储桶设置后重新运行"
    return f"{where}：{type(exc).__name__}：{exc}"


def list_remote(client, target: S3Target) -> dict[str, Remote]:
    found: dict[str, Remote] = {}
    for page in client.get_paginator("list_objects").paginate(Bucket=target.bucket, Prefix=target.prefix):
        for item in page.get("Contents") or []:
            found[item["Key"][len(target.prefix) :]] = Remote(
                int(item["Size"]), str(item.get("ETag", "")).strip('"'), _when(item.get("LastModified"))
            )
    return found


# --- signing ----------------------------------------------------------------------------


def derive_key(secret: str) -> bytes:
    """The deploy's MAC key from a secret (never stored, never sent)."""
    return hmac.new(secret.encode("utf-8"), b"wenming-deploy record v2", hashlib.sha256).digest()


def signing_key() -> tuple[bytes | None, bool]:
    """(the key, whether it stays the same across runs). From ``WENMING_DEPLOY_KEY`` when set,
    else from the secret access key boto3 finds; temporary credentials (with a session
    token) change with every session, so what they sign cannot be proven by a later run."""
    text = os.environ.get(KEY_ENV)
    if text:
        if len(text) < KEY_MIN_LENGTH:
            raise DeployError(
                f"环境变量 {KEY_ENV} 太短（{len(text)} 个字符），别人可以猜出它来伪造发布记录，没有发布任何文件。"
                f'请换成至少 {KEY_MIN_LENGTH} 个字符的随机字符串（例如 python -c "import secrets; '
                'print(secrets.token_urlsafe(32))" 的输出），放在 GitHub Actions 的 Secrets 里'
            )
        return derive_key(text), True
    import boto3

    credentials = boto3.session.Session().get_credentials()
    if credentials is None:
        return None, False
    frozen = credentials.get_frozen_credentials()
    if not frozen.secret_key:
        return None, False
    return derive_key(frozen.secret_key), not frozen.token


def object_mac(key: bytes, target: S3Target, rel: str, md5: str, size: int) -> str:
    """The MAC an uploaded object carries: bucket, full key, MD5 and size of the stored body."""
    message = "\n".join(("object", target.bucket, target.prefix + rel, md5.lower(), str(size)))
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()


def _record_body(target: S3Target, files: dict) -> bytes:
    data = {"version": MANIFEST_VERSION, "bucket": target.bucket, "prefix": target.prefix, "files": files}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def record_mac(key: bytes, target: S3Target, files: dict) -> str:
    return hmac.new(key, b"record\n" + _record_body(target, files), hashlib.sha256).hexdigest()


def read_manifest(client, target: S3Target, key: bytes | None = None) -> tuple[dict, str]:
    """(the previous record's files, its state): "ok" only when its MAC verifies with ``key``
    for this bucket and prefix; "absent", "unsigned" (an older version's, or no key) or
    "forged" (edited, copied or signed with another key) give no files."""
    from botocore.exceptions import ClientError

    try:
        body = client.get_object(Bucket=target.bucket, Key=target.prefix + MANIFEST)["Body"].read()
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
            return {}, "absent"
        raise
    try:
        if body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        data = json.loads(body)
    except (OSError, ValueError):
        return {}, "forged"
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION or "mac" not in data:
        return {}, "unsigned"
    files = data.get("files")
    if key is None:
        return {}, "unsigned"
    if (
        not isinstance(files, dict)
        or not isinstance(data.get("mac"), str)
        or not hmac.compare_digest(data["mac"], record_mac(key, target, files))
    ):
        return {}, "forged"
    return files, "ok"


def root_id(target: S3Target) -> str:
    return hashlib.sha256(target.prefix.encode("utf-8")).hexdigest()[:16]


def _md5_hex(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def _md5(data: bytes) -> str:
    return base64.b64encode(hashlib.md5(data, usedforsecurity=False).digest()).decode("ascii")


def _when(value) -> str:
    """A LastModified time as UTC whole seconds (listings and HEADs give it at that grain)."""
    if hasattr(value, "astimezone"):
        return value.astimezone(dt.UTC).replace(microsecond=0).isoformat()
    return str(value or "")


def head_object(client, target: S3Target, rel: str) -> dict:
    """What a HEAD says of an object: our metadata, its headers as ``LocalFile.props``, its
    MD5-form ETag and size, and its LastModified time when the store's clock has passed that
    second (``settled``): only then would any later rewrite show a different time."""
    import email.utils

    answer = client.head_object(Bucket=target.bucket, Key=target.prefix + rel)
    meta = answer.get("Metadata") or {}
    modified = _when(answer.get("LastModified"))
    date = (answer.get("ResponseMetadata") or {}).get("HTTPHeaders", {}).get("date")
    try:
        now = _when(email.utils.parsedate_to_datetime(date)) if date else ""
    except (TypeError, ValueError):
        now = ""
    return {
        "mac": meta.get(MAC_META),
        "ours": bool(meta.get(HASH_META)),
        "props": "|".join(
            (answer.get("ContentType") or "", answer.get("CacheControl") or "", answer.get("ContentEncoding") or "")
        ),
        "md5": Remote(0, str(answer.get("ETag", "")).strip('"')).md5,
        "size": int(answer.get("ContentLength") or 0),
        "modified": modified,
        "settled": bool(now and modified and now > modified),
    }


# --- planning ---------------------------------------------------------------------------


def plan_s3(
    client,
    target: S3Target,
    files: list[LocalFile],
    key: bytes | None = None,
    on_head: Callable[[str], None] | None = None,
    jobs: int = 8,
) -> Plan:
    """What to upload, what is verified unchanged, what may be deleted (see the module
    docstring for what counts as proof)."""
    remote = list_remote(client, target)
    remote.pop(MANIFEST, None)
    # Another deploy's folder inside this one (s3://b/ and s3://b/preview/): not ours to touch.
    nested = sorted(rel[: -len(MANIFEST)] for rel in remote if rel.endswith("/" + MANIFEST))
    if nested:
        remote = {rel: r for rel, r in remote.items() if not rel.startswith(tuple(nested))}
    trusted, record = read_manifest(client, target, key)
    local = {f.rel: f for f in files}

    def published_here(f: LocalFile) -> dict | None:
        """The signed entry saying this very file (bytes and headers) was published at its key."""
        entry = trusted.get(f.rel)
        if isinstance(entry, dict) and entry.get("sha256") == f.sha256 and entry.get("props") == f.props:
            return entry
        return None

    def stored(f: LocalFile) -> tuple[str, int]:
        """MD5 and size of the body this run would store for ``f``."""
        if f.encoding is None:
            return f.md5, f.size
        entry = published_here(f)  # its gzip body, as signed when it was uploaded
        if entry and isinstance(entry.get("md5"), str) and isinstance(entry.get("size"), int):
            return entry["md5"], entry["size"]
        body = body_of(f)
        return _md5_hex(body), len(body)

    same_bytes: dict[str, bool] = {}
    need_head: list[str] = []
    for f in files:
        seen = remote.get(f.rel)
        if seen is None:
            continue
        md5, size = stored(f)
        same_bytes[f.rel] = seen.size == size and seen.md5 == md5
        if same_bytes[f.rel]:
            entry = trusted.get(f.rel)
            headers_known = (
                isinstance(entry, dict)
                and entry.get("md5") == md5
                and entry.get("props") == f.props
                and bool(seen.modified)
                and entry.get("modified") == seen.modified
            )
            if not headers_known:
                need_head.append(f.rel)

    def proven_by_record(rel: str, md5: str | None) -> bool:
        entry = trusted.get(rel)
        seen = remote[rel]
        return (
            isinstance(entry, dict) and md5 is not None and entry.get("md5") == md5 and entry.get("size") == seen.size
        )

    gone = [rel for rel in sorted(remote) if rel not in local]
    unproven = [rel for rel in gone if not proven_by_record(rel, remote[rel].md5)]

    def head(rel: str) -> tuple[str, dict]:
        if on_head:
            on_head(rel)
        return rel, head_object(client, target, rel)

    heads: dict[str, dict] = {}
    if need_head or unproven:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            heads = dict(pool.map(head, need_head + unproven))

    def actual_md5(rel: str) -> str:
        """The MD5 of the stored bytes, downloaded (only where the ETag is not one)."""
        body = client.get_object(Bucket=target.bucket, Key=target.prefix + rel)["Body"].read()
        return _md5_hex(body)

    deletes: list[str] = []
    kept: list[tuple[str, str]] = []
    for rel in gone:
        seen = remote[rel]
        if rel not in unproven:
            deletes.append(rel)
            continue
        meta = heads.get(rel) or {}
        mac = meta.get("mac")
        ok = bool(
            key and mac and seen.md5 and hmac.compare_digest(mac, object_mac(key, target, rel, seen.md5, seen.size))
        )
        entry = trusted.get(rel)
        # A store that gave this object (or gives objects) an ETag that is not their MD5 (KMS
        # encryption, multipart): the bytes themselves are hashed. Never for a store whose ETags
        # are MD5s, where a download would only repeat what the ETag says.
        opaque = seen.md5 is None or (
            isinstance(entry, dict) and entry.get("etag", entry.get("md5")) != entry.get("md5")
        )
        if not ok and key and (mac or entry) and opaque:
            md5 = actual_md5(rel)
            ok = proven_by_record(rel, md5) or bool(
                mac and hmac.compare_digest(mac, object_mac(key, target, rel, md5, seen.size))
            )
        if ok:
            deletes.append(rel)
        elif rel in trusted:
            kept.append(
                (
                    rel,
                    "内容已不是 wenming deploy 上次发布的版本（在别处被改动或替换过），不会删除。确认不需要后请在云控制台删除",
                )
            )
        elif mac or meta.get("ours"):
            kept.append(
                (
                    rel,
                    "无法证明是 wenming deploy 发布的（文件信息中的签名对不上），不会删除。确认不需要后请在云控制台删除",
                )
            )
        else:
            kept.append((rel, "不是 wenming deploy 发布的文件，不会删除"))

    uploads, entries = [], {}
    for f in files:
        seen = remote.get(f.rel)
        if seen is None:
            how = NEW
        else:
            md5, size = stored(f)
            checked = heads.get(f.rel)
            if same_bytes[f.rel] and (checked is None or checked["props"] == f.props):
                known = trusted.get(f.rel) if checked is None else None
                entries[f.rel] = (
                    dict(known)
                    if isinstance(known, dict)
                    else {
                        "sha256": f.sha256,
                        "props": f.props,
                        "size": size,
                        "md5": md5,
                        "modified": checked["modified"]
                        if checked and checked["settled"] and checked["md5"] == md5 and checked["size"] == size
                        else "",
                    }
                )
                entries[f.rel].update(sha256=f.sha256)
                continue
            before = published_here(f)
            # Only a store whose ETags are MD5s can show that the bytes were changed.
            how = RESTORED if before and before.get("etag", before.get("md5")) == before.get("md5") else CHANGED
        if f.is_listing:
            phase = PHASE_LISTINGS
        elif f.is_html:
            phase = PHASE_PAGES if f.rel in remote else PHASE_NEW_PAGES
        else:
            phase = PHASE_ASSETS
        uploads.append((phase, f, how))
    uploads.sort(key=lambda u: (*_batch(u[0], u[1]), u[1].rel))
    return Plan(uploads, len(entries), deletes, kept, nested, trusted, entries, record)


def _batch(phase: int, f: LocalFile) -> tuple[int, int]:
    """Which upload batch a file goes in (batches run in this order, each finished before the
    next): its phase, and within the listings its folder depth, deeper first, so that
    api/activities/2024-03.json is stored before the api/activities.json naming it and its hash."""
    return phase, -f.rel.count("/") if phase == PHASE_LISTINGS else 0


def put_file(client, target: S3Target, f: LocalFile, key: bytes | None = None) -> dict:
    body = body_of(f)
    md5 = _md5_hex(body)
    metadata = {HASH_META: f.sha256, ROOT_META: root_id(target)}
    if key is not None:
        metadata[MAC_META] = object_mac(key, target, f.rel, md5, len(body))
    args = {
        "Bucket": target.bucket,
        "Key": target.prefix + f.rel,
        "Body": body,
        "ContentMD5": _md5(body),
        "ContentType": f.content_type,
        "CacheControl": f.cache_control,
        "Metadata": metadata,
    }
    if f.encoding:
        args["ContentEncoding"] = f.encoding
    answer = client.put_object(**args)
    return {
        "sha256": f.sha256,
        "props": f.props,
        "size": len(body),
        "md5": md5,
        "etag": str(answer.get("ETag", "")).strip('"').lower(),
        "modified": "",
    }


def _size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


def settle(client, target: S3Target, entries: dict, rels: list[str], jobs: int = 8, rounds: int = 6) -> None:
    """Note in the record entries the LastModified time of each object just uploaded, read by a
    HEAD that also confirms it still holds what was sent; the next run then takes its headers
    from the record for as long as the listing shows that time. A HEAD in the same second as the
    upload cannot rule out a rewrite later in that second: such objects are asked again after
    that second has passed (up to two seconds' wait, for the last few uploads of a run); one
    that still cannot be settled, or already differs, gets no time and a HEAD next run."""
    import time

    pending = list(rels)
    for attempt in range(rounds):
        if attempt:
            time.sleep(0.35)
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            answers = list(pool.map(lambda rel: (rel, head_object(client, target, rel)), pending))
        pending = []
        for rel, seen in answers:
            entry = entries[rel]
            if seen["md5"] != entry["md5"] or seen["size"] != entry["size"] or seen["props"] != entry["props"]:
                entry["modified"] = ""
            elif seen["settled"]:
                entry["modified"] = seen["modified"]
            else:
                pending.append(rel)
        if not pending:
            return


RECORD_NOTICES = {
    "unsigned": (
        "提示：{where} 是旧版本 wenming deploy 写的发布记录（没有签名），这次不据它判断任何文件："
        "逐个核对已发布文件的内容和设置；网站里已经没有、又无法证明是本工具发布的旧文件会列出来而不删除"
    ),
    "forged": (
        "提示：发布记录 {where} 的签名对不上（记录在别处被改动过，或者换了访问密钥或 " + KEY_ENV + "），"
        "这次不据它判断任何文件：逐个核对已发布文件的内容和设置，只删除能证明是本工具发布的文件"
    ),
}


def deploy_s3(
    site_dir: Path,
    target: S3Target,
    *,
    dry_run: bool = False,
    compress: bool = False,
    jobs: int = 8,
    echo: Callable[[str], None] = print,
    err: Callable[[str], None] | None = None,
) -> Summary:
    """Publish ``site_dir`` to the bucket; raises DeployError (Chinese) on any failure,
    before any delete."""
    from botocore.exceptions import BotoCoreError, ClientError

    err = err or echo
    files = scan_site(site_dir, compress)
    summary = Summary()
    key, lasting = signing_key()
    client = make_client(target, summary, jobs)
    try:
        plan = plan_s3(client, target, files, key, jobs=jobs)
    except (BotoCoreError, ClientError) as exc:
        raise DeployError(explain(exc, target, "读取存储桶中已发布的文件") + "。没有上传或删除任何文件") from None
    if key is not None and not lasting:
        err(
            f"提示：这次用的是临时访问密钥（带会话令牌），它签名的发布记录下次无法核对，网站里删掉的旧文件以后不会被自动删除。"
            f"请在环境变量 {KEY_ENV} 中放一个至少 {KEY_MIN_LENGTH} 个字符的随机字符串（GitHub Actions 中放在 Secrets 里），"
            "以后每次发布都用同一个"
        )
    if plan.record in RECORD_NOTICES:
        err(RECORD_NOTICES[plan.record].format(where=f"{target.prefix}{MANIFEST}"))
    summary.unchanged = plan.unchanged
    for rel in plan.nested:
        echo(f"保留 {target.prefix}{rel}：这是另一次 wenming deploy 发布的目录，不会改动")
    for rel, why in plan.kept:
        echo(f"保留 {target.prefix}{rel}：{why}")
    for _, f, how in plan.uploads:
        if how == RESTORED:
            echo(
                f"存储桶中的 {target.prefix}{f.rel} 与上次发布的内容或设置不同（在别处被改动过），"
                f"{'将' if dry_run else ''}重新上传原来的文件"
            )
    if dry_run:
        for _, f, how in plan.uploads:
            echo(f"将上传（{how}）{target.prefix}{f.rel}（{_size(f.size)}）")
        for rel in plan.deletes:
            echo(f"将删除 {target.prefix}{rel}")
        echo(
            f"--dry-run：将上传 {len(plan.uploads)} 个文件（{_size(sum(f.size for _, f, _ in plan.uploads))}），"
            f"{plan.unchanged} 个没有变化，将删除 {len(plan.deletes)} 个；存储桶没有任何改动。"
        )
        return summary
    entries = dict(plan.entries)
    total = len(plan.uploads)
    done = 0
    lock = threading.Lock()

    def upload(f: LocalFile, how: str) -> None:
        nonlocal done
        entry = put_file(client, target, f, key)
        with lock:
            entries[f.rel] = entry
            done += 1
            if entry["etag"] != entry["md5"]:
                summary.opaque_etags = True
            echo(f"[{done}/{total}] 上传（{how}）{target.prefix}{f.rel}（{_size(f.size)}）")

    def failed(exc: BaseException | None, doing: str) -> DeployError:
        return DeployError(
            f"{explain(exc, target, doing) if isinstance(exc, (BotoCoreError, ClientError)) else exc}。"
            f"发布没有完成：已上传 {done} 个文件（共 {total} 个），没有删除任何文件，访客看到的仍是完整的旧网站"
            "（已上传的新文件不影响旧页面）。问题解决后重新运行 wenming deploy，已上传的文件不会再传一遍"
        )

    # One batch at a time (_batch): a month's part is stored before the index that names it.
    batches: dict[tuple[int, int], list] = {}
    for p, f, how in plan.uploads:
        batches.setdefault(_batch(p, f), []).append((f, how))
    for _, batch in sorted(batches.items()):
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = {pool.submit(upload, f, how): f for f, how in batch}
            finished, pending = wait(futures, return_when=FIRST_EXCEPTION)
            errors = [(futures[fut], fut.exception()) for fut in finished if fut.exception() is not None]
            if errors:
                for fut in pending:
                    fut.cancel()
                first, problem = errors[0]
                raise failed(problem, f"上传 {target.prefix}{first.rel}") from None
    if plan.uploads:
        try:
            settle(client, target, entries, [f.rel for _, f, _ in plan.uploads], jobs)
        except (BotoCoreError, ClientError) as exc:
            raise failed(exc, "核对刚上传的文件") from None
    files_record = dict(sorted(entries.items()))
    if key is not None and (
        files_record != plan.manifest or plan.record != "ok"
    ):  # an unchanged site is not written to
        record = json.loads(_record_body(target, files_record))
        record.update(tool="wenming deploy", mac=record_mac(key, target, files_record))
        body = gzip.compress(json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), mtime=0)
        try:
            client.put_object(
                Bucket=target.bucket,
                Key=target.prefix + MANIFEST,
                Body=body,
                ContentMD5=_md5(body),
                ContentType="application/json; charset=utf-8",
                ContentEncoding="gzip",
                CacheControl="no-store",
            )
        except (BotoCoreError, ClientError) as exc:
            raise failed(exc, f"写入发布记录 {target.prefix}{MANIFEST}") from None
    summary.uploaded = total
    summary.restored = sum(1 for _, _, how in plan.uploads if how == RESTORED)
    if summary.opaque_etags:
        err(
            "提示：这个存储服务返回的 ETag 不是文件内容的 MD5（例如开启了 KMS 服务端加密），"
            "不下载就无法核对已发布文件的内容，所以以后每次发布都会重新上传全部文件"
        )
    deleted = 0
    lock_del = threading.Lock()

    def delete(rel: str) -> None:
        nonlocal deleted
        client.delete_object(Bucket=target.bucket, Key=target.prefix + rel)
        with lock_del:
            deleted += 1
            echo(f"[{deleted}/{len(plan.deletes)}] 删除 {target.prefix}{rel}")

    if plan.deletes:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            removals = {pool.submit(delete, rel): rel for rel in plan.deletes}
            for job, rel in removals.items():
                trouble = job.exception()
                if trouble is not None:
                    summary.deleted = deleted
                    raise DeployError(
                        f"{explain(trouble, target, f'删除 {target.prefix}{rel}')}。"
                        f"新网站已经完整上传，只是有 {len(plan.deletes) - deleted} 个旧文件没删掉（访客看不到它们的链接）。"
                        "重新运行 wenming deploy 会再删一次"
                    ) from None
    summary.deleted = deleted
    return summary


# --- rsync ------------------------------------------------------------------------------

RSYNC_ARGS = [
    "--recursive",
    "--checksum",
    "--delete-after",
    "--delay-updates",
    "--links",
    "--safe-links",
    "--chmod=D755,F644",
    "--itemize-changes",
    "--stats",
]


def deploy_rsync(
    site_dir: Path,
    target: RsyncTarget,
    *,
    dry_run: bool = False,
    echo: Callable[[str], None] = print,
    rsync: str | None = None,
) -> Summary:
    """``rsync --checksum --delete-after --delay-updates`` of the site to the destination:
    files appear together at the end of the transfer, old ones go after that."""
    program = rsync or shutil.which("rsync")
    if not program:
        raise DeployError(
            "这台电脑没有安装 rsync，没有发布任何文件。请安装（Debian/Ubuntu：apt-get install rsync；"
            "macOS 自带），或改用 s3://存储桶 发布到云存储"
        )
    destination = target.destination
    if not destination.endswith("/"):
        destination += "/"
    command = [program, *RSYNC_ARGS, *(["--dry-run"] if dry_run else []), f"{site_dir}/", destination]
    summary = Summary()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    sent = 0
    for line in process.stdout:
        line = line.rstrip("\n")
        if line.startswith("*deleting"):
            summary.deleted += 1
            echo(f"{'将删除' if dry_run else '删除'} {line.split(None, 1)[1]}")
        elif len(line) > 12 and line[0] in "<>c" and line[1] == "f":
            summary.uploaded += 1
            echo(f"{'将上传' if dry_run else '上传'} {line[12:]}")
        elif line.startswith("Total bytes sent:"):
            sent = int(re.sub(r"\D", "", line.split(":", 1)[1]) or 0)
    error = process.stderr.read() if process.stderr else ""
    if process.wait() != 0:
        raise DeployError(
            f"{error.strip()}\nrsync 发布到 {target} 失败（退出码 {process.returncode}），"
            "没有删除任何旧文件（rsync 只在全部传完后才删除）。请核对服务器地址、目录和 SSH 登录"
            "（建议用 SSH 密钥，不要把密码写进仓库）后重新运行"
        )
    summary.bytes_sent = sent
    summary.unchanged = sum(1 for _ in site_dir.rglob("*") if _.is_file()) - summary.uploaded
    return summary


# --- entry point for the command line ----------------------------------------------------


def run(
    root: Path,
    target_text: str | None,
    *,
    endpoint_url: str | None = None,
    site_dir: Path | None = None,
    dry_run: bool = False,
    jobs: int = 8,
    echo: Callable[[str], None] = print,
    err: Callable[[str], None] = print,
) -> Summary:
    """What ``wenming deploy`` does: read the settings, build strictly (unless given a built
    site), publish, and print a summary. Raises DeployError with the Chinese reason."""
    check_arguments(target_text, endpoint_url)
    config = read_config(root) if (root / "mkdocs.yml").is_file() else {}
    text = target_text or config.get("target") or ""
    target = parse_target(
        text,
        endpoint_url or config.get("endpoint_url"),
        config.get("region"),
        config.get("addressing_style"),
        config.get("signature_version"),
    )
    if isinstance(target, S3Target):
        from wenmingsite.commands.extras import missing_message

        missing = missing_message("deploy", "发布到云存储", root)
        if missing:
            raise DeployError(missing)
    if isinstance(target, S3Target) and target.endpoint_url is None and not os.environ.get("AWS_ENDPOINT_URL"):
        err(
            "提示：没有写 --endpoint-url，将发布到亚马逊 AWS。国内云存储请写服务地址，"
            "例如 --endpoint-url https://s3.oss-cn-hangzhou.aliyuncs.com"
        )
    site_url = config.get("site_url")
    temporary = None
    if site_dir is None:
        if not (root / "mkdocs.yml").is_file():
            raise DeployError(
                f"{root} 里没有 mkdocs.yml。请在网站文件夹中运行，或用 --root 指定网站文件夹，"
                "或用 --site-dir 指定已经生成好的网站"
            )
        temporary = Path(tempfile.mkdtemp(prefix="wenming-deploy-"))
        site_dir = temporary / "site"
        err("正在生成网站（mkdocs build --strict）……")
        try:
            build_site(root, site_dir, site_url)
        except BaseException:
            # A refused build leaves nothing behind in the system's temporary folder.
            shutil.rmtree(temporary, ignore_errors=True)
            raise
    elif not site_dir.is_dir():
        raise DeployError(f"--site-dir {site_dir} 不存在。请先运行 mkdocs build --strict，或去掉 --site-dir")
    elif site_url:
        made_for = built_for(site_dir)
        if made_for and not made_for.startswith(site_url.rstrip("/")):
            err(
                f"提示：{site_dir} 是按网址 {made_for} 生成的，而 mkdocs.yml 中 wenming 插件的 deploy: site_url: 是 "
                f"{site_url}；站点地图、订阅和二维码会指向前者。要指向国内地址，请设置环境变量 SITE_URL={site_url} 后重新生成"
            )
    made_for = built_for(site_dir)
    from wenmingsite.loading.settings import is_local

    if is_local(made_for):
        err(
            f"提示：这个网站是按本机地址 {made_for} 生成的，发布后站点地图、订阅（feed.xml）和每页的规范网址、"
            "分享链接都会指向访客自己的电脑。请在 mkdocs.yml 的 site_url 写上网站的正式地址"
            "（或设置环境变量 SITE_URL=https://…），重新生成后再发布"
        )
    try:
        err(f"正在发布到 {target} ……")
        if isinstance(target, S3Target):
            summary = deploy_s3(
                site_dir, target, dry_run=dry_run, compress=bool(config.get("gzip")), jobs=jobs, echo=echo, err=err
            )
        else:
            summary = deploy_rsync(site_dir, target, dry_run=dry_run, echo=echo)
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
    if not dry_run:
        requests = f"，{summary.requests_text()}" if summary.requests else ""
        restored = f"（其中 {summary.restored} 个在存储桶中被改动过，已恢复）" if summary.restored else ""
        err(
            f"发布完成：上传 {summary.uploaded} 个文件{restored}，{summary.unchanged} 个没有变化，删除 {summary.deleted} 个，"
            f"发送 {_size(summary.bytes_sent)}{requests}。"
        )
    return summary
