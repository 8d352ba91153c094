/*
 * serve — the form of a case on the web page: a field for every field of
 * the schema in its order, groups as fieldsets, repeated groups with a
 * spare one to add, and the checks of folio check beside each field and
 * listed above the form.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "../base/base.h"
#include "serve_int.h"

/* ---------------------------------------------------------------- the case form */

/* What a list value is called on the page. */
static const char *const choice_names[][2] = {
	{ "primary", "主要联系人" }, { "finance", "财务" }, { "administration", "行政" },
	{ "it", "IT" }, { "hr", "人事" }, { "other", "其他" },
	{ "charge", "收费" }, { "deposit", "押金/保证金" },
	{ "electricity", "电表" }, { "water", "水表" }, { "heat", "热表" },
};

static const char *
choice_name(const char *v)
{
	for (size_t i = 0; i < sizeof choice_names / sizeof choice_names[0]; i++)
		if (strcmp(choice_names[i][0], v) == 0)
			return choice_names[i][1];
	return v;
}

struct form_ctx {
	struct buf             *b;
	const struct ds_labels *labels;
	struct json_object     *errs;   /* [{path, label, message}], or NULL */
	char                   *shown;  /* which errors were shown beside a field (one flag each) */
	int                     edit;   /* the case number cannot be changed */
};

static const char *
label_of(const struct form_ctx *fc, const char *generic, const char *name, const char **example)
{
	const char *l = docset_label(fc->labels, generic, example);
	return l ? l : name;
}

static void
field_errors(struct form_ctx *fc, const char *path, struct buf *out)
{
	for (size_t i = 0; fc->errs && i < json_object_array_length(fc->errs); i++) {
		struct json_object *e = json_object_array_get_idx(fc->errs, i);
		const char *p = json_object_get_string(web_member(e, "path"));
		if (p && strcmp(p, path) == 0) {
			buf_puts(out, "<span class=\"err\">");
			html_esc(out, json_object_get_string(web_member(e, "message")));
			buf_puts(out, "</span>");
			fc->shown[i] = 1;
		}
	}
}

static void
render_field(struct form_ctx *fc, size_t j, struct json_object *obj, const char *path, const char *generic)
{
	const struct case_field *f = &case_fields[j];
	const char *example = NULL;
	const char *label = label_of(fc, generic, f->name, &example);
	const char *v = json_object_get_string(web_member(obj, f->name));
	struct buf errs = {0};
	field_errors(fc, path, &errs);
	buf_printf(fc->b, "<div class=\"f%s\"><label for=\"", errs.n ? " bad" : "");
	html_esc(fc->b, path);
	buf_puts(fc->b, "\">");
	html_esc(fc->b, label);
	if (!(f->flags & CF_OPT))
		buf_puts(fc->b, "<span class=\"req\" title=\"必填\">*</span>");
	buf_puts(fc->b, "</label>");
	if (f->choices) {
		buf_puts(fc->b, "<select id=\"");
		html_esc(fc->b, path);
		buf_puts(fc->b, "\" name=\"");
		html_esc(fc->b, path);
		buf_puts(fc->b, "\">");
		const char *c = f->choices;
		while (*c) {
			size_t n = strcspn(c, "|");
			char one[64];
			snprintf(one, sizeof one, "%.*s", (int)n, c);
			buf_puts(fc->b, "<option value=\"");
			html_esc(fc->b, one);
			buf_printf(fc->b, "\"%s>", v && strcmp(v, one) == 0 ? " selected" : "");
			html_esc(fc->b, choice_name(one));
			buf_puts(fc->b, "</option>");
			c += n + (c[n] == '|');
		}
		buf_puts(fc->b, "</select>");
	} else {
		buf_puts(fc->b, "<input id=\"");
		html_esc(fc->b, path);
		buf_puts(fc->b, "\" name=\"");
		html_esc(fc->b, path);
		buf_puts(fc->b, "\" value=\"");
		html_esc(fc->b, v ? v : "");
		buf_puts(fc->b, "\"");
		if (example) {
			buf_puts(fc->b, " placeholder=\"例如 ");
			html_esc(fc->b, example);
			buf_puts(fc->b, "\"");
		}
		if (fc->edit && strcmp(path, "@id") == 0)
			buf_puts(fc->b, " readonly");
		buf_puts(fc->b, ">");
	}
	if (errs.p)
		buf_add(fc->b, errs.p, errs.n);
	buf_puts(fc->b, "</div>\n");
	buf_free(&errs);
}

static void render_group(struct form_ctx *fc, size_t gi, struct json_object *obj, const char *path,
    const char *generic);

static void
render_children(struct form_ctx *fc, size_t gi, struct json_object *obj, const char *path, const char *generic)
{
	/* the values of the group first, in a grid; its groups after them */
	int open = 0;
	for (size_t j = gi + 1; j < case_field_next(gi); j = case_field_next(j)) {
		if (case_fields[j].flags & CF_GROUP)
			continue;
		if (!open)
			buf_puts(fc->b, "<div class=\"grid\">\n");
		open = 1;
		char *p = web_path_join(path, case_fields[j].name), *g = web_path_join(generic, case_fields[j].name);
		render_field(fc, j, obj, p, g);
		free(p);
		free(g);
	}
	if (open)
		buf_puts(fc->b, "</div>\n");
	for (size_t j = gi + 1; j < case_field_next(gi); j = case_field_next(j)) {
		const struct case_field *f = &case_fields[j];
		if (!(f->flags & CF_GROUP))
			continue;
		char *p = web_path_join(path, f->name), *g = web_path_join(generic, f->name);
		struct json_object *v = web_member(obj, f->name);
		if (f->flags & CF_REPEAT) {
			size_t n = v && json_object_is_type(v, json_type_array) ? json_object_array_length(v) : 0;
			/* what there is, at least the fewest allowed, and one more to add */
			size_t rows = (n > (size_t)f->min ? n : (size_t)f->min) + 1;
			for (size_t k = 0; k < rows; k++) {
				char *pk = xmalloc(strlen(p) + 24);
				sprintf(pk, "%s[%zu]", p, k + 1);
				struct json_object *m = k < n ? json_object_array_get_idx(v, k) : NULL;
				if (m == NULL && strcmp(g, "case/customer/contacts/contact") == 0) {
					/* the first contact is the primary one, the others not */
					m = json_object_new_object();
					json_object_object_add(m, "@role", json_object_new_string(k == 0 ? "primary" : "other"));
					render_group(fc, j, m, pk, g);
					json_object_put(m);
				} else {
					render_group(fc, j, m, pk, g);
				}
				free(pk);
			}
		} else {
			render_group(fc, j, v, p, g);
		}
		free(p);
		free(g);
	}
}

static void
render_group(struct form_ctx *fc, size_t gi, struct json_object *obj, const char *path, const char *generic)
{
	const char *label = label_of(fc, generic, case_fields[gi].name, NULL);
	buf_puts(fc->b, "<fieldset id=\"");
	html_esc(fc->b, path);
	buf_puts(fc->b, "\"><legend>");
	html_esc(fc->b, label);
	const char *br = strrchr(path, '[');
	if (br && path[strlen(path) - 1] == ']')
		buf_printf(fc->b, " %d", atoi(br + 1));
	if (case_fields[gi].flags & CF_OPT)
		buf_puts(fc->b, " <span class=\"muted\">（如无可不填）</span>");
	else if ((case_fields[gi].flags & CF_REPEAT) && br && atoi(br + 1) > case_fields[gi].min)
		buf_puts(fc->b, " <span class=\"muted\">（可不填）</span>");
	buf_puts(fc->b, "</legend>\n");
	struct buf errs = {0};
	field_errors(fc, path, &errs);
	if (errs.p)
		buf_add(fc->b, errs.p, errs.n);
	buf_free(&errs);
	render_children(fc, gi, obj, path, generic);
	buf_puts(fc->b, "</fieldset>\n");
}

void
web_case_form(struct buf *b, const struct docset_opts *o, struct json_object *obj, struct json_object *errs,
    const char *action, const char *etag, int edit)
{
	struct form_ctx fc = { b, docset_labels_load(o), errs, NULL, edit };
	size_t nerr = errs ? json_object_array_length(errs) : 0;
	fc.shown = xcalloc(nerr + 1, 1);
	struct buf body = {0};
	fc.b = &body;
	buf_puts(&body, "<fieldset id=\"basic\"><legend>收楼案卷</legend>\n<div class=\"grid\">\n");
	for (size_t j = 1; j < case_nfields && case_fields[j].depth == 1; j = case_field_next(j))
		if (!(case_fields[j].flags & CF_GROUP)) {
			char *g = web_path_join("case", case_fields[j].name);
			render_field(&fc, j, obj, case_fields[j].name, g);
			free(g);
		}
	buf_puts(&body, "</div>\n</fieldset>\n");
	for (size_t j = 1; j < case_nfields; j = case_field_next(j))
		if (case_fields[j].flags & CF_GROUP) {
			char *g = web_path_join("case", case_fields[j].name);
			render_group(&fc, j, web_member(obj, case_fields[j].name), case_fields[j].name, g);
			free(g);
		}
	if (nerr) {
		buf_printf(b, "<div class=\"alert\" id=\"problems\"><b>有 %zu 处需要修改，尚未保存：</b><ul>\n", nerr);
		for (size_t i = 0; i < nerr; i++) {
			struct json_object *e = json_object_array_get_idx(errs, i);
			const char *p = json_object_get_string(web_member(e, "path"));
			const char *l = json_object_get_string(web_member(e, "label"));
			buf_puts(b, "<li>");
			if (fc.shown[i] && p) {
				buf_puts(b, "<a href=\"#");
				html_esc(b, p);
				buf_puts(b, "\">");
				html_esc(b, l ? l : p);
				buf_puts(b, "</a>：");
			} else if (l || (p && p[0])) {
				html_esc(b, l ? l : p);
				buf_puts(b, "：");
			}
			html_esc(b, json_object_get_string(web_member(e, "message")));
			buf_puts(b, "</li>\n");
		}
		buf_puts(b, "</ul></div>\n");
	}
	buf_puts(b, "<form method=\"post\" action=\"");
	html_esc(b, action);
	buf_puts(b, "\" accept-charset=\"utf-8\">\n");
	if (etag) {
		buf_puts(b, "<input type=\"hidden\" name=\"_etag\" value=\"");
		html_esc(b, etag);
		buf_puts(b, "\">\n");
	}
	buf_add(b, body.p, body.n);
	buf_puts(b, "<div class=\"actions\"><button type=\"submit\" id=\"save\">保存</button>"
	    "<span class=\"muted\">带 <span style=\"color:#c62828\">*</span> 的为必填项；保存前按 folio check "
	    "的规则检查每一项。</span></div>\n</form>\n");
	buf_free(&body);
	free(fc.shown);
	docset_labels_free((struct ds_labels *)fc.labels);
}
