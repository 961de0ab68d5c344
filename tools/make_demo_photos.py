"""Generate the demo unit's photos: believable synthetic scenes as phone JPEGs.

Every picture is drawn procedurally with Pillow — fields and orchards in perspective,
meeting halls with a banner and rows of chairs, classrooms, volunteer stalls under tents,
tree planting, sports days, visits to an old people's home, a blood donation van — with
depth (smaller, paler, softer things further away), light from one side, soft shadows,
texture and sensor noise, so that they compress and decode like real photos. No text is
drawn: banners carry blank panels only.

Most photos are 2000×1500 (what an editor exports from a phone's "large" setting); the
ones marked ``phone`` are full 4000×3000 sensor images stored the way a phone stores
them: camera model, time taken, an EXIF rotation with the pixels stored sideways, and
fictional GPS coordinates. Since the repository is public and `wenming check` refuses
originals that reveal where they were taken, those coordinates are then removed exactly
as an editor would do it with `wenming fix` (lossless: ``repair.strip_location``), so
the committed files keep the rotation and camera tags the pipeline must handle.

Run from the project root. Each photo is seeded by its path, noise included, so the
bytes are the same on every run with a given Pillow version, and adding a photo to
PHOTOS leaves the others unchanged:

    python tools/make_demo_photos.py                       # all photos, into docs/
    python tools/make_demo_photos.py 植树节                # only paths containing "植树节"
    python tools/make_demo_photos.py --out /tmp/demo       # somewhere else
    python tools/make_demo_photos.py --keep-gps /tmp/gps   # also keep the phone photos with GPS
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import zlib
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "src"))

A = "activities/"

# (path under docs/, scene, taken at, options). Options: "phone" = 4000×3000 with GPS
# removed afterwards; "o6"/"o8" = EXIF orientation (pixels stored rotated); a palette
# word for the season or light: "spring", "summer", "autumn", "winter", "dusk".
PHOTOS = [
    # 2024
    (A + "2024/2024-01-19-新春送春联进村/couplets-1.jpg", "stall", "2024:01:19 10:12:40", "winter red"),
    (A + "2024/2024-02-27-创建动员大会/hall-1.jpg", "hall", "2024:02:27 09:05:12", "phone"),
    (A + "2024/2024-02-27-创建动员大会/hall-2.jpg", "hall_side", "2024:02:27 09:48:30", ""),
    (A + "2024/2024-03-05-学雷锋进田间/orchard-1.jpg", "orchard", "2024:03:05 09:42:18", "phone spring"),
    (A + "2024/2024-03-05-学雷锋进田间/orchard-2.jpg", "orchard_group", "2024:03:05 10:15:03", "phone o6 spring"),
    (A + "2024/2024-03-28-道德讲堂/lecture-1.jpg", "classroom", "2024:03:28 14:36:05", ""),
    (A + "2024/2024-04-18-春播技术培训/class-1.jpg", "classroom_rural", "2024:04:18 09:31:40", ""),
    (A + "2024/2024-04-18-春播技术培训/field-1.jpg", "paddy", "2024:04:18 14:20:11", "spring"),
    (A + "2024/2024-05-10-职工趣味运动会/tug-1.jpg", "tug_of_war", "2024:05:10 09:50:27", "summer"),
    (A + "2024/2024-05-10-职工趣味运动会/track-1.jpg", "track", "2024:05:10 10:40:02", "summer"),
    (A + "2024/2024-05-29-结对帮扶签约/signing-1.jpg", "signing", "2024:05:29 10:20:45", ""),
    (A + "2024/2024-06-06-病虫害统防统治/field-1.jpg", "field", "2024:06:06 08:55:12", "phone o8 summer"),
    (A + "2024/2024-06-26-七一主题党日/party-1.jpg", "pledge", "2024:06:26 15:10:33", ""),
    (A + "2024/2024-09-27-国庆歌咏比赛/stage-1.jpg", "choir", "2024:09:27 15:05:33", "autumn"),
    (A + "2024/2024-10-11-重阳敬老/eldercare-1.jpg", "eldercare", "2024:10:11 09:40:19", ""),
    (A + "2024/2024-10-11-重阳敬老/eldercare-2.jpg", "eldercare_yard", "2024:10:11 10:25:51", "autumn"),
    (A + "2024/2024-11-20-垃圾分类进机关/sorting-1.jpg", "sorting", "2024:11:20 11:02:37", "autumn"),
    # 2025
    (A + "2025/2025-01-09-冬季果树修剪培训/pruning-1.jpg", "orchard_winter", "2025:01:09 10:10:10", "winter"),
    (A + "2025/2025-03-05-学雷锋服务月/stall-1.jpg", "stall", "2025:03:05 09:10:27", "spring"),
    (A + "2025/2025-03-05-学雷锋服务月/stall-2.jpg", "stall_close", "2025:03:05 09:55:48", "spring"),
    (A + "2025/2025-03-26-普法进村/village-1.jpg", "village_talk", "2025:03:26 14:32:06", "spring"),
    (A + "2025/2025-04-23-世界读书日/reading-1.jpg", "reading", "2025:04:23 15:12:44", ""),
    (A + "2025/2025-05-20-村企共建签约/signing-1.jpg", "signing", "2025:05:20 10:02:44", ""),
    (A + "2025/2025-06-12-无偿献血/bloodvan-1.jpg", "bloodvan", "2025:06:12 09:20:31", "summer"),
    (A + "2025/2025-06-12-无偿献血/bloodvan-2.jpg", "donation", "2025:06:12 09:48:02", ""),
    (A + "2025/2025-07-01-七一专题党课/lecture-1.jpg", "hall", "2025:07:01 15:00:21", ""),
    (A + "2025/2025-09-16-文明礼仪培训/class-1.jpg", "classroom", "2025:09:16 09:30:15", ""),
    (A + "2025/2025-10-11-秋收测产/field-1.jpg", "harvest", "2025:10:11 09:37:05", "autumn"),
    (A + "2025/2025-10-11-秋收测产/field-2.jpg", "harvest_group", "2025:10:11 11:48:19", "autumn"),
    (A + "2025/2025-10-11-秋收测产/orchard-1.jpg", "orchard", "2025:10:11 12:10:37", "autumn"),
    (A + "2025/2025-11-14-消防安全培训/drill-1.jpg", "fire_drill", "2025:11:14 10:05:50", "autumn"),
    (A + "2025/2025-12-26-职工之家开放日/home-1.jpg", "reading", "2025:12:26 15:40:09", "winter"),
    (A + "2025/2025-12-26-职工之家开放日/home-2.jpg", "pingpong", "2025:12:26 16:05:37", ""),
    # 2026
    (A + "2026/2026-03-05-学雷锋科技服务/stall-1.jpg", "stall", "2026:03:05 09:22:11", "spring blue"),
    (A + "2026/2026-03-05-学雷锋科技服务/field-1.jpg", "greenhouse", "2026:03:05 11:05:26", "spring"),
    (A + "2026/2026-03-12-植树节义务植树/planting-1.jpg", "planting", "2026:03:12 09:15:02", "phone spring"),
    (A + "2026/2026-03-12-植树节义务植树/planting-2.jpg", "planting_close", "2026:03:12 09:52:47", "spring"),
    (A + "2026/2026-03-12-植树节义务植树/planting-3.jpg", "planting_group", "2026:03:12 11:20:13", "spring"),
    (A + "2026/2026-04-24-职工春季运动会/track-1.jpg", "track", "2026:04:24 09:12:58", "spring"),
    (A + "2026/2026-04-24-职工春季运动会/tug-1.jpg", "tug_of_war", "2026:04:24 10:31:20", "spring"),
    (A + "2026/2026-06-10-无偿献血/bloodvan-1.jpg", "bloodvan", "2026:06:10 09:05:44", "summer"),
    (A + "2026/2026-06-18-科技特派员服务/greenhouse-1.jpg", "greenhouse", "2026:06:18 10:18:35", "summer"),
    (A + "2026/2026-06-18-科技特派员服务/field-1.jpg", "paddy", "2026:06:18 16:40:02", "summer dusk"),
    (A + "2026/2026-07-01-七一主题党日/pledge-1.jpg", "pledge", "2026:07:01 15:08:29", ""),
    (A + "2026/2026-09-23-农民丰收节科技集市/stall-1.jpg", "stall", "2026:09:23 09:40:16", "autumn"),
    (A + "2026/2026-09-23-农民丰收节科技集市/harvest-1.jpg", "harvest", "2026:09:23 15:55:40", "autumn dusk"),
    (A + "2026/2026-09-24-中秋国庆联欢会/stage-1.jpg", "choir", "2026:09:24 19:20:08", "night"),
    (A + "2026/2026-10-16-重阳节走访慰问/eldercare-1.jpg", "eldercare", "2026:10:16 09:50:33", "autumn"),
    (A + "2026/2026-10-16-重阳节走访慰问/eldercare-2.jpg", "eldercare_yard", "2026:10:16 10:42:15", "autumn"),
    (A + "2026/2026-11-13-迎检推进会/hall-1.jpg", "hall_side", "2026:11:13 14:30:52", ""),
    # 文明风采 (data/people.yml)
    ("people/2025-greenhouse.jpg", "greenhouse", "2025:05:16 10:20:41", "spring"),
    ("people/2024-eldercare.jpg", "eldercare", "2024:12:02 09:35:12", "winter"),
]


# --- drawing helpers ----------------------------------------------------------------------


def mix(a, b, t):
    return tuple(int(round(x + (y - x) * t)) for x, y in zip(a, b, strict=False))


def jitter(rng, c, n=12):
    return tuple(max(0, min(255, v + rng.randint(-n, n))) for v in c)


def vgradient(size, top, bottom, curve=1.0):
    w, h = size
    col = Image.new("RGB", (1, h))
    px = col.load()
    for y in range(h):
        px[0, y] = mix(top, bottom, (y / max(h - 1, 1)) ** curve)
    return col.resize((w, h))


class Scene:
    """A canvas with a shadow layer and depth helpers; coordinates in pixels."""

    def __init__(self, w, h, rng, palette):
        self.w, self.h, self.rng, self.palette = w, h, rng, palette
        self.img = Image.new("RGB", (w, h), (128, 128, 128))
        self.d = ImageDraw.Draw(self.img)
        self.s = w / 2000  # drawing scale relative to 2000 px wide

    # Light and shadow
    def shadow(self, box, strength=110, blur=None):
        """A soft contact shadow (blurred ellipse) multiplied into the image."""
        x0, y0, x1, y1 = (int(v) for v in box)
        pad = int(max(x1 - x0, y1 - y0) * 0.6) + 4
        region = (max(0, x0 - pad), max(0, y0 - pad), min(self.w, x1 + pad), min(self.h, y1 + pad))
        if region[2] <= region[0] or region[3] <= region[1]:
            return
        mask = Image.new("L", (region[2] - region[0], region[3] - region[1]), 0)
        ImageDraw.Draw(mask).ellipse([x0 - region[0], y0 - region[1], x1 - region[0], y1 - region[1]], fill=strength)
        mask = mask.filter(ImageFilter.GaussianBlur(blur or max(2, (y1 - y0) * 0.5)))
        crop = self.img.crop(region)
        dark = Image.new("RGB", crop.size, (20, 18, 30))
        self.img.paste(Image.composite(dark, crop, mask), region[:2])

    def glow(self, box, color, strength=120, blur=40):
        x0, y0, x1, y1 = (int(v) for v in box)
        mask = Image.new("L", (self.w, self.h), 0)
        ImageDraw.Draw(mask).ellipse([x0, y0, x1, y1], fill=strength)
        mask = mask.filter(ImageFilter.GaussianBlur(blur))
        self.img.paste(Image.composite(Image.new("RGB", self.img.size, color), self.img, mask))
        self.d = ImageDraw.Draw(self.img)

    def soften_above(self, y, radius):
        """Depth of field: blur what lies above ``y`` (the far part of the scene)."""
        y = int(y)
        if y <= 0:
            return
        far = self.img.crop((0, 0, self.w, y)).filter(ImageFilter.GaussianBlur(radius))
        mask = vgradient((self.w, y), (255, 255, 255), (0, 0, 0), 2.0).convert("L")
        self.img.paste(far, (0, 0), mask)
        self.d = ImageDraw.Draw(self.img)

    # Outdoor backdrops
    def sky(self, horizon):
        p = self.palette
        self.img.paste(vgradient((self.w, horizon), p["sky_top"], p["sky_bottom"], 0.8), (0, 0))
        rng = self.rng
        clouds = Image.new("L", (self.w, horizon), 0)
        cd = ImageDraw.Draw(clouds)
        for _ in range(rng.randint(3, 8)):
            cx, cy = rng.randint(-100, self.w + 100), rng.randint(0, int(horizon * 0.75))
            span = rng.randint(150, 450) * self.s
            for _ in range(16):
                r = rng.uniform(0.25, 0.6) * span
                x, y = cx + rng.uniform(-span, span), cy + rng.uniform(-0.2, 0.2) * span
                cd.ellipse([x - r, y - r * 0.45, x + r, y + r * 0.35], fill=rng.randint(120, 230))
        clouds = clouds.filter(ImageFilter.GaussianBlur(18 * self.s))
        self.img.paste(Image.new("RGB", (self.w, horizon), p["cloud"]), (0, 0), clouds)
        self.d = ImageDraw.Draw(self.img)

    def hills(self, horizon, layers=3):
        """Ridges and tree lines, paler and bluer with distance (aerial perspective)."""
        rng, p = self.rng, self.palette
        for i in range(layers):
            t = (i + 1) / (layers + 1)
            color = mix(p["haze"], p["far"], t)
            base = horizon - int((layers - i) * 22 * self.s)
            amp = (90 - i * 22) * self.s
            pts = [(0, self.h)]
            phase, freq = rng.uniform(0, 6), rng.uniform(1.5, 3.5)
            for x in range(0, self.w + 40, 40):
                y = (
                    base
                    - amp * (0.5 + 0.5 * math.sin(phase + freq * x / self.w * math.pi))
                    - amp * 0.3 * math.sin(phase * 2 + 7 * x / self.w)
                )
                pts.append((x, y))
            pts.append((self.w, self.h))
            self.d.polygon(pts, fill=color)
        # a tree line right on the horizon, with lumpy crowns
        color = mix(p["far"], (30, 60, 35), 0.5)
        for x in range(-20, self.w + 20, int(14 * self.s) + 1):
            r = rng.uniform(10, 26) * self.s
            self.d.ellipse([x - r, horizon - r * 1.6, x + r, horizon + 2], fill=jitter(rng, color, 8))

    def buildings(self, horizon, count=5, tall=260):
        rng = self.rng
        x = rng.randint(-200, 0)
        while x < self.w:
            bw = rng.randint(220, 520) * self.s
            bh = rng.randint(int(tall * 0.5), tall) * self.s
            wall = jitter(rng, rng.choice([(214, 206, 192), (196, 200, 204), (226, 218, 200), (186, 178, 170)]), 10)
            top = horizon - bh
            self.d.rectangle([x, top, x + bw, horizon], fill=wall)
            self.d.rectangle([x + bw * 0.82, top, x + bw, horizon], fill=mix(wall, (60, 60, 70), 0.25))  # side in shade
            rows, cols = int(bh / (46 * self.s)), int(bw * 0.8 / (40 * self.s))
            for r in range(rows):
                for c in range(cols):
                    wx, wy = x + 14 * self.s + c * 40 * self.s, top + 16 * self.s + r * 46 * self.s
                    glass = mix((90, 120, 150), (180, 200, 215), rng.random() * 0.6)
                    self.d.rectangle([wx, wy, wx + 24 * self.s, wy + 26 * self.s], fill=glass)
            self.d.rectangle([x, horizon - 6 * self.s, x + bw, horizon], fill=mix(wall, (0, 0, 0), 0.3))
            x += bw + rng.randint(0, 160) * self.s

    def ground(self, horizon, near, far):
        self.img.paste(vgradient((self.w, self.h - horizon), far, near, 0.7), (0, horizon))
        self.d = ImageDraw.Draw(self.img)

    def speckle(self, y0, y1, colors, count, size):
        """Grass, soil crumbs, gravel: small marks that grow towards the camera."""
        rng = self.rng
        for _ in range(count):
            y = rng.uniform(y0, y1)
            t = (y - y0) / max(y1 - y0, 1)
            x = rng.uniform(0, self.w)
            r = max(1.0, size * (0.2 + t) * self.s)
            self.d.ellipse([x - r, y - r * 0.5, x + r, y + r * 0.5], fill=jitter(rng, rng.choice(colors), 10))

    # Depth
    def depth_scale(self, y, horizon, near=1.0):
        """Height in pixels of a standing adult whose feet are at ``y``."""
        return max(8.0, (y - horizon) * 0.86 * near)

    # Things
    def tree(self, x, y, height, color=None, bare=False, blossom=None):
        rng, d = self.rng, self.d
        trunk_w = height * 0.06
        self.shadow((x - height * 0.35, y - height * 0.05, x + height * 0.45, y + height * 0.06), 90)
        d.polygon(
            [
                (x - trunk_w, y),
                (x - trunk_w * 0.6, y - height * 0.55),
                (x + trunk_w * 0.6, y - height * 0.55),
                (x + trunk_w, y),
            ],
            fill=(86, 62, 44),
        )
        d.polygon(
            [
                (x + trunk_w * 0.1, y),
                (x + trunk_w * 0.1, y - height * 0.55),
                (x + trunk_w * 0.6, y - height * 0.55),
                (x + trunk_w, y),
            ],
            fill=(62, 44, 32),
        )
        if bare:
            for _ in range(9):
                a = rng.uniform(-2.4, -0.7)
                L = height * rng.uniform(0.25, 0.5)
                x0, y0 = x, y - height * rng.uniform(0.35, 0.55)
                d.line(
                    [(x0, y0), (x0 + math.cos(a) * L, y0 + math.sin(a) * L)],
                    fill=(80, 60, 45),
                    width=max(1, int(trunk_w * 0.35)),
                )
            return
        base = color or self.palette["leaf"]
        for _ in range(22):
            r = height * rng.uniform(0.14, 0.24)
            cx = x + rng.uniform(-0.3, 0.3) * height
            cy = y - height * rng.uniform(0.55, 0.95)
            light = 0.25 if cx < x else -0.15  # light from the left
            c = mix(base, (230, 240, 170) if light > 0 else (10, 30, 15), abs(light) * rng.uniform(0.4, 1.2))
            d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=jitter(rng, c, 10))
            if blossom and rng.random() < 0.6:
                for _ in range(4):
                    bx, by = cx + rng.uniform(-r, r) * 0.8, cy + rng.uniform(-r, r) * 0.8
                    br = max(1.5, height * 0.018)
                    d.ellipse([bx - br, by - br, bx + br, by + br], fill=jitter(rng, blossom, 12))

    def person(
        self,
        x,
        y,
        h,
        coat=None,
        vest=False,
        seated=False,
        back=False,
        elder=False,
        arm_up=0.0,
        hat=None,
        trousers=None,
        shadow=True,
    ):
        """A person whose feet (or seat) are at (x, y), ``h`` pixels tall when standing."""
        rng, d = self.rng, self.d
        coat = coat or rng.choice(self.palette["coats"])
        skin = jitter(rng, rng.choice([(226, 186, 152), (214, 172, 136), (200, 160, 124), (232, 196, 166)]), 6)
        hair = (200, 200, 196) if elder else jitter(rng, rng.choice([(28, 24, 22), (40, 32, 26), (22, 20, 20)]), 6)
        trousers = trousers or jitter(rng, rng.choice([(40, 44, 60), (30, 30, 34), (70, 72, 80), (90, 80, 64)]), 6)
        w = h * rng.uniform(0.22, 0.26)
        head = h * 0.13
        if shadow and not seated:
            self.shadow((x - w * 0.9, y - h * 0.025, x + w * 1.3, y + h * 0.035), 120)
        hip = y - h * (0.22 if seated else 0.47)
        if seated:
            d.rounded_rectangle([x - w * 0.45, hip, x + w * 0.45, hip + h * 0.12], radius=w * 0.1, fill=trousers)
        else:
            gap = w * 0.04
            d.polygon([(x - w * 0.38, hip), (x - gap, hip), (x - gap * 1.5, y), (x - w * 0.3, y)], fill=trousers)
            d.polygon(
                [(x + gap, hip), (x + w * 0.38, hip), (x + w * 0.3, y), (x + gap * 1.5, y)],
                fill=mix(trousers, (0, 0, 0), 0.2),
            )
            d.ellipse([x - w * 0.4, y - h * 0.025, x - gap, y + h * 0.008], fill=(25, 22, 22))
            d.ellipse([x + gap, y - h * 0.025, x + w * 0.4, y + h * 0.008], fill=(25, 22, 22))
        shoulder = hip - h * 0.33
        r = w * 0.22
        waist = hip + h * 0.04
        d.polygon(
            [(x - w / 2, shoulder + r), (x + w / 2, shoulder + r), (x + w * 0.4, waist), (x - w * 0.4, waist)],
            fill=coat,
        )
        d.rounded_rectangle([x - w / 2, shoulder, x + w / 2, shoulder + 2.2 * r], radius=r, fill=coat)
        shade = mix(coat, (0, 0, 0), 0.22)  # light from the left: the right side in shade
        d.polygon(
            [(x + w * 0.14, shoulder + r), (x + w / 2, shoulder + r), (x + w * 0.4, waist), (x + w * 0.12, waist)],
            fill=shade,
        )
        d.pieslice([x + w / 2 - 2 * r, shoulder, x + w / 2, shoulder + 2 * r], 270, 360, fill=shade)
        d.rectangle([x + w * 0.14, shoulder, x + w / 2 - r, shoulder + r], fill=shade)
        if not back and not vest:  # collar
            d.polygon(
                [(x - w * 0.14, shoulder), (x, shoulder + h * 0.07), (x + w * 0.14, shoulder)],
                fill=mix(coat, (255, 255, 255), 0.5),
            )
        if vest:
            red = (200, 30, 36)
            d.rounded_rectangle(
                [x - w * 0.46, shoulder + h * 0.02, x + w * 0.46, hip + h * 0.02], radius=w * 0.2, fill=red
            )
            d.rectangle([x + w * 0.1, shoulder + h * 0.02, x + w * 0.46, hip + h * 0.02], fill=(160, 22, 28))
            d.line(
                [(x - w * 0.42, hip - h * 0.1), (x + w * 0.42, hip - h * 0.1)],
                fill=(235, 220, 120),
                width=max(1, int(h * 0.012)),
            )
        aw = w * 0.2
        left = [x - w / 2 - aw * 0.6, shoulder + h * 0.02, x - w / 2 + aw * 0.4, hip - h * 0.02]
        d.rounded_rectangle(left, radius=aw / 2, fill=mix(coat, (255, 255, 255), 0.05))
        if arm_up:
            ex = x + w / 2 + aw * 0.2
            d.line(
                [(ex, shoulder + h * 0.03), (ex + w * 0.25, shoulder - h * 0.18 * arm_up)],
                fill=mix(coat, (0, 0, 0), 0.2),
                width=max(2, int(aw)),
            )
            d.ellipse(
                [
                    ex + w * 0.25 - aw * 0.6,
                    shoulder - h * 0.18 * arm_up - aw * 0.6,
                    ex + w * 0.25 + aw * 0.6,
                    shoulder - h * 0.18 * arm_up + aw * 0.6,
                ],
                fill=skin,
            )
        else:
            d.rounded_rectangle(
                [x + w / 2 - aw * 0.4, shoulder + h * 0.02, x + w / 2 + aw * 0.6, hip - h * 0.02],
                radius=aw / 2,
                fill=mix(coat, (0, 0, 0), 0.28),
            )
        # neck, head, hair
        d.rectangle([x - w * 0.1, shoulder - head * 0.35, x + w * 0.1, shoulder + 2], fill=mix(skin, (0, 0, 0), 0.2))
        hx0, hy0, hx1, hy1 = x - head * 0.42, shoulder - head * 1.25, x + head * 0.42, shoulder - head * 0.2
        if back:
            d.ellipse([hx0, hy0, hx1, hy1], fill=hair)
        else:
            d.ellipse([hx0, hy0, hx1, hy1], fill=skin)
            d.chord([hx0 + head * 0.42, hy0, hx1, hy1], -90, 90, fill=mix(skin, (60, 30, 20), 0.18))
            d.chord([hx0 - 1, hy0 - head * 0.05, hx1 + 1, hy1 - head * 0.25], 180, 360, fill=hair)
        if hat:
            d.chord([hx0 - head * 0.05, hy0 - head * 0.12, hx1 + head * 0.05, hy1 - head * 0.3], 180, 360, fill=hat)
            d.rectangle([hx0 - head * 0.1, hy0 + head * 0.26, hx1 + head * 0.25, hy0 + head * 0.34], fill=hat)

    def crowd(self, n, y0, y1, horizon, x0=0, x1=None, **kw):
        spots = sorted((self.rng.uniform(y0, y1), self.rng.uniform(x0, x1 or self.w)) for _ in range(n))
        for y, x in spots:
            self.person(x, y, self.depth_scale(y, horizon), **kw)

    def tent(self, x, y, width, color, depth=0.35):
        """A folding gazebo: canopy with a scalloped valance, four legs, a table under it."""
        d, s = self.d, width
        top = y - s * 0.95
        self.shadow((x - s * 0.55, y - s * 0.06, x + s * 0.65, y + s * 0.08), 100)
        leg = (190, 190, 196)
        for lx in (x - s * 0.48, x + s * 0.48):
            d.rectangle([lx - s * 0.01, top + s * 0.18, lx + s * 0.01, y], fill=leg)
        d.polygon(
            [(x - s * 0.5, top + s * 0.18), (x - s * 0.2, top), (x + s * 0.2, top), (x + s * 0.5, top + s * 0.18)],
            fill=color,
        )
        d.polygon(
            [(x, top), (x + s * 0.2, top), (x + s * 0.5, top + s * 0.18), (x, top + s * 0.18)],
            fill=mix(color, (0, 0, 0), 0.15),
        )
        d.rectangle([x - s * 0.5, top + s * 0.18, x + s * 0.5, top + s * 0.27], fill=mix(color, (0, 0, 0), 0.08))
        for i in range(10):  # scallops
            cx = x - s * 0.5 + (i + 0.5) * s / 10
            d.chord(
                [cx - s * 0.05, top + s * 0.22, cx + s * 0.05, top + s * 0.31], 0, 180, fill=mix(color, (0, 0, 0), 0.08)
            )
        # inside shade under the canopy
        self.shadow((x - s * 0.45, top + s * 0.3, x + s * 0.45, top + s * 0.6), 60, blur=s * 0.08)
        # table with cloth and leaflets
        ty = y - s * 0.28
        d.rectangle([x - s * 0.42, ty, x + s * 0.42, y - s * 0.02], fill=(236, 236, 232))
        d.rectangle([x - s * 0.42, ty, x + s * 0.42, ty + s * 0.03], fill=(250, 250, 248))
        d.rectangle([x - s * 0.42, ty + s * 0.06, x + s * 0.42, ty + s * 0.1], fill=color)
        for i in range(6):
            px = x - s * 0.36 + i * s * 0.13
            d.rectangle(
                [px, ty - s * 0.012, px + s * 0.08, ty + s * 0.008],
                fill=self.rng.choice([(250, 240, 200), (210, 230, 250), (255, 255, 255), (240, 200, 200)]),
            )

    def banner(self, box, color=(196, 24, 32), glyphs=12):
        """A cloth banner: no letters, only the pale blocks where the words sit, blurred."""
        x0, y0, x1, y1 = box
        d = self.d
        d.rectangle(box, fill=color)
        d.rectangle([x0, y1 - (y1 - y0) * 0.12, x1, y1], fill=mix(color, (0, 0, 0), 0.2))
        layer = Image.new("L", (int(x1 - x0), int(y1 - y0)), 0)
        ld = ImageDraw.Draw(layer)
        bw = (x1 - x0) * 0.8 / glyphs
        for i in range(glyphs):
            gx = (x1 - x0) * 0.1 + i * bw
            ld.rectangle([gx + bw * 0.12, (y1 - y0) * 0.25, gx + bw * 0.88, (y1 - y0) * 0.72], fill=200)
        layer = layer.filter(ImageFilter.GaussianBlur(max(1.5, bw * 0.12)))
        self.img.paste(Image.new("RGB", layer.size, (250, 226, 140)), (int(x0), int(y0)), layer)
        self.d = ImageDraw.Draw(self.img)


# --- palettes -----------------------------------------------------------------------------


def palette(rng, words):
    coats = [
        (34, 52, 96),
        (48, 48, 54),
        (226, 226, 222),
        (120, 34, 40),
        (70, 96, 130),
        (160, 150, 130),
        (40, 80, 70),
        (210, 170, 60),
        (90, 60, 110),
        (190, 80, 60),
    ]
    p = {
        "sky_top": (92, 146, 214),
        "sky_bottom": (206, 224, 240),
        "cloud": (250, 251, 252),
        "haze": (196, 212, 226),
        "far": (92, 124, 110),
        "leaf": (58, 120, 52),
        "grass": (96, 140, 60),
        "soil": (120, 92, 66),
        "coats": coats,
        "grade": (1.0, 1.0, 1.0),
        "light": 1.0,
    }
    if "spring" in words:
        p.update(leaf=(84, 150, 62), grass=(110, 158, 70))
    if "summer" in words:
        p.update(sky_top=(64, 128, 214), leaf=(40, 104, 44), grass=(76, 132, 50), coats=coats + [(240, 240, 240)] * 3)
    if "autumn" in words:
        p.update(leaf=(150, 130, 50), grass=(150, 140, 70), grade=(1.05, 1.0, 0.92), haze=(214, 210, 200))
    if "winter" in words:
        p.update(
            sky_top=(150, 170, 196),
            sky_bottom=(218, 222, 226),
            leaf=(70, 92, 70),
            grass=(126, 130, 96),
            grade=(0.96, 0.98, 1.04),
            haze=(210, 214, 220),
            far=(120, 130, 132),
            coats=[(30, 34, 60), (40, 40, 44), (130, 30, 36), (90, 70, 50), (60, 80, 110), (200, 200, 196)],
        )
    if "dusk" in words:
        p.update(
            sky_top=(96, 120, 186),
            sky_bottom=(246, 196, 140),
            cloud=(250, 214, 180),
            haze=(230, 200, 170),
            grade=(1.1, 0.98, 0.86),
            light=0.92,
        )
    if "night" in words:
        p.update(grade=(1.0, 0.94, 0.9), light=0.8)
    if "blue" in words:
        p.update(tent=(38, 90, 170))
    if "red" in words:
        p.update(tent=(190, 30, 36))
    p["sky_top"], p["sky_bottom"] = jitter(rng, p["sky_top"], 8), jitter(rng, p["sky_bottom"], 6)
    return p


# --- scenes -------------------------------------------------------------------------------


def orchard(sc, group=False, winter=False):
    rng, w, h = sc.rng, sc.w, sc.h
    horizon = int(h * rng.uniform(0.34, 0.42))
    sc.sky(horizon)
    sc.hills(horizon)
    sc.ground(horizon, sc.palette["grass"], mix(sc.palette["grass"], sc.palette["haze"], 0.5))
    sc.speckle(
        horizon, h, [sc.palette["grass"], mix(sc.palette["grass"], (40, 60, 20), 0.4), sc.palette["soil"]], 9000, 6
    )
    vx = w * rng.uniform(0.35, 0.65)
    blossom = (246, 196, 212) if not winter and rng.random() < 0.7 else None
    rows = []
    for side in (-1, 1):
        for k in range(1, 5):
            for j in range(12, 0, -1):
                t = 1 / (1 + j * 0.55)  # distance along the row
                y = horizon + (h - horizon) * t * 1.1
                x = vx + side * k * w * 0.22 * t * 2.2
                rows.append((y, x))
    for y, x in sorted(rows):
        if -200 < x < w + 200:
            sc.tree(x, y, (y - horizon) * 1.9, bare=winter, blossom=blossom)
    people = 9 if group else rng.randint(3, 6)
    sc.crowd(people, h * 0.72, h * 0.97, horizon, w * 0.1, w * 0.9, hat=(230, 200, 120) if not winter else None)
    if group:
        for i in range(3):
            sc.person(w * (0.3 + i * 0.2), h * 0.99, h * 0.72, vest=True)
    sc.soften_above(horizon + (h - horizon) * 0.3, 2.5 * sc.s)


def field(sc, crop="green", people=5, spray=False):
    rng, w, h = sc.rng, sc.w, sc.h
    horizon = int(h * rng.uniform(0.3, 0.4))
    sc.sky(horizon)
    sc.hills(horizon, layers=2)
    if crop == "gold":
        near, far, row = (196, 160, 70), (214, 190, 120), (150, 112, 40)
    elif crop == "water":
        near, far, row = (120, 140, 120), (190, 204, 210), (70, 120, 50)
    else:
        near, far, row = (
            sc.palette["grass"],
            mix(sc.palette["grass"], sc.palette["haze"], 0.6),
            mix(sc.palette["grass"], (20, 50, 10), 0.5),
        )
    sc.ground(horizon, near, far)
    vx = w * rng.uniform(0.3, 0.7)
    n = 70
    for k in range(-n, n + 1):
        xb = vx + k * w * 0.045
        sc.d.line([(vx + k * w * 0.0012, horizon), (xb, h)], fill=row, width=max(1, int(6 * sc.s)))
    if crop == "water":  # seedlings in water: sky reflected between the rows
        sc.speckle(horizon, h, [(170, 190, 205), (140, 160, 160)], 3000, 5)
    sc.speckle(horizon, h, [row, mix(row, (255, 240, 160), 0.3), near], 14000, 7)
    # a field path and a ridge crossing
    sc.d.polygon(
        [(vx - w * 0.004, horizon), (vx + w * 0.004, horizon), (vx + w * 0.12, h), (vx - w * 0.08, h)],
        fill=mix(sc.palette["soil"], (200, 190, 170), 0.3),
    )
    sc.speckle(horizon, h, [(150, 130, 100)], 1500, 5)
    for _ in range(rng.randint(1, 3)):  # distant farm houses
        bx = rng.uniform(0, w)
        bw = rng.uniform(40, 80) * sc.s
        sc.d.rectangle([bx, horizon - bw * 0.5, bx + bw, horizon + 2], fill=(224, 222, 214))
        sc.d.polygon(
            [(bx - 4, horizon - bw * 0.5), (bx + bw / 2, horizon - bw * 0.8), (bx + bw + 4, horizon - bw * 0.5)],
            fill=(90, 90, 96),
        )
    sc.crowd(people, h * 0.55, h * 0.92, horizon, hat=(232, 206, 130) if rng.random() < 0.6 else None)
    if spray:
        for _ in range(2):
            x, y = rng.uniform(w * 0.2, w * 0.8), rng.uniform(h * 0.7, h * 0.9)
            sc.glow((x - w * 0.15, y - h * 0.25, x + w * 0.05, y - h * 0.1), (236, 240, 244), 90, 30 * sc.s)
    sc.soften_above(horizon + (h - horizon) * 0.25, 2 * sc.s)


def greenhouse(sc):
    rng, w, h = sc.rng, sc.w, sc.h
    horizon = int(h * 0.36)
    sc.sky(horizon)
    sc.hills(horizon, 2)
    sc.ground(horizon, (130, 112, 86), (170, 164, 150))
    vx = w * rng.uniform(0.4, 0.6)
    for k in (-3, -2, -1, 1, 2, 3):  # arched plastic tunnels in perspective
        for j in range(10, 0, -1):
            t0, t1 = 1 / (1 + j * 0.6), 1 / (1 + (j - 1) * 0.6)
            y0, y1 = horizon + (h - horizon) * t0, horizon + (h - horizon) * t1
            x0, x1 = vx + k * w * 0.28 * t0, vx + k * w * 0.28 * t1
            span = w * 0.22 * t1
            film = mix((230, 236, 238), (180, 196, 200), rng.random() * 0.3)
            sc.d.polygon(
                [
                    (x0 - span * 0.5 * t0 / t1, y0),
                    (x0, y0 - span * 0.45 * t0 / t1),
                    (x1, y1 - span * 0.45),
                    (x1 - span * 0.5, y1),
                ],
                fill=film,
            )
            sc.d.polygon(
                [
                    (x0, y0 - span * 0.45 * t0 / t1),
                    (x0 + span * 0.5 * t0 / t1, y0),
                    (x1 + span * 0.5, y1),
                    (x1, y1 - span * 0.45),
                ],
                fill=mix(film, (90, 110, 110), 0.25),
            )
            sc.d.line(
                [(x1 - span * 0.5, y1), (x1, y1 - span * 0.45), (x1 + span * 0.5, y1)],
                fill=(250, 252, 252),
                width=max(1, int(3 * sc.s)),
            )
    sc.speckle(h * 0.6, h, [(70, 130, 50), (90, 150, 60)], 5000, 9)
    sc.crowd(rng.randint(3, 5), h * 0.7, h * 0.97, horizon, vest=rng.random() < 0.5)
    sc.soften_above(h * 0.55, 2 * sc.s)


def outdoor_square(sc, horizon=None, tall=300):
    horizon = horizon or int(sc.h * sc.rng.uniform(0.42, 0.5))
    sc.sky(horizon)
    sc.buildings(horizon, tall=tall)
    for x in range(-50, sc.w + 50, int(sc.rng.uniform(160, 260) * sc.s)):
        sc.tree(x + sc.rng.uniform(-30, 30), horizon + 6, sc.rng.uniform(150, 230) * sc.s)
    sc.ground(horizon, (170, 166, 160), (196, 194, 190))
    for k in range(-30, 31):  # paving joints in perspective
        sc.d.line(
            [(sc.w / 2 + k * 30 * sc.s, horizon), (sc.w / 2 + k * 160 * sc.s, sc.h)], fill=(154, 150, 146), width=1
        )
    for j in range(1, 18):
        y = horizon + (sc.h - horizon) * (j / 18) ** 1.8
        sc.d.line([(0, y), (sc.w, y)], fill=(156, 152, 148), width=1)
    return horizon


def stall(sc, close=False):
    rng, w, h = sc.rng, sc.w, sc.h
    horizon = outdoor_square(sc)
    color = sc.palette.get("tent") or rng.choice([(190, 30, 36), (38, 90, 170), (220, 120, 30)])
    tents = (
        [(w * 0.5, h * 0.93, w * 0.5)]
        if close
        else [(w * 0.2, h * 0.7, w * 0.26), (w * 0.5, h * 0.72, w * 0.27), (w * 0.8, h * 0.74, w * 0.28)]
    )
    tents.sort(key=lambda t: t[1])
    if not close:
        sc.crowd(8, horizon + 20, h * 0.68, horizon)
    for x, y, s in tents:
        sc.tent(x + rng.uniform(-20, 20), y, s, jitter(rng, color, 10))
        for i in range(3):  # volunteers behind the table
            sc.person(
                x - s * 0.25 + i * s * 0.25, y - s * 0.2, sc.depth_scale(y, horizon) * 0.85, vest=True, shadow=False
            )
    sc.crowd(7 if close else 10, h * 0.76, h * 0.97, horizon, back=rng.random() < 0.5)
    sc.soften_above(horizon + 40, 1.5 * sc.s)


def village_talk(sc):
    """A village square under trees: a speaker by a display board, villagers on stools."""
    rng, w, h = sc.rng, sc.w, sc.h
    horizon = int(h * 0.45)
    sc.sky(horizon)
    sc.hills(horizon, 2)
    for i in range(5):  # village houses: white walls, dark tiled roofs
        bx, bw = w * (i * 0.22 - 0.05) + rng.uniform(-40, 40), w * 0.2
        top = horizon - bw * 0.45
        sc.d.rectangle([bx, top, bx + bw, horizon + 10], fill=jitter(rng, (232, 230, 224), 6))
        sc.d.polygon([(bx - 10, top), (bx + bw / 2, top - bw * 0.2), (bx + bw + 10, top)], fill=(70, 72, 80))
        for k in range(3):
            sc.d.rectangle(
                [bx + bw * (0.15 + k * 0.28), top + bw * 0.1, bx + bw * (0.27 + k * 0.28), top + bw * 0.24],
                fill=(60, 70, 80),
            )
    sc.ground(horizon, (168, 154, 130), (190, 184, 170))
    sc.speckle(horizon, h, [(150, 136, 112), (180, 170, 150)], 5000, 5)
    sc.tree(w * 0.12, h * 0.78, h * 0.8)
    sc.tree(w * 0.92, h * 0.72, h * 0.7)
    # display board with posters
    bx, by = w * 0.6, h * 0.7
    sc.shadow((bx - 20, by - 10, bx + w * 0.2, by + 20), 100)
    sc.d.rectangle([bx, by - h * 0.3, bx + w * 0.18, by - h * 0.1], fill=(38, 90, 170))
    for k in range(3):
        sc.d.rectangle(
            [bx + w * (0.01 + k * 0.058), by - h * 0.28, bx + w * (0.06 + k * 0.058), by - h * 0.14],
            fill=rng.choice([(250, 246, 236), (250, 230, 200), (230, 240, 250)]),
        )
    sc.d.rectangle([bx + 6, by - h * 0.1, bx + 14, by], fill=(120, 120, 124))
    sc.d.rectangle([bx + w * 0.18 - 14, by - h * 0.1, bx + w * 0.18 - 6, by], fill=(120, 120, 124))
    sc.person(w * 0.55, h * 0.72, sc.depth_scale(h * 0.72, horizon), vest=True, arm_up=0.6)
    for row in range(3):
        y = h * (0.8 + row * 0.07)
        for i in range(7 + row):
            x = w * (0.08 + i * 0.84 / (6 + row)) + rng.uniform(-20, 20)
            sc.person(x, y, sc.depth_scale(y, horizon), seated=True, back=True, elder=rng.random() < 0.4)


def indoor_room(sc, wall=(232, 226, 214), floor=(168, 128, 94), back=0.42, ceiling=0.12):
    """A room seen from the back: back wall, floor in perspective, ceiling lights."""
    w, h = sc.w, sc.h
    wall = jitter(sc.rng, wall, 6)
    sc.img.paste(vgradient((w, h), mix(wall, (255, 255, 255), 0.3), mix(wall, (120, 110, 100), 0.3), 1.0))
    sc.d = ImageDraw.Draw(sc.img)
    fy = int(h * back)
    sc.img.paste(vgradient((w, h - fy), mix(floor, (240, 230, 220), 0.3), mix(floor, (40, 30, 20), 0.3), 0.8), (0, fy))
    sc.d = ImageDraw.Draw(sc.img)
    for k in range(-20, 21):  # floor boards / tiles
        sc.d.line([(w / 2 + k * 40 * sc.s, fy), (w / 2 + k * 220 * sc.s, h)], fill=mix(floor, (0, 0, 0), 0.12), width=1)
    # ceiling strip and lights
    cy = int(h * ceiling)
    sc.d.rectangle([0, 0, w, cy], fill=mix(wall, (255, 255, 255), 0.5))
    for i in range(5):
        x = w * (0.1 + i * 0.2)
        sc.d.rectangle([x - 60 * sc.s, cy * 0.4, x + 60 * sc.s, cy * 0.55], fill=(255, 255, 250))
        sc.glow((x - 260 * sc.s, -80 * sc.s, x + 260 * sc.s, cy * 2.5), (255, 252, 236), 60, 60 * sc.s)
    return fy


def windows(sc, x0, x1, y0, y1, n):
    for i in range(n):
        wx0 = x0 + (x1 - x0) * i / n + 12 * sc.s
        wx1 = x0 + (x1 - x0) * (i + 1) / n - 12 * sc.s
        sc.img.paste(vgradient((int(wx1 - wx0), int(y1 - y0)), (200, 222, 240), (236, 240, 236)), (int(wx0), int(y0)))
        sc.d = ImageDraw.Draw(sc.img)
        sc.d.rectangle([wx0, y0, wx1, y1], outline=(190, 190, 186), width=max(2, int(8 * sc.s)))
        sc.d.line([((wx0 + wx1) / 2, y0), ((wx0 + wx1) / 2, y1)], fill=(190, 190, 186), width=max(2, int(6 * sc.s)))
        # curtain
        sc.d.rectangle([wx0 - 18 * sc.s, y0 - 10, wx0 + 20 * sc.s, y1 + 20 * sc.s], fill=(150, 60, 56))


def chairs_rows(sc, fy, rows, per_row, occupied=0.85, back_view=True, seat=(150, 30, 38), x_span=0.9):
    """Rows of chairs from behind, nearer rows lower, bigger and wider apart; people in them."""
    rng, w, h = sc.rng, sc.w, sc.h
    for r in range(rows - 1, -1, -1):
        t = (r + 1) / rows
        y = fy + (h - fy) * (0.12 + 0.9 * (1 - t) ** 1.2)
        size = sc.depth_scale(y, fy - (h - fy) * 0.6) * 0.9
        n = per_row + r * 2
        span = w * x_span * (1.0 + (1 - t) * 0.4)
        for i in range(n):
            x = w / 2 - span / 2 + span * (i + 0.5) / n + rng.uniform(-4, 4)
            if rng.random() < occupied:
                sc.person(x, y - size * 0.05, size, seated=True, back=back_view, shadow=False)
            sc.d.rounded_rectangle(
                [x - size * 0.16, y - size * 0.3, x + size * 0.16, y - size * 0.12], radius=size * 0.03, fill=seat
            )  # chair back in front of the sitter
            sc.d.rectangle([x - size * 0.14, y - size * 0.12, x - size * 0.12, y + size * 0.05], fill=(60, 60, 64))
            sc.d.rectangle([x + size * 0.12, y - size * 0.12, x + size * 0.14, y + size * 0.05], fill=(60, 60, 64))
        sc.shadow((w / 2 - span / 2, y - size * 0.02, w / 2 + span / 2, y + size * 0.06), 70, blur=size * 0.05)


def hall(sc, side=False):
    rng, w, h = sc.rng, sc.w, sc.h
    fy = indoor_room(sc, wall=rng.choice([(232, 224, 210), (226, 226, 220)]), back=0.5)
    # stage wall: red backdrop with a banner and a screen
    sc.d.rectangle([w * 0.12, h * 0.14, w * 0.88, fy], fill=(150, 24, 30))
    sc.banner((w * 0.18, h * 0.16, w * 0.82, h * 0.23), color=(178, 22, 30), glyphs=14)
    sc.img.paste(
        vgradient((int(w * 0.34), int(h * 0.2)), (60, 110, 180), (190, 214, 236)), (int(w * 0.33), int(h * 0.25))
    )
    sc.d = ImageDraw.Draw(sc.img)
    sc.d.rectangle([w * 0.36, h * 0.28, w * 0.64, h * 0.31], fill=(250, 250, 250))
    # rostrum table with a green cloth and flowers
    sc.d.rectangle([w * 0.25, fy - h * 0.06, w * 0.75, fy + h * 0.02], fill=(40, 110, 80))
    sc.d.rectangle([w * 0.25, fy - h * 0.06, w * 0.75, fy - h * 0.05], fill=(70, 140, 110))
    for i in range(6):
        sc.person(
            w * (0.3 + i * 0.08), fy - h * 0.05, h * 0.16, coat=rng.choice([(40, 40, 48), (30, 40, 70)]), seated=True
        )
    sc.d.rectangle([w * 0.25, fy - h * 0.03, w * 0.75, fy + h * 0.02], fill=(36, 100, 72))
    for i in range(12):
        fx = w * (0.26 + i * 0.04)
        sc.d.ellipse([fx, fy - h * 0.015, fx + w * 0.03, fy + h * 0.012], fill=jitter(rng, (220, 60, 70), 30))
    windows(sc, 0, w * 0.1, h * 0.2, fy - h * 0.05, 1)
    windows(sc, w * 0.9, w, h * 0.2, fy - h * 0.05, 1)
    chairs_rows(sc, fy, 6 if not side else 5, 11)
    if side:  # taken from the side aisle: tilt the whole scene a little
        sc.img = sc.img.rotate(
            rng.uniform(-3, 3), resample=Image.Resampling.BICUBIC, expand=False, fillcolor=(200, 196, 190)
        )
        sc.img = sc.img.crop((int(w * 0.06), int(h * 0.06), w, h)).resize((w, h))
        sc.d = ImageDraw.Draw(sc.img)


def pledge(sc):
    """Members raise their right fists before a red flag (the flag a plain red field)."""
    rng, w, h = sc.rng, sc.w, sc.h
    indoor_room(sc, wall=(222, 214, 200), back=0.62)
    sc.d.rectangle([w * 0.3, h * 0.12, w * 0.7, h * 0.45], fill=(200, 20, 28))
    sc.d.rectangle([w * 0.6, h * 0.12, w * 0.7, h * 0.45], fill=(176, 16, 24))
    sc.glow((w * 0.32, h * 0.14, w * 0.4, h * 0.24), (250, 210, 60), 160, 6 * sc.s)
    for row in range(3):
        y = h * (0.78 + row * 0.1)
        n = 7 + row
        for i in range(n):
            x = w * (0.12 + 0.76 * (i + 0.5) / n) + rng.uniform(-10, 10)
            sc.person(
                x,
                y,
                sc.depth_scale(y, h * 0.4),
                back=True,
                arm_up=1.0,
                coat=rng.choice([(230, 230, 228), (36, 40, 56), (52, 52, 58)]),
            )


def classroom(sc, rural=False):
    rng, w, h = sc.rng, sc.w, sc.h
    fy = indoor_room(
        sc,
        wall=(236, 234, 226) if not rural else (226, 216, 196),
        back=0.52,
        floor=(150, 150, 146) if not rural else (150, 120, 90),
    )
    # board and projected slide at the front wall
    sc.d.rectangle([w * 0.18, h * 0.17, w * 0.82, h * 0.42], fill=(40, 64, 54) if rural else (246, 246, 244))
    sc.img.paste(
        vgradient((int(w * 0.3), int(h * 0.19)), (250, 250, 246), (214, 226, 236)), (int(w * 0.35), int(h * 0.2))
    )
    sc.d = ImageDraw.Draw(sc.img)
    sc.d.rectangle([w * 0.37, h * 0.22, w * 0.63, h * 0.25], fill=(40, 110, 70))
    for k in range(4):
        sc.d.rectangle(
            [w * 0.38, h * (0.28 + k * 0.03), w * (0.5 + rng.random() * 0.1), h * (0.29 + k * 0.03)],
            fill=(150, 160, 170),
        )
    sc.d.rectangle([w * 0.52, h * 0.28, w * 0.62, h * 0.37], fill=(110, 160, 90))
    if rural:
        sc.banner((w * 0.2, h * 0.12, w * 0.8, h * 0.16), glyphs=16)
    windows(sc, 0, w * 0.14, h * 0.18, fy - 20, 1)
    windows(sc, w * 0.86, w, h * 0.18, fy - 20, 1)
    sc.glow((w * 0.85, h * 0.3, w * 1.3, h * 1.0), (255, 250, 230), 70, 80 * sc.s)
    # speaker at the lectern
    sc.d.rectangle([w * 0.72, fy - h * 0.1, w * 0.79, fy + h * 0.02], fill=(130, 90, 60))
    sc.person(w * 0.76, fy + h * 0.0, h * 0.3, coat=(40, 50, 80), arm_up=0.4)
    sc.d.rectangle([w * 0.72, fy - h * 0.07, w * 0.79, fy + h * 0.02], fill=(120, 84, 56))
    # desks in rows with people seen from behind
    for r in range(4, -1, -1):
        y = fy + (h - fy) * (0.18 + 0.2 * (4 - r)) ** 1.05
        size = sc.depth_scale(y, fy - (h - fy) * 0.5) * 0.85
        for side in (-1, 1):
            for i in range(3):
                x = w / 2 + side * (w * 0.07 + i * size * 0.42) * (1 + (4 - r) * 0.12)
                sc.person(x, y - size * 0.14, size, seated=True, back=True, shadow=False)
            x0 = w / 2 + side * w * 0.05 * (1 + (4 - r) * 0.12)
            x1 = w / 2 + side * (w * 0.07 + 2.5 * size * 0.42) * (1 + (4 - r) * 0.12)
            top = (min(x0, x1), y - size * 0.16, max(x0, x1), y - size * 0.1)
            sc.d.rectangle(top, fill=(200, 176, 140))
            sc.d.rectangle((top[0], top[3], top[2], top[3] + size * 0.1), fill=(150, 120, 90))
            for i in range(3):
                px = min(x0, x1) + (i + 0.3) * abs(x1 - x0) / 3
                sc.d.rectangle([px, top[1] - 2, px + size * 0.1, top[1] + 3], fill=(252, 252, 250))


def reading(sc):
    """The staff library: shelves, a long table, people reading and talking."""
    rng, w, h = sc.rng, sc.w, sc.h
    fy = indoor_room(sc, wall=(236, 230, 216), floor=(176, 140, 104), back=0.55)
    for k in range(4):  # shelves along the back wall
        x0 = w * (0.04 + k * 0.24)
        sc.d.rectangle([x0, h * 0.15, x0 + w * 0.2, fy], fill=(140, 100, 66))
        for s in range(5):
            y = h * 0.17 + s * (fy - h * 0.17) / 5
            x = x0 + 8
            while x < x0 + w * 0.2 - 14:
                bw = rng.uniform(8, 20) * sc.s
                bh = (fy - h * 0.17) / 5 * rng.uniform(0.6, 0.88)
                sc.d.rectangle(
                    [x, y + (fy - h * 0.17) / 5 - bh - 6, x + bw, y + (fy - h * 0.17) / 5 - 6],
                    fill=jitter(
                        rng,
                        rng.choice(
                            [
                                (170, 40, 40),
                                (40, 80, 140),
                                (220, 200, 150),
                                (60, 120, 80),
                                (240, 240, 236),
                                (200, 120, 50),
                            ]
                        ),
                        20,
                    ),
                )
                x += bw + 1
            sc.d.rectangle([x0, y + (fy - h * 0.17) / 5 - 6, x0 + w * 0.2, y + (fy - h * 0.17) / 5], fill=(110, 76, 50))
    sc.soften_above(fy, 2.5 * sc.s)
    # long table seen at an angle, people on both sides
    ty = h * 0.8
    for i in range(4):
        sc.person(w * (0.25 + i * 0.17), ty - h * 0.06, h * 0.36, seated=True)
    sc.d.polygon(
        [(w * 0.12, ty), (w * 0.88, ty), (w * 0.98, ty + h * 0.08), (w * 0.02, ty + h * 0.08)], fill=(196, 160, 116)
    )
    sc.d.rectangle([w * 0.02, ty + h * 0.08, w * 0.98, ty + h * 0.1], fill=(140, 104, 70))
    for i in range(7):
        bx = w * (0.16 + i * 0.11)
        sc.d.polygon(
            [
                (bx, ty + h * 0.02),
                (bx + w * 0.06, ty + h * 0.02),
                (bx + w * 0.065, ty + h * 0.05),
                (bx - w * 0.004, ty + h * 0.05),
            ],
            fill=rng.choice([(252, 250, 244), (240, 220, 180)]),
        )
    for i in range(4):
        sc.person(w * (0.18 + i * 0.2), h * 1.12, h * 0.55, seated=True, back=True, shadow=False)


def pingpong(sc):
    w, h = sc.w, sc.h
    fy = indoor_room(sc, wall=(220, 226, 230), floor=(170, 60, 54), back=0.5)
    windows(sc, w * 0.05, w * 0.95, h * 0.17, h * 0.38, 5)
    ty = h * 0.72
    sc.shadow((w * 0.2, ty - h * 0.02, w * 0.85, ty + h * 0.1), 120)
    sc.d.polygon(
        [(w * 0.3, ty - h * 0.12), (w * 0.7, ty - h * 0.12), (w * 0.82, ty), (w * 0.18, ty)], fill=(30, 90, 160)
    )
    sc.d.line([(w * 0.5, ty - h * 0.12), (w * 0.5, ty)], fill=(240, 240, 240), width=max(2, int(4 * sc.s)))
    sc.d.polygon(
        [(w * 0.24, ty - h * 0.07), (w * 0.76, ty - h * 0.07), (w * 0.76, ty - h * 0.04), (w * 0.24, ty - h * 0.04)],
        fill=(230, 230, 230),
    )
    sc.d.rectangle([w * 0.18, ty, w * 0.82, ty + h * 0.02], fill=(22, 60, 110))
    for lx in (0.22, 0.78):
        sc.d.rectangle([w * lx - 6, ty + h * 0.02, w * lx + 6, ty + h * 0.12], fill=(50, 50, 54))
    sc.person(w * 0.14, h * 0.9, h * 0.55, arm_up=0.5, coat=(200, 40, 40))
    sc.person(w * 0.86, h * 0.88, h * 0.52, arm_up=0.3, coat=(240, 240, 236))
    sc.d.ellipse([w * 0.47, h * 0.4, w * 0.48, h * 0.413], fill=(255, 170, 60))
    for i in range(6):  # onlookers along the wall
        sc.person(w * (0.28 + i * 0.09), fy + h * 0.04, h * 0.3)


def sports_ground(sc):
    rng, w, h = sc.rng, sc.w, sc.h
    horizon = int(h * 0.38)
    sc.sky(horizon)
    sc.buildings(horizon, tall=200)
    # spectator stand
    sc.d.rectangle([0, horizon - 40 * sc.s, w, horizon + 30 * sc.s], fill=(150, 150, 156))
    for i in range(int(w / (14 * sc.s))):
        x = i * 14 * sc.s
        sc.d.ellipse(
            [x, horizon - 30 * sc.s, x + 10 * sc.s, horizon - 18 * sc.s],
            fill=jitter(rng, rng.choice(sc.palette["coats"]), 20),
        )
    sc.ground(horizon + int(30 * sc.s), (72, 140, 60), (110, 160, 90))  # infield grass
    return horizon + int(30 * sc.s)


def track(sc):
    rng, w, h = sc.rng, sc.w, sc.h
    g = sports_ground(sc)
    # the straight of a red running track in perspective
    top, bottom = g + (h - g) * 0.25, h
    sc.d.polygon([(-w * 0.2, bottom), (w * 1.2, bottom), (w * 1.1, top), (-w * 0.1, top)], fill=(178, 70, 56))
    sc.speckle(top, bottom, [(160, 60, 48), (196, 86, 70)], 8000, 3)
    for k in range(9):
        t = k / 8
        yb, yt = bottom - (bottom - top) * t, bottom - (bottom - top) * t
        sc.d.line(
            [(-w * 0.2 + w * 0.1 * t, yb), (w * 1.2 - w * 0.1 * t, yt)],
            fill=(246, 240, 236),
            width=max(1, int((4 + 6 * (1 - t)) * sc.s)),
        )
    # runners mid-stride in lanes
    for k in range(5, -1, -1):
        y = bottom - (bottom - top) * (k + 0.5) / 8
        x = w * (0.3 + 0.08 * k) + rng.uniform(-80, 80) * sc.s
        sc.person(
            x,
            y,
            sc.depth_scale(y, g) * 0.9,
            arm_up=0.5,
            coat=rng.choice([(220, 40, 40), (40, 100, 200), (250, 200, 40), (40, 160, 90), (240, 240, 240)]),
        )
    sc.crowd(10, g + 6, top - 6, g)
    sc.soften_above(g + 20, 2 * sc.s)


def tug_of_war(sc):
    rng, w, h = sc.rng, sc.w, sc.h
    g = sports_ground(sc)
    sc.speckle(g, h, [(70, 136, 56), (96, 156, 72)], 12000, 6)
    y = h * 0.78
    rope_y = y - sc.depth_scale(y, g) * 0.45
    team = [(200, 40, 40), (40, 90, 180)]
    people = []
    for side in (-1, 1):
        for i in range(7):
            x = w / 2 + side * (w * 0.06 + i * w * 0.06)
            yy = y + rng.uniform(-10, 10) * sc.s + i * 4 * sc.s
            people.append((yy, x, team[(side + 1) // 2]))
    sc.crowd(14, g + 10, h * 0.6, g)
    for yy, x, c in sorted(people):
        sc.person(x, yy, sc.depth_scale(yy, g), coat=c)
    sc.d.line(
        [(w * 0.02, rope_y + 12 * sc.s), (w * 0.98, rope_y - 10 * sc.s)],
        fill=(214, 190, 140),
        width=max(3, int(9 * sc.s)),
    )
    sc.d.rectangle([w / 2 - 8 * sc.s, rope_y - 4 * sc.s, w / 2 + 8 * sc.s, rope_y + 40 * sc.s], fill=(230, 30, 30))
    sc.soften_above(g + 40, 2 * sc.s)


def choir(sc):
    """A choir on risers before a red backdrop, the audience's heads in the foreground."""
    rng, w, h = sc.rng, sc.w, sc.h
    night = sc.palette["light"] < 0.9
    sc.img.paste(
        vgradient((w, h), (60, 20, 24) if night else (200, 190, 176), (30, 20, 20) if night else (120, 100, 90))
    )
    sc.d = ImageDraw.Draw(sc.img)
    sc.d.rectangle([w * 0.05, h * 0.05, w * 0.95, h * 0.62], fill=(176, 20, 30))
    sc.banner((w * 0.16, h * 0.08, w * 0.84, h * 0.15), color=(150, 14, 24), glyphs=12)
    for i in range(8):  # stage lights
        x = w * (0.1 + i * 0.115)
        sc.glow((x - 90 * sc.s, h * 0.1, x + 90 * sc.s, h * 0.62), (255, 236, 200), 70 if night else 40, 40 * sc.s)
    stage = h * 0.66
    sc.d.rectangle([0, stage, w, h], fill=(80, 50, 40))
    sc.d.rectangle([0, stage, w, stage + h * 0.02], fill=(120, 80, 60))
    for r in range(3):  # risers
        y = stage - r * h * 0.07
        n = 12 - r
        for i in range(n):
            x = w * (0.14 + 0.72 * (i + 0.5) / n) + rng.uniform(-6, 6)
            sc.person(
                x,
                y,
                h * 0.3,
                coat=(250, 250, 248) if r % 2 == 0 else (200, 30, 36),
                shadow=False,
                trousers=(30, 30, 36),
            )
    sc.person(w * 0.5, h * 0.8, h * 0.42, back=True, arm_up=1.0, coat=(24, 24, 30))  # conductor
    for i in range(14):  # audience heads
        x = w * (i / 13) + rng.uniform(-20, 20)
        r = h * rng.uniform(0.05, 0.07)
        sc.d.ellipse([x - r, h - r * 1.2, x + r, h + r * 0.8], fill=(22, 20, 20))
        sc.d.rectangle([x - r * 1.8, h - r * 0.2, x + r * 1.8, h], fill=(30, 30, 36))


def eldercare(sc):
    """Volunteers with elderly residents in a sitting room."""
    rng, w, h = sc.rng, sc.w, sc.h
    indoor_room(sc, wall=(238, 228, 206), floor=(190, 150, 110), back=0.55)
    windows(sc, w * 0.55, w * 0.95, h * 0.16, h * 0.46, 2)
    sc.glow((w * 0.5, h * 0.2, w * 1.1, h * 0.9), (255, 248, 220), 70, 90 * sc.s)
    # sofa
    sy = h * 0.82
    sc.shadow((w * 0.05, sy - h * 0.02, w * 0.7, sy + h * 0.06), 120)
    sc.d.rounded_rectangle([w * 0.06, sy - h * 0.32, w * 0.68, sy - h * 0.12], radius=30 * sc.s, fill=(150, 110, 80))
    for i in range(3):
        sc.person(
            w * (0.17 + i * 0.19),
            sy - h * 0.12,
            h * 0.5,
            seated=True,
            elder=True,
            coat=rng.choice([(120, 80, 70), (90, 90, 110), (150, 130, 100), (60, 70, 90)]),
        )
    sc.d.rounded_rectangle([w * 0.04, sy - h * 0.15, w * 0.7, sy], radius=24 * sc.s, fill=(170, 126, 92))
    sc.d.rounded_rectangle([w * 0.02, sy - h * 0.26, w * 0.08, sy], radius=18 * sc.s, fill=(140, 100, 72))
    sc.d.rounded_rectangle([w * 0.66, sy - h * 0.26, w * 0.72, sy], radius=18 * sc.s, fill=(140, 100, 72))
    # volunteers standing and crouching
    sc.person(w * 0.8, h * 0.95, h * 0.7, vest=True)
    sc.person(w * 0.33, h * 1.02, h * 0.55, vest=True, seated=True, back=True)
    # fruit basket on a low table
    tx = w * 0.5
    sc.d.ellipse([tx - w * 0.08, h * 0.9, tx + w * 0.08, h * 0.97], fill=(130, 90, 56))
    for _ in range(9):
        fx, fr = tx + rng.uniform(-w * 0.06, w * 0.06), h * 0.022
        sc.d.ellipse(
            [fx - fr, h * 0.89 - rng.uniform(0, h * 0.02) - fr, fx + fr, h * 0.89 + fr],
            fill=rng.choice([(230, 120, 30), (200, 40, 40), (240, 200, 50)]),
        )


def eldercare_yard(sc):
    w, h = sc.w, sc.h
    horizon = int(h * 0.46)
    sc.sky(horizon)
    sc.d.rectangle([0, horizon - h * 0.3, w, horizon], fill=(232, 226, 214))  # the home's building
    for i in range(9):
        for j in range(2):
            x, y = w * (0.04 + i * 0.108), horizon - h * (0.26 - j * 0.12)
            sc.d.rectangle([x, y, x + w * 0.06, y + h * 0.07], fill=(110, 140, 160))
    sc.d.rectangle([0, horizon - h * 0.31, w, horizon - h * 0.29], fill=(150, 60, 50))
    sc.ground(horizon, (170, 168, 160), (196, 196, 190))
    sc.tree(w * 0.08, h * 0.7, h * 0.7, blossom=None)
    sc.tree(w * 0.95, h * 0.66, h * 0.6)
    spots = [(h * 0.78, w * 0.3, True), (h * 0.8, w * 0.5, True), (h * 0.76, w * 0.7, True)]
    for y, x, _elder in spots:  # elders in wheelchairs/chairs, volunteers beside
        s = sc.depth_scale(y, horizon - (h - horizon) * 0.4)
        sc.shadow((x - s * 0.3, y - s * 0.03, x + s * 0.4, y + s * 0.05), 110)
        sc.person(x, y - s * 0.12, s, seated=True, elder=True)
        sc.d.ellipse(
            [x - s * 0.2, y - s * 0.2, x + s * 0.05, y + s * 0.05], outline=(60, 60, 64), width=max(2, int(s * 0.025))
        )
        sc.person(x + s * 0.3, y + 8, s * 1.02, vest=True)
    sc.crowd(5, horizon + 20, h * 0.7, horizon - (h - horizon) * 0.4, vest=True)


def bloodvan(sc):
    w, h = sc.w, sc.h
    horizon = outdoor_square(sc, int(h * 0.5), tall=360)
    # the van: a white coach with a red band, windows and a door
    x0, x1, y1 = w * 0.1, w * 0.78, h * 0.78
    y0 = y1 - h * 0.38
    sc.shadow((x0 - 20, y1 - 20 * sc.s, x1 + 60 * sc.s, y1 + 40 * sc.s), 150, blur=20 * sc.s)
    sc.d.rounded_rectangle([x0, y0, x1, y1 - h * 0.03], radius=30 * sc.s, fill=(244, 244, 242))
    sc.img.paste(
        vgradient((int(x1 - x0), int(h * 0.08)), (250, 250, 250), (214, 214, 214)), (int(x0), int(y1 - h * 0.11))
    )
    sc.d = ImageDraw.Draw(sc.img)
    sc.d.rectangle([x0, y0 + h * 0.2, x1, y0 + h * 0.25], fill=(206, 28, 40))
    for i in range(6):
        wx = x0 + (x1 - x0) * (0.05 + i * 0.13)
        sc.img.paste(
            vgradient((int(w * 0.08), int(h * 0.11)), (60, 80, 100), (150, 170, 190)), (int(wx), int(y0 + h * 0.05))
        )
    sc.d = ImageDraw.Draw(sc.img)
    cx, cy, cs = x0 + (x1 - x0) * 0.84, y0 + h * 0.1, h * 0.04
    sc.d.rectangle([cx - cs, cy - cs * 0.33, cx + cs, cy + cs * 0.33], fill=(206, 28, 40))  # a red cross
    sc.d.rectangle([cx - cs * 0.33, cy - cs, cx + cs * 0.33, cy + cs], fill=(206, 28, 40))
    sc.d.rectangle([x1 - w * 0.1, y0 + h * 0.04, x1 - w * 0.06, y1 - h * 0.03], fill=(200, 204, 208))  # door
    for wx in (x0 + w * 0.1, x1 - w * 0.16):
        sc.d.ellipse([wx - h * 0.055, y1 - h * 0.07, wx + h * 0.055, y1 + h * 0.04], fill=(30, 30, 32))
        sc.d.ellipse([wx - h * 0.025, y1 - h * 0.04, wx + h * 0.025, y1 + h * 0.01], fill=(160, 160, 166))
    sc.tent(w * 0.88, h * 0.86, w * 0.24, (38, 90, 170))
    # a queue winding towards the door
    queue = [(h * (0.8 + i * 0.03), x1 - w * 0.08 - i * w * 0.07) for i in range(6)]
    for y, x in sorted(queue):
        sc.person(x, y, sc.depth_scale(y, horizon - (h - horizon) * 0.35))
    sc.soften_above(horizon, 1.8 * sc.s)


def donation(sc):
    """Inside the van / donation room: reclining chairs, a nurse, a volunteer."""
    w, h = sc.w, sc.h
    indoor_room(sc, wall=(232, 238, 240), floor=(200, 204, 206), back=0.5)
    windows(sc, w * 0.05, w * 0.5, h * 0.16, h * 0.4, 2)
    for i, cx in enumerate((w * 0.3, w * 0.72)):
        cy = h * (0.84 - i * 0.05)
        s = h * (0.62 - i * 0.1)
        sc.shadow((cx - s * 0.5, cy - s * 0.04, cx + s * 0.6, cy + s * 0.06), 110)
        sc.d.polygon(
            [
                (cx - s * 0.5, cy - s * 0.3),
                (cx - s * 0.4, cy - s * 0.75),
                (cx - s * 0.25, cy - s * 0.75),
                (cx - s * 0.2, cy - s * 0.3),
            ],
            fill=(90, 150, 170),
        )
        sc.person(cx - s * 0.1, cy - s * 0.22, s, seated=True)
        sc.d.rounded_rectangle(
            [cx - s * 0.5, cy - s * 0.32, cx + s * 0.55, cy - s * 0.2], radius=s * 0.05, fill=(100, 160, 180)
        )
        sc.d.rectangle([cx - s * 0.05, cy - s * 0.2, cx + s * 0.05, cy], fill=(150, 150, 156))
        # the blood bag on its stand
        sc.d.line(
            [(cx + s * 0.6, cy), (cx + s * 0.6, cy - s * 0.9)], fill=(170, 170, 176), width=max(2, int(s * 0.015))
        )
        sc.d.rounded_rectangle(
            [cx + s * 0.54, cy - s * 0.86, cx + s * 0.66, cy - s * 0.7], radius=s * 0.02, fill=(150, 16, 30)
        )
    sc.person(w * 0.5, h * 0.98, h * 0.75, coat=(250, 250, 250), hat=(250, 250, 250))
    sc.person(w * 0.92, h * 1.0, h * 0.7, vest=True)


def planting(sc, close=False, group=False):
    rng, w, h = sc.rng, sc.w, sc.h
    horizon = int(h * (0.34 if not close else 0.25))
    sc.sky(horizon)
    sc.hills(horizon, 3)
    sc.ground(horizon, (136, 104, 72), (160, 150, 120))
    sc.speckle(horizon, h, [(118, 86, 58), (150, 120, 86), (100, 140, 60)], 15000, 8)
    # rows of saplings already planted, with stakes
    for j in range(9, 0, -1):
        t = 1 / (1 + j * 0.5)
        y = horizon + (h - horizon) * t
        for k in range(-6, 7):
            x = w / 2 + k * w * 0.16 * t * 2.4
            if -50 < x < w + 50:
                ht = (y - horizon) * 0.5
                sc.d.ellipse([x - ht * 0.2, y - ht * 0.04, x + ht * 0.2, y + ht * 0.04], fill=(96, 70, 48))
                sc.tree(x, y, ht, color=(96, 150, 70))
    if close:  # two volunteers filling a planting hole, a shovel, a sapling
        y = h * 0.92
        sc.d.ellipse([w * 0.32, y - h * 0.05, w * 0.64, y + h * 0.04], fill=(90, 64, 44))
        sc.d.ellipse([w * 0.36, y - h * 0.03, w * 0.6, y + h * 0.02], fill=(60, 42, 30))
        sc.tree(w * 0.48, y, h * 0.6, color=(90, 150, 66))
        sc.person(w * 0.3, h * 1.0, h * 0.85, vest=True, arm_up=0.3)
        sc.person(w * 0.68, h * 0.98, h * 0.82, vest=rng.random() < 0.5, arm_up=0.5)
        sc.d.line([(w * 0.72, h * 0.6), (w * 0.6, h * 0.93)], fill=(120, 90, 60), width=max(3, int(10 * sc.s)))
        sc.d.polygon(
            [(w * 0.59, h * 0.9), (w * 0.62, h * 0.91), (w * 0.6, h * 0.97), (w * 0.57, h * 0.955)],
            fill=(110, 116, 120),
        )
    elif group:  # a group photo beside the new trees, front row crouching
        sc.banner((w * 0.3, h * 0.46, w * 0.7, h * 0.52), glyphs=10)
        for r in range(2):
            y = h * (0.8 + r * 0.1)
            for i in range(11 - r):
                x = w * (0.18 + 0.64 * (i + 0.5) / (11 - r))
                sc.person(
                    x, y, sc.depth_scale(y, horizon) * (0.72 if r else 1.0), seated=bool(r), vest=rng.random() < 0.5
                )
    else:
        spots = sorted((rng.uniform(h * 0.55, h * 0.98), rng.uniform(w * 0.05, w * 0.95)) for _ in range(10))
        for y, x in spots:
            s = sc.depth_scale(y, horizon)
            sc.person(x, y, s, vest=rng.random() < 0.4, arm_up=rng.random() * 0.6)
            if rng.random() < 0.5:
                sc.d.line(
                    [(x + s * 0.2, y - s * 0.55), (x + s * 0.35, y)], fill=(120, 90, 60), width=max(2, int(s * 0.02))
                )
    sc.soften_above(horizon + (h - horizon) * 0.3, 2 * sc.s)


def signing(sc):
    """Two parties at a long table with folders, flags of flowers, a backdrop."""
    rng, w, h = sc.rng, sc.w, sc.h
    fy = indoor_room(sc, wall=(236, 230, 220), back=0.62)
    sc.d.rectangle([w * 0.1, h * 0.12, w * 0.9, h * 0.5], fill=(40, 80, 150))
    sc.banner((w * 0.16, h * 0.18, w * 0.84, h * 0.27), color=(36, 70, 136), glyphs=12)
    sc.glow((w * 0.1, h * 0.3, w * 0.9, h * 0.6), (110, 150, 220), 60, 60 * sc.s)
    # standing witnesses behind
    for i in range(7):
        sc.person(
            w * (0.18 + i * 0.11),
            fy + h * 0.02,
            h * 0.45,
            coat=rng.choice([(30, 34, 48), (40, 40, 46), (230, 230, 230)]),
        )
    # signers seated
    for x in (w * 0.38, w * 0.62):
        sc.person(x, h * 0.82, h * 0.5, seated=True, coat=(30, 34, 50))
    ty = h * 0.78
    sc.d.rectangle([w * 0.15, ty, w * 0.85, h], fill=(150, 20, 30))
    sc.d.rectangle([w * 0.15, ty, w * 0.85, ty + h * 0.02], fill=(180, 40, 48))
    for x in (w * 0.38, w * 0.62):
        sc.d.polygon(
            [
                (x - w * 0.06, ty + h * 0.005),
                (x + w * 0.06, ty + h * 0.005),
                (x + w * 0.07, ty + h * 0.03),
                (x - w * 0.07, ty + h * 0.03),
            ],
            fill=(120, 20, 30),
        )
        sc.d.rectangle([x - w * 0.05, ty + h * 0.008, x + w * 0.05, ty + h * 0.022], fill=(250, 248, 240))
    sc.d.ellipse([w * 0.47, ty - h * 0.05, w * 0.53, ty + h * 0.01], fill=(220, 60, 70))  # flowers


def sorting(sc):
    """Colour-coded sorting bins in front of the office building, staff taking part."""
    w, h = sc.w, sc.h
    horizon = outdoor_square(sc, int(h * 0.48), tall=420)
    bins = [(40, 110, 190), (200, 40, 40), (60, 150, 80), (110, 110, 116)]
    bx = w * 0.24
    for i, c in enumerate(bins):
        x = bx + i * w * 0.14
        y = h * 0.78
        sc.shadow((x - w * 0.01, y - h * 0.01, x + w * 0.13, y + h * 0.03), 130)
        sc.d.rounded_rectangle([x, y - h * 0.25, x + w * 0.11, y], radius=10 * sc.s, fill=c)
        sc.d.rectangle([x + w * 0.075, y - h * 0.25, x + w * 0.11, y], fill=mix(c, (0, 0, 0), 0.25))
        sc.d.rounded_rectangle(
            [x - w * 0.006, y - h * 0.28, x + w * 0.116, y - h * 0.24], radius=8 * sc.s, fill=mix(c, (0, 0, 0), 0.1)
        )
        sc.d.rectangle([x + w * 0.025, y - h * 0.18, x + w * 0.06, y - h * 0.12], fill=(245, 245, 240))
    sc.person(w * 0.14, h * 0.92, h * 0.62, vest=True, arm_up=0.5)
    sc.crowd(9, horizon + 40, h * 0.74, horizon)
    sc.person(w * 0.86, h * 0.98, h * 0.68)


def fire_drill(sc):
    w, h = sc.w, sc.h
    horizon = outdoor_square(sc, int(h * 0.5), tall=500)
    # a practice fire in a tray and white extinguisher powder
    fx, fy = w * 0.58, h * 0.74
    sc.d.rectangle([fx - w * 0.05, fy - h * 0.01, fx + w * 0.05, fy + h * 0.02], fill=(70, 70, 74))
    sc.glow((fx - w * 0.06, fy - h * 0.2, fx + w * 0.06, fy), (255, 150, 40), 230, 10 * sc.s)
    sc.glow((fx - w * 0.035, fy - h * 0.13, fx + w * 0.035, fy), (255, 230, 120), 230, 6 * sc.s)
    sc.glow((fx - w * 0.3, fy - h * 0.35, fx - w * 0.02, fy - h * 0.02), (244, 244, 246), 150, 40 * sc.s)
    sc.person(w * 0.36, h * 0.82, h * 0.5, arm_up=0.2, coat=(40, 60, 110))
    sc.d.rounded_rectangle([w * 0.39, h * 0.62, w * 0.41, h * 0.7], radius=5, fill=(210, 30, 30))  # extinguisher
    for i in range(14):  # colleagues watching in a ring
        a = math.pi * (0.1 + 0.8 * i / 13)
        x, y = w * 0.5 + math.cos(a) * w * 0.42, h * 0.72 + math.sin(a) * h * 0.26
        sc.person(x, y, sc.depth_scale(y, horizon - (h - horizon) * 0.3), back=y > h * 0.85)
    sc.soften_above(horizon, 1.5 * sc.s)


def harvest(sc, group=False):
    field(sc, crop="gold", people=3 if group else 5)
    w, h = sc.w, sc.h
    if group:  # experts weighing a sample: a scale on a mat, sacks
        y = h * 0.9
        sc.d.polygon([(w * 0.2, y), (w * 0.8, y), (w * 0.9, h), (w * 0.1, h)], fill=(60, 120, 160))
        for i in range(3):
            sx = w * (0.3 + i * 0.1)
            sc.d.rounded_rectangle(
                [sx, y - h * 0.1, sx + w * 0.07, y + h * 0.02], radius=16 * sc.s, fill=(236, 226, 196)
            )
        sc.d.rectangle([w * 0.62, y - h * 0.06, w * 0.72, y], fill=(60, 60, 64))
        for i in range(4):
            sc.person(w * (0.18 + i * 0.2), h * 0.99, h * 0.7, hat=(240, 220, 150) if i % 2 else None)


SCENES = {
    "orchard": lambda sc: orchard(sc),
    "orchard_group": lambda sc: orchard(sc, group=True),
    "orchard_winter": lambda sc: orchard(sc, winter=True),
    "field": lambda sc: field(sc, spray=True),
    "paddy": lambda sc: field(sc, crop="water", people=4),
    "harvest": lambda sc: harvest(sc),
    "harvest_group": lambda sc: harvest(sc, group=True),
    "greenhouse": greenhouse,
    "stall": lambda sc: stall(sc),
    "stall_close": lambda sc: stall(sc, close=True),
    "village_talk": village_talk,
    "hall": lambda sc: hall(sc),
    "hall_side": lambda sc: hall(sc, side=True),
    "pledge": pledge,
    "classroom": lambda sc: classroom(sc),
    "classroom_rural": lambda sc: classroom(sc, rural=True),
    "reading": reading,
    "pingpong": pingpong,
    "track": track,
    "tug_of_war": tug_of_war,
    "choir": choir,
    "eldercare": eldercare,
    "eldercare_yard": eldercare_yard,
    "bloodvan": bloodvan,
    "donation": donation,
    "planting": lambda sc: planting(sc),
    "planting_close": lambda sc: planting(sc, close=True),
    "planting_group": lambda sc: planting(sc, group=True),
    "signing": signing,
    "sorting": sorting,
    "fire_drill": fire_drill,
}


# --- the camera ---------------------------------------------------------------------------


def noise(size, sigma, rng):
    """Grey noise around 128 with about ``sigma`` spread, from the seeded generator (Pillow's
    own effect_noise is not seeded, so the photos would differ from run to run)."""
    w, h = size
    raw = Image.frombytes("L", size, rng.randbytes(w * h))
    k = sigma / 74  # a uniform byte has a standard deviation of about 74
    return raw.point(lambda v: max(0, min(255, int(128 + (v - 128) * k))))


def fractal_texture(size, rng):
    """Multi-octave value noise: uneven light and surface detail."""
    tex = Image.new("L", size, 128)
    for cells, weight in ((5, 0.5), (20, 0.4), (80, 0.3), (320, 0.2)):
        octave = noise((cells, max(cells * 3 // 4, 2)), 50, rng).resize(size, Image.Resampling.BICUBIC)
        tex = Image.blend(tex, octave, weight)
    return tex


def photographic(img, rng, p, phone):
    w = img.size[0]
    s = w / 2000
    img = img.filter(ImageFilter.GaussianBlur(0.7 * s))  # lens softness: no hard vector edges
    tex = fractal_texture(img.size, rng)
    grey = Image.new("L", img.size, 128)
    tex = Image.blend(grey, tex, 0.55)
    img = ImageChops.overlay(img, Image.merge("RGB", (tex, tex, tex)))
    # light falling from the upper left, and the grade of the hour and season
    light = Image.linear_gradient("L").resize((512, 512)).rotate(-35, resample=Image.Resampling.BICUBIC, expand=True)
    cx, cy = light.size[0] // 2, light.size[1] // 2
    light = light.crop((cx - 180, cy - 180, cx + 180, cy + 180)).resize(img.size, Image.Resampling.BICUBIC)
    light = light.point(lambda v: int(255 - v * 0.22))
    img = ImageChops.multiply(img, Image.merge("RGB", (light,) * 3))
    gr, gg, gb = p["grade"]
    k = p["light"] * rng.uniform(1.02, 1.1)
    r, g, b = img.split()
    img = Image.merge(
        "RGB",
        (
            r.point(lambda v: min(255, int(v * gr * k))),
            g.point(lambda v: min(255, int(v * gg * k))),
            b.point(lambda v: min(255, int(v * gb * k))),
        ),
    )
    vignette = Image.radial_gradient("L").resize(img.size).point(lambda v: int(255 - max(0, v - 110) * 0.5))
    img = ImageChops.multiply(img, Image.merge("RGB", (vignette,) * 3))
    grain = Image.merge("RGB", [noise(img.size, 10 if phone else 7, rng) for _ in range(3)])
    img = Image.blend(img, ImageChops.overlay(img, grain), 0.25)
    return img.filter(ImageFilter.UnsharpMask(radius=1.5 * s, percent=50, threshold=3))


def exif_for(orientation, taken, rng, gps):
    exif = Image.Exif()
    exif[0x010F] = "Huawei"  # Make
    exif[0x0110] = rng.choice(["ANA-AN00", "ALN-AL00", "NOH-AN00"])  # Model
    exif[0x0112] = orientation
    exif[0x0132] = taken
    ifd = exif.get_ifd(0x8769)
    ifd[0x9003] = taken  # DateTimeOriginal
    if gps:  # fictional coordinates near the fictional city
        exif.get_ifd(0x8825).update(
            {1: "N", 2: (29.0, float(rng.randint(10, 50)), 12.5), 3: "E", 4: (119.0, float(rng.randint(10, 50)), 3.25)}
        )
    return exif


def render(rel, scene, taken, options, seed):
    words = options.split()
    phone = "phone" in words
    w, h = (4000, 3000) if phone else (2000, 1500)
    rng = random.Random(seed)
    p = palette(rng, words)
    sc = Scene(w, h, rng, p)
    SCENES[scene](sc)
    img = photographic(sc.img, rng, p, phone)
    orientation = 6 if "o6" in words else 8 if "o8" in words else 1
    inverse = {6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}
    if orientation in inverse:  # store the pixels as the sensor did; viewers rotate by the tag
        img = img.transpose(inverse[orientation])
    return img, orientation, phone


def save(img, path, orientation, taken, rng, phone, gps):
    import io

    buf = io.BytesIO()
    img.save(
        buf,
        "JPEG",
        quality=72 if phone else 76,
        optimize=True,
        progressive=not phone,
        exif=exif_for(orientation, taken, rng, gps) if (phone or gps) else exif_for(orientation, taken, rng, False),
    )
    data = buf.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("only", nargs="*", help="only photos whose path contains one of these")
    ap.add_argument("--out", type=Path, default=DOCS, help="write under this folder instead of docs/")
    ap.add_argument("--keep-gps", type=Path, help="also write the phone photos with their GPS to this folder")
    args = ap.parse_args(argv)
    from wenmingsite.commands import repair

    total, count = 0, 0
    for rel, scene, taken, options in PHOTOS:
        if args.only and not any(o in rel for o in args.only):
            continue
        seed = zlib.crc32(rel.encode("utf-8"))  # by path: adding a photo leaves the others alone
        img, orientation, phone = render(rel, scene, taken, options, seed)
        rng = random.Random(seed * 7 + 1)
        out = args.out / rel
        data = save(img, out, orientation, taken, rng, phone, gps=phone)
        if phone:
            if args.keep_gps:
                args.keep_gps.mkdir(parents=True, exist_ok=True)
                (args.keep_gps / f"{Path(rel).parent.name}-{Path(rel).name}").write_bytes(data)
            clean, _ = repair.strip_location(data)  # what `wenming fix` does to an editor's photo
            out.write_bytes(clean)
        size = out.stat().st_size
        total += size
        count += 1
        print(f"{rel}: {img.size[0]}×{img.size[1]} {size / 1e6:.2f} MB")
    print(f"{count} 张，合计 {total / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
