#!/usr/bin/env python3
"""mkpng.py OUT W H DEPTH COLOURTYPE [INTERLACE]: a PNG with that header and a few
bytes of pixel data (enough for folio to read the header and size the
image; decoding stops at the header's limits or at the short data)."""
import struct
import sys
import zlib


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


out, w, h, depth, ct = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
interlace = int(sys.argv[6]) if len(sys.argv) > 6 else 0
png = b"\x89PNG\r\n\x1a\n"
png += chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, ct, 0, 0, interlace))
png += chunk(b"IDAT", zlib.compress(b"\0" * 64))
png += chunk(b"IEND", b"")
open(out, "wb").write(png)
