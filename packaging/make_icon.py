"""Draw the app icon: resources/icons/gebiedsapp.png (256 px) and gebiedsapp.ico (16-256 px).

The icon files are committed; run this only to change the design (needs Pillow and ReportLab,
both in the bundle's environment):

    .venv-bundle/bin/python packaging/make_icon.py

A rounded square in the reports' accent blue with a white "G" and a small marker dot (an area
on a map), readable at 16 px in the Start menu and taskbar.
"""

from __future__ import annotations

from pathlib import Path

import reportlab
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources" / "icons"
ACCENT = (31, 78, 121, 255)  # pdf_base.ACCENT, #1f4e79
MARKER = (242, 169, 0, 255)  # a warm yellow, light against the blue
SIZE = 1024  # drawn large, scaled down for each size
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((40, 40, SIZE - 40, SIZE - 40), radius=190, fill=ACCENT)
    font_file = Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf"
    font = ImageFont.truetype(str(font_file), 720)
    pen.text((SIZE * 0.46, SIZE * 0.53), "G", font=font, fill="white", anchor="mm")
    radius = 120
    centre = (SIZE * 0.74, SIZE * 0.27)
    pen.ellipse(
        (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius),
        fill=MARKER,
        outline=ACCENT,
        width=36,
    )
    return image


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.resize((256, 256), Image.Resampling.LANCZOS).save(TARGET / "gebiedsapp.png")
    image.save(TARGET / "gebiedsapp.ico", sizes=ICO_SIZES)
    print(f"written: {TARGET / 'gebiedsapp.png'}, {TARGET / 'gebiedsapp.ico'}")


if __name__ == "__main__":
    main()
