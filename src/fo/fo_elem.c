/*
 * fo — the element table: every formatting object folio accepts, what it
 * may contain (the structure checks of fo_build.c), the elements read as
 * others (fo:multi-*, fo:table-and-caption, fo:float), and the supported
 * subset printed from these tables and fo_prop.c's (docs/fo-subset.md).
 */
#include <stdio.h>
#include <string.h>

#include "fo_int.h"

struct elem_def {
	const char *name;
	uint8_t     content;   /* enum fo_model */
	uint8_t     block;     /* a block-level FO */
};

static const struct elem_def elems[] = {
	{ "root",                C_MASTERS, 0 },  /* FO_ROOT */
	{ "layout-master-set",   C_MASTERS, 0 },  /* FO_LAYOUT_MASTER_SET */
	{ "simple-page-master",  C_MASTERS, 0 },  /* FO_SIMPLE_PAGE_MASTER */
	{ "region-body",         C_NONE, 0 },     /* FO_REGION_BODY */
	{ "region-before",       C_NONE, 0 },     /* FO_REGION_BEFORE */
	{ "region-after",        C_NONE, 0 },     /* FO_REGION_AFTER */
	{ "region-start",        C_NONE, 0 },     /* FO_REGION_START */
	{ "region-end",          C_NONE, 0 },     /* FO_REGION_END */
	{ "declarations",        C_NONE, 0 },     /* FO_DECLARATIONS */
	{ "page-sequence",       C_MASTERS, 0 },  /* FO_PAGE_SEQUENCE */
	{ "title",               C_MIXED, 0 },    /* FO_TITLE */
	{ "flow",                C_BLOCKS, 0 },   /* FO_FLOW */
	{ "static-content",      C_BLOCKS, 0 },   /* FO_STATIC_CONTENT */
	{ "block",               C_MIXED, 1 },    /* FO_BLOCK */
	{ "block-container",     C_BLOCKS, 1 },   /* FO_BLOCK_CONTAINER */
	{ "table",               C_TABLE, 1 },    /* FO_TABLE */
	{ "table-column",        C_NONE, 0 },     /* FO_TABLE_COLUMN */
	{ "table-header",        C_ROWS, 0 },     /* FO_TABLE_HEADER */
	{ "table-footer",        C_ROWS, 0 },     /* FO_TABLE_FOOTER */
	{ "table-body",          C_ROWS, 0 },     /* FO_TABLE_BODY */
	{ "table-row",           C_CELLS, 0 },    /* FO_TABLE_ROW */
	{ "table-cell",          C_BLOCKS, 0 },   /* FO_TABLE_CELL */
	{ "list-block",          C_LIST, 1 },     /* FO_LIST_BLOCK */
	{ "list-item",           C_ITEM, 0 },     /* FO_LIST_ITEM */
	{ "list-item-label",     C_BLOCKS, 0 },   /* FO_LIST_ITEM_LABEL */
	{ "list-item-body",      C_BLOCKS, 0 },   /* FO_LIST_ITEM_BODY */
	{ "leader",              C_MIXED, 0 },    /* FO_LEADER */
	{ "inline-container",    C_BLOCKS, 0 },   /* FO_INLINE_CONTAINER */
	{ "inline",              C_MIXED, 0 },    /* FO_INLINE */
	{ "wrapper",             C_MIXED, 0 },    /* FO_WRAPPER */
	{ "character",           C_NONE, 0 },     /* FO_CHARACTER */
	{ "page-number",         C_NONE, 0 },     /* FO_PAGE_NUMBER */
	{ "external-graphic",    C_NONE, 0 },     /* FO_EXTERNAL_GRAPHIC */
	{ "instream-foreign-object", C_FOREIGN, 0 }, /* FO_INSTREAM_FOREIGN_OBJECT */
	{ "page-number-citation", C_NONE, 0 },    /* FO_PAGE_NUMBER_CITATION */
	{ "page-number-citation-last", C_NONE, 0 }, /* FO_PAGE_NUMBER_CITATION_LAST */
	{ "basic-link",          C_MIXED, 0 },    /* FO_BASIC_LINK */
	{ "bookmark-tree",       C_MASTERS, 0 },  /* FO_BOOKMARK_TREE */
	{ "bookmark",            C_MASTERS, 0 },  /* FO_BOOKMARK */
	{ "bookmark-title",      C_MIXED, 0 },    /* FO_BOOKMARK_TITLE */
	{ "change-bar-begin",    C_NONE, 0 },     /* FO_CHANGE_BAR_BEGIN */
	{ "change-bar-end",      C_NONE, 0 },     /* FO_CHANGE_BAR_END */
	{ "page-sequence-master", C_MASTERS, 0 }, /* FO_PAGE_SEQUENCE_MASTER */
	{ "single-page-master-reference", C_NONE, 0 },       /* FO_SINGLE_PAGE_MASTER_REFERENCE */
	{ "repeatable-page-master-reference", C_NONE, 0 },   /* FO_REPEATABLE_PAGE_MASTER_REFERENCE */
	{ "repeatable-page-master-alternatives", C_MASTERS, 0 }, /* FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES */
	{ "conditional-page-master-reference", C_NONE, 0 },  /* FO_CONDITIONAL_PAGE_MASTER_REFERENCE */
	{ "marker",              C_MIXED, 0 },    /* FO_MARKER */
	{ "retrieve-marker",     C_NONE, 0 },     /* FO_RETRIEVE_MARKER */
	{ "footnote",            C_MIXED, 0 },    /* FO_FOOTNOTE */
	{ "footnote-body",       C_BLOCKS, 0 },   /* FO_FOOTNOTE_BODY */
	{ "index-range-begin",   C_NONE, 0 },     /* FO_INDEX_RANGE_BEGIN */
	{ "index-range-end",     C_NONE, 0 },     /* FO_INDEX_RANGE_END */
	{ "index-page-citation-list", C_CITES, 0 }, /* FO_INDEX_PAGE_CITATION_LIST */
	{ "index-key-reference", C_KEYREF, 0 },   /* FO_INDEX_KEY_REFERENCE */
	{ "index-page-citation-list-separator", C_MIXED, 0 },  /* FO_INDEX_PAGE_CITATION_LIST_SEPARATOR */
	{ "index-page-citation-range-separator", C_MIXED, 0 }, /* FO_INDEX_PAGE_CITATION_RANGE_SEPARATOR */
	{ "index-page-number-prefix", C_MIXED, 0 }, /* FO_INDEX_PAGE_NUMBER_PREFIX */
	{ "index-page-number-suffix", C_MIXED, 0 }, /* FO_INDEX_PAGE_NUMBER_SUFFIX */
	{ "#text",               C_NONE, 0 },     /* FO_TEXT */
};
_Static_assert(sizeof elems / sizeof elems[0] == FO__MAX, "element table");

const char *
fo_type_name(enum fo_type t)
{
	return elems[t].name;
}

enum fo_model
fo_elem_model(enum fo_type t)
{
	return (enum fo_model)elems[t].content;
}

int
fo_elem_block(enum fo_type t)
{
	return elems[t].block;
}

/*
 * Elements made of others: the multi-* elements print their content as a
 * wrapper does (a PDF is not interactive: a multi-switch shows the case
 * shown at the start, a multi-toggle its content); fo:table-and-caption
 * and fo:table-caption are blocks, the caption before the table or after
 * it by caption-side (docs/fo-subset.md).
 */
static const struct { const char *name; enum fo_type as; const char *note; } aliases[] = {
	{ "multi-switch", FO_WRAPPER, "the multi-case shown at the start; the others skipped with a warning" },
	{ "multi-case", FO_WRAPPER, "printed when it is the one shown at the start" },
	{ "multi-toggle", FO_WRAPPER, "its content; a PDF has no states to switch" },
	{ "multi-properties", FO_WRAPPER, "its content, without the multi-property-sets" },
	{ "table-and-caption", FO_BLOCK, "the caption before the table, or after it by caption-side" },
	{ "table-caption", FO_BLOCK, "kept with its table" },
	{ "retrieve-table-marker", FO_RETRIEVE_MARKER, "in fo:table-header and fo:table-footer: a marker of the table's body on the page, laid out at the cell's height (docs/tables.md)" },
	{ "float", FO_BLOCK, "taken out of the flow (docs/floats.md): before at the top of its anchor's page or a later one; start and end at the column's edge, the lines beside it narrowed" },
	{ "bidi-override", FO_INLINE, "its direction overrides the bidi algorithm (unicode-bidi embed: embeds)" },
};

enum fo_type
fo_elem_lookup(const char *name)
{
	for (int i = 0; i < FO_TEXT; i++)
		if (elems[i].name[0] == name[0] && strcmp(elems[i].name, name) == 0)
			return (enum fo_type)i;
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcmp(aliases[i].name, name) == 0)
			return aliases[i].as;
	return FO__MAX;
}

/* Table, list and index-citation parts exist only inside their own parents. */
static int
is_part(enum fo_type t)
{
	return t == FO_TABLE_COLUMN || t == FO_TABLE_HEADER || t == FO_TABLE_FOOTER ||
	    t == FO_TABLE_BODY || t == FO_TABLE_ROW || t == FO_TABLE_CELL ||
	    t == FO_LIST_ITEM || t == FO_LIST_ITEM_LABEL || t == FO_LIST_ITEM_BODY ||
	    t == FO_INDEX_KEY_REFERENCE || t == FO_INDEX_PAGE_CITATION_LIST_SEPARATOR ||
	    t == FO_INDEX_PAGE_CITATION_RANGE_SEPARATOR || t == FO_INDEX_PAGE_NUMBER_PREFIX ||
	    t == FO_INDEX_PAGE_NUMBER_SUFFIX;
}

/* May an element of type t be a child of one with content model parent? */
int
fo_elem_allowed(enum fo_model parent, enum fo_type t)
{
	switch (parent) {
	case C_BLOCKS:
		/* change bars are neutral: allowed wherever text or blocks are */
		return (elems[t].block || t == FO_WRAPPER || t == FO_CHANGE_BAR_BEGIN ||
		    t == FO_CHANGE_BAR_END || t == FO_MARKER || t == FO_RETRIEVE_MARKER ||
		    t == FO_INDEX_RANGE_BEGIN || t == FO_INDEX_RANGE_END) && !is_part(t);
	case C_MIXED:
		return !is_part(t);
	case C_TABLE:
		return t == FO_TABLE_COLUMN || t == FO_TABLE_HEADER || t == FO_TABLE_FOOTER ||
		    t == FO_TABLE_BODY;
	case C_ROWS:
		return t == FO_TABLE_ROW || t == FO_TABLE_CELL;
	case C_CELLS:
		return t == FO_TABLE_CELL;
	case C_LIST:
		return t == FO_LIST_ITEM;
	case C_ITEM:
		return t == FO_LIST_ITEM_LABEL || t == FO_LIST_ITEM_BODY;
	case C_CITES:
		return t == FO_INDEX_KEY_REFERENCE || t == FO_INDEX_PAGE_CITATION_LIST_SEPARATOR ||
		    t == FO_INDEX_PAGE_CITATION_RANGE_SEPARATOR;
	case C_KEYREF:
		return t == FO_INDEX_PAGE_NUMBER_PREFIX || t == FO_INDEX_PAGE_NUMBER_SUFFIX;
	case C_NONE: case C_MASTERS: case C_TEXT: case C_FOREIGN:
		return 1;
	}
	return 1;
}

void
fo_subset_print(void *stream)
{
	FILE *f = stream;
	fputs("# The supported XSL-FO subset\n\n"
	    "Generated by `folio subset` from the tables in src/fo/ (fo_elem.c,\n"
	    "fo_prop.c); `make test` checks that this file matches.  Any other element\n"
	    "or property gets one warning with file:line and is skipped.\n\n"
	    "## Elements\n\n| element | content |\n|---|---|\n", f);
	static const char *const content[] = { "empty", "page masters / sequence parts",
		"block-level FOs", "text, inline- and block-level FOs", "text",
		"one SVG `svg` element (docs/graphics.md)",
		"table-column, table-header, table-footer, table-body",
		"table-row, or table-cell (with starts-row, ends-row)", "table-cell",
		"list-item", "list-item-label, list-item-body",
		"index-page-citation-list-separator?, index-page-citation-range-separator?, index-key-reference+ (docs/index.md)",
		"index-page-number-prefix?, index-page-number-suffix?" };
	for (int i = 0; i < FO_TEXT; i++)
		fprintf(f, "| fo:%s | %s |\n", elems[i].name, content[elems[i].content]);
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		fprintf(f, "| fo:%s | as fo:%s: %s |\n", aliases[i].name, elems[aliases[i].as].name,
		    aliases[i].note);
	fo_rx_subset(f);
	fputs("\n## Properties\n\n| property | inherited | initial value |\n|---|---|---|\n", f);
	for (size_t i = 0; i < fo_nprops; i++)
		fprintf(f, "| %s | %s | %s |\n", fo_props[i].name,
		    fo_props[i].inherited ? "yes" : "no", fo_props[i].initial);
	fputs("\nLengths: pt, mm, cm, in, pc, px, q, em, %, and XSL 1.1 expressions\n"
	    "(+ - * div mod, parentheses; abs, min, max, round, floor, ceiling;\n"
	    "proportional-column-width, label-end, body-start).  from-parent(),\n"
	    "inherited-property-value() and from-nearest-specified-value() give the\n"
	    "parent's computed value (the nearest specified one is taken from the\n"
	    "parent too: the same for inherited properties); inside an expression\n"
	    "they stand for a length.  Colours: the CSS/SVG colour names, #rgb,\n"
	    "#rrggbb, rgb() with numbers or percentages, rgb-icc() (its sRGB values).\n"
	    "font-size 0 and widows/orphans 0 are accepted, as in FOP.\n", f);
}
