"""Requests and bytes of `wenming deploy` to an S3-compatible bucket, on a synthetic unit.

    python bench/deploy.py --activities 1000 [--out bench/results/deploy.json]

Generates the unit (bench/generate.py), builds it with `mkdocs build --strict`, starts
moto's S3 server on 127.0.0.1 and measures, with the client's own request counter (bytes sent = request bodies; the only
body received is the manifest, reported as manifest_bytes):
the first deploy, a second deploy of the same site, and the deploy after one activity's
summary and text are edited and the site rebuilt. Counts, not timings: the numbers do not
depend on the machine's load.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

from generate import generate  # noqa: E402

from wenmingsite.outputs import deploy  # noqa: E402


def measure(site: Path, target: deploy.S3Target, compress: bool = False) -> dict:
    lines: list[str] = []
    summary = deploy.deploy_s3(site, target, echo=lines.append, compress=compress)
    return {
        "uploaded": summary.uploaded,
        "unchanged": summary.unchanged,
        "deleted": summary.deleted,
        "requests": dict(summary.requests),
        "requests_total": sum(summary.requests.values()),
        "bytes_sent": summary.bytes_sent,
        "uploaded_files": {
            key: (site / key).stat().st_size
            for key in sorted(
                line.split("）", 1)[1].rsplit("（", 1)[0][len(target.prefix) :] for line in lines if "上传" in line
            )
        }
        if summary.uploaded < 50
        else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    args = parser.parse_args()
    os.environ.update(
        AWS_ACCESS_KEY_ID="bench",
        AWS_SECRET_ACCESS_KEY="bench",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_EC2_METADATA_DISABLED="true",
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        NO_MKDOCS_2_WARNING="1",
    )
    work = Path(tempfile.mkdtemp(prefix="wenming-bench-deploy-"))
    root = generate(work / "unit", args.activities)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url + "/moto-api/", timeout=1)
                break
            except OSError:
                time.sleep(0.05)
        target = deploy.S3Target("bench", "", url)
        deploy.make_client(target).create_bucket(Bucket="bench")
        deploy.build_site(root, work / "site1")
        files = deploy.scan_site(work / "site1")
        results = {"activities": args.activities, "files": len(files), "site_bytes": sum(f.size for f in files)}
        results["first"] = measure(work / "site1", target)
        client = deploy.make_client(target)
        results["manifest_bytes"] = client.head_object(Bucket="bench", Key=deploy.MANIFEST)["ContentLength"]
        results["unchanged"] = measure(work / "site1", target)
        page = sorted((root / "docs" / "activities").rglob("*.md"))[args.activities // 2]
        text = page.read_text(encoding="utf-8")
        text = text.replace("summary: ", "summary: （已更新）", 1) + "\n补充：活动照片和签到表已归档。\n"
        page.write_text(text, encoding="utf-8")
        deploy.build_site(root, work / "site2")
        results["edited_page"] = page.relative_to(root).as_posix()
        results["one_edit"] = measure(work / "site2", target)
        # The same two deploys with text files stored gzip-compressed (gzip: true).
        packed = deploy.S3Target("bench", "gzip/", url)
        results["first_gzip"] = measure(work / "site1", packed, compress=True)
        results["one_edit_gzip"] = measure(work / "site2", packed, compress=True)
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results, ensure_ascii=False, indent=2))
    if args.out:
        args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
