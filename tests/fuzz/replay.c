/*
 * replay — a plain driver for the fuzz targets, so that the corpus and the
 * past crashers run in `make test` without libFuzzer (gcc, ASan, UBSan):
 * calls LLVMFuzzerTestOneInput once on each file named, and on each file
 * of each folder named, in name order.  A sanitizer error aborts the run;
 * the last "replay: FILE" line on standard error names the input.
 * usage: replay-TARGET FILE|FOLDER…   ends with "replay: N inputs".
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int ninputs;

static int
run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		perror(path);
		return -1;
	}
	size_t cap = 4096, n = 0, k;
	uint8_t *buf = malloc(cap);
	while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap) {
			uint8_t *b = realloc(buf, cap *= 2);
			if (b == NULL)
				free(buf);
			buf = b;
		}
	}
	int err = ferror(f) || buf == NULL;
	fclose(f);
	if (err) {
		fprintf(stderr, "%s: cannot read\n", path);
		free(buf);
		return -1;
	}
	fprintf(stderr, "replay: %s\n", path);
	/* exactly size bytes, as libFuzzer passes them: ASan sees reads past */
	uint8_t *data = malloc(n ? n : 1);
	memcpy(data, buf, n);
	free(buf);
	LLVMFuzzerTestOneInput(data, n);
	free(data);
	ninputs++;
	return 0;
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int
run(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		perror(path);
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return run_file(path);
	struct dirent **v;
	int n = scandir(path, &v, NULL, by_name), rc = 0;
	if (n < 0) {
		perror(path);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		if (v[i]->d_name[0] != '.') {
			size_t len = strlen(path) + strlen(v[i]->d_name) + 2;
			char *p = malloc(len);
			snprintf(p, len, "%s/%s", path, v[i]->d_name);
			if (stat(p, &st) == 0 && S_ISREG(st.st_mode) && run_file(p) < 0)
				rc = -1;
			free(p);
		}
		free(v[i]);
	}
	free(v);
	return rc;
}

int
main(int argc, char **argv)
{
	int rc = 0;
	for (int i = 1; i < argc; i++)
		if (run(argv[i]) < 0)
			rc = 1;
	printf("replay: %d inputs\n", ninputs);
	return rc;
}
