"""Draws the add-in's icons (a document with ranking bars) as PNGs, with no dependency."""
import struct, zlib, sys

def png(size, path):
    blue, white, light = (0x1F, 0x4E, 0x79, 255), (255, 255, 255, 255), (0xDD, 0xEB, 0xF7, 255)
    px = [[(0, 0, 0, 0)] * size for _ in range(size)]
    m = max(1, size // 10)
    for y in range(size):
        for x in range(size):
            if m <= x < size - m and m <= y < size - m:
                px[y][x] = blue
    # three bars of falling length: a ranking
    bar_h = max(1, size // 8)
    for i, frac in enumerate((0.70, 0.52, 0.34)):
        top = m + (i + 1) * (size - 2 * m) // 5
        for y in range(top, min(size - m, top + bar_h)):
            for x in range(2 * m, 2 * m + int((size - 4 * m) * frac)):
                px[y][x] = white if i == 0 else light
    raw = b''.join(b'\x00' + b''.join(struct.pack('4B', *p) for p in row) for row in px)
    def chunk(t, d):
        c = struct.pack('>I', len(d)) + t + d
        return c + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0))
    data += chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
    open(path, 'wb').write(data)

for s in (16, 32, 64, 80, 128):
    png(s, f'addin/assets/icon-{s}.png')
print('icons written')
