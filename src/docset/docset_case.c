/*
 * docset — the rules of a case that its schema cannot express
 * (docs/sources-content.md): check characters of credit codes and identity
 * numbers, dates in order.  folio check and folio packet run the same ones.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../source/source.h"
#include "docset.h"
#include "docset_int.h"

const struct xnode *
ds_at(const struct xnode *e, const char *path)
{
	char seg[128];
	while (e && *path) {
		const char *slash = strchr(path, '/');
		size_t n = slash ? (size_t)(slash - path) : strlen(path);
		if (n >= sizeof seg)
			return NULL;
		memcpy(seg, path, n);
		seg[n] = '\0';
		e = xnode_child(e, seg);
		path = slash ? slash + 1 : path + n;
	}
	return e;
}

void
ds_text(const struct xnode *e, char *out, size_t n)
{
	struct buf b = {0};
	for (const struct xnode *c = e ? e->first : NULL; c; c = c->next)
		if (c->kind == XNODE_TEXT)
			buf_add(&b, c->text, c->textlen);
	snprintf(out, n, "%s", b.p ? b.p : "");
	buf_free(&b);
}

/* GB 32100-2015: the 18th character of a unified social credit code. */
static int
credit_code_ok(const char *s)
{
	static const char chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	static const int w[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
	if (strlen(s) != 18)
		return 0;
	int sum = 0;
	for (int i = 0; i < 17; i++) {
		const char *p = strchr(chars, s[i]);
		if (p == NULL || s[i] == '\0')
			return 0;
		sum += (int)(p - chars) * w[i];
	}
	return s[17] == chars[(31 - sum % 31) % 31];
}

/* GB 11643-1999: the 18th character of a resident identity card number. */
static int
id_number_ok(const char *s)
{
	static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	static const char check[] = "10X98765432";
	if (strlen(s) != 18)
		return 0;
	int sum = 0;
	for (int i = 0; i < 17; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		sum += (s[i] - '0') * w[i];
	}
	return s[17] == check[sum % 11];
}

static void
code_rule(struct ds_fields *fc, const struct xnode *root, const char *path)
{
	const struct xnode *e = ds_at(root, path + 5);
	char v[64];
	ds_text(e, v, sizeof v);
	if (e == NULL || strlen(v) != 18 || ds_fields_reported(fc, path))
		return;
	if (!credit_code_ok(v))
		ds_fields_error(fc, e->line, path, _("\"%s\": the last character is not the check character "
		    "of the first 17 (GB 32100-2015); check the code against the business licence"), v);
}

/* late's date must not be before early's (strict: must be after); what
 * words it with late's date, then early's. */
static void
date_order(struct ds_fields *fc, const struct xnode *root, const char *early, const char *late,
    int strict, const char *what)
{
	const struct xnode *a = ds_at(root, early + 5), *b = ds_at(root, late + 5);
	char va[32], vb[32];
	ds_text(a, va, sizeof va);
	ds_text(b, vb, sizeof vb);
	if (a == NULL || b == NULL || strlen(va) != 10 || strlen(vb) != 10 ||
	    ds_fields_reported(fc, early) || ds_fields_reported(fc, late))
		return;
	int c = strcmp(va, vb);
	if (c > 0 || (strict && c == 0))
		ds_fields_error(fc, b->line, late, what, vb, va);
}

void
ds_case_rules(struct ds_fields *fc, const struct xnode *root)
{
	code_rule(fc, root, "case/customer/credit-code");
	code_rule(fc, root, "case/contractor/licence");
	const struct xnode *id = ds_at(root, "agent/id-number");
	char v[64];
	ds_text(id, v, sizeof v);
	if (id && strlen(v) == 18 && !ds_fields_reported(fc, "case/agent/id-number") && !id_number_ok(v))
		ds_fields_error(fc, id->line, "case/agent/id-number", _("\"%s\": the last character is not "
		    "the check character of the first 17 (GB 11643-1999); check the number against the card"), v);
	date_order(fc, root, "case/lease/start", "case/lease/end", 1,
	    _("%s: the lease ends before it starts (%s); the end date must come after the start date"));
	date_order(fc, root, "case/handover-date", "case/payment/deadline", 0,
	    _("%s is before the handover date %s: the payment deadline must be on or after it"));
	const struct xnode *defs = ds_at(root, "defects");
	for (const struct xnode *f = xnode_child(defs, "defect"); f; f = xnode_next(f, "defect")) {
		const struct xnode *dl = xnode_child(f, "deadline"), *hd = ds_at(root, "handover-date");
		char a[32], b[32];
		ds_text(hd, a, sizeof a);
		ds_text(dl, b, sizeof b);
		if (dl && hd && strlen(a) == 10 && strlen(b) == 10 && strcmp(b, a) <= 0 &&
		    !ds_fields_reported(fc, "case/handover-date"))
			ds_fields_error(fc, dl->line, "case/defects/defect/deadline",
			    _("%s is not after the handover date %s: a defect is put right after the handover"), b, a);
	}
}
