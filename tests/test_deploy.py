"""`wenming deploy` against a real S3 server on this machine (moto's server mode, in its
own process) and, where rsync is installed, to a local folder.

One demo copy is built four times (A: as shipped; B: one activity edited; C: one activity
deleted; D: site renamed and one activity added) and published in that order to one
prefix; the interrupted run is a real SIGKILL of the command in the middle of D."""

from __future__ import annotations

import dataclasses
import functools
import gzip
import hashlib
import http.client
import http.server
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, TODAY, copy_demo, write

from wenmingsite.commands.cli import main
from wenmingsite.outputs import deploy

EDITED = "docs/activities/2025/2025-06-12-无偿献血.md"
EDITED_PAGE = "activities/2025/2025-06-12-无偿献血/index.html"
DELETED = "docs/activities/2024/2024-10-11-重阳敬老"
DELETED_PAGE = "activities/2024/2024-10-11-重阳敬老/index.html"
ADDED_PAGE = "activities/2026/2026-11-20-迎检材料整理/index.html"
PROGRESS = re.compile(r"^\[(\d+)/(\d+)\] 上传（(新增|修改|恢复)）(\S+?)（", re.M)
DELETED_LINE = re.compile(r"^\[\d+/\d+\] 删除 (\S+)$", re.M)
ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "cn-north-1",
    "AWS_EC2_METADATA_DISABLED": "true",
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    "NO_MKDOCS_2_WARNING": "1",
    "WENMING_TODAY": TODAY.isoformat(),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module", autouse=True)
def aws_env():
    old = {k: os.environ.get(k) for k in ENV}
    os.environ.update(ENV)
    yield
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="module")
def s3(aws_env):
    """moto's S3 server on a port the system chose, in a thread of this process (its start()
    returns once it listens, so nothing is polled): (endpoint url, boto3 client)."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    try:
        client = deploy.make_client(deploy.S3Target("x", "", url))
        client.create_bucket(Bucket="wenming", CreateBucketConfiguration={"LocationConstraint": "cn-north-1"})
        yield url, client
    finally:
        server.stop()


def build(root: Path, out: Path) -> Path:
    deploy.build_site(root, out)
    return out


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The demo built as A, B, C and D from one copy (its image cache copied along)."""
    base = tmp_path_factory.mktemp("deploy")
    root = copy_demo(base)
    if (REPO / ".cache").is_dir():
        shutil.copytree(REPO / ".cache", root / ".cache")
    built = {"A": build(root, base / "A")}
    page = root / EDITED
    page.write_text(
        page.read_text(encoding="utf-8")
        .replace("报名人数比上一年增加了6人。", "报名人数比上一年增加了6人，其中青年职工4人。")
        .replace("献血量6,600毫升。", "献血量6,600毫升，其中青年职工4人。"),
        encoding="utf-8",
    )
    built["B"] = build(root, base / "B")
    shutil.rmtree(root / DELETED)
    (root / f"{DELETED}.md").unlink()
    built["C"] = build(root, base / "C")
    yml = root / "mkdocs.yml"
    yml.write_text(
        yml.read_text(encoding="utf-8").replace(
            "site_name: 青溪市农业技术推广中心 · 文明单位创建", "site_name: 青溪市农技推广中心 · 文明单位创建"
        ),
        encoding="utf-8",
    )
    write(
        root,
        "docs/activities/2026/2026-11-20-迎检材料整理.md",
        """\
        ---
        title: 迎检材料整理
        date: 2026-11-20
        category: 制度建设
        department: 办公室
        participants: 6
        summary: 办公室整理创建台账和佐证材料。
        ---

        办公室对照测评体系，逐项整理创建台账和佐证材料。
        """,
    )
    built["D"] = build(root, base / "D")
    return root, built


@functools.lru_cache(maxsize=16)
def files_of(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in site.rglob("*")
        if p.is_file()
    }


def snapshot(client, prefix: str, bodies: bool | Callable[[str], bool] = False) -> dict[str, dict]:
    """Every object under the prefix: its ETag, and with ``bodies`` (all, or those it
    accepts) its bytes and headers."""
    found = {}
    for page in client.get_paginator("list_objects").paginate(Bucket="wenming", Prefix=prefix):
        for item in page.get("Contents") or []:
            rel = item["Key"][len(prefix) :]
            entry = {"etag": item["ETag"]}
            if rel != deploy.MANIFEST and (bodies(rel) if callable(bodies) else bodies):
                got = client.get_object(Bucket="wenming", Key=item["Key"])
                entry.update(
                    body=got["Body"].read(),
                    type=got["ContentType"],
                    cache=got.get("CacheControl"),
                    encoding=got.get("ContentEncoding"),
                    meta=got["Metadata"],
                )
            found[rel] = entry
    return found


REF = re.compile(r'\s(?:href|src)="([^"]*)"|\ssrcset="([^"]*)"')


def broken_references(pages: dict[str, bytes], present: set[str]) -> tuple[list[str], int]:
    """Internal links and images of the HTML pages that name no object: (broken, checked)."""
    broken, checked = [], 0
    for rel, body in pages.items():
        base = "/" + rel.rsplit("/", 1)[0] + "/" if "/" in rel else "/"
        for href, srcset in REF.findall(body.decode("utf-8")):
            urls = [href] if href else [part.split()[0] for part in srcset.split(",") if part.strip()]
            for url in urls:
                parts = urllib.parse.urlsplit(url)
                if parts.scheme or parts.netloc or not parts.path:
                    continue
                path = urllib.parse.unquote(urllib.parse.urljoin(base, parts.path)).lstrip("/")
                if path == "" or path.endswith("/"):
                    path += "index.html"
                checked += 1
                if path not in present and f"{path}/index.html" not in present:
                    broken.append(f"{rel} -> {url}")
    return broken, checked


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def progress(out: str) -> dict[str, str]:
    return {key: how for _, _, how, key in PROGRESS.findall(out)}


@dataclasses.dataclass
class Run:
    code: int
    out: str
    err: str
    after: dict  # the bucket after the run (bodies and headers)


@pytest.fixture(scope="module")
def history(s3, sites):
    """A, A again, B, C deployed in turn to prefix ``unit/``, each with the bucket after it."""
    url, client = s3
    _, built = sites
    runs = {}
    for name, site in (("A", "A"), ("A again", "A"), ("B", "B"), ("C", "C")):
        code, out, err = cli("deploy", "s3://wenming/unit", "--endpoint-url", url, "--site-dir", str(built[site]))
        runs[name] = Run(code, out, err, snapshot(client, "unit/", bodies=True))
    return runs


def test_first_deploy_publishes_the_site_with_its_headers(history, sites):
    _, built = sites
    run = history["A"]
    local = files_of(built["A"])
    assert run.code == 0, run.err
    assert set(run.after) == set(local) | {deploy.MANIFEST}
    assert {rel: hashlib.sha256(o["body"]).hexdigest() for rel, o in run.after.items() if "body" in o} == local
    target = deploy.S3Target("wenming", "unit/")
    root, key = deploy.root_id(target), deploy.derive_key(ENV["AWS_SECRET_ACCESS_KEY"])
    for rel, o in run.after.items():
        if "meta" in o:
            mac = deploy.object_mac(key, target, rel, hashlib.md5(o["body"]).hexdigest(), len(o["body"]))
            assert o["meta"] == {"sha256": local[rel], "wenming-root": root, "wenming-mac": mac}, rel
    assert f"发布完成：上传 {len(local)} 个文件，0 个没有变化，删除 0 个，" in run.err
    assert progress(run.out) == {f"unit/{rel}": "新增" for rel in local}
    photo = next(rel for rel in local if rel.startswith("assets/photos/") and rel.endswith(".webp"))
    expected = {
        "index.html": ("text/html; charset=utf-8", deploy.SHORT),
        "api/activities.json": ("application/json; charset=utf-8", deploy.SHORT),
        "feed.xml": ("application/xml; charset=utf-8", deploy.SHORT),
        "assets/wenming/wenming.css": ("text/css; charset=utf-8", deploy.SHORT),
        "assets/javascripts/bundle.a5f9d56c.min.js": ("text/javascript; charset=utf-8", deploy.IMMUTABLE),
        photo: ("image/webp", deploy.IMMUTABLE),
        "documents/创建工作实施方案.pdf": ("application/pdf", deploy.MEDIUM),
        "assets/logo.svg": ("image/svg+xml; charset=utf-8", deploy.MEDIUM),
    }
    got = {rel: (run.after[rel]["type"], run.after[rel]["cache"]) for rel in expected if rel in run.after}
    assert got == {rel: v for rel, v in expected.items() if rel in local}
    assert len(got) >= 7


def test_upload_order_assets_then_pages_then_listings(history):
    order = [key for _, _, _, key in PROGRESS.findall(history["A"].out)]
    kind = [
        "listing"
        if k.endswith((".json", ".xml", ".gz")) and "/assets/" not in k
        else "page"
        if k.endswith(".html")
        else "asset"
        for k in order
    ]
    assert kind == sorted(kind, key=["asset", "page", "listing"].index)
    assert kind.count("asset") > 100 and kind.count("page") > 50 and kind.count("listing") >= 5


def test_second_deploy_of_an_unchanged_site_uploads_nothing(history):
    run = history["A again"]
    assert run.code == 0, run.err
    assert progress(run.out) == {}
    assert re.search(r"发布完成：上传 0 个文件，\d+ 个没有变化，删除 0 个，发送 0 B，2 次请求（GET 2）。", run.err), (
        run.err
    )
    assert {k: v["etag"] for k, v in run.after.items()} == {k: v["etag"] for k, v in history["A"].after.items()}


def test_one_edited_activity_uploads_its_page_the_listings_and_the_json(history, sites):
    _, built = sites
    run = history["B"]
    a, b = files_of(built["A"]), files_of(built["B"])
    changed = {rel for rel in b if a.get(rel) != b[rel]}
    assert run.code == 0, run.err
    assert progress(run.out) == {f"unit/{rel}": "修改" for rel in changed}
    assert EDITED_PAGE in changed and "api/activities.json" in changed
    # The records are sent again only for the edited activity's month (outputs.api), and that
    # part before the index that names it and its hash.
    assert {rel for rel in changed if rel.startswith("api/activities/")} == {"api/activities/2025-06.json"}
    order = [key for _, _, _, key in PROGRESS.findall(run.out)]
    assert order.index("unit/api/activities/2025-06.json") < order.index("unit/api/activities.json")
    # The search index is sent again only in the part that holds the page (search_index.split).
    assert len({rel for rel in changed if rel.startswith("search/part-")}) == 1
    assert "search/search_index.json" not in changed
    # activities/<year>/ is the year's listing (its headlines show the summary), not an activity.
    year_listing = re.compile(r"activities/\d{4}/index\.html")
    other_activities = {
        rel
        for rel in changed
        if rel.startswith("activities/") and rel != EDITED_PAGE and not year_listing.fullmatch(rel)
    }
    assert not other_activities
    assert not {rel for rel in changed if rel.startswith("assets/")}
    listings = re.compile(
        r"(index|print/index|activities/\d{4}/index|timeline/.*|categories/.*|criteria/.*|gallery/.*|stats/.*)\.html"
        r"|api/\w+\.json|api/activities/\d{4}-\d{2}\.json|search/part-\d+\.json|feed\.xml|sitemap\.xml(\.gz)?"
    )
    assert [rel for rel in changed if rel != EDITED_PAGE and not listings.fullmatch(rel)] == []
    assert len(changed) < 30
    assert f"发布完成：上传 {len(changed)} 个文件，{len(b) - len(changed)} 个没有变化，删除 0 个" in run.err
    assert "青年职工4人" in run.after[EDITED_PAGE]["body"].decode("utf-8")


def test_a_deleted_activity_is_deleted_after_the_new_files_are_up(history, sites):
    _, built = sites
    run = history["C"]
    b, c = files_of(built["B"]), files_of(built["C"])
    gone = set(b) - set(c)
    assert run.code == 0, run.err
    assert DELETED_PAGE in gone and any(rel.startswith("assets/photos/") for rel in gone)
    assert set(DELETED_LINE.findall(run.out)) == {f"unit/{rel}" for rel in gone}
    assert set(run.after) == set(c) | {deploy.MANIFEST}
    # Deletes come after every upload of the run.
    assert run.out.rindex("上传（") < run.out.index("删除 unit/")
    pages = {rel: o["body"] for rel, o in run.after.items() if rel.endswith(".html")}
    broken, checked = broken_references(pages, set(run.after))
    assert broken == [] and checked > 1000
    assert f"删除 {len(gone)} 个" in run.err


def test_dry_run_lists_changes_and_changes_nothing(s3, sites, history):
    url, client = s3
    _, built = sites
    before = snapshot(client, "unit/")
    code, out, err = cli(
        "deploy", "s3://wenming/unit", "--endpoint-url", url, "--site-dir", str(built["D"]), "--dry-run"
    )
    assert code == 0, err
    assert f"将上传（新增）unit/{ADDED_PAGE}" in out
    assert "将上传（修改）unit/index.html" in out
    assert re.search(
        r"--dry-run：将上传 \d+ 个文件（[\d.]+ [KM]?B），\d+ 个没有变化，将删除 0 个；存储桶没有任何改动。", out
    )
    assert snapshot(client, "unit/") == before
    # Built for the preview's address (the demo's default): said before anything is sent.
    assert (
        "提示：这个网站是按本机地址 http://127.0.0.1:8000/ 生成的，发布后站点地图、订阅（feed.xml）和每页的规范网址、"
        "分享链接都会指向访客自己的电脑。请在 mkdocs.yml 的 site_url 写上网站的正式地址"
        "（或设置环境变量 SITE_URL=https://…），重新生成后再发布"
    ) in err.splitlines()


def test_interrupted_deploy_leaves_a_consistent_site_and_the_next_run_finishes(s3, sites, history):
    url, client = s3
    root, built = sites
    prefix = "killed/"
    assert cli("deploy", f"s3://wenming/{prefix}", "--endpoint-url", url, "--site-dir", str(built["C"]))[0] == 0
    old_manifest = client.get_object(Bucket="wenming", Key=prefix + deploy.MANIFEST)["Body"].read()
    command = [
        sys.executable,
        "-m",
        "wenmingsite",
        "deploy",
        f"s3://wenming/{prefix}",
        "--endpoint-url",
        url,
        "--site-dir",
        str(built["D"]),
        "--jobs",
        "1",
    ]
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"}
    )
    seen = total = 0
    assert proc.stdout is not None
    for line in proc.stdout:
        found = PROGRESS.match(line)
        if found:
            seen, total = int(found.group(1)), int(found.group(2))
            if seen >= total // 2:
                proc.send_signal(signal.SIGKILL)
                break
    proc.wait(30)
    assert proc.returncode == -signal.SIGKILL and 20 < total and seen == total // 2
    half = snapshot(client, prefix, bodies=lambda rel: rel.endswith(".html"))
    assert client.get_object(Bucket="wenming", Key=prefix + deploy.MANIFEST)["Body"].read() == old_manifest
    assert ADDED_PAGE in half  # new pages go up before the pages that link to them
    renamed = [rel for rel, o in half.items() if rel.endswith(".html") and "青溪市农技推广中心" in o["body"].decode()]
    assert 0 < len(renamed) < sum(rel.endswith(".html") for rel in half)  # an old-and-new mix
    pages = {rel: o["body"] for rel, o in half.items() if rel.endswith(".html")}
    assert broken_references(pages, set(half))[0] == []

    code, out, err = cli("deploy", f"s3://wenming/{prefix}", "--endpoint-url", url, "--site-dir", str(built["D"]))
    assert code == 0, err
    again = len(progress(out))
    assert total - seen - 1 <= again <= total - seen  # the killed run's uploads are not sent twice
    after = snapshot(client, prefix, bodies=True)
    local = files_of(built["D"])
    assert {rel: hashlib.sha256(o["body"]).hexdigest() for rel, o in after.items() if "body" in o} == local
    pages = {rel: o["body"] for rel, o in after.items() if rel.endswith(".html")}
    assert broken_references(pages, set(after))[0] == []
    # `wenming deploy` building the same content itself (strictly): the same bytes, nothing sent.
    code, out, err = cli("deploy", f"s3://wenming/{prefix}", "--endpoint-url", url, "--root", str(root))
    assert code == 0, err
    assert "正在生成网站（mkdocs build --strict）" in err
    assert progress(out) == {} and "发布完成：上传 0 个文件" in err


# --- failures ----------------------------------------------------------------------------


def tiny_site(folder: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        write(folder, rel, text)
    return folder


def test_unreachable_endpoint_is_a_clear_chinese_error(tmp_path):
    site = tiny_site(tmp_path / "site", {"index.html": "<p>首页</p>"})
    code, out, err = cli(
        "deploy", "s3://wenming/x", "--endpoint-url", f"http://127.0.0.1:{free_port()}", "--site-dir", str(site)
    )
    assert code == 1
    assert "错误：读取存储桶中已发布的文件（s3://wenming/x/，服务地址 http://127.0.0.1:" in err
    assert "无法连接到存储服务（EndpointConnectionError）。请核对 --endpoint-url" in err
    assert err.rstrip().endswith("没有上传或删除任何文件")
    assert "Traceback" not in err


def test_missing_bucket_is_named(s3, tmp_path):
    url, _ = s3
    site = tiny_site(tmp_path / "site", {"index.html": "<p>首页</p>"})
    code, _, err = cli("deploy", "s3://no-such-bucket/x", "--endpoint-url", url, "--site-dir", str(site))
    assert code == 1
    assert "存储桶“no-such-bucket”不存在。请核对桶名称，以及 --endpoint-url 是否是这个桶所在的地域" in err


class FailingProxy:
    """Forwards to the S3 server; every PUT after the first ``allowed`` gets a 500."""

    def __init__(self, upstream: str, allowed: int):
        target = urllib.parse.urlsplit(upstream)
        self.puts = 0
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _forward(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.command == "PUT":
                    proxy.puts += 1
                    if proxy.puts > allowed:
                        error = b"<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>"
                        self.send_response(500)
                        self.send_header("Content-Length", str(len(error)))
                        self.end_headers()
                        self.wfile.write(error)
                        return
                upstream_conn = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
                upstream_conn.request(self.command, self.path, body=body, headers=dict(self.headers))
                answer = upstream_conn.getresponse()
                data = answer.read()
                self.send_response(answer.status)
                for k, v in answer.getheaders():
                    if k.lower() not in ("content-length", "transfer-encoding", "connection"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

            do_GET = do_PUT = do_HEAD = do_DELETE = do_POST = _forward

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


def test_endpoint_failing_midway_deletes_nothing(s3, tmp_path, monkeypatch):
    url, client = s3
    old = tiny_site(
        tmp_path / "old",
        {"index.html": '<a href="old/">旧</a>', "old/index.html": "<p>旧页面</p>", "assets/a.css": "p{}"},
    )
    new = tiny_site(
        tmp_path / "new",
        {
            "index.html": '<a href="new/">新</a>',
            "new/index.html": "<p>新页面</p>",
            "assets/b.css": "p{color:red}",
            "assets/c.css": "a{}",
            "feed.xml": "<rss/>",
        },
    )
    assert cli("deploy", "s3://wenming/fail", "--endpoint-url", url, "--site-dir", str(old))[0] == 0
    before = snapshot(client, "fail/")
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    proxy = FailingProxy(url, allowed=2)
    try:
        code, out, err = cli(
            "deploy", "s3://wenming/fail", "--endpoint-url", proxy.url, "--site-dir", str(new), "--jobs", "1"
        )
    finally:
        proxy.close()
    assert code == 1
    assert (
        "错误：上传 fail/new/index.html（s3://wenming/fail/，服务地址 "
        + proxy.url
        + "）：存储服务返回错误 InternalError：We encountered an internal error。请核对存储桶设置后重新运行。"
        "发布没有完成：已上传 2 个文件（共 5 个），没有删除任何文件，访客看到的仍是完整的旧网站"
    ) in err
    after = snapshot(client, "fail/")
    assert set(before) <= set(after)  # nothing deleted: old/ and a.css still there
    assert after[deploy.MANIFEST] == before[deploy.MANIFEST]
    assert "删除" not in out
    # The next normal run removes what the failed one left behind (its objects carry our hash).
    code, out, err = cli("deploy", "s3://wenming/fail", "--endpoint-url", url, "--site-dir", str(old))
    assert code == 0, err
    assert set(DELETED_LINE.findall(out)) == {"fail/assets/b.css", "fail/assets/c.css"}
    assert set(snapshot(client, "fail/")) == set(before)


def test_foreign_files_and_nested_deploys_are_left_alone(s3, tmp_path):
    url, client = s3
    outer = tiny_site(tmp_path / "outer", {"index.html": "<p>外层</p>"})
    inner = tiny_site(tmp_path / "inner", {"index.html": "<p>预览</p>", "a.css": "p{}"})
    assert cli("deploy", "s3://wenming/nest/preview", "--endpoint-url", url, "--site-dir", str(inner))[0] == 0
    client.put_object(Bucket="wenming", Key="nest/统计代码.txt", Body=b"x")
    code, out, err = cli("deploy", "s3://wenming/nest", "--endpoint-url", url, "--site-dir", str(outer))
    assert code == 0, err
    assert "保留 nest/preview/：这是另一次 wenming deploy 发布的目录，不会改动" in out
    assert "保留 nest/统计代码.txt：不是 wenming deploy 发布的文件，不会删除" in out
    assert set(snapshot(client, "nest/")) == {
        "index.html",
        "统计代码.txt",
        deploy.MANIFEST,
        "preview/index.html",
        "preview/a.css",
        f"preview/{deploy.MANIFEST}",
    }
    assert "删除 0 个" in err


def test_failed_build_publishes_nothing(s3, site, tmp_path, monkeypatch):
    url, client = s3
    root = site({"docs/activities/2024-03-05-plant.md": "---\ntitle: 植树\ndate: 2024-13-45\n---\n正文。\n"})
    scratch = tmp_path / "system-temp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    code, out, err = cli("deploy", "s3://wenming/broken", "--endpoint-url", url, "--root", str(root))
    assert code == 1
    assert "网站生成失败（mkdocs build --strict），没有发布任何文件，线上的网站保持原样。请先运行 wenming check" in err
    assert "docs/activities/2024-03-05-plant.md:3" in err
    assert snapshot(client, "broken/") == {}
    # The refused build leaves no folder behind in the system's temporary folder.
    assert [p.name for p in scratch.iterdir() if p.name.startswith("wenming-deploy-")] == []


# --- what is read back is verified, never trusted -------------------------------------------


def read_record(client, prefix: str) -> dict:
    body = client.get_object(Bucket="wenming", Key=prefix + deploy.MANIFEST)["Body"].read()
    return json.loads(gzip.decompress(body))


def write_record(client, prefix: str, record: dict) -> None:
    body = gzip.compress(json.dumps(record, ensure_ascii=False).encode("utf-8"))
    client.put_object(Bucket="wenming", Key=prefix + deploy.MANIFEST, Body=body, ContentEncoding="gzip")


def etag_of(client, key: str) -> tuple[str, int]:
    head = client.head_object(Bucket="wenming", Key=key)
    return head["ETag"].strip('"'), head["ContentLength"]


def test_a_foreign_object_named_in_the_record_survives(s3, tmp_path):
    """Someone adds a foreign object to the record (with its true size and MD5, even a copy of
    our metadata on it): the record's MAC no longer verifies, so nothing is decided by it; the
    foreign objects are kept and named, and our own old file (provable by its own MAC) goes."""
    url, client = s3
    prefix = "forge/"
    first = tiny_site(tmp_path / "first", {"index.html": "<p>首页</p>", "old.html": "<p>旧</p>", "a.css": "p{}"})
    assert cli("deploy", f"s3://wenming/{prefix}", "--endpoint-url", url, "--site-dir", str(first))[0] == 0
    client.put_object(Bucket="wenming", Key=prefix + "统计代码.txt", Body=b"foreign")
    ours = client.head_object(Bucket="wenming", Key=prefix + "a.css")["Metadata"]
    client.put_object(Bucket="wenming", Key=prefix + "伪装.css", Body=b"also foreign", Metadata=ours)
    record = read_record(client, prefix)
    for rel in ("统计代码.txt", "伪装.css"):
        etag, size = etag_of(client, prefix + rel)
        record["files"][rel] = {"sha256": "0" * 64, "props": "x", "size": size, "md5": etag, "modified": ""}
    write_record(client, prefix, record)

    second = tiny_site(tmp_path / "second", {"index.html": "<p>首页</p>", "a.css": "p{}"})
    code, out, err = cli("deploy", f"s3://wenming/{prefix}", "--endpoint-url", url, "--site-dir", str(second))
    assert code == 0, err
    assert (
        f"提示：发布记录 {prefix}{deploy.MANIFEST} 的签名对不上（记录在别处被改动过，或者换了访问密钥或 WENMING_DEPLOY_KEY），"
        "这次不据它判断任何文件：逐个核对已发布文件的内容和设置，只删除能证明是本工具发布的文件"
    ) in err
    assert f"保留 {prefix}统计代码.txt：不是 wenming deploy 发布的文件，不会删除" in out
    assert (
        f"保留 {prefix}伪装.css：无法证明是 wenming deploy 发布的（文件信息中的签名对不上），不会删除。"
        "确认不需要后请在云控制台删除"
    ) in out
    assert set(DELETED_LINE.findall(out)) == {f"{prefix}old.html"}
    after = snapshot(client, prefix, bodies=True)
    assert after["统计代码.txt"]["body"] == b"foreign" and after["伪装.css"]["body"] == b"also foreign"
    assert "old.html" not in after
    assert progress(out) == {}  # index.html and a.css: their bytes verified by ETag, headers by HEAD
    # The record is signed again, without the foreign entries; the next run trusts it.
    assert set(read_record(client, prefix)["files"]) == {"index.html", "a.css"}
    code, out, err = cli("deploy", f"s3://wenming/{prefix}", "--endpoint-url", url, "--site-dir", str(second))
    assert code == 0 and "签名对不上" not in err
    assert "统计代码.txt" in snapshot(client, prefix)


def test_our_old_file_replaced_by_someone_elses_is_kept(s3, tmp_path):
    """A key the signed record names, whose object now holds other bytes: not ours any more."""
    url, client = s3
    prefix = "replaced/"
    first = tiny_site(tmp_path / "first", {"index.html": "<p>首页</p>", "baidu_verify.html": "<p>旧</p>"})
    assert cli("deploy", f"s3://wenming/{prefix}", "--endpoint-url", url, "--site-dir", str(first))[0] == 0
    client.put_object(Bucket="wenming", Key=prefix + "baidu_verify.html", Body=b"verification-code-12345")
    second = tiny_site(tmp_path / "second", {"index.html": "<p>首页</p>"})
    code, out, err = cli("deploy", f"s3://wenming/{prefix}", "--endpoint-url", url, "--site-dir", str(second))
    assert code == 0, err
    assert (
        f"保留 {prefix}baidu_verify.html：内容已不是 wenming deploy 上次发布的版本（在别处被改动或替换过），不会删除。"
        "确认不需要后请在云控制台删除"
    ) in out
    assert client.get_object(Bucket="wenming", Key=prefix + "baidu_verify.html")["Body"].read() == (
        b"verification-code-12345"
    )
    assert "删除 0 个" in err


def test_a_defaced_object_is_restored_and_reported(s3, tmp_path):
    """Bytes changed behind the tool's back with our metadata kept, headers changed with the
    bytes kept, and then the record edited to vouch for the defacement: each is uploaded again
    and said so; nothing is reported unchanged on the word of metadata or record."""
    url, client = s3
    prefix = "deface/"
    site = tiny_site(tmp_path / "site", {"index.html": "<p>首页</p>", "a.css": "p{}", "about.html": "<p>关于</p>"})
    assert cli("deploy", f"s3://wenming/{prefix}", "--endpoint-url", url, "--site-dir", str(site))[0] == 0
    original = client.get_object(Bucket="wenming", Key=prefix + "index.html")
    client.put_object(
        Bucket="wenming",
        Key=prefix + "index.html",
        Body="<p>被篡改的首页</p>".encode(),
        Metadata=original["Metadata"],  # our sha256 and MAC, copied
        ContentType=original["ContentType"],
        CacheControl=original["CacheControl"],
    )
    css = client.get_object(Bucket="wenming", Key=prefix + "a.css")
    client.copy_object(  # the same bytes (and ETag), served as a web page
        Bucket="wenming",
        Key=prefix + "a.css",
        CopySource={"Bucket": "wenming", "Key": prefix + "a.css"},
        Metadata=css["Metadata"],
        MetadataDirective="REPLACE",
        ContentType="text/html; charset=utf-8",
        CacheControl=css["CacheControl"],
    )
    code, out, err = cli("deploy", f"s3://wenming/{prefix}", "--endpoint-url", url, "--site-dir", str(site))
    assert code == 0, err
    for rel in ("index.html", "a.css"):
        assert (f"存储桶中的 {prefix}{rel} 与上次发布的内容或设置不同（在别处被改动过），重新上传原来的文件") in out
    assert progress(out) == {f"{prefix}index.html": "恢复", f"{prefix}a.css": "恢复"}
    assert "发布完成：上传 2 个文件（其中 2 个在存储桶中被改动过，已恢复），1 个没有变化，删除 0 个" in err
    after = snapshot(client, prefix, bodies=True)
    assert after["index.html"]["body"] == "<p>首页</p>".encode()
    assert after["a.css"]["type"] == "text/css; charset=utf-8"

    # Deface again, and make the record vouch for it (size, MD5 and LastModified of the defaced
    # object): the record no longer verifies, and the bytes do not match what would be sent.
    client.put_object(
        Bucket="wenming",
        Key=prefix + "index.html",
        Body="<p>又被篡改</p>".encode(),
        Metadata=original["Metadata"],
        ContentType=original["ContentType"],
        CacheControl=original["CacheControl"],
    )
    record = read_record(client, prefix)
    listed = deploy.list_remote(client, deploy.S3Target("wenming", prefix))["index.html"]
    record["files"]["index.html"].update(md5=listed.etag, size=listed.size, modified=listed.modified)
    write_record(client, prefix, record)
    code, out, err = cli("deploy", f"s3://wenming/{prefix}", "--endpoint-url", url, "--site-dir", str(site))
    assert code == 0, err
    assert "的签名对不上" in err
    assert progress(out) == {f"{prefix}index.html": "修改"}
    assert client.get_object(Bucket="wenming", Key=prefix + "index.html")["Body"].read() == "<p>首页</p>".encode()


def test_the_record_is_keyed_by_the_deployers_secret(s3, tmp_path, monkeypatch):
    """Signed with a key from the secret access key, a rotated key makes the old record and
    MACs unprovable: nothing is deleted on their word (kept and named). WENMING_DEPLOY_KEY
    keeps one key across rotations and temporary credentials."""
    url, client = s3
    old = tiny_site(tmp_path / "old", {"index.html": "<p>首页</p>", "old.html": "<p>旧</p>"})
    new = tiny_site(tmp_path / "new", {"index.html": "<p>首页</p>"})
    assert cli("deploy", "s3://wenming/keyed", "--endpoint-url", url, "--site-dir", str(old))[0] == 0
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "rotated-secret-access-key-0000")
    code, out, err = cli("deploy", "s3://wenming/keyed", "--endpoint-url", url, "--site-dir", str(new))
    assert code == 0, err
    assert "的签名对不上（记录在别处被改动过，或者换了访问密钥或 WENMING_DEPLOY_KEY）" in err
    assert "保留 keyed/old.html：无法证明是 wenming deploy 发布的（文件信息中的签名对不上），不会删除" in out
    assert "old.html" in snapshot(client, "keyed/")

    monkeypatch.setenv("WENMING_DEPLOY_KEY", "a-long-random-deploy-key-1234567890")
    assert cli("deploy", "s3://wenming/stable", "--endpoint-url", url, "--site-dir", str(old))[0] == 0
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "rotated-again-secret-key-1111")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "temporary-session-token")
    code, out, err = cli("deploy", "s3://wenming/stable", "--endpoint-url", url, "--site-dir", str(new))
    assert code == 0, err
    assert "签名对不上" not in err and "临时访问密钥" not in err
    assert set(DELETED_LINE.findall(out)) == {"stable/old.html"}

    monkeypatch.delenv("WENMING_DEPLOY_KEY")
    code, out, err = cli("deploy", "s3://wenming/temporary", "--endpoint-url", url, "--site-dir", str(new))
    assert code == 0, err
    assert (
        "提示：这次用的是临时访问密钥（带会话令牌），它签名的发布记录下次无法核对，网站里删掉的旧文件以后不会被自动删除。"
        "请在环境变量 WENMING_DEPLOY_KEY 中放一个至少 20 个字符的随机字符串"
    ) in err

    monkeypatch.setenv("WENMING_DEPLOY_KEY", "short")
    code, out, err = cli("deploy", "s3://wenming/short", "--endpoint-url", url, "--site-dir", str(new))
    assert code == 1
    assert "错误：环境变量 WENMING_DEPLOY_KEY 太短（5 个字符），别人可以猜出它来伪造发布记录，没有发布任何文件。" in err
    assert snapshot(client, "short/") == {}


# --- configuration ------------------------------------------------------------------------


def test_target_and_gzip_from_mkdocs_yml(s3, tmp_path):
    url, client = s3
    page = "<p>" + "文明创建展示。" * 200 + "</p>"
    site = tiny_site(tmp_path / "site", {"index.html": page, "small.html": "<p>小</p>"})
    root = tiny_site(
        tmp_path / "root",
        {
            "mkdocs.yml": f"""\
        site_name: 测试
        site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
        plugins:
          - search
          - wenming:
              deploy:
                target: s3://wenming/configured
                endpoint_url: {url}
                gzip: true
        """
        },
    )
    code, out, err = cli("deploy", "--root", str(root), "--site-dir", str(site))
    assert code == 0, err
    stored = client.get_object(Bucket="wenming", Key="configured/index.html")
    assert stored["ContentEncoding"] == "gzip" and stored["ContentType"] == "text/html; charset=utf-8"
    assert gzip.decompress(stored["Body"].read()).decode("utf-8") == page
    small = client.get_object(Bucket="wenming", Key="configured/small.html")
    assert small.get("ContentEncoding") is None and small["Body"].read() == "<p>小</p>".encode()
    assert "上传 0 个文件" in cli("deploy", "--root", str(root), "--site-dir", str(site))[2]


def test_a_key_in_mkdocs_yml_is_refused_with_its_line(tmp_path):
    root = tiny_site(
        tmp_path / "root",
        {
            "mkdocs.yml": """\
        site_name: 测试
        plugins:
          - wenming:
              deploy:
                target: s3://wenming/x
                secret_access_key: abc
        """
        },
    )
    code, _, err = cli("deploy", "--root", str(root), "--site-dir", str(tmp_path))
    assert code == 1
    assert (
        "错误：mkdocs.yml:6: wenming 插件的 deploy 中不能写访问密钥（“secret_access_key”），没有发布任何文件。"
        "mkdocs.yml 会随仓库公开，请删除这一行并尽快在云控制台停用这个密钥"
    ) in err


SECRET_KEY = "kX9vQ2mZ7tR4wP8nL3yB6cF1hJ5dS0gAUe3Rt7Lp"  # the form of a 40-character secret key
HEX_KEY = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
TAIL = "，没有发布任何文件。mkdocs.yml 会随仓库公开：请删除它，并尽快在云控制台停用这个密钥（或修改密码）；"


@pytest.mark.parametrize(
    ("settings", "expected", "hidden"),
    [
        (
            "target: s3://wenming/secret\n    endpoint_url: https://AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE:{SECRET}@cos.example.com",
            "mkdocs.yml:6: wenming 插件的 deploy 中的 endpoint_url 写了网址的登录密码（“AKID…:***@”）",
            SECRET_KEY,
        ),
        (
            "target: rsync://web:hunter2@www.example.gov.cn/wenming/",
            "mkdocs.yml:5: wenming 插件的 deploy 中的 target 写了网址的登录密码（“web:***@”）",
            "hunter2",
        ),
        (
            'target: s3://wenming/secret\n    endpoint_url: !ENV [WENMING_S3_ENDPOINT, "LTAI5tQ3xExampleKey12"]',
            "mkdocs.yml:6: wenming 插件的 deploy 中的 endpoint_url（!ENV 的默认值）写了阿里云 AccessKey ID（LTAI…）",
            "5tQ3xExampleKey12",
        ),
        (
            "target: s3://wenming/secret\n    site_url: https://www.example.gov.cn/?token=abc123",
            "mkdocs.yml:6: wenming 插件的 deploy 中的 site_url 写了带密码或签名参数的网址（“token=***”）",
            "abc123",
        ),
        (
            "target: s3://wenming/secret\n    region: {SECRET}",
            f"mkdocs.yml:6: wenming 插件的 deploy 中的 region 写了一段像密钥的长字符串（kX9v…，{len(SECRET_KEY)} 个字符）",
            SECRET_KEY,
        ),
        (
            f"target: s3://wenming/{HEX_KEY}",
            "mkdocs.yml:5: wenming 插件的 deploy 中的 target 写了一段像密钥的十六进制长串（9f86…，64 个字符）",
            HEX_KEY,
        ),
        (
            "target: s3://wenming/secret\n    endpoint_url: https://AKIAIOSFODNN7EXAMPLE@s3.example.com",
            "mkdocs.yml:6: wenming 插件的 deploy 中的 endpoint_url 写了AWS 访问密钥 ID（AKIA…）",
            "IOSFODNN7EXAMPLE",
        ),
    ],
    ids=["url-password", "rsync-password", "env-default", "query-token", "base64-key", "hex-key", "access-key-id"],
)
def test_a_secret_in_any_setting_is_refused_with_its_line(s3, tmp_path, settings, expected, hidden):
    url, client = s3
    site = tiny_site(tmp_path / "site", {"index.html": "<p>首页</p>"})
    lines = settings.replace("{SECRET}", SECRET_KEY).split("\n    ")
    root = tmp_path / "root"
    root.mkdir()
    (root / "mkdocs.yml").write_text(
        "site_name: 测试\nplugins:\n  - wenming:\n      deploy:\n" + "".join(f"        {line}\n" for line in lines),
        encoding="utf-8",
    )
    code, out, err = cli("deploy", "--root", str(root), "--site-dir", str(site), "--endpoint-url", url)
    assert code == 1
    assert f"错误：{expected}{TAIL}" in err, err
    assert hidden not in out + err
    assert snapshot(client, "secret/") == {} and snapshot(client, "wenming/") == {}


def test_a_secret_in_the_older_place_and_from_the_environment(s3, tmp_path, monkeypatch):
    url, client = s3
    site = tiny_site(tmp_path / "site", {"index.html": "<p>首页</p>"})
    root = tiny_site(
        tmp_path / "root",
        {
            "mkdocs.yml": f"""\
        site_name: 测试
        extra:
          wenming:
            deploy:
              target: s3://wenming/secret
              region: !ENV [WENMING_REGION, "{SECRET_KEY}"]
        """
        },
    )
    code, _, err = cli("deploy", "--root", str(root), "--site-dir", str(site), "--endpoint-url", url)
    assert code == 1
    assert (
        f"错误：mkdocs.yml:6: extra.wenming.deploy 中的 region（!ENV 的默认值）写了一段像密钥的长字符串"
        f"（kX9v…，40 个字符）{TAIL}"
    ) in err
    (root / "mkdocs.yml").write_text(
        "site_name: 测试\nplugins:\n  - wenming:\n      deploy:\n        target: s3://wenming/secret\n"
        "        endpoint_url: !ENV WENMING_S3_ENDPOINT\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("WENMING_S3_ENDPOINT", url.replace("http://", "http://deploy:hunter2@"))
    code, _, err = cli("deploy", "--root", str(root), "--site-dir", str(site))
    assert code == 1
    assert (
        "错误：mkdocs.yml:6: wenming 插件的 deploy 中 !ENV 取自环境变量 WENMING_S3_ENDPOINT 的值写了网址的登录密码"
        "（“deploy:***@”），没有发布任何文件。它会出现在发布日志里：请删除它"
    ) in err
    assert "hunter2" not in err
    monkeypatch.setenv("WENMING_S3_ENDPOINT", url)  # the same setting without the password publishes
    code, _, err = cli("deploy", "--root", str(root), "--site-dir", str(site))
    assert code == 0, err
    assert set(snapshot(client, "secret/")) == {"index.html", deploy.MANIFEST}


def test_a_secret_on_the_command_line_is_refused(s3, tmp_path):
    url, client = s3
    site = tiny_site(tmp_path / "site", {"index.html": "<p>首页</p>"})
    code, out, err = cli("deploy", "rsync://web:hunter2@www.example.gov.cn/wenming/", "--site-dir", str(site))
    assert code == 1
    assert (
        "错误：命令行中的发布目标写了网址的登录密码（“web:***@”），没有发布任何文件。"
        "命令行会留在脚本、工作流文件和日志里：请删除它"
    ) in err
    code, out, err = cli(
        "deploy", "s3://wenming/cli", "--endpoint-url", f"{url}/?OSSAccessKeyId=x&Signature=y", "--site-dir", str(site)
    )
    assert code == 1
    assert "错误：命令行中的 --endpoint-url 参数写了带密码或签名参数的网址（“OSSAccessKeyId=***”）" in err
    assert "hunter2" not in out + err and snapshot(client, "cli/") == {}


def test_unknown_setting_and_bad_target(tmp_path):
    root = tiny_site(tmp_path / "root", {"mkdocs.yml": "extra:\n  wenming:\n    deploy:\n      bucket: x\n"})
    assert (
        "mkdocs.yml:4: extra.wenming.deploy 中的“bucket”不是可用的设置。可用的设置有：target、endpoint_url、"
        "region、addressing_style、signature_version、gzip、site_url"
    ) in cli("deploy", "--root", str(root))[2]
    assert "“Bad_Bucket”不是有效的存储桶名称" in cli("deploy", "s3://Bad_Bucket/x", "--root", str(tmp_path))[2]
    assert "不认识的发布目标“ftp://host/x”" in cli("deploy", "ftp://host/x", "--root", str(tmp_path))[2]


# --- rsync --------------------------------------------------------------------------------


@pytest.mark.skipif(
    shutil.which("rsync") is None, reason="rsync 未安装（apt-get install rsync）：跳过发布到服务器的测试"
)
def test_rsync_to_a_folder(sites, tmp_path):
    _, built = sites
    dest = tmp_path / "www"
    code, out, err = cli("deploy", str(dest), "--site-dir", str(built["B"]))
    assert code == 0, err
    assert files_of.__wrapped__(dest) == files_of(built["B"])
    code, out, err = cli("deploy", str(dest), "--site-dir", str(built["C"]))
    assert code == 0, err
    assert files_of.__wrapped__(dest) == files_of(built["C"])
    assert f"删除 {DELETED_PAGE}" in out
    b, c = files_of(built["B"]), files_of(built["C"])
    changed = {rel for rel, h in c.items() if b.get(rel) != h}
    assert set(re.findall(r"^上传 (\S+)$", out, re.M)) == changed
    code, out, err = cli("deploy", str(dest), "--site-dir", str(built["C"]))
    assert "发布完成：上传 0 个文件" in err and "删除 0 个" in err
