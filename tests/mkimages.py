#!/usr/bin/env python3
"""Small test images for folio, written with the standard library only.

usage: mkimages.py DIR

Every image is 16 x 8 pixels: the left half one colour, the right half
another (or transparent), so a raster check can read both halves.  PNG:
every colour type and bit depth folio must handle (grey 1/8/16 bits, RGB,
RGB 16-bit, palette 4/8 bits with and without tRNS, grey and RGB with a
tRNS colour key, grey+alpha, RGBA, Adam7 interlaced) plus a corrupt one.
JPEG: a baseline encoder for flat 8x8 blocks (DC coefficients only), grey,
YCbCr (from RGB) and Adobe CMYK (stored inverted, as Photoshop does)."""
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

if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '.')
