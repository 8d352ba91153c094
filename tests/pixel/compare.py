#!/usr/bin/env python3
"""Compare a rendered page (a grey PGM, pdftoppm -gray) with its reviewed
reference (an 8-bit grey PNG, small enough to keep in the repository).  A pixel differs when the two greys are more than
THRESHOLD apart; the page passes when the fraction of differing pixels is
at most the tolerance.  On failure a difference image is written: the
reference faded, the differing pixels black.

usage: compare.py REFERENCE.png PAGE.pgm DIFF.png [TOLERANCE]
       compare.py --reference PAGE.pgm REFERENCE.png   (make a reference)
Prints "differing: F (N of M pixels)"; exit 0 within tolerance, 1 otherwise,
2 when a file cannot be read or the sizes differ.  Python 3, no packages."""
import struct
import sys
import zlib

THRESHOLD = 64


def read_png(path):
    with open(path, 'rb') as f:
        data = f.read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('%s: not a PNG' % path)
    pos, idat, w = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b'IHDR':
            w, h, depth, ctype, _, _, lace = struct.unpack('>IIBBBBB', body)
            if depth != 8 or ctype != 0 or lace != 0:
                raise ValueError('%s: not an 8-bit grey, non-interlaced PNG' % path)
        elif kind == b'IDAT':
            idat.append(body)
        elif kind == b'IEND':
            break
    if w is None:
        raise ValueError('%s: no IHDR' % path)
    raw = zlib.decompress(b''.join(idat))
    rows, prev, i = [], bytearray(w), 0
    for _ in range(h):
        ft, line = raw[i], bytearray(raw[i + 1:i + 1 + w])
        i += 1 + w
        for x in range(w):
            a = line[x - 1] if x else 0
            b = prev[x]
            c = prev[x - 1] if x else 0
            if ft == 1:
                line[x] = (line[x] + a) & 255
            elif ft == 2:
                line[x] = (line[x] + b) & 255
            elif ft == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, rows


def read_pgm(path):
    with open(path, 'rb') as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b'#':
            pos = data.index(b'\n', pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b'P5' or int(fields[3]) != 255:
        raise ValueError('%s: not an 8-bit PGM' % path)
    w, h = int(fields[1]), int(fields[2])
    pos += 1
    if len(data) < pos + w * h:
        raise ValueError('%s: truncated' % path)
    return w, h, [bytearray(data[pos + y * w:pos + (y + 1) * w]) for y in range(h)]


def write_png(path, w, h, rows):
    raw = b''.join(b'\x00' + bytes(r) for r in rows)

    def chunk(kind, body):
        return struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body) & 0xffffffff)
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0))
                + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


def main(argv):
    if len(argv) == 4 and argv[1] == '--reference':
        w, h, rows = read_pgm(argv[2])
        write_png(argv[3], w, h, rows)
        return 0
    if len(argv) not in (4, 5):
        sys.stderr.write(__doc__.split('\n\n')[1] + '\n')
        return 2
    tol = float(argv[4]) if len(argv) == 5 else 0.002
    try:
        rw, rh, ref = read_png(argv[1])
        pw, ph, page = read_pgm(argv[2])
    except (OSError, ValueError, zlib.error) as e:
        print('compare: %s' % e)
        return 2
    if (rw, rh) != (pw, ph):
        print('compare: the page is %dx%d, the reference %dx%d' % (pw, ph, rw, rh))
        return 2
    n, out = 0, []
    for r, p in zip(ref, page):
        o = bytearray(rw)
        for x in range(rw):
            if abs(r[x] - p[x]) > THRESHOLD:
                n += 1
                o[x] = 0
            else:
                o[x] = 191 + r[x] // 4
        out.append(o)
    frac = n / float(rw * rh)
    print('differing: %.5f (%d of %d pixels)' % (frac, n, rw * rh))
    if frac > tol:
        write_png(argv[3], rw, rh, out)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
