/*
 * fo — internal interface between the files of the FO stage.
 */
#ifndef FOLIO_FO_INT_H
#define FOLIO_FO_INT_H

#include "fo.h"

struct style_ctx {
	struct diag      *d;
	const char       *file;
	int               line;
	const char       *prop;      /* property being applied, for messages */
	struct arena     *arena;
};

/* A keyword a property takes and the value it stands for. */
struct fo_keyword {
	const char *name;
	uint8_t     value;
};

/* One property of the supported subset.  Table in fo_prop.c. */
struct prop_def {
	const char *name;
	uint8_t     kind;       /* enum prop_kind */
	int8_t      arg;        /* side, component or flags, by kind */
	uint8_t     inherited;  /* inherited (XSL 1.1 §5.1.4); for docs/fo-subset.md */
	const char *initial;    /* for docs/fo-subset.md */
	uint16_t    off;        /* the field the value goes to: offset in struct fo_style */
	const struct fo_keyword *kw;  /* PK_KEYWORD: its keywords, NULL-terminated */
};

extern const struct prop_def fo_props[];
extern const size_t fo_nprops;

int  fo_prop_lookup(const char *name);      /* index or -1 */
void fo_style_initial(struct fo_style *s);  /* initial values of everything */
/* Compute the style of an element from its parent's and its attributes. */
void fo_style_compute(struct fo_style *s, const struct fo_style *parent,
    const char **spec, struct style_ctx *c);
/* Expand shorthands in spec (indexed like fo_props) into their components. */
void fo_props_expand(const char **spec, struct style_ctx *c);

/* Read the names n carries (master-name, flow-name, ref-id …) from its
 * element x into n's typed fields, warning where a required one is
 * missing (fo_names.c). */
void fo_names_read(struct fo_node *n, const struct xnode *x, struct diag *d, const char *file);
/* Check the names across the tree (master names unique). */
void fo_names_check(const struct fo_tree *t, struct diag *d);

/* Length expression evaluation; em_base is the font size for em. */
int  fo_expr_length(const char *text, mpt em_base, struct fo_len *out);
/* A plain number, e.g. line-height="1.5": value ×1000. */
int  fo_expr_number(const char *text, int32_t *out_x1000);

#endif
