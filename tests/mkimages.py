#!/usr/bin/env python3
"""Small test images for folio, written with the standard library only.

usage: mkimages.py DIR

Every image is 16 x 8 pixels: the left half one colour, the right half
another (or transparent), so a raster check can read both halves.  PNG:
every colour type and bit depth folio must handle (grey 1/8/16 bits, RGB,
RGB 16-bit, palette 4/8 bits with and without tRNS, grey and RGB with a
tRNS colour key, grey+alpha, RGBA, Adam7 interlaced) plus a corrupt one.
JPEG: a baseline encoder for flat 8x8 blocks (DC coefficients only), grey,
YCbCr (from RGB) and Adobe CMYK (stored inverted, as Photoshop does).
GIF: a palette image, a transparent colour, interlaced, two frames, a
frame smaller than the screen, truncated.  TIFF (uncompressed, written
here): RGB at 300 dpi, grey, bilevel, palette, CMYK, RGBA with
unassociated alpha, two pages, truncated pixel data."""
import os, struct, sys, zlib

W, H = 16, 8
RED, BLUE, GREEN = (255, 0, 0), (0, 0, 255), (0, 128, 0)

# ---------------------------------------------------------------- PNG

def chunk(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)

def pack_row(samples, depth):
    if depth == 8:
        return bytes(samples)
    if depth == 16:
        return b''.join(struct.pack('>H', s) for s in samples)
    out, acc, n = bytearray(), 0, 0
    for s in samples:
        acc = (acc << depth) | s
        n += depth
        if n == 8:
            out.append(acc); acc = n = 0
    if n:
        out.append(acc << (8 - n))
    return bytes(out)

ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]

def png(path, ct, depth, pixel, plte=None, trns=None, interlace=0, dpi=None):
    """pixel(x, y) -> tuple of samples for colour type ct."""
    raw = b''
    passes = ADAM7 if interlace else [(0, 0, 1, 1)]
    for x0, y0, dx, dy in passes:
        for y in range(y0, H, dy):
            xs = list(range(x0, W, dx))
            if not xs:
                continue
            samples = [s for x in xs for s in pixel(x, y)]
            raw += b'\x00' + pack_row(samples, depth)
    d = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', W, H, depth, ct, 0, 0, interlace))
    if dpi:
        ppm = round(dpi / 0.0254)
        d += chunk(b'pHYs', struct.pack('>IIB', ppm, ppm, 1))
    if plte:
        d += chunk(b'PLTE', bytes(c for rgb in plte for c in rgb))
    if trns is not None:
        d += chunk(b'tRNS', trns)
    d += chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
    open(path, 'wb').write(d)

def halves(a, b):
    return lambda x, y: a if x < W // 2 else b

# ---------------------------------------------------------------- JPEG

class Bits:
    def __init__(self):
        self.out, self.acc, self.n = bytearray(), 0, 0
    def put(self, code, length):
        for i in range(length - 1, -1, -1):
            self.acc = (self.acc << 1) | ((code >> i) & 1)
            self.n += 1
            if self.n == 8:
                self.out.append(self.acc)
                if self.acc == 0xFF:
                    self.out.append(0)
                self.acc = self.n = 0
    def flush(self):
        while self.n:
            self.put(1, 1)
        return bytes(self.out)

def seg(marker, payload):
    return struct.pack('>BBH', 0xFF, marker, len(payload) + 2) + payload

def jpeg(path, comps, pixel, adobe=False, dpi=72):
    """comps: 1, 3 (pixel gives RGB, stored as YCbCr) or 4 (pixel gives
    CMYK 0-255, stored inverted with an Adobe marker)."""
    def samples(x, y):
        p = pixel(x, y)
        if comps == 3:
            r, g, b = p
            return (0.299 * r + 0.587 * g + 0.114 * b,
                    128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
                    128 + 0.5 * r - 0.418688 * g - 0.081312 * b)
        if comps == 4:
            return tuple(255 - v for v in p)
        return p
    d = b'\xff\xd8'
    if adobe:
        d += seg(0xEE, b'Adobe' + struct.pack('>HHHB', 100, 0, 0, 0))
    else:
        d += seg(0xE0, b'JFIF\x00' + struct.pack('>BBBHHBB', 1, 1, 1, dpi, dpi, 0, 0))
    d += seg(0xDB, b'\x00' + bytes([1] * 64))                      # quantisation: all 1
    d += seg(0xC0, struct.pack('>BHHB', 8, H, W, comps) +
             b''.join(struct.pack('>BBB', i + 1, 0x11, 0) for i in range(comps)))
    d += seg(0xC4, b'\x00' + bytes([0, 0, 0, 12] + [0] * 12) + bytes(range(12)))  # DC: 4-bit codes
    d += seg(0xC4, b'\x10' + bytes([0, 1] + [0] * 14) + b'\x00')    # AC: only EOB, code 00
    d += seg(0xDA, bytes([comps]) + b''.join(bytes([i + 1, 0]) for i in range(comps)) + b'\x00\x3f\x00')
    bits, prev = Bits(), [0] * comps
    for by in range(0, H, 8):
        for bx in range(0, W, 8):
            s = samples(bx, by)
            for c in range(comps):
                dc = round(8 * (s[c] - 128))
                diff, prev[c] = dc - prev[c], dc
                cat = abs(diff).bit_length()
                bits.put(cat, 4)
                if cat:
                    bits.put(diff if diff >= 0 else diff + (1 << cat) - 1, cat)
                bits.put(0, 2)                                    # EOB
    d += bits.flush() + b'\xff\xd9'
    open(path, 'wb').write(d)

# ---------------------------------------------------------------- GIF

def lzw(indexes):
    """GIF LZW at a minimum code size of 8 with only literal codes: a clear
    code every 250 codes keeps the code width at 9 bits."""
    out, acc, n = bytearray(), 0, 0
    def put(code):
        nonlocal acc, n
        acc |= code << n
        n += 9
        while n >= 8:
            out.append(acc & 255); acc >>= 8; n -= 8
    put(256)
    for i, v in enumerate(indexes):
        if i and i % 250 == 0:
            put(256)
        put(v)
    put(257)
    if n:
        out.append(acc & 255)
    blocks = b''.join(bytes([len(out[i:i + 255])]) + bytes(out[i:i + 255])
                      for i in range(0, len(out), 255))
    return b'\x08' + blocks + b'\x00'

def gif(path, pal, frames, trns=None, interlace=False, sw=W, sh=H):
    """frames: (left, top, w, h, index(x, y)) each."""
    pal = pal + [(0, 0, 0)] * (256 - len(pal))
    d = b'GIF89a' + struct.pack('<HHBBB', sw, sh, 0xF7, 0, 0)
    d += b''.join(bytes(c) for c in pal)
    for left, top, w, h, index in frames:
        if trns is not None:
            d += b'\x21\xf9\x04' + bytes([1]) + b'\x00\x00' + bytes([trns]) + b'\x00'
        d += b'\x2c' + struct.pack('<HHHHB', left, top, w, h, 0x40 if interlace else 0)
        rows = list(range(h))
        if interlace:
            rows = [y for y0, dy in ((0, 8), (4, 8), (2, 4), (1, 2)) for y in range(y0, h, dy)]
        d += lzw([index(x, y) for y in rows for x in range(w)])
    d += b'\x3b'
    open(path, 'wb').write(d)

# ---------------------------------------------------------------- TIFF

def tiff(path, photometric, bps, pixel, spp, dpi=None, extra=None, cmap=None, pages=1):
    """Little-endian, uncompressed, one strip a page; pixel(x, y) gives the
    samples of a pixel."""
    def row_bytes(y):
        if bps == 8:
            return bytes(v for x in range(W) for v in pixel(x, y))
        return pack_row([pixel(x, y)[0] for x in range(W)], bps)
    data = b''.join(row_bytes(y) for y in range(H))
    out = bytearray(b'II*\x00' + struct.pack('<I', 8))
    for page in range(pages):
        base = len(out)
        entries = [(256, 3, 1, W), (257, 3, 1, H), (258, 3, spp, [bps] * spp), (259, 3, 1, 1),
                   (262, 3, 1, photometric), (273, 4, 1, 'data'), (277, 3, 1, spp),
                   (278, 3, 1, H), (279, 4, 1, len(data))]
        if dpi:
            entries += [(282, 5, 1, (dpi, 1)), (283, 5, 1, (dpi, 1)), (296, 3, 1, 2)]
        if cmap:
            entries.append((320, 3, 3 * (1 << bps), cmap))
        if extra is not None:
            entries.append((338, 3, 1, extra))
        ifd_size = 2 + 12 * len(entries) + 4
        values, value_at = bytearray(), base + ifd_size
        ifd = struct.pack('<H', len(entries))
        placed = []
        for tag, typ, count, v in entries:
            if v == 'data':
                placed.append((tag, typ, count, None))
                continue
            if typ == 5:
                raw = struct.pack('<II', *v)
            elif isinstance(v, list):
                raw = b''.join(struct.pack('<H' if typ == 3 else '<I', x) for x in v)
            else:
                raw = struct.pack('<H' if typ == 3 else '<I', v)
            placed.append((tag, typ, count, raw))
        data_at = value_at + sum(len(r) + (len(r) & 1) for *_, r in placed if r and len(r) > 4)
        for tag, typ, count, raw in placed:
            if raw is None:
                field = struct.pack('<I', data_at)
            elif len(raw) <= 4:
                field = raw.ljust(4, b'\x00')
            else:
                field = struct.pack('<I', value_at + len(values))
                values += raw + (b'\x00' if len(raw) & 1 else b'')
            ifd += struct.pack('<HHI', tag, typ, count) + field
        last = page == pages - 1
        ifd += struct.pack('<I', 0 if last else data_at + len(data))
        out += ifd + values + data
    open(path, 'wb').write(bytes(out))

# ---------------------------------------------------------------- all

def main(out):
    os.makedirs(out, exist_ok=True)
    j = lambda n: os.path.join(out, n)
    pal = [RED, GREEN, BLUE, (255, 255, 0)]
    png(j('rgb.png'), 2, 8, halves(RED, BLUE))
    png(j('rgb-96dpi.png'), 2, 8, halves(RED, BLUE), dpi=96)
    png(j('rgb-300dpi.png'), 2, 8, halves(RED, BLUE), dpi=300)
    png(j('rgb16.png'), 2, 16, halves((65535, 0, 0), (0, 0, 65535)))
    png(j('grey.png'), 0, 8, halves((0,), (200,)))
    png(j('grey1.png'), 0, 1, halves((0,), (1,)))
    png(j('grey16.png'), 0, 16, halves((0,), (51400,)))
    png(j('pal8.png'), 3, 8, halves((0,), (2,)), plte=pal)
    png(j('pal4.png'), 3, 4, halves((0,), (2,)), plte=pal)
    png(j('pal8-trns.png'), 3, 8, halves((0,), (2,)), plte=pal, trns=bytes([255, 255, 0]))
    png(j('pal4-trns.png'), 3, 4, halves((0,), (2,)), plte=pal, trns=bytes([255, 255, 0]))
    png(j('grey-trns.png'), 0, 8, halves((0,), (200,)), trns=struct.pack('>H', 200))
    png(j('rgb-trns.png'), 2, 8, halves(RED, BLUE), trns=struct.pack('>HHH', *BLUE))
    png(j('ga.png'), 4, 8, halves((0, 255), (0, 0)))
    png(j('rgba.png'), 6, 8, halves(RED + (255,), BLUE + (0,)))
    png(j('interlaced.png'), 2, 8, halves(RED, BLUE), interlace=1)
    good = open(j('rgb.png'), 'rb').read()
    bad = bytearray(good)
    bad[-20] ^= 0x55                                               # IDAT checksum fails
    open(j('corrupt.png'), 'wb').write(bytes(bad))
    open(j('truncated.png'), 'wb').write(good[:45])
    open(j('not-an-image.png'), 'wb').write(b'GIF89a: not what it says\n')
    jpeg(j('grey.jpg'), 1, halves((0,), (200,)))
    jpeg(j('rgb.jpg'), 3, halves(RED, BLUE))
    jpeg(j('cmyk.jpg'), 4, halves((0, 255, 255, 0), (255, 255, 0, 0)), adobe=True)  # red, blue
    g = open(j('rgb.jpg'), 'rb').read()
    open(j('truncated.jpg'), 'wb').write(g[:len(g) - 6])
    half = lambda a, b: (lambda x, y: a if x < W // 2 else b)
    gpal = [RED, GREEN, BLUE]
    gif(j('rgb.gif'), gpal, [(0, 0, W, H, half(0, 2))])
    gif(j('trns.gif'), gpal, [(0, 0, W, H, half(0, 1))], trns=1)
    rows = lambda x, y: (0, 1, 2, 0, 2, 1, 0, 2)[y]          # every row its own
    gif(j('rows.gif'), gpal, [(0, 0, W, H, rows)])
    gif(j('interlaced.gif'), gpal, [(0, 0, W, H, rows)], interlace=True)
    gif(j('anim.gif'), gpal, [(0, 0, W, H, half(0, 2)), (0, 0, W, H, half(2, 0))])
    gif(j('offset.gif'), gpal, [(W // 2, 0, W // 2, H, lambda x, y: 2)])
    g = open(j('rgb.gif'), 'rb').read()
    open(j('truncated.gif'), 'wb').write(g[:len(g) - 12])
    tiff(j('rgb.tif'), 2, 8, halves(RED, BLUE), 3, dpi=300)
    tiff(j('grey.tif'), 1, 8, halves((0,), (200,)), 1)
    tiff(j('grey1.tif'), 1, 1, halves((0,), (1,)), 1)
    cmap = [0] * 768
    for i, c in enumerate([RED, GREEN, BLUE]):
        for k in range(3):
            cmap[k * 256 + i] = c[k] * 257
    tiff(j('pal.tif'), 3, 8, halves((0,), (2,)), 1, cmap=cmap)
    tiff(j('cmyk.tif'), 5, 8, halves((0, 255, 255, 0), (255, 255, 0, 0)), 4)
    tiff(j('rgba.tif'), 2, 8, halves(RED + (255,), BLUE + (0,)), 4, extra=2)
    tiff(j('pages.tif'), 2, 8, halves(RED, BLUE), 3, pages=2)
    t = open(j('rgb.tif'), 'rb').read()
    open(j('truncated.tif'), 'wb').write(t[:len(t) - 200])

if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '.')
