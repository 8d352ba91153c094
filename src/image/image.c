/*
 * image — format detection and headers: the PNG IHDR and pHYs chunks, the
 * JPEG markers from SOI to EOI (SOFn for size and components, JFIF APP0 for
 * resolution, Adobe APP14 for inverted CMYK).  Only what layout needs; the
 * PNG pixel data is read by image_png.c, GIF and TIFF by image_gif.c and
 * image_tiff.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/file.h"
#include "../base/limits.h"
#include "image_int.h"

int
image_file_read(const char *path, uint8_t **out, size_t *n, const char **why)
{
	struct buf b = {0};
	*out = NULL;
	*n = 0;
	if (file_read(path, (size_t)LIMIT_IMAGE_BYTES, &b, why) < 0) {
		if (errno == ENOENT)
			*why = "no such file";
		else if (errno == EFBIG)
			*why = "the file is larger than folio's image limit (256 MB)";
		return -1;
	}
	*out = (uint8_t *)b.p;
	*n = b.n;
	return 0;
}

static uint32_t
be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static unsigned
be16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

mpt
image_px_to_mpt(int32_t px, int32_t dpi)
{
	if (dpi <= 0)
		dpi = 96;
	int64_t v = (int64_t)px * 72000 / dpi;
	return v > LIMIT_OBJECT_SIZE ? LIMIT_OBJECT_SIZE : (mpt)v;
}

int
image_sides_ok(int64_t w, int64_t h, const char **why)
{
	if (w <= 0 || h <= 0) {
		*why = "the image has no pixels";
		return 0;
	}
	if (w > LIMIT_IMAGE_SIDE || h > LIMIT_IMAGE_SIDE || w * h > LIMIT_IMAGE_PIXELS) {
		*why = "the image is larger than folio's limit (40 million pixels, 65535 per side)";
		return 0;
	}
	return 1;
}

/* ---------------------------------------------------------------- PNG */

/*
 * The header is read here, without libpng: layout needs only IHDR, tRNS and
 * pHYs, which sit before the pixel data, and libpng's simplified API
 * (image_png.c) does not give the resolution, while its full API reports
 * errors only by longjmp.  The pixels, CRCs included, are checked by libpng
 * when the PDF writer decodes them.
 */

/* Is depth allowed for PNG colour type ct?  Returns bits per pixel or 0. */
static int
png_depth_ok(int ct, int depth)
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

static int
png_header(const uint8_t *b, size_t n, struct image_info *info, const char **why)
{
	if (n < 33 || memcmp(b + 12, "IHDR", 4) != 0 || be32(b + 8) != 13) {
		*why = "corrupt PNG header";
		return -1;
	}
	const uint8_t *h = b + 16;
	int64_t w = be32(h), ht = be32(h + 4);
	int depth = h[8], ct = h[9];
	if (!image_sides_ok(w, ht, why))
		return -1;
	if (png_depth_ok(ct, depth) == 0 || h[10] != 0 || h[11] != 0 || h[12] > 1) {
		*why = "corrupt PNG header (colour type, bit depth or method)";
		return -1;
	}
	info->format = IMAGE_PNG;
	info->w = (int32_t)w;
	info->h = (int32_t)ht;
	info->components = ct == 0 || ct == 4 ? 1 : 3;
	info->alpha = ct == 4 || ct == 6;
	/* pHYs and tRNS come before IDAT */
	size_t pos = 8;
	while (pos + 12 <= n) {
		uint32_t len = be32(b + pos);
		const uint8_t *type = b + pos + 4;
		if (len > n - pos - 12)
			break;
		if (memcmp(type, "IDAT", 4) == 0 || memcmp(type, "IEND", 4) == 0)
			break;
		if (memcmp(type, "tRNS", 4) == 0)
			info->alpha = 1;
		if (memcmp(type, "pHYs", 4) == 0 && len == 9 && b[pos + 16] == 1) {
			/* pixels per metre */
			uint32_t px = be32(b + pos + 8), py = be32(b + pos + 12);
			if (px >= 400 && px <= 400000 && py >= 400 && py <= 400000) {
				info->dpi_x = (int32_t)((px * 254 + 5000) / 10000);
				info->dpi_y = (int32_t)((py * 254 + 5000) / 10000);
			}
		}
		pos += 12 + (size_t)len;
	}
	return 0;
}

/* ---------------------------------------------------------------- JPEG */

/* What the frame header said, for checking the scans against it. */
struct jframe {
	int     sof;           /* 0xC0, 0xC1, 0xC2, or 0 before the frame */
	int     ncomp;
	uint8_t id[4];         /* component ids */
	uint8_t tables;        /* bits: DC 0-3 defined, AC 0-3 (<<4) defined */
};

/* DHT: every table's counts fit its data and make a valid prefix code
 * (no code of all 1 bits: libjpeg's test). */
static int
jpeg_dht(const uint8_t *s, unsigned n, struct jframe *f)
{
	while (n > 0) {
		if (n < 17 || (s[0] >> 4) > 1 || (s[0] & 15) > 3)
			return -1;
		unsigned total = 0;
		long code = 0;
		for (int len = 1; len <= 16; len++) {
			code = (code << 1) + s[len];
			total += s[len];
			if (s[len] && code >= (1L << len))
				return -1;
		}
		if (total > 256 || 17 + total > n)
			return -1;
		f->tables |= (uint8_t)(1u << ((s[0] & 15) + ((s[0] >> 4) ? 4 : 0)));
		s += 17 + total;
		n -= 17 + total;
	}
	return 0;
}

/* SOS: components of the frame, tables defined, spectral parameters. */
static int
jpeg_sos(const uint8_t *s, unsigned n, const struct jframe *f)
{
	if (n < 1 || s[0] < 1 || s[0] > 4 || n != 4u + 2u * s[0])
		return -1;
	for (int i = 0; i < s[0]; i++) {
		int found = 0;
		for (int k = 0; k < f->ncomp; k++)
			found |= f->id[k] == s[1 + 2 * i];
		uint8_t td = s[2 + 2 * i] >> 4, ta = s[2 + 2 * i] & 15;
		if (!found || td > 3 || ta > 3)
			return -1;
		if (f->sof != 0xC2 && (!(f->tables & (1u << td)) || !(f->tables & (1u << (ta + 4)))))
			return -1;
	}
	const uint8_t *t = s + 1 + 2 * s[0];   /* Ss, Se, Ah/Al */
	if (f->sof != 0xC2)
		return t[0] == 0 && t[1] == 63 && t[2] == 0 ? 0 : -1;
	return t[0] <= t[1] && t[1] <= 63 && (t[0] > 0 || t[1] == 0) ? 0 : -1;
}

/* SOFn: size, precision and components (PDF takes 8-bit, 1, 3 or 4). */
static int
jpeg_sof(unsigned m, const uint8_t *s, unsigned sl, struct image_info *info, struct jframe *f,
    const char **why)
{
	if (m != 0xC0 && m != 0xC1 && m != 0xC2) {
		*why = "unsupported JPEG coding (only baseline and progressive Huffman)";
		return -1;
	}
	if (sl < 6 || s[0] != 8) {
		*why = sl < 6 ? "corrupt JPEG frame header" : "unsupported JPEG sample precision (only 8 bits)";
		return -1;
	}
	int64_t h = be16(s + 1), w = be16(s + 3);
	if (!image_sides_ok(w, h, why))
		return -1;
	info->h = (int32_t)h;
	info->w = (int32_t)w;
	info->components = s[5];
	if (s[5] != 1 && s[5] != 3 && s[5] != 4) {
		*why = "unsupported JPEG colour (1, 3 or 4 components)";
		return -1;
	}
	*why = "corrupt JPEG frame header";
	if (sl != 6u + 3u * s[5])
		return -1;
	f->sof = (int)m;
	f->ncomp = s[5];
	for (int k = 0; k < s[5]; k++) {
		const uint8_t *c = s + 6 + 3 * k;
		uint8_t hs = c[1] >> 4, vs = c[1] & 15;
		f->id[k] = c[0];
		if (hs < 1 || hs > 4 || vs < 1 || vs > 4 || c[2] > 3)
			return -1;
	}
	return 0;
}

/* One marker segment before the entropy-coded data. */
static int
jpeg_segment(unsigned m, const uint8_t *s, unsigned sl, struct image_info *info, struct jframe *f,
    const char **why)
{
	if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC)
		return jpeg_sof(m, s, sl, info, f, why);
	switch (m) {
	case 0xC4:
		*why = "corrupt JPEG (a bad Huffman table)";
		return jpeg_dht(s, sl, f);
	case 0xDB:
		for (unsigned k = 0; k < sl; ) {
			unsigned tl = (s[k] >> 4) ? 129 : 65;
			if ((s[k] >> 4) > 1 || (s[k] & 15) > 3 || k + tl > sl) {
				*why = "corrupt JPEG (a bad quantisation table)";
				return -1;
			}
			k += tl;
		}
		return 0;
	case 0xDA:
		*why = f->sof ? "corrupt JPEG (a bad scan header)" : "corrupt JPEG (scan before frame header)";
		return f->sof ? jpeg_sos(s, sl, f) : -1;
	case 0xE0:
		if (sl >= 12 && memcmp(s, "JFIF", 5) == 0) {
			unsigned unit = s[7], dx = be16(s + 8), dy = be16(s + 10);
			if (unit == 1 && dx >= 10 && dy >= 10) {
				info->dpi_x = (int32_t)dx;
				info->dpi_y = (int32_t)dy;
			} else if (unit == 2 && dx >= 4 && dy >= 4) {
				info->dpi_x = (int32_t)((dx * 254 + 50) / 100);
				info->dpi_y = (int32_t)((dy * 254 + 50) / 100);
			}
		}
		return 0;
	case 0xEE:
		if (sl >= 12 && memcmp(s, "Adobe", 5) == 0)
			info->adobe = 1;
		return 0;
	}
	return 0;
}

/*
 * Walk the markers: segments with a length until SOS, then the entropy
 * coded data (where 0xFF is followed by 0x00 or a restart marker) up to
 * EOI.  PDF's DCTDecode takes baseline and progressive Huffman JPEGs of
 * 8-bit samples with 1, 3 or 4 components; the tables and scan headers are
 * checked as libjpeg would, so a viewer does not meet a bad one.
 */
static int
jpeg_header(const uint8_t *b, size_t n, struct image_info *info, const char **why)
{
	size_t pos = 2;
	int sos = 0, eoi = 0;
	struct jframe fr;

	memset(&fr, 0, sizeof fr);
	info->format = IMAGE_JPEG;
	while (pos < n && !eoi) {
		if (b[pos] != 0xFF) {
			*why = "corrupt JPEG (a marker is missing)";
			return -1;
		}
		while (pos < n && b[pos] == 0xFF)
			pos++;            /* fill bytes */
		if (pos >= n)
			break;
		unsigned m = b[pos++];
		eoi = m == 0xD9;
		if (eoi || m == 0x01 || (m >= 0xD0 && m <= 0xD7))
			continue;         /* EOI, TEM, RSTn: no length */
		if (m < 0xC0) {
			*why = "corrupt JPEG (a reserved marker)";
			return -1;
		}
		unsigned len = pos + 2 <= n ? be16(b + pos) : 0;
		if (len < 2 || pos + len > n) {
			*why = "corrupt JPEG (a segment runs past the end of the file)";
			return -1;
		}
		if (jpeg_segment(m, b + pos + 2, len - 2, info, &fr, why) < 0)
			return -1;
		pos += len;
		if (m == 0xDA) {     /* SOS: skip the entropy-coded data */
			sos = 1;
			while (pos + 1 < n && !(b[pos] == 0xFF && b[pos + 1] != 0x00 &&
			    !(b[pos + 1] >= 0xD0 && b[pos + 1] <= 0xD7)))
				pos++;
			if (pos + 1 >= n)
				break;
		}
	}
	if (!fr.sof || !sos) {
		*why = "corrupt JPEG (no frame header or no scan)";
		return -1;
	}
	if (!eoi) {
		*why = "corrupt JPEG (truncated: no end-of-image marker)";
		return -1;
	}
	return 0;
}

/* The format of the bytes b[0..n) by their signature. */
static enum image_format
sniff(const uint8_t *b, size_t n)
{
	if (n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0)
		return IMAGE_PNG;
	if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
		return IMAGE_JPEG;
	if (n >= 6 && (memcmp(b, "GIF87a", 6) == 0 || memcmp(b, "GIF89a", 6) == 0))
		return IMAGE_GIF;
	if (n >= 4 && (memcmp(b, "II*\0", 4) == 0 || memcmp(b, "MM\0*", 4) == 0 ||
	    memcmp(b, "II+\0", 4) == 0 || memcmp(b, "MM\0+", 4) == 0))
		return IMAGE_TIFF;
	return IMAGE_UNKNOWN;
}

int
image_info_read(const char *path, struct image_info *info, const char **why)
{
	uint8_t *b;
	size_t n;
	int rc = -1;

	memset(info, 0, sizeof *info);
	if (image_file_read(path, &b, &n, why) < 0)
		return -1;
	switch (sniff(b, n)) {
	case IMAGE_PNG:
		rc = png_header(b, n, info, why);
		break;
	case IMAGE_JPEG:
		rc = jpeg_header(b, n, info, why);
		break;
	case IMAGE_GIF:
		rc = image_gif_read(b, n, info, NULL, why);
		break;
	case IMAGE_TIFF:
		rc = image_tiff_read(b, n, info, NULL, why);
		break;
	case IMAGE_UNKNOWN:
		if (n > 0 && (b[0] == '<' || (n > 3 && memcmp(b, "\xEF\xBB\xBF<", 4) == 0)))
			*why = "an XML or SVG file, not an image file (put drawings in fo:instream-foreign-object)";
		else
			*why = n == 0 ? "the file is empty" : "not a PNG, JPEG, GIF or TIFF file";
		break;
	}
	free(b);
	if (rc < 0)
		info->format = IMAGE_UNKNOWN;
	else if (info->frames == 0)
		info->frames = 1;
	return rc;
}

int
image_decode(const char *path, struct image_pixels *out, const char **why)
{
	struct image_info info;
	uint8_t *b;
	size_t n;
	int rc = -1;

	memset(out, 0, sizeof *out);
	memset(&info, 0, sizeof info);
	if (image_file_read(path, &b, &n, why) < 0)
		return -1;
	switch (sniff(b, n)) {
	case IMAGE_PNG:
		free(b);             /* libpng reads the file itself */
		b = NULL;
		rc = image_png_decode(path, out, why);
		break;
	case IMAGE_GIF:
		rc = image_gif_read(b, n, &info, out, why);
		break;
	case IMAGE_TIFF:
		rc = image_tiff_read(b, n, &info, out, why);
		break;
	default:
		*why = "the file is no longer a PNG, GIF or TIFF file";
		break;
	}
	free(b);
	return rc;
}
