/*
 * import — CSV files (RFC 4180) through libcsv.  The encoding is found, not
 * asked: UTF-8 with or without a byte order mark, else GB18030 (which GBK
 * and GB2312 are part of: what Excel saves as "CSV (逗号分隔)" on a Chinese
 * Windows), converted with iconv.  A row is a record as Excel shows it: a
 * quoted field may hold line breaks, and a blank line is an (empty) row.
 * And the template's CSV: UTF-8 with a byte order mark, CRLF, every field
 * quoted when it needs it.
 */
#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "import_int.h"

/* Is s[0..n) well-formed UTF-8 (no overlongs, no surrogates)? */
static int
utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t k;
		unsigned min;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			k = 1, min = 0x80, c &= 0x1f;
		} else if ((c & 0xf0) == 0xe0) {
			k = 2, min = 0x800, c &= 0x0f;
		} else if ((c & 0xf8) == 0xf0) {
			k = 3, min = 0x10000, c &= 0x07;
		} else {
			return 0;
		}
		if (n - i <= k)
			return 0;
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xc0) != 0x80)
				return 0;
			c = (c << 6) | (s[i + j] & 0x3f);
		}
		if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			return 0;
		i += k + 1;
	}
	return 1;
}

/* GB18030 → UTF-8 into out; -1 if the bytes are not GB18030 either. */
static int
from_gb18030(const char *s, size_t n, struct buf *out)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return -1;
	char chunk[16384];
	char *in = (char *)s;
	size_t left = n;
	int rc = 0;
	while (left > 0) {
		char *o = chunk;
		size_t room = sizeof chunk;
		size_t r = iconv(cd, &in, &left, &o, &room);
		buf_add(out, chunk, (size_t)(o - chunk));
		if (r == (size_t)-1 && errno != E2BIG) {
			rc = -1;
			break;
		}
	}
	iconv_close(cd);
	return rc;
}

struct reader {
	struct im_sheet *s;
	struct buf       field;
	int              row, col;    /* the record being read (from 1), its next field */
	int              bad;
	const char      *name;
	struct diag     *d;
};

static void
on_field(void *p, size_t n, void *ctx)
{
	struct reader *r = ctx;
	if (r->bad)
		return;
	if (r->col >= IM_MAX_COLS || n > IM_MAX_CELL) {
		diag_report(r->d, DIAG_ERROR, r->name, 0, 0, n > IM_MAX_CELL ? _("row %d: a field holds more "
		    "than %d bytes") : _("row %d: more than %d columns"), r->row, n > IM_MAX_CELL ? IM_MAX_CELL :
		    IM_MAX_COLS);
		r->bad = 1;
		return;
	}
	if (n > 0 && im_sheet_set(r->s, r->row, r->col, p, n, 0) < 0) {
		diag_report(r->d, DIAG_ERROR, r->name, 0, 0, _("row %d: more than %ld cells in the file: it is "
		    "not a tenants sheet"), r->row, IM_MAX_CELLS);
		r->bad = 1;
		return;
	}
	r->col++;
}

static void
on_row(int c, void *ctx)
{
	(void)c;
	struct reader *r = ctx;
	r->row++;
	r->col = 0;
	if (r->row > IM_MAX_ROWS && !r->bad) {
		diag_report(r->d, DIAG_ERROR, r->name, 0, 0, _("more than %d rows: split the file"), IM_MAX_ROWS);
		r->bad = 1;
	}
}

int
im_read_csv(const char *name, const char *bytes, size_t n, struct im_sheet *s, struct diag *d)
{
	struct buf conv = {0};
	if (n >= 2 && ((unsigned char)bytes[0] == 0xff || (unsigned char)bytes[0] == 0xfe) &&
	    ((unsigned char)bytes[1] == 0xfe || (unsigned char)bytes[1] == 0xff)) {
		diag_report(d, DIAG_ERROR, name, 0, 0, _("the file is in UTF-16 (Excel's \"Unicode text\"): "
		    "save it as \"%s\" or \"%s\" instead"), "CSV UTF-8 (逗号分隔)", "CSV (逗号分隔)");
		return -1;
	}
	if (n >= 3 && memcmp(bytes, "\xef\xbb\xbf", 3) == 0) {
		bytes += 3;
		n -= 3;
	}
	if (!utf8_valid((const unsigned char *)bytes, n)) {
		if (from_gb18030(bytes, n, &conv) < 0) {
			diag_report(d, DIAG_ERROR, name, 0, 0, _("the file is neither UTF-8 nor GB18030/GBK "
			    "text: save it from Excel as \"%s\""), "CSV UTF-8 (逗号分隔)");
			buf_free(&conv);
			return -1;
		}
		bytes = conv.p ? conv.p : "";
		n = conv.n;
	}
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		buf_free(&conv);
		return -1;
	}
	struct reader r = { s, {0}, 1, 0, 0, name, d };
	/* line by line, so that a blank line outside quotes counts as a row */
	size_t i = 0;
	while (i < n && !r.bad) {
		size_t j = i;
		while (j < n && bytes[j] != '\n')
			j++;
		if (j < n)
			j++;
		int blank = p.pstate == 0 && (j - i == 1 || (j - i == 2 && bytes[i] == '\r'));
		if (blank) {
			r.row++;
		} else if (csv_parse(&p, bytes + i, j - i, on_field, on_row, &r) != j - i) {
			diag_report(d, DIAG_ERROR, name, 0, 0, _("row %d: %s (a quote inside a field must be doubled, "
			    "and a quoted field must end with a quote)"), r.row, csv_strerror(csv_error(&p)));
			r.bad = 1;
		}
		i = j;
	}
	if (!r.bad && csv_fini(&p, on_field, on_row, &r) != 0) {
		diag_report(d, DIAG_ERROR, name, 0, 0, _("row %d: a quoted field does not end (a quote is "
		    "missing)"), r.row);
		r.bad = 1;
	}
	csv_free(&p);
	buf_free(&r.field);
	buf_free(&conv);
	return r.bad ? -1 : 0;
}

void
im_write_csv(const struct im_sheet *s, struct buf *out)
{
	buf_puts(out, "\xef\xbb\xbf");
	for (size_t r = 0; r < s->nrows; r++) {
		for (int c = 0; c < s->rows[r].n; c++) {
			const char *v = s->rows[r].c[c].v ? s->rows[r].c[c].v : "";
			if (c)
				buf_putc(out, ',');
			if (strpbrk(v, ",\"\r\n") == NULL) {
				buf_puts(out, v);
				continue;
			}
			buf_putc(out, '"');
			for (const char *q = v; *q; q++) {
				if (*q == '"')
					buf_putc(out, '"');
				buf_putc(out, *q);
			}
			buf_putc(out, '"');
		}
		buf_puts(out, "\r\n");
	}
}
