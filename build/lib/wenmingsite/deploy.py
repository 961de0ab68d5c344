"""Publish a built site to an S3-compatible bucket (Alibaba OSS, Tencent COS, Huawei OBS,
MinIO, AWS) or, by the system rsync, to a unit's own web server.

S3 change detection. Every object we upload carries its content's SHA-256 in its metadata
(``x-amz-meta-sha256``), and after a complete run a manifest object
(``<prefix>.wenming-deploy.json``) records, per key, that hash, the headers we set
(content type, cache control, encoding) and the size and ETag the store answered with.
A deploy then costs one LIST per 1,000 keys plus one GET of the manifest: a file is
unchanged when the manifest has its hash and headers *and* the listing still shows the
size and ETag the store gave at upload time. The ETag is only compared with itself, never
interpreted (multipart ETags and some domestic stores' ETags are not MD5s). An object the
manifest does not vouch for (an interrupted run, a manifest lost, a file edited by hand
in the console) costs one HEAD, whose ``sha256`` metadata decides; without it the file is
uploaded again. No local state is kept, so any machine (or CI) can deploy.

Order, so that a visitor never meets a half-published site: new and changed files that
pages refer to (assets, photos, documents) first, then new HTML pages, then changed HTML
pages, then the listings of the site for machines (sitemap, JSON, feed, search index),
then the manifest; deletes come last, after every new file is up. A run stopped at any
point leaves old pages pointing at old files (still there) and new pages pointing at new
files (already there); the next run finishes the job.

Deletes touch only what this tool published: keys in the previous manifest, or keys whose
metadata carries our hash. Anything else under the prefix is kept and named in the output.
"""

from __future__ import annotations

import base64
import dataclasses
import gzip
import hashlib
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
MANIFEST_VERSION = 1

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
                rel, path, hashlib.sha256(data).hexdigest(), len(data), content_type(rel), cache_control(rel), encoding
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


def read_config(root: Path) -> dict:
    """The ``deploy`` settings of the ``wenming`` plugin in mkdocs.yml (an older unit's
    ``extra.wenming.deploy`` is still read); MkDocs' own tags read as nothing."""
    import yaml

    from . import settings

    path = root / "mkdocs.yml"
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return {}

    class Lenient(yaml.SafeLoader):
        pass

    Lenient.add_multi_constructor("!", lambda loader, suffix, node: None)
    Lenient.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    try:
        node = yaml.compose(text, Loader=Lenient)
        data = yaml.load(text, Loader=Lenient) or {}
    except yaml.YAMLError:
        return {}  # MkDocs itself reports a broken mkdocs.yml when the site is built
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
    etag: str


@dataclasses.dataclass
class Plan:
    uploads: list[tuple[int, LocalFile, str]]  # (phase, file, "新增" | "修改"), in upload order
    unchanged: int
    deletes: list[str]  # keys
    kept: list[str]  # keys under the prefix that this tool did not publish
    nested: list[str]  # folders under the prefix that another deploy publishes (left alone)
    manifest: dict  # the previous manifest's files (rel -> entry)
    entries: dict  # manifest entries of the unchanged files (rel -> entry)


@dataclasses.dataclass
class Summary:
    uploaded: int = 0
    unchanged: int = 0
    deleted: int = 0
    bytes_sent: int = 0  # request bodies: the objects as stored, plus the manifest
    requests: Counter = dataclasses.field(default_factory=Counter)  # HTTP method -> count

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
            found[item["Key"][len(target.prefix) :]] = Remote(int(item["Size"]), str(item.get("ETag", "")).strip('"'))
    return found


def read_manifest(client, target: S3Target) -> dict:
    from botocore.exceptions import ClientError

    try:
        body = client.get_object(Bucket=target.bucket, Key=target.prefix + MANIFEST)["Body"].read()
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
            return {}
        raise
    try:
        if body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        data = json.loads(body)
    except (OSError, ValueError):
        return {}  # unreadable: every object is checked by its own metadata instead
    files = data.get("files") if isinstance(data, dict) and data.get("version") == MANIFEST_VERSION else None
    return files if isinstance(files, dict) else {}


def root_id(target: S3Target) -> str:
    return hashlib.sha256(target.prefix.encode("utf-8")).hexdigest()[:16]


def plan_s3(
    client, target: S3Target, files: list[LocalFile], on_head: Callable[[str], None] | None = None, jobs: int = 8
) -> Plan:
    remote = list_remote(client, target)
    remote.pop(MANIFEST, None)
    # Another deploy's folder inside this one (s3://b/ and s3://b/preview/): not ours to touch.
    nested = sorted(rel[: -len(MANIFEST)] for rel in remote if rel.endswith("/" + MANIFEST))
    if nested:
        remote = {rel: r for rel, r in remote.items() if not rel.startswith(tuple(nested))}
    manifest = read_manifest(client, target)

    def vouched(rel: str) -> dict | None:
        entry = manifest.get(rel)
        seen = remote.get(rel)
        if isinstance(entry, dict) and seen and entry.get("size") == seen.size and entry.get("etag") == seen.etag:
            return entry
        return None

    local = {f.rel: f for f in files}
    # Objects present but not vouched for by the manifest: their own metadata decides.
    unknown = [rel for rel in remote if vouched(rel) is None and (rel in local or rel not in manifest)]
    heads: dict[str, dict] = {}
    if unknown:

        def head(rel: str) -> tuple[str, dict]:
            if on_head:
                on_head(rel)
            answer = client.head_object(Bucket=target.bucket, Key=target.prefix + rel)
            meta = answer.get("Metadata") or {}
            return rel, {
                "sha256": meta.get(HASH_META),
                "root": meta.get(ROOT_META),
                "props": "|".join(
                    (
                        answer.get("ContentType") or "",
                        answer.get("CacheControl") or "",
                        answer.get("ContentEncoding") or "",
                    )
                ),
            }

        with ThreadPoolExecutor(max_workers=jobs) as pool:
            heads = dict(pool.map(head, unknown))
    uploads, entries = [], {}
    for f in files:
        known = vouched(f.rel) or heads.get(f.rel)
        if f.rel in remote and known and known.get("sha256") == f.sha256 and known.get("props") == f.props:
            seen = remote[f.rel]
            entries[f.rel] = {"sha256": f.sha256, "props": f.props, "size": seen.size, "etag": seen.etag}
            continue
        if f.is_listing:
            phase = PHASE_LISTINGS
        elif f.is_html:
            phase = PHASE_PAGES if f.rel in remote else PHASE_NEW_PAGES
        else:
            phase = PHASE_ASSETS
        uploads.append((phase, f, "修改" if f.rel in remote else "新增"))
    uploads.sort(key=lambda u: (u[0], u[1].rel))
    deletes: list[str] = []
    kept: list[str] = []
    for rel in sorted(remote):
        if rel in local:
            continue
        meta = heads.get(rel) or {}
        ours = rel in manifest or (bool(meta.get("sha256")) and meta.get("root") == root_id(target))
        (deletes if ours else kept).append(rel)
    return Plan(uploads, len(entries), deletes, kept, nested, manifest, entries)


def _md5(data: bytes) -> str:
    return base64.b64encode(hashlib.md5(data, usedforsecurity=False).digest()).decode("ascii")


def put_file(client, target: S3Target, f: LocalFile) -> dict:
    body = body_of(f)
    args = {
        "Bucket": target.bucket,
        "Key": target.prefix + f.rel,
        "Body": body,
        "ContentMD5": _md5(body),
        "ContentType": f.content_type,
        "CacheControl": f.cache_control,
        "Metadata": {HASH_META: f.sha256, ROOT_META: root_id(target)},
    }
    if f.encoding:
        args["ContentEncoding"] = f.encoding
    answer = client.put_object(**args)
    return {"sha256": f.sha256, "props": f.props, "size": len(body), "etag": str(answer.get("ETag", "")).strip('"')}


def _size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


def deploy_s3(
    site_dir: Path,
    target: S3Target,
    *,
    dry_run: bool = False,
    compress: bool = False,
    jobs: int = 8,
    echo: Callable[[str], None] = print,
) -> Summary:
    """Publish ``site_dir`` to the bucket; raises DeployError (Chinese) on any failure,
    before any delete."""
    from botocore.exceptions import BotoCoreError, ClientError

    files = scan_site(site_dir, compress)
    summary = Summary()
    client = make_client(target, summary, jobs)
    try:
        plan = plan_s3(client, target, files, jobs=jobs)
    except (BotoCoreError, ClientError) as exc:
        raise DeployError(explain(exc, target, "读取存储桶中已发布的文件") + "。没有上传或删除任何文件") from None
    summary.unchanged = plan.unchanged
    for rel in plan.nested:
        echo(f"保留 {target.prefix}{rel}：这是另一次 wenming deploy 发布的目录，不会改动")
    for rel in plan.kept:
        echo(f"保留 {target.prefix}{rel}：不是 wenming deploy 发布的文件，不会删除")
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
        entry = put_file(client, target, f)
        with lock:
            entries[f.rel] = entry
            done += 1
            echo(f"[{done}/{total}] 上传（{how}）{target.prefix}{f.rel}（{_size(f.size)}）")

    def failed(exc: BaseException | None, doing: str) -> DeployError:
        return DeployError(
            f"{explain(exc, target, doing) if isinstance(exc, (BotoCoreError, ClientError)) else exc}。"
            f"发布没有完成：已上传 {done} 个文件（共 {total} 个），没有删除任何文件，访客看到的仍是完整的旧网站"
            "（已上传的新文件不影响旧页面）。问题解决后重新运行 wenming deploy，已上传的文件不会再传一遍"
        )

    for phase in PHASE_NAMES:
        batch = [(f, how) for p, f, how in plan.uploads if p == phase]
        if not batch:
            continue
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = {pool.submit(upload, f, how): f for f, how in batch}
            finished, pending = wait(futures, return_when=FIRST_EXCEPTION)
            errors = [(futures[fut], fut.exception()) for fut in finished if fut.exception() is not None]
            if errors:
                for fut in pending:
                    fut.cancel()
                first, problem = errors[0]
                raise failed(problem, f"上传 {target.prefix}{first.rel}") from None
    manifest = {"version": MANIFEST_VERSION, "tool": "wenming deploy", "files": dict(sorted(entries.items()))}
    body = gzip.compress(json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), mtime=0)
    if manifest["files"] != plan.manifest:  # an unchanged site is not written to at all
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
    config = read_config(root) if (root / "mkdocs.yml").is_file() else {}
    text = target_text or config.get("target") or ""
    target = parse_target(
        text,
        endpoint_url or config.get("endpoint_url"),
        config.get("region"),
        config.get("addressing_style"),
        config.get("signature_version"),
    )
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
        build_site(root, site_dir, site_url)
    elif not site_dir.is_dir():
        raise DeployError(f"--site-dir {site_dir} 不存在。请先运行 mkdocs build --strict，或去掉 --site-dir")
    elif site_url:
        made_for = built_for(site_dir)
        if made_for and not made_for.startswith(site_url.rstrip("/")):
            err(
                f"提示：{site_dir} 是按网址 {made_for} 生成的，而 mkdocs.yml 中 wenming 插件的 deploy: site_url: 是 "
                f"{site_url}；站点地图、订阅和二维码会指向前者。要指向国内地址，请设置环境变量 SITE_URL={site_url} 后重新生成"
            )
    try:
        err(f"正在发布到 {target} ……")
        if isinstance(target, S3Target):
            summary = deploy_s3(
                site_dir, target, dry_run=dry_run, compress=bool(config.get("gzip")), jobs=jobs, echo=echo
            )
        else:
            summary = deploy_rsync(site_dir, target, dry_run=dry_run, echo=echo)
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
    if not dry_run:
        requests = f"，{summary.requests_text()}" if summary.requests else ""
        err(
            f"发布完成：上传 {summary.uploaded} 个文件，{summary.unchanged} 个没有变化，删除 {summary.deleted} 个，"
            f"发送 {_size(summary.bytes_sent)}{requests}。"
        )
    return summary
