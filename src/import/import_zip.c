/*
 * import — the zip container of a workbook, through minizip, in memory:
 * a workbook is read whole (within IM_MAX_FILE) and its parts inflated one
 * at a time, each within IM_MAX_ENTRY and all within IM_MAX_INFLATED, the
 * inflated bytes counted as they come (the sizes a zip declares are not
 * trusted: a zip bomb declares small ones).  Writing (the template) is
 * deterministic: fixed dates, fixed order.
 */
#include <stdlib.h>
#include <string.h>
#include <minizip/unzip.h>
#include <minizip/zip.h>

#include "import_int.h"

/* ---------------------------------------------------------------- memory as a file */

struct mem {
	const char *p;      /* reading: the bytes */
	struct buf *w;      /* writing: the bytes so far */
	size_t      n, pos;
};

static voidpf ZCALLBACK
mem_open(voidpf opaque, const void *name, int mode)
{
	(void)name;
	(void)mode;
	struct mem *m = opaque;
	m->pos = 0;
	return m;
}

static uLong ZCALLBACK
mem_read(voidpf opaque, voidpf stream, void *out, uLong size)
{
	(void)opaque;
	struct mem *m = stream;
	size_t k = m->pos < m->n ? m->n - m->pos : 0;
	if (k > size)
		k = size;
	memcpy(out, m->p + m->pos, k);
	m->pos += k;
	return (uLong)k;
}

static uLong ZCALLBACK
mem_write(voidpf opaque, voidpf stream, const void *in, uLong size)
{
	(void)opaque;
	struct mem *m = stream;
	if (m->w == NULL)
		return 0;
	size_t over = m->pos < m->w->n ? m->w->n - m->pos : 0;
	if (over > size)
		over = size;
	memcpy(m->w->p + m->pos, in, over);
	buf_add(m->w, (const char *)in + over, size - over);
	m->pos += size;
	m->n = m->w->n;
	return size;
}

static ZPOS64_T ZCALLBACK
mem_tell(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return ((struct mem *)stream)->pos;
}

static long ZCALLBACK
mem_seek(voidpf opaque, voidpf stream, ZPOS64_T off, int origin)
{
	(void)opaque;
	struct mem *m = stream;
	size_t n = m->w ? m->w->n : m->n;
	ZPOS64_T base = origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos : origin == ZLIB_FILEFUNC_SEEK_END ? n : 0;
	if (off > n || base > n - off)
		return -1;
	m->pos = (size_t)(base + off);
	return 0;
}

static int ZCALLBACK
mem_close(voidpf opaque, voidpf stream)
{
	(void)opaque;
	(void)stream;
	return 0;
}

static int ZCALLBACK
mem_error(voidpf opaque, voidpf stream)
{
	(void)opaque;
	(void)stream;
	return 0;
}

static void
mem_funcs(zlib_filefunc64_def *f, struct mem *m)
{
	f->zopen64_file = mem_open;
	f->zread_file = mem_read;
	f->zwrite_file = mem_write;
	f->ztell64_file = mem_tell;
	f->zseek64_file = mem_seek;
	f->zclose_file = mem_close;
	f->zerror_file = mem_error;
	f->opaque = m;
}

/* ---------------------------------------------------------------- reading */

struct im_zip {
	const char *name;
	struct mem  m;
	unzFile     uf;
	size_t      inflated;   /* bytes inflated so far, all entries */
};

struct im_zip *
im_zip_open(const char *name, const char *bytes, size_t n, struct diag *d)
{
	struct im_zip *z = xcalloc(1, sizeof *z);
	zlib_filefunc64_def ff;
	z->name = name;
	z->m.p = bytes;
	z->m.n = n;
	mem_funcs(&ff, &z->m);
	z->uf = unzOpen2_64(name, &ff);
	unz_global_info64 gi;
	if (z->uf == NULL || unzGetGlobalInfo64(z->uf, &gi) != UNZ_OK) {
		diag_report(d, DIAG_ERROR, name, 0, 0, "%s", _("not an Excel workbook (.xlsx): it is no zip "
		    "file, or a damaged one; save it again from Excel as \"Excel Workbook (*.xlsx)\""));
		im_zip_close(z);
		return NULL;
	}
	if (gi.number_entry > IM_MAX_ENTRIES) {
		diag_report(d, DIAG_ERROR, name, 0, 0, _("the workbook holds %llu files, more than the %d "
		    "folio reads: it is not a tenants workbook"), (unsigned long long)gi.number_entry,
		    IM_MAX_ENTRIES);
		im_zip_close(z);
		return NULL;
	}
	return z;
}

int
im_zip_read(struct im_zip *z, const char *path, struct buf *out, struct diag *d)
{
	if (unzLocateFile(z->uf, path, 1) != UNZ_OK)
		return 1;
	if (unzOpenCurrentFile(z->uf) != UNZ_OK) {
		diag_report(d, DIAG_ERROR, z->name, 0, 0, _("the workbook's part %s cannot be read "
		    "(damaged, encrypted or an unknown compression); save it again from Excel"), path);
		return -1;
	}
	char chunk[65536];
	size_t got = 0;
	int k, rc = 0;
	while ((k = unzReadCurrentFile(z->uf, chunk, sizeof chunk)) > 0) {
		got += (size_t)k;
		z->inflated += (size_t)k;
		if (got > (size_t)IM_MAX_ENTRY || z->inflated > (size_t)IM_MAX_INFLATED) {
			diag_report(d, DIAG_ERROR, z->name, 0, 0, _("the workbook's part %s unpacks to more than "
			    "%ld MB: refused (a tenants workbook is far smaller; this may be a zip bomb)"), path,
			    (got > (size_t)IM_MAX_ENTRY ? IM_MAX_ENTRY : IM_MAX_INFLATED) >> 20);
			rc = -1;
			break;
		}
		buf_add(out, chunk, (size_t)k);
	}
	if (rc == 0 && k < 0) {
		diag_report(d, DIAG_ERROR, z->name, 0, 0, _("the workbook's part %s is damaged (zip error %d); "
		    "save it again from Excel"), path, k);
		rc = -1;
	}
	if (unzCloseCurrentFile(z->uf) == UNZ_CRCERROR && rc == 0) {
		diag_report(d, DIAG_ERROR, z->name, 0, 0, _("the workbook's part %s is damaged (its checksum "
		    "does not match); save it again from Excel"), path);
		rc = -1;
	}
	return rc;
}

void
im_zip_close(struct im_zip *z)
{
	if (z == NULL)
		return;
	if (z->uf)
		unzClose(z->uf);
	free(z);
}

/* ---------------------------------------------------------------- writing */

int
im_zip_write(const char *const *names, const struct buf *data, size_t n, struct buf *out,
    struct diag *d)
{
	struct mem m = { NULL, out, 0, 0 };
	zlib_filefunc64_def ff;
	mem_funcs(&ff, &m);
	buf_add(out, "", 0);
	zipFile zf = zipOpen2_64("template", APPEND_STATUS_CREATE, NULL, &ff);
	int ok = zf != NULL;
	for (size_t i = 0; ok && i < n; i++) {
		zip_fileinfo zi;
		memset(&zi, 0, sizeof zi);
		zi.tmz_date.tm_year = 1980;   /* fixed: the same template, the same bytes */
		zi.tmz_date.tm_mday = 1;
		ok = zipOpenNewFileInZip64(zf, names[i], &zi, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 9, 0) == ZIP_OK &&
		    zipWriteInFileInZip(zf, data[i].p ? data[i].p : "", (unsigned)data[i].n) == ZIP_OK &&
		    zipCloseFileInZip(zf) == ZIP_OK;
	}
	if (zf && zipClose(zf, NULL) != ZIP_OK)
		ok = 0;
	if (!ok)
		diag_report(d, DIAG_ERROR, NULL, 0, 0, "%s", _("the template workbook could not be made"));
	return ok ? 0 : -1;
}
