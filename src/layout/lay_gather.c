/*
 * layout — an inline content's characters gathered with their styles,
 * links, change bars and footnote citations (lay_gather()), and white
 * space handled as XSL 1.1 §7.16 says, with R16 of docs/cjk.md: a line
 * feed between two wide characters disappears (lay_whitespace()).
 * lay_line.c makes lines of what this gives.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"
#include "lay_chars.h"

static void
push(struct chars *c, uint32_t cp, const struct fo_style *st, uint32_t keep)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 256;
		c->v = xrealloc(c->v, c->cap * sizeof *c->v);
	}
	c->v[c->n] = (struct ch){ cp, st, keep, 0, 0, NULL, NULL, 0, NULL, NULL, (uint32_t)c->n, 0 };
	c->n++;
}

/* An inline object of lay_inline.c: a leader, an inline-container, an edge. */
static void
push_obj(struct lay *L, struct chars *out, const struct fo_node *c, uint32_t keep, int edge)
{
	push(out, 0xFFFC, c->style, keep);
	out->v[out->n - 1].link = L->link;
	out->v[out->n - 1].cbar = L->ncbar ? L->cbar[L->ncbar - 1] : NULL;
	out->v[out->n - 1].obj = c;
	out->v[out->n - 1].edge = (uint8_t)edge;
}

/*
 * XSL 1.1 §6.13.2: change bars begin and end by class, and may overlap or
 * nest; a line is marked when it holds text inside one, or when one is open
 * at block level while the line is made.
 */
void
lay_change_bar(struct lay *L, const struct fo_node *n)
{
	const char *cls = n->name;
	L->cbar_events++;
	if (cls == NULL) {
		diag_report(L->d, DIAG_WARNING, L->fo->file, n->line, 0,
		    "fo:%s without change-bar-class is ignored", fo_type_name(n->type));
		return;
	}
	if (n->type == FO_CHANGE_BAR_BEGIN) {
		if (L->ncbar < 8)
			L->cbar[L->ncbar++] = n;
		return;
	}
	for (int i = L->ncbar - 1; i >= 0; i--) {
		const char *c = L->cbar[i]->name;
		if (c && strcmp(c, cls) == 0) {
			memmove(&L->cbar[i], &L->cbar[i + 1], (size_t)(L->ncbar - i - 1) * sizeof L->cbar[0]);
			L->ncbar--;
			return;
		}
	}
	diag_report(L->d, DIAG_WARNING, L->fo->file, n->line, 0,
	    "fo:change-bar-end of class \"%s\" has no fo:change-bar-begin", cls);
}

void
lay_note_ref(struct lay *L, const char *id, int line, int kind)
{
	if (L->nrefs == L->caprefs) {
		L->caprefs = L->caprefs ? L->caprefs * 2 : 64;
		L->refs = xrealloc(L->refs, L->caprefs * sizeof *L->refs);
	}
	L->refs[L->nrefs++] = (struct lay_ref){ id, line, (uint8_t)kind };
}

/* The characters of [p, end), in the link and change bar now open. */
static void
push_chars(struct lay *L, struct chars *out, const char *p, const char *end,
    const struct fo_style *st, uint32_t keep)
{
	while (p < end) {
		push(out, utf8_next(&p, end), st, keep);
		out->v[out->n - 1].link = L->link;
		out->v[out->n - 1].cbar = L->ncbar ? L->cbar[L->ncbar - 1] : NULL;
	}
}

void
lay_gather_text(struct lay *L, struct chars *out, const char *text, const struct fo_style *st,
    uint32_t keep)
{
	push_chars(L, out, text, text + strlen(text), st, keep);
}

static int is_ws(uint32_t c);

/* keep-with-next/-previous.within-line (any strength) on the inline c whose
 * characters are out[from, n): no line break after its last, before its first. */
static void
glue(const struct fo_node *c, struct chars *out, size_t from)
{
	if (out->n == from)
		return;
	if (c->style->keep_next_line != KEEP_AUTO)
		out->v[out->n - 1].glue |= 1;
	if (c->style->keep_prev_line != KEEP_AUTO)
		out->v[from].glue |= 2;
}

/* n marks a place for an index (lay_index.c): at the next character. */
static void
anchor(struct chars *out, const struct fo_node *n)
{
	if (out->nanc == out->capanc) {
		out->capanc = out->capanc ? out->capanc * 2 : 8;
		out->anc = xrealloc(out->anc, out->capanc * sizeof *out->anc);
	}
	out->anc[out->nanc++] = (struct chars_anchor){ n, (uint32_t)out->n };
}

/* The anchors inside an inline-container: all where it stands. */
static void
anchors_in(struct chars *out, const struct fo_node *n)
{
	for (const struct fo_node *c = n->first; c; c = c->next) {
		if (c->type == FO_MARKER)
			continue;
		if (lay_index_anchor(c))
			anchor(out, c);
		anchors_in(out, c);
	}
}

/* The children of c gathered in order. */
static void
gather_children(struct lay *L, const struct fo_node *c, struct chars *out, uint32_t keep)
{
	for (const struct fo_node *k = c->first; k; k = k->next)
		lay_gather(L, k, out, keep);
}

/* Text or an fo:character; text at font-size 0 warned about once. */
static void
gather_text(struct lay *L, const struct fo_node *c, struct chars *out, uint32_t keep)
{
	if (c->style->font_size == 0 && !str_is_space(c->text, c->textlen))
		diag_once(L->d, "font-size-zero", DIAG_WARNING, L->fo->file, c->line, 0,
		    "text at font-size 0 takes no room and cannot be seen; it is in the PDF's "
		    "text (copy, search) only");
	push_chars(L, out, c->text, c->text + c->textlen, c->style, keep);
}

/* An fo:inline or fo:wrapper: its content, between the edges of its box
 * if it has one and the bidi codes of its unicode-bidi. */
static void
gather_inline(struct lay *L, const struct fo_node *c, struct chars *out, uint32_t keep)
{
	int boxed = c->type == FO_INLINE && lay_inline_boxed(c);
	size_t from = out->n;
	/* any strength: folio's composer has no finite penalties for keeps */
	if (!keep && c->style->keep_within_line != KEEP_AUTO)
		keep = ++out->keeps;
	if (boxed)
		push_obj(L, out, c, keep, 1);
	/* unicode-bidi embed or bidi-override (fo:bidi-override): the
	 * explicit codes of UAX #9 around the content, for the bidi
	 * pass (lay_bidi.c); they take no space and are not drawn */
	int ub = c->style->unicode_bidi;
	if (ub != UBIDI_NORMAL)
		push(out, ub == UBIDI_EMBED ? (c->style->direction_rtl ? 0x202B : 0x202A)
		    : (c->style->direction_rtl ? 0x202E : 0x202D), c->style, keep);
	gather_children(L, c, out, keep);
	if (ub != UBIDI_NORMAL)
		push(out, 0x202C, c->style, keep);
	if (boxed)
		push_obj(L, out, c, keep, 2);
	glue(c, out, from);
}

/* A table or list where only inline content can stand (a footnote
 * citation, a leader): warned about, its text joins the line. */
static void
gather_inline_table(struct lay *L, const struct fo_node *c, struct chars *out, uint32_t keep)
{
	char key[64];
	snprintf(key, sizeof key, "inline-table:%d", c->line);
	diag_once(L->d, key, DIAG_WARNING, L->fo->file, c->line, 0,
	    "fo:%s inside fo:%s cannot be laid out as a %s here; its text is set as running text",
	    fo_type_name(c->type), c->parent ? fo_type_name(c->parent->type) : "?",
	    c->type == FO_TABLE ? "table" : "list");
	gather_children(L, c, out, keep);
}

/* An fo:basic-link: its content, each character linked to it. */
static void
gather_link(struct lay *L, const struct fo_node *c, struct chars *out, uint32_t keep)
{
	const struct fo_node *save = L->link;
	const char *dest = c->ref;
	if (dest && *dest)
		lay_note_ref(L, dest, c->line, 1);
	L->link = c;
	size_t from = out->n;
	if (!keep && c->style->keep_within_line != KEEP_AUTO)
		keep = ++out->keeps;
	gather_children(L, c, out, keep);
	L->link = save;
	glue(c, out, from);
}

/* XSL 1.1 §6.6.11: the page number of the first (last) area of the FO
 * with this id; from the previous layout pass, or a two-digit
 * placeholder in the first. */
static void
gather_citation(struct lay *L, const struct fo_node *c, struct chars *out)
{
	const char *ref = c->ref;
	const char *txt;
	if (L->pagenum) {
		/* static content is laid out after the pass's flows: this
		 * pass's numbers are all known */
		const struct lay_id *e = ref ? idmap_find(L->ids, ref) : NULL;
		txt = e ? (c->type == FO_PAGE_NUMBER_CITATION ? e->first : e->last) : "??";
	} else {
		const struct lay_id *e = ref && L->ids_prev ? idmap_find(L->ids_prev, ref) : NULL;
		L->ncites++;   /* a flow's citation: the next pass may change it */
		if (e)
			txt = c->type == FO_PAGE_NUMBER_CITATION ? e->first : e->last;
		else if (L->ids_prev == NULL)
			txt = "00";
		else
			txt = "??";   /* a dangling ref-id, reported after layout */
	}
	if (ref)
		lay_note_ref(L, ref, c->line, 0);
	lay_gather_text(L, out, txt, c->style, 1);
}

/* An fo:footnote: the citation is inline here; the body goes to the
 * page's foot, remembered on the citation's first character. */
static void
gather_footnote(struct lay *L, const struct fo_node *c, struct chars *out, uint32_t keep)
{
	size_t at = out->n;
	const struct fo_node *body = NULL;
	for (const struct fo_node *k = c->first; k; k = k->next) {
		if (k->type == FO_FOOTNOTE_BODY)
			body = k;
		else
			lay_gather(L, k, out, keep);
	}
	/* on the citation's first visible character: white space
	 * around it may be collapsed away (pretty-printed FO) */
	size_t first = at;
	while (first + 1 < out->n && is_ws(out->v[first].cp))
		first++;
	if (body && out->n > at)
		out->v[first].note = body;
	else if (body)
		diag_once(L->d, "footnote-empty", DIAG_WARNING, L->fo->file, c->line, 0,
		    "fo:footnote without an inline citation: its body is not placed");
}

/* An fo:page-number: in static content the number is known; in the flow
 * it is not until the line is placed: "00" reserved, filled in then. */
static void
gather_page_number(struct lay *L, const struct fo_node *c, struct chars *out)
{
	const char *num = L->pagenum ? L->pagenum : "00";
	const char *p = num, *end = num + strlen(num);
	while (p < end) {
		push(out, utf8_next(&p, end), c->style, 1);
		out->v[out->n - 1].pnum = L->pagenum == NULL;
	}
}

/* An external graphic or instream object: one object character.  The
 * item's style gives its baseline shift: an enclosing inline's, as for
 * text, unless the object has its own. */
static void
gather_object(struct lay *L, const struct fo_node *c, struct chars *out, uint32_t keep)
{
	push(out, 0xFFFC, c->style->shift == SHIFT_BASELINE && c->parent ? c->parent->style
	    : c->style, keep);
	out->v[out->n - 1].link = L->link;
	out->v[out->n - 1].cbar = L->ncbar ? L->cbar[L->ncbar - 1] : NULL;
	out->v[out->n - 1].obj = c;
}

void
lay_gather(struct lay *L, const struct fo_node *c, struct chars *out, uint32_t keep)
{
	if (lay_index_anchor(c))
		anchor(out, c);
	switch (c->type) {
	case FO_TEXT:
	case FO_CHARACTER:
		gather_text(L, c, out, keep);
		break;
	case FO_INLINE:
	case FO_WRAPPER:
		gather_inline(L, c, out, keep);
		break;
	case FO_LEADER:
	case FO_INLINE_CONTAINER:
		if (c->type == FO_INLINE_CONTAINER)
			anchors_in(out, c);
		push_obj(L, out, c, keep, 0);
		break;
	case FO_INDEX_RANGE_BEGIN: case FO_INDEX_RANGE_END:
		break;   /* anchors, above */
	case FO_INDEX_PAGE_CITATION_LIST:
		lay_index_cite(L, c, out, keep);
		break;
	case FO_INDEX_KEY_REFERENCE: case FO_INDEX_PAGE_CITATION_LIST_SEPARATOR:
	case FO_INDEX_PAGE_CITATION_RANGE_SEPARATOR: case FO_INDEX_PAGE_NUMBER_PREFIX:
	case FO_INDEX_PAGE_NUMBER_SUFFIX:
		break;   /* laid out by their citation list */
	case FO_TABLE: case FO_LIST_BLOCK:
		gather_inline_table(L, c, out, keep);
		break;
	case FO_TABLE_HEADER: case FO_TABLE_FOOTER: case FO_TABLE_BODY: case FO_TABLE_ROW:
	case FO_TABLE_CELL: case FO_LIST_ITEM: case FO_LIST_ITEM_LABEL: case FO_LIST_ITEM_BODY:
		gather_children(L, c, out, keep);
		break;
	case FO_TABLE_COLUMN:
		break;
	case FO_BASIC_LINK:
		gather_link(L, c, out, keep);
		break;
	case FO_PAGE_NUMBER_CITATION:
	case FO_PAGE_NUMBER_CITATION_LAST:
		gather_citation(L, c, out);
		break;
	case FO_BOOKMARK_TREE: case FO_BOOKMARK: case FO_BOOKMARK_TITLE:
		break;
	case FO_CHANGE_BAR_BEGIN:
	case FO_CHANGE_BAR_END:
		lay_change_bar(L, c);
		break;
	case FO_FOOTNOTE:
		gather_footnote(L, c, out, keep);
		break;
	case FO_FOOTNOTE_BODY:
		break;
	case FO_RETRIEVE_MARKER: {
		const struct fo_node *m = lay_retrieve(L, c);
		if (m)
			gather_children(L, m, out, keep);
		break;
	}
	case FO_MARKER:
	case FO_PAGE_SEQUENCE_MASTER: case FO_SINGLE_PAGE_MASTER_REFERENCE:
	case FO_REPEATABLE_PAGE_MASTER_REFERENCE: case FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES:
	case FO_CONDITIONAL_PAGE_MASTER_REFERENCE:
		break;
	case FO_PAGE_NUMBER:
		gather_page_number(L, c, out);
		break;
	case FO_EXTERNAL_GRAPHIC:
	case FO_INSTREAM_FOREIGN_OBJECT:
		gather_object(L, c, out, keep);
		break;
	case FO_BLOCK:
	case FO_BLOCK_CONTAINER:
		/* a block inside an inline: its text joins the line (simplified) */
		gather_children(L, c, out, keep);
		break;
	case FO_ROOT: case FO_LAYOUT_MASTER_SET: case FO_SIMPLE_PAGE_MASTER:
	case FO_REGION_BODY: case FO_REGION_BEFORE: case FO_REGION_AFTER:
	case FO_REGION_START: case FO_REGION_END: case FO_DECLARATIONS:
	case FO_PAGE_SEQUENCE: case FO_TITLE: case FO_FLOW: case FO_STATIC_CONTENT:
	case FO__MAX:
		break;
	}
}

static int
is_ws(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* White space (XSL 1.1 §7.16.7–7.16.12) and R16.  Works in place. */
static void
whitespace_chars(struct chars *c)
{
	size_t w = 0;
	/* linefeed-treatment; R16 removes a line feed between wide characters */
	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].cp > ' ') {   /* the common case: kept as it is */
			if (w != i)
				c->v[w] = c->v[i];
			w++;
			continue;
		}
		struct ch ch = c->v[i];
		if (ch.cp == '\r')
			continue;
		if (ch.cp == '\n') {
			switch ((enum fo_lf)ch.st->linefeed) {
			case LF_IGNORE:
				continue;
			case LF_PRESERVE:
				ch.preserved_lf = 1;
				break;
			case LF_TREAT_AS_ZWSP:
				ch.cp = 0x200B;
				break;
			case LF_TREAT_AS_SPACE: {
				/* R16: find the neighbours across white space */
				size_t a = w, b = i + 1;
				while (a > 0 && is_ws(c->v[a - 1].cp) && c->v[a - 1].st->ws_collapse)
					a--;
				while (b < c->n && is_ws(c->v[b].cp) && c->v[b].st->ws_collapse)
					b++;
				if (a > 0 && b < c->n && text_is_wide(c->v[a - 1].cp) && text_is_wide(c->v[b].cp)
				    && ch.st->ws_collapse) {
					w = a;          /* drop the white space before */
					i = b - 1;      /* and after */
					continue;
				}
				ch.cp = ' ';
				break;
			}
			}
		} else if (ch.cp == '\t') {
			ch.cp = ' ';
		}
		c->v[w++] = ch;
	}
	c->n = w;
	/* white-space-collapse and white-space-treatment */
	w = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].cp != ' ') {
			if (w != i)
				c->v[w] = c->v[i];
			w++;
			continue;
		}
		struct ch ch = c->v[i];
		if (ch.st->ws_treatment != WST_PRESERVE) {
			int before_lf = i + 1 < c->n && c->v[i + 1].preserved_lf;
			int after_lf = w > 0 && c->v[w - 1].preserved_lf;
			if ((before_lf || after_lf) && ch.st->ws_treatment != WST_IGNORE_IF_AFTER_LINEFEED
			    && ch.st->ws_treatment != WST_IGNORE_IF_BEFORE_LINEFEED)
				continue;
			if (ch.st->ws_treatment == WST_IGNORE)
				continue;
			if (ch.st->ws_collapse && w > 0 && c->v[w - 1].cp == ' ')
				continue;
			if (ch.st->ws_collapse && w == 0)
				continue;  /* leading space of the paragraph */
		}
		c->v[w++] = ch;
	}
	c->n = w;
	while (c->n > 0 && c->v[c->n - 1].cp == ' ' && c->v[c->n - 1].st->ws_treatment != WST_PRESERVE)
		c->n--;
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].preserved_lf)
			c->v[i].cp = '\n';
}

/*
 * Footnote citations whose characters white-space handling removed: each
 * body moves to the next character kept (else the last), so that no body
 * is lost with a collapsed space.  notes[] holds the bodies and their
 * positions before the handling, in order.
 */
static void
whitespace_notes(struct chars *c, const struct fo_node **note, const uint32_t *at, size_t nn)
{
	size_t k = 0;
	for (size_t i = 0; i < c->n; i++)
		c->v[i].note = NULL;
	for (size_t j = 0; j < nn; j++) {
		while (k < c->n && (c->v[k].seq < at[j] || c->v[k].note))
			k++;
		size_t t = k;
		if (t == c->n) {   /* after the last character: the last free one */
			while (t > 0 && c->v[t - 1].note)
				t--;
			if (t == 0)
				return;   /* more notes than characters: cannot happen */
			t--;
		}
		c->v[t].note = note[j];
	}
}

/*
 * White space (XSL 1.1 §7.16.7–7.16.12) and R16.  Works in place.
 */
const struct fo_node *
lay_whitespace(struct chars *c)
{
	const struct fo_node *lost = NULL;
	const struct fo_node **note = NULL;
	uint32_t *at = NULL;
	size_t nn = 0;
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].note) {
			note = xrealloc(note, (nn + 1) * sizeof *note);
			at = xrealloc(at, (nn + 1) * sizeof *at);
			note[nn] = c->v[i].note;
			at[nn++] = c->v[i].seq;
		}
	whitespace_chars(c);
	if (nn > 0 && c->n > 0)
		whitespace_notes(c, note, at, nn);
	else if (nn > 0)
		lost = note[0];
	free(note);
	free(at);
	return lost;   /* a footnote body with no character left to cite it */
}
