/*
 * layout — what setting text could not do well, noted per paragraph as it
 * happens and reported once per document: characters no installed font
 * draws, and text with no break opportunity broken where the line ends.
 */
#include <stdlib.h>

#include "lay_int.h"

void
lay_report_missing(struct lay *L)
{
	if (L->nmissing == 0)
		return;
	struct buf b = {0};
	for (size_t i = 0; i < L->nmissing && i < 40; i++) {
		if (i)
			buf_puts(&b, ", ");
		buf_printf(&b, "U+%04X ", L->missing[i]);
		buf_add_utf8(&b, L->missing[i]);
	}
	if (L->nmissing > 40)
		buf_printf(&b, " and %zu more", L->nmissing - 40);
	diag_report(L->d, DIAG_WARNING, L->fo->file, 0, 0,
	    "no installed font draws these characters; they are left blank: %s", b.p);
	buf_free(&b);
}

/* A paragraph of text broken where it had no break opportunity: noted
 * once (a paragraph may be laid out again within a pass). */
void
lay_note_nobreak(struct lay *L, const struct fo_node *block, mpt width)
{
	for (size_t i = L->nnobreak; i-- > 0;)
		if (L->nobreak[i].block == block)
			return;
	L->nobreak = xrealloc(L->nobreak, (L->nnobreak + 1) * sizeof *L->nobreak);
	L->nobreak[L->nnobreak++] = (struct lay_nobreak){ block, block->line, width };
}

/* One warning for the document at the first such paragraph, with how
 * many there are and where the others are (docs/messages.md). */
void
lay_report_nobreak(struct lay *L)
{
	if (L->nnobreak == 0)
		return;
	const struct lay_nobreak *f = &L->nobreak[0];
	if (L->nnobreak == 1) {
		diag_report(L->d, DIAG_WARNING, L->fo->file, f->line, 0,
		    "text with no break opportunity is wider than the line (%.1fpt): "
		    "broken where it reaches the end of the line", f->width / 1000.0);
		return;
	}
	struct buf b = {0};
	size_t shown = L->nnobreak - 1 < 20 ? L->nnobreak - 1 : 20;
	for (size_t i = 1; i <= shown; i++)
		buf_printf(&b, "%s%d", i > 1 ? ", " : "", L->nobreak[i].line);
	if (L->nnobreak - 1 > shown)
		buf_printf(&b, " and %zu more", L->nnobreak - 1 - shown);
	diag_report(L->d, DIAG_WARNING, L->fo->file, f->line, 0,
	    "text with no break opportunity is wider than the line (%.1fpt) in %zu paragraphs, "
	    "here and at lines %s: each broken where it reaches the end of the line",
	    f->width / 1000.0, L->nnobreak, b.p);
	buf_free(&b);
}

void
lay_note_missing(struct lay *L, uint32_t cp)
{
	for (size_t i = 0; i < L->nmissing; i++)
		if (L->missing[i] == cp)
			return;
	L->missing = xrealloc(L->missing, (L->nmissing + 1) * sizeof *L->missing);
	L->missing[L->nmissing++] = cp;
}
