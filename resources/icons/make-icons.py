#!/usr/bin/env python3
"""Draws the OCOP Desk icon (a green rounded square, a gold star and "OCOP") with only the Python
standard library, because the build machines have no ImageMagick or Pillow. Writes icon.png
(512x512, for electron-builder and Linux) and icon.ico (PNG-compressed 16 to 256 px, for Windows).

Run from anywhere: python3 resources/icons/make-icons.py
"""
import math
import struct
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
GREEN = (31, 122, 58)
GOLD = (245, 190, 40)
WHITE = (255, 255, 255)


def inside_rounded_square(x, y, margin=0.03, radius=0.18):
    lo, hi = margin, 1 - margin
    if not (lo <= x <= hi and lo <= y <= hi):
        return False
    cx = min(max(x, lo + radius), hi - radius)
    cy = min(max(y, lo + radius), hi - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def star_polygon(cx, cy, outer, inner):
    points = []
    for i in range(10):
        angle = -math.pi / 2 + i * math.pi / 5
        r = outer if i % 2 == 0 else inner
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return points


STAR = star_polygon(0.5, 0.27, 0.13, 0.055)


def inside_polygon(x, y, polygon):
    result = False
    j = len(polygon) - 1
    for i, (xi, yi) in enumerate(polygon):
        xj, yj = polygon[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            result = not result
        j = i
    return result


def in_ellipse(x, y, cx, cy, rx, ry):
    return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1


# The word "OCOP": four letters in a row, strokes of thickness T.
TOP, BOTTOM = 0.50, 0.78
LETTER_W, GAP, T = 0.17, 0.03, 0.045
LEFT = (1 - (4 * LETTER_W + 3 * GAP)) / 2


def in_ring(x, y, x0):
    cx, cy = x0 + LETTER_W / 2, (TOP + BOTTOM) / 2
    rx, ry = LETTER_W / 2, (BOTTOM - TOP) / 2
    return in_ellipse(x, y, cx, cy, rx, ry) and not in_ellipse(x, y, cx, cy, rx - T, ry - T)


def in_letter(letter, x, y, x0):
    if letter == "O":
        return in_ring(x, y, x0)
    if letter == "C":
        cy = (TOP + BOTTOM) / 2
        opening = x > x0 + LETTER_W * 0.6 and abs(y - cy) < (BOTTOM - TOP) * 0.2
        return in_ring(x, y, x0) and not opening
    if letter == "P":
        stem = x0 <= x <= x0 + T and TOP <= y <= BOTTOM
        bowl_h = (BOTTOM - TOP) * 0.58
        cx, cy = x0 + T, TOP + bowl_h / 2
        rx, ry = LETTER_W - T, bowl_h / 2
        bowl = (
            x >= x0
            and in_ellipse(x, y, cx, cy, rx, ry)
            and not in_ellipse(x, y, cx, cy, rx - T, ry - T)
        )
        return stem or bowl
    return False


def colour_at(x, y):
    if not inside_rounded_square(x, y):
        return None
    if inside_polygon(x, y, STAR):
        return GOLD
    if TOP <= y <= BOTTOM:
        for index, letter in enumerate("OCOP"):
            x0 = LEFT + index * (LETTER_W + GAP)
            if x0 <= x <= x0 + LETTER_W and in_letter(letter, x, y, x0):
                return WHITE
    return GREEN


def render(size, samples=4):
    rows = []
    for py in range(size):
        row = bytearray([0])  # PNG filter type 0 for this row
        for px in range(size):
            r = g = b = a = 0
            for sy in range(samples):
                for sx in range(samples):
                    colour = colour_at(
                        (px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size
                    )
                    if colour:
                        r += colour[0]
                        g += colour[1]
                        b += colour[2]
                        a += 1
            n = samples * samples
            if a:
                row += bytes((r // a, g // a, b // a, 255 * a // n))
            else:
                row += bytes(4)
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def ico(images):
    """An .ico whose entries are PNG streams, which Windows Vista and later read."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, data = b"", b""
    for size, stream in images:
        dimension = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dimension, dimension, 0, 0, 1, 32, len(stream), offset)
        data += stream
        offset += len(stream)
    return header + entries + data


def main():
    (HERE / "icon.png").write_bytes(render(512))
    sizes = [16, 24, 32, 48, 64, 128, 256]
    (HERE / "icon.ico").write_bytes(ico([(size, render(size)) for size in sizes]))
    print("wrote", HERE / "icon.png", "and", HERE / "icon.ico")


if __name__ == "__main__":
    main()
