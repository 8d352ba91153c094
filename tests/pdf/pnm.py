"""Read a binary PGM or PPM (P5/P6) as pdftoppm writes it: (width, height, pixels)."""

def read(path):
    data = open(path, 'rb').read()
    parts, pos = [], 0
    while len(parts) < 4:
        while data[pos:pos+1].isspace(): pos += 1
        if data[pos:pos+1] == b'#':
            while data[pos:pos+1] != b'\n': pos += 1
            continue
        start = pos
        while not data[pos:pos+1].isspace(): pos += 1
        parts.append(data[start:pos])
    return int(parts[1]), int(parts[2]), data[pos+1:]
