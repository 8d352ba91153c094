/*
 * serve — the users file of folio serve --auth (docs/api.md): one user a
 * line, "USER:HASH", the hash made by crypt(3) with yescrypt ($y$…) or
 * SHA-512 ($6$…), e.g. by `mkpasswd -m yescrypt`.  Blank lines and lines
 * starting with # are skipped.  Requests authenticate with HTTP Basic.
 */
#include <crypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/base.h"
#include "../base/file.h"
#include "serve_int.h"

struct serve_users {
	char  **user;
	char  **hash;
	size_t  n;
};

void
serve_users_free(struct serve_users *u)
{
	if (u == NULL)
		return;
	for (size_t i = 0; i < u->n; i++) {
		free(u->user[i]);
		free(u->hash[i]);
	}
	free(u->user);
	free(u->hash);
	free(u);
}

struct serve_users *
serve_users_load(const char *path)
{
	struct buf b = {0};
	const char *why = NULL;
	if (file_read(path, 1u << 20, &b, &why) < 0) {
		fprintf(stderr, _("folio serve: %s: cannot read the users file: %s\n"), path, why);
		return NULL;
	}
	struct serve_users *u = xcalloc(1, sizeof *u);
	int ln = 0, bad = 0;
	for (char *line = b.p, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		ln++;
		size_t k = strlen(line);
		if (k > 0 && line[k - 1] == '\r')
			line[--k] = '\0';
		if (k == 0 || line[0] == '#')
			continue;
		char *colon = strchr(line, ':');
		const char *h = colon ? colon + 1 : "";
		if (colon == NULL || colon == line || !(strncmp(h, "$y$", 3) == 0 || strncmp(h, "$6$", 3) == 0)) {
			fprintf(stderr, _("%s:%d: error: not \"USER:HASH\" with a yescrypt ($y$) or SHA-512 "
			    "($6$) hash from crypt(3), e.g. made by mkpasswd -m yescrypt\n"), path, ln);
			bad = 1;
			continue;
		}
		u->user = xrealloc(u->user, (u->n + 1) * sizeof *u->user);
		u->hash = xrealloc(u->hash, (u->n + 1) * sizeof *u->hash);
		u->user[u->n] = xstrndup(line, (size_t)(colon - line));
		u->hash[u->n++] = xstrdup(h);
	}
	buf_free(&b);
	if (!bad && u->n == 0) {
		fprintf(stderr, _("folio serve: %s: the users file names no user\n"), path);
		bad = 1;
	}
	if (bad) {
		serve_users_free(u);
		return NULL;
	}
	return u;
}

int
serve_users_check(const struct serve_users *u, const char *user, const char *password)
{
	if (u == NULL || user == NULL || password == NULL)
		return 0;
	for (size_t i = 0; i < u->n; i++) {
		if (strcmp(u->user[i], user) != 0)
			continue;
		struct crypt_data *cd = xcalloc(1, sizeof *cd);
		const char *h = crypt_r(password, u->hash[i], cd);
		/* compare every byte, whatever differs first */
		size_t n = strlen(u->hash[i]);
		int ok = h != NULL && strlen(h) == n;
		unsigned char diff = 0;
		for (size_t k = 0; ok && k < n; k++)
			diff |= (unsigned char)(h[k] ^ u->hash[i][k]);
		ok = ok && diff == 0;
		free(cd);
		return ok;
	}
	return 0;
}
