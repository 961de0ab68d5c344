"""Generate the demo unit's photos: phone-sized JPEGs with phone-like EXIF.

They are synthetic scenes (fields, orchards, a meeting room, a square with a banner)
with texture and sensor noise, so that they compress and decode like real photos, and
they carry what real phone photos carry: camera model, time taken, GPS coordinates
(fictional) and, for some, an EXIF rotation with the pixels stored sideways. The image
pipeline must strip all of it. Run from the project root:

    python tools/make_demo_photos.py

Output is deterministic for a given Pillow version; the committed photos were made once
and then, as an editor would, cleaned of their GPS blocks with `wenming fix` (lossless):
`wenming check` refuses originals with GPS, since the repository itself is public.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

W, H = 4000, 3000
DOCS = Path(__file__).resolve().parents[1] / "docs"

# (path under docs/, scene, EXIF orientation, taken at)
PHOTOS = [
    ("activities/2024/2024-03-05-学雷锋进田间/orchard-1.jpg", "orchard", 1, "2024:03:05 09:42:18"),
    ("activities/2024/2024-03-05-学雷锋进田间/orchard-2.jpg", "orchard", 6, "2024:03:05 10:15:03"),
    ("activities/2024/2024-04-18-春播技术培训/meeting-1.jpg", "meeting", 1, "2024:04:18 14:31:40"),
    ("activities/2024/2024-06-06-病虫害统防统治/field-1.jpg", "field", 1, "2024:06:06 08:55:12"),
    ("activities/2024/2024-09-27-国庆歌咏比赛/square-1.jpg", "square", 1, "2024:09:27 15:05:33"),
    ("activities/2025/2025-03-05-学雷锋服务月/square-1.jpg", "square", 6, "2025:03:05 09:10:27"),
    ("activities/2025/2025-05-20-村企共建签约/meeting-1.jpg", "meeting", 1, "2025:05:20 10:02:44"),
    ("activities/2025/2025-10-11-秋收测产/field-1.jpg", "field", 1, "2025:10:11 09:37:05"),
    ("activities/2025/2025-10-11-秋收测产/orchard-1.jpg", "orchard", 8, "2025:10:11 11:48:19"),
]


def sky(draw: ImageDraw.ImageDraw, rng: random.Random, horizon: int) -> None:
    top = (rng.randint(90, 120), rng.randint(150, 175), rng.randint(215, 240))
    bottom = (rng.randint(200, 225), rng.randint(220, 235), rng.randint(235, 250))
    for y in range(horizon):
        t = y / max(horizon - 1, 1)
        draw.line([(0, y), (W, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom)))
    for _ in range(rng.randint(4, 9)):  # clouds
        cx, cy = rng.randint(0, W), rng.randint(0, int(horizon * 0.7))
        for _ in range(14):
            r = rng.randint(60, 220)
            x, y = cx + rng.randint(-300, 300), cy + rng.randint(-60, 60)
            draw.ellipse([x - r, y - r // 2, x + r, y + r // 2], fill=(246, 247, 250))


def ground(draw, rng, horizon, base) -> None:
    for y in range(horizon, H):
        t = (y - horizon) / (H - horizon)
        draw.line([(0, y), (W, y)], fill=tuple(int(c * (0.8 + 0.35 * t)) for c in base))


def person(draw, rng, x, y, scale) -> None:
    coat = rng.choice([(200, 40, 40), (40, 70, 150), (230, 230, 230), (60, 60, 60), (240, 180, 40)])
    skin = (rng.randint(200, 235), rng.randint(160, 190), rng.randint(130, 160))
    w, h = int(90 * scale), int(260 * scale)
    draw.rounded_rectangle([x - w // 2, y - h, x + w // 2, y], radius=int(30 * scale), fill=coat)
    draw.ellipse([x - 32 * scale, y - h - 70 * scale, x + 32 * scale, y - h], fill=skin)
    draw.ellipse([x - 34 * scale, y - h - 76 * scale, x + 34 * scale, y - h - 40 * scale], fill=(30, 25, 20))


def orchard(img, draw, rng) -> None:
    horizon = int(H * 0.42)
    sky(draw, rng, horizon)
    ground(draw, rng, horizon, (96, 130, 60))
    for row in range(7):
        y = horizon + int((H - horizon) * (row / 7) ** 1.6) + 40
        scale = 0.3 + row * 0.28
        for i in range(int(14 - row)):
            x = int(W * (i + rng.random() * 0.5) / (14 - row))
            trunk = (92, 64, 40)
            draw.rectangle([x - 12 * scale, y - 160 * scale, x + 12 * scale, y], fill=trunk)
            for _ in range(18):
                r = rng.randint(50, 110) * scale
                cx, cy = x + rng.randint(-120, 120) * scale, y - (200 + rng.randint(-60, 80)) * scale
                g = rng.randint(90, 150)
                draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(40, g, 45))
                if rng.random() < 0.35:  # blossom or fruit
                    fr = 10 * scale
                    draw.ellipse([cx - fr, cy - fr, cx + fr, cy + fr], fill=(245, 200, 215))
    for _ in range(rng.randint(4, 8)):
        person(draw, rng, rng.randint(200, W - 200), rng.randint(int(H * 0.75), H - 60), rng.uniform(1.6, 2.4))


def field(img, draw, rng) -> None:
    horizon = int(H * 0.38)
    sky(draw, rng, horizon)
    ground(draw, rng, horizon, (110, 140, 50))
    vanish = W // 2 + rng.randint(-400, 400)
    for k in range(-40, 41):  # crop rows converging to the horizon
        x_bottom = vanish + k * 220
        draw.line([(vanish + k * 6, horizon), (x_bottom, H)], fill=(70, 105, 35), width=14)
    for _ in range(2500):
        x, y = rng.randint(0, W), rng.randint(horizon, H)
        s = 2 + (y - horizon) // 60
        draw.ellipse([x - s, y - s, x + s, y + s], fill=(rng.randint(60, 110), rng.randint(120, 170), 40))
    for _ in range(rng.randint(3, 6)):
        person(draw, rng, rng.randint(300, W - 300), rng.randint(int(H * 0.7), H - 100), rng.uniform(1.8, 2.6))


def meeting(img, draw, rng) -> None:
    draw.rectangle([0, 0, W, H], fill=(228, 222, 210))
    draw.rectangle([0, int(H * 0.62), W, H], fill=(150, 110, 80))  # floor
    draw.rectangle([W * 0.2, H * 0.08, W * 0.8, H * 0.3], fill=(170, 20, 30))  # banner
    for i in range(12):
        x = int(W * 0.23 + i * W * 0.047)
        draw.rectangle([x, H * 0.15, x + W * 0.03, H * 0.23], fill=(250, 220, 120))
    draw.rectangle([W * 0.3, H * 0.33, W * 0.7, H * 0.55], fill=(245, 245, 245))  # screen
    for row in range(4):
        y = int(H * 0.68 + row * H * 0.09)
        draw.rectangle([0, y, W, y + 40], fill=(120, 85, 60))
        for i in range(9 + row):
            person(draw, rng, int(W * (i + 0.5) / (9 + row)) + rng.randint(-40, 40), y + 30, 1.2 + row * 0.35)


def square(img, draw, rng) -> None:
    horizon = int(H * 0.45)
    sky(draw, rng, horizon)
    ground(draw, rng, horizon, (170, 165, 155))
    draw.rectangle([W * 0.1, H * 0.18, W * 0.9, H * 0.42], fill=(150, 140, 130))  # building
    for i in range(16):
        for j in range(3):
            x, y = W * 0.13 + i * W * 0.047, H * 0.21 + j * H * 0.065
            draw.rectangle([x, y, x + W * 0.03, y + H * 0.04], fill=(90, 120, 150))
    draw.rectangle([W * 0.15, H * 0.44, W * 0.85, H * 0.52], fill=(200, 25, 30))  # banner
    for i in range(16):
        x = W * 0.18 + i * W * 0.04
        draw.rectangle([x, H * 0.46, x + W * 0.025, H * 0.5], fill=(255, 230, 120))
    for _ in range(40):
        person(draw, rng, rng.randint(100, W - 100), rng.randint(int(H * 0.6), H - 40), rng.uniform(1.0, 2.2))


SCENES = {"orchard": orchard, "field": field, "meeting": meeting, "square": square}


def exif_for(orientation: int, taken: str, rng: random.Random) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Huawei"  # Make
    exif[0x0110] = "ANA-AN00"  # Model
    exif[0x0112] = orientation
    exif[0x0132] = taken
    ifd = exif.get_ifd(0x8769)
    ifd[0x9003] = taken  # DateTimeOriginal
    gps = exif.get_ifd(0x8825)  # fictional coordinates: the pipeline must strip them
    gps.update({1: "N", 2: (29.0, float(rng.randint(10, 50)), 12.5), 3: "E", 4: (119.0, float(rng.randint(10, 50)), 3.25)})
    return exif


def fractal_texture(rng: random.Random) -> Image.Image:
    """Multi-octave value noise: the uneven light and surface detail of a real scene."""
    tex = Image.new("L", (W, H), 128)
    for cells, weight in ((6, 0.55), (24, 0.45), (96, 0.35), (400, 0.3), (1600, 0.22)):
        octave = Image.effect_noise((cells, max(cells * 3 // 4, 2)), 60).resize((W, H), Image.Resampling.BICUBIC)
        tex = Image.blend(tex, octave, weight)
    return tex


def photographic(img: Image.Image, rng: random.Random) -> Image.Image:
    """Texture, lens vignetting and chroma sensor noise over the drawn scene."""
    tex = fractal_texture(rng)
    # Stronger texture lower in the frame (ground, foliage), gentle in the sky.
    strength = Image.linear_gradient("L").resize((W, H)).point(lambda v: 70 + v * 0.6)
    grey = Image.new("L", (W, H), 128)
    tex = Image.composite(tex, grey, strength)
    img = ImageChops.overlay(img, Image.merge("RGB", (tex, tex, tex)))
    img = img.filter(ImageFilter.GaussianBlur(1.1))
    vignette = Image.radial_gradient("L").resize((W, H)).point(lambda v: 255 - max(0, v - 120) * 0.55)
    img = ImageChops.multiply(img, Image.merge("RGB", (vignette,) * 3))
    noise = Image.merge("RGB", [Image.effect_noise((W, H), 40) for _ in range(3)])
    img = Image.blend(img, ImageChops.overlay(img, noise), 0.2)
    return img.filter(ImageFilter.UnsharpMask(radius=2, percent=60, threshold=2))


def make(rel: str, scene: str, orientation: int, taken: str, seed: int) -> Path:
    rng = random.Random(seed)
    img = Image.new("RGB", (W, H))
    draw = ImageDraw.Draw(img)
    SCENES[scene](img, draw, rng)
    img = photographic(img, rng)
    # Store the pixels as the sensor did: the viewer rotates them by the EXIF tag.
    inverse = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}
    if orientation in inverse:
        img = img.transpose(inverse[orientation])
    out = DOCS / rel
    out.parent.mkdir(parents=True, exist_ok=True)
    img.save(out, "JPEG", quality=74, exif=exif_for(orientation, taken, rng), optimize=True)
    return out


def main() -> int:
    total = 0
    for seed, (rel, scene, orientation, taken) in enumerate(PHOTOS):
        path = make(rel, scene, orientation, taken, seed)
        total += path.stat().st_size
        print(f"{rel}: {path.stat().st_size / 1e6:.2f} MB")
    print(f"合计 {total / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
