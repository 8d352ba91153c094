#!/bin/sh
# Put FOP's support beside folio's in the subset table: reads the Markdown of
# 'folio subset' on standard input and the FOP data file (docs/fop-support.tsv)
# named as the operand; writes docs/fo-subset.md to standard output.
#   usage: folio subset | sh tools/fop-beside.sh docs/fop-support.tsv
# A compound property (space-before.minimum) takes its base property's entry.
# A name FOP's page does not list reads "not on FOP's page".
# At the end: what FOP supports (yes, partial) that folio does not list.
[ $# -eq 1 ] || { echo "usage: fop-beside.sh FOP-TSV < subset.md" >&2; exit 2; }
exec awk -F '\t' -v tsv="$1" '
function cell(name,   base) {
	base = name
	if (!(base in sup)) sub(/\..*/, "", base)
	if (!(base in sup)) return "not on FOP'"'"'s page"
	used[base] = 1
	return note[base] != "" ? sup[base] ": " note[base] : sup[base]
}
BEGIN {
	while ((getline line < tsv) > 0) {
		if (line ~ /^#/ || line == "") continue
		n = split(line, f, "\t")
		if (n < 2) { print tsv ": bad line: " line > "/dev/stderr"; exit 1 }
		sup[f[1]] = f[2]; note[f[1]] = f[3]; order[++count] = f[1]
	}
	close(tsv)
}
/^## Elements$/ {
	print "The FOP 2.8 column is FOP'"'"'s own account of its support: the \"FOP dev\""
	print "column of the compliance page on xmlgraphics.apache.org (fop/compliance),"
	print "the line FOP 2.8 is released from; the page has no column of its own for"
	print "2.8.  Comments are shortened.  The data is docs/fop-support.tsv, put beside"
	print "folio'"'"'s list by tools/fop-beside.sh.  A compound property (.minimum and"
	print "so on) shows its property'"'"'s entry.\n"
}
/^\| element \| content \|$/ { print "| element | content | FOP 2.8 |"; next }
/^\| property \| inherited \| initial value \|$/ {
	print "| property | inherited | initial value | FOP 2.8 |"; next
}
/^\|---\|---\|$/ { print "|---|---|---|"; next }
/^\|---\|---\|---\|$/ { print "|---|---|---|---|"; next }
/^\| / {
	name = $0; sub(/^\| /, "", name); sub(/ \|.*/, "", name)
	listed[name] = 1
	print $0 " " cell(name) " |"
	next
}
{ print }
END {
	print "\n## What FOP supports and folio does not list\n"
	print "Elements and properties FOP'"'"'s page marks yes or partial that folio"
	print "warns about and skips:\n"
	for (i = 1; i <= count; i++) {
		n = order[i]
		if ((sup[n] == "yes" || sup[n] == "partial") && !(n in listed)) {
			print "- " n " (" sup[n] (note[n] != "" ? ": " note[n] : "") ")"
		}
	}
}' 
