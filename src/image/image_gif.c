/*
 * image — GIF through giflib: the size, the number of frames and the first
 * frame's pixels, drawn on the logical screen (a frame may be smaller than
 * it and placed anywhere on it), with its transparent colour as alpha.
 * Paper has one frame: the first is printed and layout warns of the others.
 *
 * giflib's record API, not DGifSlurp: DGifSlurp allocates every frame at
 * the size its descriptor claims before reading a byte of it, so a 100-byte
 * file could ask for gigabytes.  Here each frame's size is checked against
 * folio's limits first, and only the first frame is decoded; the others'
 * codes are skipped, but read, so a truncated file is still found corrupt.
 */
#include <stdlib.h>
#include <string.h>

#include <gif_lib.h>

#include "../base/limits.h"
#include "image_int.h"

struct gif_src {
	const uint8_t *p;
	size_t n, pos;
};

static int
gif_read(GifFileType *gif, GifByteType *to, int want)
{
	struct gif_src *s = gif->UserData;
	size_t k = want < 0 ? 0 : (size_t)want;
	if (k > s->n - s->pos)
		k = s->n - s->pos;
	memcpy(to, s->p + s->pos, k);
	s->pos += k;
	return (int)k;
}

/* The first frame's rows into canvas (w × h palette indexes, -1 = none). */
static int
gif_frame(GifFileType *gif, int16_t *canvas, int32_t w, int32_t h)
{
	static const int start[] = { 0, 4, 2, 1 }, step[] = { 8, 8, 4, 2 };
	const GifImageDesc *d = &gif->Image;
	GifPixelType *row = xmalloc((size_t)d->Width);
	int passes = d->Interlace ? 4 : 1, rc = 0;

	for (int p = 0; p < passes && rc == 0; p++) {
		int y0 = d->Interlace ? start[p] : 0, dy = d->Interlace ? step[p] : 1;
		for (int y = y0; y < d->Height; y += dy) {
			if (DGifGetLine(gif, row, d->Width) != GIF_OK) {
				rc = -1;
				break;
			}
			int64_t cy = (int64_t)d->Top + y;
			if (cy < 0 || cy >= h)
				continue;
			for (int x = 0; x < d->Width; x++) {
				int64_t cx = (int64_t)d->Left + x;
				if (cx >= 0 && cx < w)
					canvas[cy * w + cx] = row[x];
			}
		}
	}
	free(row);
	return rc;
}

/* Skip one frame's image data, reading it to its end. */
static int
gif_skip(GifFileType *gif)
{
	int size;
	GifByteType *block;
	if (DGifGetCode(gif, &size, &block) != GIF_OK)
		return -1;
	while (block != NULL)
		if (DGifGetCodeNext(gif, &block) != GIF_OK)
			return -1;
	return 0;
}

/* Read an extension; the first graphic control block gives the first
 * frame's transparent colour. */
static int
gif_extension(GifFileType *gif, int nframes, int *transparent)
{
	int code;
	GifByteType *ext;
	if (DGifGetExtension(gif, &code, &ext) != GIF_OK)
		return -1;
	if (code == GRAPHICS_EXT_FUNC_CODE && ext != NULL && nframes == 0) {
		GraphicsControlBlock gcb;
		if (DGifExtensionToGCB(ext[0], ext + 1, &gcb) == GIF_OK)
			*transparent = gcb.TransparentColor;
	}
	while (ext != NULL)
		if (DGifGetExtensionNext(gif, &ext) != GIF_OK)
			return -1;
	return 0;
}

/* The canvas as RGB samples and alpha, through the frame's colour map. */
static void
gif_paint(const int16_t *canvas, const ColorMapObject *map, int transparent,
    struct image_pixels *out)
{
	size_t np = (size_t)out->w * (size_t)out->h;
	int opaque = 1;
	out->ncomp = 3;
	out->pix = xmalloc(np * 3);
	out->alpha = xmalloc(np);
	for (size_t i = 0; i < np; i++) {
		int c = canvas[i];
		int clear = c < 0 || c == transparent || map == NULL || c >= map->ColorCount;
		const GifColorType *rgb = clear ? NULL : &map->Colors[c];
		out->pix[3 * i] = rgb ? rgb->Red : 255;
		out->pix[3 * i + 1] = rgb ? rgb->Green : 255;
		out->pix[3 * i + 2] = rgb ? rgb->Blue : 255;
		out->alpha[i] = clear ? 0 : 255;
		opaque &= !clear;
	}
	if (opaque) {
		free(out->alpha);
		out->alpha = NULL;
	}
}

static const char *
gif_reason(int err)
{
	switch (err) {
	case D_GIF_ERR_NOT_GIF_FILE:
	case D_GIF_ERR_WRONG_RECORD:
		return "corrupt GIF (an unknown block)";
	case D_GIF_ERR_NO_SCRN_DSCR:
	case D_GIF_ERR_NO_IMAG_DSCR:
		return "corrupt GIF header";
	case D_GIF_ERR_NO_COLOR_MAP:
		return "corrupt GIF (no colour table)";
	case D_GIF_ERR_IMAGE_DEFECT:
		return "corrupt GIF (the pixel data does not decode)";
	case D_GIF_ERR_EOF_TOO_SOON:
	case D_GIF_ERR_READ_FAILED:
		return "corrupt GIF (truncated)";
	case D_GIF_ERR_NOT_ENOUGH_MEM:
		return "the GIF needs more memory than is available";
	}
	return "corrupt GIF (giflib cannot decode it)";
}

/*
 * Read the GIF in b: its size and frames into info and, when out is not
 * NULL, the first frame's pixels.  The whole file is read either way.
 */
int
image_gif_read(const uint8_t *b, size_t n, struct image_info *info, struct image_pixels *out,
    const char **why)
{
	struct gif_src src = { b, n, 0 };
	int err = 0, transparent = NO_TRANSPARENT_COLOR, nframes = 0, rc = -1;
	GifRecordType type;
	int16_t *canvas = NULL;
	GifFileType *gif;

	if (out != NULL)
		memset(out, 0, sizeof *out);
	gif = DGifOpen(&src, gif_read, &err);
	if (gif == NULL) {
		*why = gif_reason(err);
		return -1;
	}
	info->format = IMAGE_GIF;
	info->w = gif->SWidth;
	info->h = gif->SHeight;
	info->components = 3;
	/* the screen's size is checked once the file is known to be a GIF
	 * (any 13 bytes starting GIF89a have one) */
	for (;;) {
		if (DGifGetRecordType(gif, &type) != GIF_OK)
			goto fail;
		if (type == TERMINATE_RECORD_TYPE)
			break;
		if (type == EXTENSION_RECORD_TYPE) {
			if (gif_extension(gif, nframes, &transparent) < 0)
				goto fail;
			continue;
		}
		if (type != IMAGE_DESC_RECORD_TYPE) {
			*why = "corrupt GIF (an unknown block)";
			goto done;
		}
		if (DGifGetImageDesc(gif) != GIF_OK)
			goto fail;
		if (gif->Image.Width <= 0 || gif->Image.Height <= 0 ||
		    !image_sides_ok(gif->Image.Width, gif->Image.Height, why)) {
			if (gif->Image.Width <= 0 || gif->Image.Height <= 0)
				*why = "corrupt GIF (a frame of no pixels)";
			goto done;
		}
		if (nframes++ > 0 || out == NULL) {
			if (gif_skip(gif) < 0)
				goto fail;
			continue;
		}
		if (!image_sides_ok(info->w, info->h, why))
			goto done;
		canvas = xmalloc((size_t)info->w * (size_t)info->h * sizeof *canvas);
		for (size_t i = 0; i < (size_t)info->w * (size_t)info->h; i++)
			canvas[i] = -1;
		if (gif_frame(gif, canvas, info->w, info->h) < 0)
			goto fail;
		/* now: the next frame's descriptor frees this colour map */
		out->w = info->w;
		out->h = info->h;
		gif_paint(canvas, gif->Image.ColorMap ? gif->Image.ColorMap : gif->SColorMap,
		    transparent, out);
	}
	if (nframes == 0) {
		*why = "corrupt GIF (no image in it)";
		goto done;
	}
	if (!image_sides_ok(info->w, info->h, why))
		goto done;
	info->frames = nframes;
	info->alpha = transparent != NO_TRANSPARENT_COLOR;
	rc = 0;
	goto done;
fail:
	*why = gif_reason(gif->Error);
done:
	if (rc < 0)
		image_pixels_free(out);
	free(canvas);
	DGifCloseFile(gif, &err);
	return rc;
}
