/*
 * image — PNG decoding with zlib: chunks (CRC checked), IDAT inflated into
 * a buffer of exactly the size the header implies, scanlines unfiltered,
 * Adam7 passes put in place, every colour type and bit depth reduced to
 * 8-bit grey or RGB samples plus an 8-bit alpha channel (from the alpha
 * samples or tRNS).
 *
 * folio decodes PNG itself rather than through libharu 2.3.0, which loses
 * tRNS on grey and low-depth palette images (reading past its rows), draws
 * 16-bit images white and crashes on an RGB image with tRNS
 * (docs/graphics.md).
 */
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "../base/limits.h"
#include "image_int.h"

int
image_png_depth_ok(int ct, int depth)
{
	switch (ct) {
	case 0:
		return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16 ? depth : 0;
	case 3:
		return depth == 1 || depth == 2 || depth == 4 || depth == 8 ? depth : 0;
	case 2:
		return depth == 8 || depth == 16 ? 3 * depth : 0;
	case 4:
		return depth == 8 || depth == 16 ? 2 * depth : 0;
	case 6:
		return depth == 8 || depth == 16 ? 4 * depth : 0;
	}
	return 0;
}

struct png {
	int32_t  w, h;
	int      depth, ct, interlace;
	int      bpp;          /* bits per pixel */
	int      channels;
	uint8_t  pal[256][3];
	int      npal;
	uint8_t  trns[256];    /* palette alpha */
	int      ntrns;
	unsigned key[3];       /* grey or RGB transparent colour */
	int      has_key;
	uint8_t *raw;          /* inflated scanlines */
	size_t   nraw;
};

static const int adam7[7][4] = {   /* x0, y0, dx, dy */
	{ 0, 0, 8, 8 }, { 4, 0, 8, 8 }, { 0, 4, 4, 8 }, { 2, 0, 4, 4 },
	{ 0, 2, 2, 4 }, { 1, 0, 2, 2 }, { 0, 1, 1, 2 },
};

static size_t
row_bytes(const struct png *p, int32_t w)
{
	return ((size_t)w * (size_t)p->bpp + 7) / 8;
}

/* Pixels of a pass along one side. */
static int32_t
pass_len(int32_t n, int start, int step)
{
	return n > start ? (n - start + step - 1) / step : 0;
}

static size_t
raw_size(const struct png *p)
{
	if (!p->interlace)
		return (size_t)p->h * (1 + row_bytes(p, p->w));
	size_t n = 0;
	for (int k = 0; k < 7; k++) {
		int32_t pw = pass_len(p->w, adam7[k][0], adam7[k][2]);
		int32_t ph = pass_len(p->h, adam7[k][1], adam7[k][3]);
		if (pw > 0 && ph > 0)
			n += (size_t)ph * (1 + row_bytes(p, pw));
	}
	return n;
}

/* ---------------------------------------------------------------- chunks */

static int
png_ihdr(struct png *p, const uint8_t *data, const char **why)
{
	p->w = (int32_t)image_be32(data);
	p->h = (int32_t)image_be32(data + 4);
	p->depth = data[8];
	p->ct = data[9];
	p->interlace = data[12];
	p->bpp = image_png_depth_ok(p->ct, p->depth);
	if (p->w <= 0 || p->h <= 0 || p->bpp == 0 || data[10] || data[11] || data[12] > 1) {
		*why = "corrupt PNG header";
		return -1;
	}
	if (p->w > LIMIT_IMAGE_SIDE || p->h > LIMIT_IMAGE_SIDE ||
	    (int64_t)p->w * p->h > LIMIT_IMAGE_PIXELS) {
		*why = "the image is larger than folio's limit (40 million pixels)";
		return -1;
	}
	p->channels = p->ct == 0 || p->ct == 3 ? 1 : p->ct == 4 ? 2 : p->ct == 2 ? 3 : 4;
	p->nraw = raw_size(p);
	/* the inflated rows and the samples made of them, alpha included */
	uint64_t px = (uint64_t)p->w * (uint64_t)p->h;
	if (p->nraw + px * (p->ct == 0 || p->ct == 4 ? 1 : 3) + px * (p->ct == 4 || p->ct == 6)
	    > (uint64_t)LIMIT_IMAGE_DECODED) {
		*why = "decoding it would take more than folio's limit of 300 MB "
		    "(16 bits a sample double it; save it with 8)";
		return -1;
	}
	p->raw = xmalloc(p->nraw);
	return 0;
}

/* Inflate one IDAT's data (into the image's scanlines); *end is set at the stream's end. */
static int
png_idat(z_stream *z, const uint8_t *data, uint32_t len, int *end, const char **why)
{
	z->next_in = (Bytef *)data;
	z->avail_in = len;
	while (z->avail_in > 0) {
		int r = inflate(z, Z_NO_FLUSH);
		if (r == Z_STREAM_END) {
			*end = 1;
			return 0;
		}
		if (r == Z_OK)
			continue;
		*why = r == Z_BUF_ERROR && z->avail_out == 0
		    ? "corrupt PNG (more pixel data than the image holds)"
		    : "corrupt PNG (pixel data does not decompress)";
		return -1;
	}
	return 0;
}

static void
png_trns(struct png *p, const uint8_t *data, uint32_t len)
{
	if (p->ct == 3) {
		p->ntrns = len > 256 ? 256 : (int)len;
		memcpy(p->trns, data, (size_t)p->ntrns);
	} else if (p->ct == 0 && len >= 2) {
		p->key[0] = (unsigned)data[0] << 8 | data[1];
		p->has_key = 1;
	} else if (p->ct == 2 && len >= 6) {
		for (int i = 0; i < 3; i++)
			p->key[i] = (unsigned)data[2 * i] << 8 | data[2 * i + 1];
		p->has_key = 1;
	}
}

static int
read_chunks(struct png *p, const uint8_t *b, size_t n, const char **why)
{
	z_stream z;
	int zinit = 0, zend = 0, ihdr = 0, iend = 0;
	size_t pos = 8;

	memset(&z, 0, sizeof z);
	while (pos + 12 <= n && !iend) {
		uint32_t len = image_be32(b + pos);
		const uint8_t *type = b + pos + 4, *data = b + pos + 8;
		if (len > n - pos - 12) {
			*why = "corrupt PNG (truncated chunk)";
			goto fail;
		}
		if ((uint32_t)crc32(crc32(0, NULL, 0), type, len + 4) != image_be32(data + len)) {
			*why = "corrupt PNG (chunk checksum)";
			goto fail;
		}
		if (memcmp(type, "IHDR", 4) == 0 && len == 13 && !ihdr) {
			if (png_ihdr(p, data, why) < 0)
				goto fail;
			ihdr = 1;
		} else if (!ihdr) {
			*why = "corrupt PNG (IHDR is not first)";
			goto fail;
		} else if (memcmp(type, "PLTE", 4) == 0) {
			if (len % 3 || len == 0 || len > 768) {
				*why = "corrupt PNG palette";
				goto fail;
			}
			p->npal = (int)(len / 3);
			memcpy(p->pal, data, len);
		} else if (memcmp(type, "tRNS", 4) == 0) {
			png_trns(p, data, len);
		} else if (memcmp(type, "IDAT", 4) == 0) {
			if (!zinit) {
				if (inflateInit(&z) != Z_OK) {
					*why = "cannot start decompression";
					goto fail;
				}
				zinit = 1;
				z.next_out = p->raw;
				z.avail_out = (uInt)p->nraw;
			}
			if (!zend && png_idat(&z, data, len, &zend, why) < 0)
				goto fail;   /* data after the end of the stream is ignored */
		} else if (memcmp(type, "IEND", 4) == 0) {
			iend = 1;
		} else if (!(type[0] & 0x20)) {
			*why = "unsupported PNG (unknown critical chunk)";
			goto fail;
		}
		pos += 12 + (size_t)len;
	}
	if (!ihdr || !zinit) {
		*why = "corrupt PNG (no pixel data)";
		goto fail;
	}
	if (!zend || z.total_out != p->nraw) {
		*why = "corrupt PNG (truncated pixel data)";
		goto fail;
	}
	if (p->ct == 3 && p->npal == 0) {
		*why = "corrupt PNG (palette image without a palette)";
		goto fail;
	}
	inflateEnd(&z);
	return 0;
fail:
	if (zinit)
		inflateEnd(&z);
	return -1;
}

/* ---------------------------------------------------------------- pixels */

static int
paeth(int a, int b, int c)
{
	int pp = a + b - c, pa = abs(pp - a), pb = abs(pp - b), pc = abs(pp - c);
	return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* Undo the filter of one scanline in place; prev is the unfiltered line above or NULL. */
static int
unfilter(uint8_t *row, const uint8_t *prev, size_t n, int filter, size_t bpp)
{
	switch (filter) {
	case 0:
		break;
	case 1:
		for (size_t i = bpp; i < n; i++)
			row[i] = (uint8_t)(row[i] + row[i - bpp]);
		break;
	case 2:
		if (prev)
			for (size_t i = 0; i < n; i++)
				row[i] = (uint8_t)(row[i] + prev[i]);
		break;
	case 3:
		for (size_t i = 0; i < n; i++) {
			int a = i >= bpp ? row[i - bpp] : 0, b = prev ? prev[i] : 0;
			row[i] = (uint8_t)(row[i] + (a + b) / 2);
		}
		break;
	case 4:
		for (size_t i = 0; i < n; i++) {
			int a = i >= bpp ? row[i - bpp] : 0, b = prev ? prev[i] : 0;
			int c = i >= bpp && prev ? prev[i - bpp] : 0;
			row[i] = (uint8_t)(row[i] + paeth(a, b, c));
		}
		break;
	default:
		return -1;
	}
	return 0;
}

static unsigned
sample(const uint8_t *row, size_t idx, int depth)
{
	switch (depth) {
	case 16:
		return (unsigned)row[2 * idx] << 8 | row[2 * idx + 1];
	case 8:
		return row[idx];
	default: {
		size_t bit = idx * (size_t)depth;
		return (unsigned)(row[bit / 8] >> (8 - depth - (int)(bit % 8))) & ((1u << depth) - 1);
	}
	}
}

static uint8_t
to8(unsigned v, int depth)
{
	return depth == 16 ? (uint8_t)(v >> 8) : depth == 8 ? (uint8_t)v
	    : (uint8_t)(v * 255 / ((1u << depth) - 1));
}

/* Put one decoded pixel of row (pixel i) at (x, y) of out. */
static void
put_pixel(const struct png *p, const uint8_t *row, size_t i, size_t at, struct image_pixels *out)
{
	size_t c = i * (size_t)p->channels;
	unsigned v[4];
	for (int k = 0; k < p->channels; k++)
		v[k] = sample(row, c + (size_t)k, p->depth);
	uint8_t a = 255;
	switch (p->ct) {
	case 0:
		out->pix[at] = to8(v[0], p->depth);
		if (p->has_key && v[0] == p->key[0])
			a = 0;
		break;
	case 4:
		out->pix[at] = to8(v[0], p->depth);
		a = to8(v[1], p->depth);
		break;
	case 3: {
		unsigned ix = v[0] < (unsigned)p->npal ? v[0] : 0;
		memcpy(out->pix + 3 * at, p->pal[ix], 3);
		if ((int)v[0] < p->ntrns)
			a = p->trns[v[0]];
		break;
	}
	case 2:
	case 6:
		for (int k = 0; k < 3; k++)
			out->pix[3 * at + (size_t)k] = to8(v[k], p->depth);
		if (p->ct == 6)
			a = to8(v[3], p->depth);
		else if (p->has_key && v[0] == p->key[0] && v[1] == p->key[1] && v[2] == p->key[2])
			a = 0;
		break;
	}
	if (out->alpha)
		out->alpha[at] = a;
}

static int
decode_pass(struct png *p, size_t *pos, int32_t x0, int32_t y0, int dx, int dy,
    int32_t pw, int32_t ph, struct image_pixels *out)
{
	size_t rb = row_bytes(p, pw), fbpp = p->bpp >= 8 ? (size_t)p->bpp / 8 : 1;
	const uint8_t *prev = NULL;
	for (int32_t r = 0; r < ph; r++) {
		uint8_t *line = p->raw + *pos;
		if (unfilter(line + 1, prev, rb, line[0], fbpp) < 0)
			return -1;
		size_t y = (size_t)(y0 + r * dy);
		for (int32_t i = 0; i < pw; i++)
			put_pixel(p, line + 1, (size_t)i, y * (size_t)out->w + (size_t)(x0 + i * dx), out);
		prev = line + 1;
		*pos += 1 + rb;
	}
	return 0;
}

int
image_png_decode(const char *path, struct image_pixels *out, const char **why)
{
	struct png p;
	uint8_t *b;
	size_t n;

	memset(out, 0, sizeof *out);
	memset(&p, 0, sizeof p);
	if (image_file_read(path, &b, &n, why) < 0)
		return -1;
	if (n < 8 || memcmp(b, "\x89PNG\r\n\x1a\n", 8) != 0) {
		*why = "not a PNG file";
		goto fail;
	}
	if (read_chunks(&p, b, n, why) < 0)
		goto fail;
	out->w = p.w;
	out->h = p.h;
	out->ncomp = p.ct == 0 || p.ct == 4 ? 1 : 3;
	out->pix = xmalloc((size_t)p.w * (size_t)p.h * (size_t)out->ncomp);
	if (p.ct == 4 || p.ct == 6 || p.ntrns > 0 || p.has_key)
		out->alpha = xmalloc((size_t)p.w * (size_t)p.h);
	size_t pos = 0;
	for (int k = 0; k < (p.interlace ? 7 : 1); k++) {
		const int *a = p.interlace ? adam7[k] : (const int[4]){ 0, 0, 1, 1 };
		int32_t pw = pass_len(p.w, a[0], a[2]), ph = pass_len(p.h, a[1], a[3]);
		if (pw == 0 || ph == 0)
			continue;
		if (decode_pass(&p, &pos, a[0], a[1], a[2], a[3], pw, ph, out) < 0) {
			*why = "corrupt PNG (unknown scanline filter)";
			goto fail;
		}
	}
	if (out->alpha) {
		size_t np = (size_t)p.w * (size_t)p.h, i = 0;
		while (i < np && out->alpha[i] == 255)
			i++;
		if (i == np) {
			free(out->alpha);
			out->alpha = NULL;
		}
	}
	free(p.raw);
	free(b);
	return 0;
fail:
	free(p.raw);
	free(b);
	image_pixels_free(out);
	return -1;
}

void
image_pixels_free(struct image_pixels *p)
{
	if (p == NULL)
		return;
	free(p->pix);
	free(p->alpha);
	memset(p, 0, sizeof *p);
}
