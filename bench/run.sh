#!/bin/sh
# bench/run.sh — time folio against Apache FOP on the shared benchmark documents.
#
#   sh bench/run.sh [PATH/TO/folio]          (make bench does this)
#
# Environment:
#   BENCH_RUNS=N       runs per document and engine (default 3); medians are reported
#   BENCH_DOCS="..."   subset of: plain-200 full-20 full-200 onepage (space or comma separated)
#   BENCH_SHARED=DIR   directory holding gen_fo.py and fop.xconf
#                      (default: <repo>/../shared/bench)
#   BENCH_FOP=CMD      FOP command (default: fop)
#   BENCH_TYPST=CMD    command run as "CMD IN.typ OUT.pdf" for the evenness
#                      comparison (default: "typst compile" when typst is installed)
#   BENCH_KEEP=1       keep the temporary directory (FO inputs, PDFs, logs) and print its path
#   BENCH_PARTS="..."  subset of: engines evenness jobs batch serve (default: all five)
#   BENCH_BATCH=N      packets in the batch part (default 100; the target is for 1000)
#
# Informational only: the targets are printed as PASS/MISS, the exit status is 0
# unless the script itself cannot run (bad arguments, missing generator, ...).
# See docs/bench.md.
set -eu

FOLIO=${1:-build/release/folio}
RUNS=${BENCH_RUNS:-3}
# normalised to single-space separated names
# shellcheck disable=SC2005,SC2046,SC2086
DOCS=$(echo $(printf '%s' "${BENCH_DOCS:-plain-200 full-20 full-200 onepage}" | tr ',' ' '))
FOP=${BENCH_FOP:-fop}
ALL_DOCS="plain-200 full-20 full-200 onepage"
# shellcheck disable=SC2005,SC2046,SC2086
PARTS=$(echo $(printf '%s' "${BENCH_PARTS:-engines evenness jobs batch serve}" | tr ',' ' '))
part() { case " $PARTS " in *" $1 "*) return 0;; esac; return 1; }
for p in $PARTS; do
    case " engines evenness jobs batch serve " in *" $p "*) ;; *) echo "bench: unknown part '$p' in BENCH_PARTS" >&2; exit 2;; esac
done

# Project targets (folio vs FOP on the same document).
T_SPEED=20        # folio at least 20x faster (fop_time / folio_time >= 20)
T_MEM=0.10        # folio peak RSS at most 1/10 of FOP's
T_SIZE=1.00       # folio PDF no larger than FOP's
T_ONEPAGE_KB=60   # one-page Chinese document at most 60 KB (60 x 1024 bytes)

die() { echo "bench: $*" >&2; exit 2; }

# ---------------------------------------------------------------- arguments
case $RUNS in ''|*[!0-9]*|0) die "BENCH_RUNS must be a positive integer (got '$RUNS')";; esac
for d in $DOCS; do
    case " $ALL_DOCS " in *" $d "*) ;; *) die "unknown document '$d' in BENCH_DOCS (known: $ALL_DOCS)";; esac
done
[ -n "$DOCS" ] || die "BENCH_DOCS selects no document"

[ -x "$FOLIO" ] || die "folio binary '$FOLIO' not found or not executable (run make first)"
case $FOLIO in /*) ;; *) FOLIO=$(cd "$(dirname "$FOLIO")" && pwd)/$(basename "$FOLIO");; esac

here=$(cd "$(dirname "$0")" && pwd)
SHARED=${BENCH_SHARED:-}
if [ -z "$SHARED" ]; then
    if [ -f "$here/../../shared/bench/gen_fo.py" ]; then
        SHARED=$(cd "$here/../../shared/bench" && pwd)
    fi
fi
GEN=$SHARED/gen_fo.py
XCONF=$SHARED/fop.xconf
[ -f "$GEN" ] || die "generator not found: $GEN (set BENCH_SHARED)"
command -v python3 >/dev/null 2>&1 || die "python3 is needed to run $GEN"

TIME=/usr/bin/time
if [ ! -x "$TIME" ] || ! "$TIME" -f "%e %M" -o /dev/null true 2>/dev/null; then
    echo "bench: GNU time not found at /usr/bin/time (package 'time'): peak memory not measured" >&2
    TIME=
fi
command -v pdfinfo >/dev/null 2>&1 && HAVE_PDFINFO=1 || HAVE_PDFINFO=0

# Wall clock in nanoseconds. GNU time's %e has only 1/100 s resolution, which
# reads 0.00 for folio on small documents, so wall time is taken around the
# same invocation with date +%s%N (falls back to %e where %N is unsupported).
case $(date +%N 2>/dev/null) in
    ''|*[!0-9]*) HAVE_NS=0;;
    *) HAVE_NS=1;;
esac
now_ns() { date +%s%N; }

HAVE_FOP=0
if command -v "$FOP" >/dev/null 2>&1; then
    HAVE_FOP=1
    [ -f "$XCONF" ] || die "FOP configuration not found: $XCONF"
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/folio-bench.XXXXXX")
if [ "${BENCH_KEEP:-0}" = 1 ]; then
    trap 'echo "bench: files kept in $TMP"' EXIT
else
    trap 'rm -rf "$TMP"' EXIT
fi
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- inputs
write_onepage() {
cat > "$1" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="WenQuanYi Micro Hei" font-size="10.5pt" language="zh">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm" margin="20mm 25mm">
      <fo:region-body/>
    </fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="A4">
    <fo:flow flow-name="xsl-region-body">
      <fo:block font-size="16pt" font-weight="bold" space-after="10pt">装修申请办理须知（XT-KF-CX-007）</fo:block>
      <fo:block text-indent="2em" space-after="6pt" text-align="justify">业主在单元内装修前，须于开工前 7 个工作日向客服部提交装修申请表、施工图纸及装修公司资质证明，并缴纳装修押金 3,000 元。工程部在 3 个工作日内完成图纸审核；涉及消防喷淋或 220V 强电线路改动的，须另报消防部门审批。</fo:block>
      <fo:block text-indent="2em" space-after="6pt" text-align="justify">施工时间为每日 8:30–12:00 及 14:00–18:00，节假日禁止钻孔等高噪音作业。装修垃圾须装袋后经货梯运出，不得堆放于消防通道。竣工验收合格后，押金于 30 天内无息退还。咨询热线 400-820-1234，邮箱 service@example.com。</fo:block>
    </fo:flow>
  </fo:page-sequence>
</fo:root>
EOF
}

gen_doc() { # name -> writes $TMP/name.fo
    f=$TMP/$1.fo
    case $1 in
        plain-200) python3 "$GEN" --plain 200 > "$f";;
        full-20)   python3 "$GEN" 20 > "$f";;
        full-200)  python3 "$GEN" 200 > "$f";;
        onepage)   write_onepage "$f";;
    esac
}

# ---------------------------------------------------------------- measuring
# run_engine ENGINE DOC: runs RUNS times; leaves a summary line in $TMP/DOC.ENGINE.res:
#   wall_median rss_median_kb pages bytes failed_runs warn_lines other_stderr_lines last_rc
run_engine() {
    eng=$1 doc=$2
    fo=$TMP/$doc.fo
    base=$TMP/$doc.$eng
    : > "$base.runs"
    failed=0 lastrc=0 pdf_ok=
    i=1
    while [ "$i" -le "$RUNS" ]; do
        out=$base.$i.pdf log=$base.$i.log tf=$base.$i.time
        rm -f "$out" "$tf"
        rc=0
        t0=0; [ "$HAVE_NS" = 1 ] && t0=$(now_ns)
        if [ "$eng" = folio ]; then
            set -- "$FOLIO" render "$fo" -o "$out"
        else
            set -- "$FOP" -c "$XCONF" -fo "$fo" -pdf "$out"
        fi
        if [ -n "$TIME" ]; then
            "$TIME" -o "$tf" -f "%e %M" "$@" > "$log" 2>&1 || rc=$?
        else
            "$@" > "$log" 2>&1 || rc=$?
        fi
        t1=0; [ "$HAVE_NS" = 1 ] && t1=$(now_ns)
        # GNU time writes "Command exited with non-zero status N" /
        # "Command terminated by signal N" before the format line.
        tl=; [ ! -f "$tf" ] || tl=$(tail -n 1 "$tf")
        e=$(echo "$tl" | awk 'NF==2 {print $1}')
        m=$(echo "$tl" | awk 'NF==2 {print $2}')
        [ -n "$m" ] || m=NA
        if [ "$HAVE_NS" = 1 ]; then
            w=$(awk -v d=$((t1 - t0)) 'BEGIN {printf "%.3f", d / 1e9}')
        else
            w=${e:-NA}
        fi
        if [ -f "$tf" ] && grep -q 'terminated by signal' "$tf"; then
            [ "$rc" != 0 ] || rc=$(sed -n 's/.*signal \([0-9]*\).*/\1/p' "$tf" | awk '{print 128 + $1}')
        fi
        if [ "$rc" != 0 ] || [ ! -s "$out" ]; then
            failed=$((failed + 1))
            [ "$rc" != 0 ] || rc=nopdf
        else
            pdf_ok=$out
        fi
        lastrc=$rc
        echo "$w $m" >> "$base.runs"
        i=$((i + 1))
    done
    # stderr of the last run: count warnings / other lines
    if [ "$eng" = folio ]; then
        warn=$(grep -ci 'warning' "$log" || true)
        other=$(grep -vci 'warning' "$log" || true)
    else
        # FOP: [WARN]/[ERROR]/SEVERE lines; the Debian wrapper's own
        # "[warning] /usr/bin/fop: Unable to locate ..." lines are not counted.
        warn=$(grep -v '^\[warning\] [^ ]*fop: ' "$log" | grep -ciE 'warn|error|severe|exception' || true)
        other=0
    fi
    pages=failed bytes=failed
    if [ -n "$pdf_ok" ]; then
        bytes=$(wc -c < "$pdf_ok" | tr -d ' ')
        if [ "$HAVE_PDFINFO" = 1 ]; then
            pages=$(pdfinfo "$pdf_ok" 2>/dev/null | awk '/^Pages:/ {print $2}')
            [ -n "$pages" ] || pages=unreadable
        else
            pages=NA
        fi
    fi
    wmed=$(median 1 < "$base.runs")
    mmed=$(median 2 < "$base.runs")
    echo "$wmed $mmed $pages $bytes $failed $warn $other $lastrc" > "$base.res"
}

# median COLUMN < file  (ignores NA; NA if nothing left; mean of the two middles for even counts)
median() {
    awk -v c="$1" '$c != "NA" {print $c}' | sort -n | awk '
        {v[NR] = $1}
        END {
            if (NR == 0) { print "NA"; exit }
            if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2
        }'
}

fmt_s()  { case $1 in NA) echo NA;; *) awk -v x="$1" 'BEGIN {printf "%.3f", x}';; esac; }
fmt_mb() { case $1 in NA) echo NA;; *) awk -v x="$1" 'BEGIN {printf "%.1f", x / 1024}';; esac; }
fmt_kb() { case $1 in *[!0-9]*|'') echo "$1";; *) awk -v x="$1" 'BEGIN {printf "%.1f", x / 1024}';; esac; }
isnum()  { case $1 in ''|NA|failed|unreadable|*[!0-9.]*) return 1;; *) return 0;; esac; }

# verdict VALUE OP LIMIT -> PASS / MISS
verdict() { awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN {
    ok = (op == ">=") ? (v >= l) : (v <= l); print ok ? "PASS" : "MISS" }'; }

SUMMARY=$TMP/summary
: > "$SUMMARY"

row() { # engine wall rss pages bytes note
    printf '  %-6s | %9s | %9s | %6s | %9s | %s\n' "$1" "$2" "$3" "$4" "$5" "$6"
}

report_doc() {
    doc=$1
    echo
    echo "== $doc ($(wc -c < "$TMP/$doc.fo" | tr -d ' ') bytes of FO, $RUNS run(s) per engine, medians)"
    row engine "wall s" "peak MB" pages "PDF KB" note
    row ------ --------- --------- ------ --------- ----
    for eng in folio fop; do
        if [ "$eng" = fop ] && [ "$HAVE_FOP" = 0 ]; then
            row fop - - - - "not installed, skipped"
            continue
        fi
        read -r w m p b f wn ot rc < "$TMP/$doc.$eng.res"
        note=
        [ "$f" = 0 ] || note="failed $f/$RUNS (last exit $rc); "
        [ "$wn" = 0 ] || note="${note}$wn warning line(s); "
        [ "$ot" = 0 ] || note="${note}$ot other stderr line(s); "
        note=${note%; }
        row "$eng" "$(fmt_s "$w")" "$(fmt_mb "$m")" "$p" "$(fmt_kb "$b")" "${note:--}"
    done

    # stderr of the last run: folio's lines in full (up to 10), FOP's tail only if it failed
    flog=$TMP/$doc.folio.$RUNS.log
    if [ -s "$flog" ]; then
        echo "  folio stderr (last run$( [ "$(wc -l < "$flog")" -le 10 ] || echo ', first 10 lines')):"
        head -n 10 "$flog" | sed "s|^$TMP/||; s|^|    |"
    fi
    read -r fw fm fp fb _ fwn _ _ < "$TMP/$doc.folio.res"
    if [ "$HAVE_FOP" = 1 ]; then
        read -r pw pm pp pb pf _ _ _ < "$TMP/$doc.fop.res"
        if [ "$pf" != 0 ]; then
            echo "  fop output (last run, last 5 lines):"
            tail -n 5 "$TMP/$doc.fop.$RUNS.log" | sed "s|^|    |"
        fi
        # not like-for-like when the page counts differ or folio warned
        # (it skips unsupported elements): such verdicts get a '*'
        star=
        if [ "$fp" != "$pp" ] || [ "$fwn" != 0 ]; then star='*'; fi
        echo "  folio vs FOP:"
        if ! isnum "$fb" || ! isnum "$pb"; then
            echo "    speed, memory: n/a (an engine produced no PDF)"
        elif isnum "$fw" && isnum "$pw" && awk -v x="$fw" 'BEGIN {exit !(x > 0)}'; then
            r=$(awk -v a="$pw" -v b="$fw" 'BEGIN {printf "%.1f", a / b}')
            v=$(verdict "$r" ">=" "$T_SPEED")
            printf '    speed   %8s×  (fop_time / folio_time; target >= %s×)       %s\n' "$r" "$T_SPEED" "$v$star"
            echo "$doc speed $v$star" >> "$SUMMARY"
        else
            echo "    speed        n/a  (no usable timing)"
        fi
        if ! isnum "$fb" || ! isnum "$pb"; then
            :
        elif isnum "$fm" && isnum "$pm" && [ "$pm" != 0 ]; then
            r=$(awk -v a="$fm" -v b="$pm" 'BEGIN {printf "%.3f", a / b}')
            v=$(verdict "$r" "<=" "$T_MEM")
            printf '    memory  %9s  (folio_rss / fop_rss; target <= %s)          %s\n' "$r" "$T_MEM" "$v$star"
            echo "$doc memory $v$star" >> "$SUMMARY"
        else
            echo "    memory       n/a  (no peak RSS figures)"
        fi
        if isnum "$fb" && isnum "$pb" && [ "$pb" != 0 ]; then
            r=$(awk -v a="$fb" -v b="$pb" 'BEGIN {printf "%.3f", a / b}')
            v=$(verdict "$r" "<=" "$T_SIZE")
            printf '    size    %9s  (folio_bytes / fop_bytes; target <= %s)      %s\n' "$r" "$T_SIZE" "$v$star"
            echo "$doc size $v$star" >> "$SUMMARY"
        else
            echo "    size         n/a  (a PDF is missing)"
        fi
        if [ -n "$star" ] && isnum "$fp"; then
            echo "    * not like-for-like: folio $fp page(s) vs FOP $pp page(s)$( [ "$fwn" = 0 ] || echo ", folio reported $fwn warning line(s) (skipped content)")"
        fi
    fi
    if [ "$doc" = onepage ]; then
        if isnum "$fb"; then
            v=$(awk -v b="$fb" -v l="$T_ONEPAGE_KB" 'BEGIN {print (b <= l * 1024) ? "PASS" : "MISS"}')
            printf '  one-page Chinese PDF: %s KB (target <= %s KB)                   %s\n' "$(fmt_kb "$fb")" "$T_ONEPAGE_KB" "$v"
            echo "$doc onepage-size $v" >> "$SUMMARY"
        else
            echo "  one-page Chinese PDF: no PDF (target <= $T_ONEPAGE_KB KB)  MISS"
            echo "$doc onepage-size MISS" >> "$SUMMARY"
        fi
    fi
}

# ---------------------------------------------------------------- main
echo "folio benchmark — $(date '+%Y-%m-%d %H:%M:%S %Z')"
echo "  host:   $(uname -sm), $(nproc 2>/dev/null || echo '?') CPU(s)$(awk -F': ' '/^model name/ {print ", " $2; exit}' /proc/cpuinfo 2>/dev/null || true)"
echo "  folio:  $FOLIO ($("$FOLIO" --version 2>/dev/null || echo 'version unknown'))"
if [ "$HAVE_FOP" = 1 ]; then
    fopver=$(dpkg-query -W -f '${Version}' fop 2>/dev/null || true)
    echo "  fop:    $(command -v "$FOP")${fopver:+ (Debian fop $fopver)}, config $XCONF"
else
    echo "fop: not installed, skipped"
fi
echo "  runs:   $RUNS per document and engine; documents: $DOCS"
echo "  inputs: $GEN"
[ "$HAVE_NS" = 1 ] || echo "  note:   date has no %N; wall time from GNU time %e (1/100 s resolution)"
[ -n "$TIME" ] || echo "  note:   no GNU time; peak memory not measured"
[ "$HAVE_PDFINFO" = 1 ] || echo "  note:   pdfinfo (poppler-utils) not found; page counts not measured"

if part engines; then
for doc in $DOCS; do
    gen_doc "$doc" || die "could not generate $doc"
    run_engine folio "$doc"
    [ "$HAVE_FOP" = 0 ] || run_engine fop "$doc"
    report_doc "$doc"
done

echo
echo "== targets (informational; medians on one machine, see docs/bench.md)"
if [ -s "$SUMMARY" ]; then
    awk '{ k = $2; d[k] = d[k] sprintf("  %s %s", $1, $3) }
         END {
             n["speed"] = "speed  >= 20x FOP   "; n["memory"] = "memory <= 1/10 FOP  "
             n["size"] = "size   <= FOP PDF   "; n["onepage-size"] = "one-page <= 60 KB   "
             split("speed memory size onepage-size", o, " ")
             for (i = 1; i <= 4; i++) if (o[i] in d) print "  " n[o[i]] ":" d[o[i]]
         }' "$SUMMARY"
else
    echo "  nothing to compare"
fi
if grep -q '\*$' "$SUMMARY"; then
    echo "  * not like-for-like (folio skipped content or page counts differ): read as indicative only"
fi
fi

# ---- spacing evenness: justified Chinese at a narrow measure (bench/evenness.py) ----------
if part evenness && command -v mutool >/dev/null 2>&1; then
    echo
    echo "== spacing evenness (justified Chinese, 14 em lines; see docs/bench.md)"
    EV=$here/evenness.py
    TYPST=${BENCH_TYPST:-}
    if [ -z "$TYPST" ] && command -v typst >/dev/null 2>&1; then
        TYPST="typst compile"
    fi
    # evenness_table NAME [ROOT]: the bench's twelve paragraphs, or with
    # ROOT the office's own (the procedures and the tenant documents)
    evenness_table() {
        name=$1
        python3 "$EV" write "$TMP/$name.fo" ${2:+"$2"}
        python3 "$EV" typst "$TMP/$name.typ" ${2:+"$2"}
        printf '  %-6s | %9s | %9s | %5s | %5s | %6s | %7s | %6s | %4s | %3s\n' engine "spread em" "mean em" lines loose ragged orphans starts ends r10
        printf '  ------ | --------- | --------- | ----- | ----- | ------ | ------- | ------ | ---- | ---\n'
        ev_folio= ev_typst=
        for eng in folio fop typst; do
            rm -f "$TMP/$name.$eng.pdf"
            if [ "$eng" = folio ]; then
                "$FOLIO" render "$TMP/$name.fo" -o "$TMP/$name.$eng.pdf" >/dev/null 2>&1
            elif [ "$eng" = fop ] && [ "$HAVE_FOP" = 1 ]; then
                "$FOP" -c "$XCONF" -fo "$TMP/$name.fo" -pdf "$TMP/$name.$eng.pdf" >/dev/null 2>&1
            elif [ "$eng" = typst ] && [ -n "$TYPST" ]; then
                # shellcheck disable=SC2086
                $TYPST "$TMP/$name.typ" "$TMP/$name.$eng.pdf" >/dev/null 2>&1 || true
            else
                printf '  %-6s | not installed, skipped\n' "$eng"
                continue
            fi
            if [ -s "$TMP/$name.$eng.pdf" ] && r=$(python3 "$EV" measure "$TMP/$name.$eng.pdf"); then
                # shellcheck disable=SC2086
                set -- $r
                printf '  %-6s | %9s | %9s | %5s | %5s | %6s | %7s | %6s | %4s | %3s\n' "$eng" "$1" "$2" "$3" "$4" "$5" "$6" "$7" "$8" "$9"
                [ "$eng" = folio ] && ev_folio="$r"
                [ "$eng" = typst ] && ev_typst="$r"
            else
                printf '  %-6s | failed\n' "$eng"
            fi
        done
        if [ -n "$ev_folio" ]; then
            # shellcheck disable=SC2086
            set -- $ev_folio
            awk -v s="$1" -v l="$4" -v o="$6" -v a="$7" -v e="$8" -v t="${ev_typst%% *}" -v tl="$(echo "$ev_typst" | cut -d' ' -f4)" 'BEGIN {
                printf "  folio targets: spread <= 0.0025 em %s", (s <= 0.0025 ? "PASS" : "MISS")
                if (t != "")
                    printf ", spread no higher than Typst'"'"'s on this text %s, loose lines no more than Typst'"'"'s %s", (s <= t ? "PASS" : "MISS"), (l <= tl ? "PASS" : "MISS")
                printf ", 0 one-character last lines %s, 0 forbidden starts/ends %s\n",
                    (o == 0 ? "PASS" : "MISS"), (a + e == 0 ? "PASS" : "MISS") }'
        fi
    }
    echo "  the bench's twelve paragraphs (office Chinese with numbers and Latin):"
    evenness_table even
    echo "  the office's own text (every long paragraph of procedures/ and docs/content/):"
    evenness_table office "$(cd "$here/.." && pwd)"
elif part evenness; then
    echo
    echo "== spacing evenness: mutool (mupdf-tools) not found, skipped"
fi

# ---- the user's jobs: packets and blank forms (folio only) -------------------------------
ROOT=$(cd "$here/.." && pwd)
if part jobs && [ -d "$ROOT/cases" ] && [ -f "$ROOT/templates/job.xsl" ]; then
    echo
    echo "== jobs (folio only; medians of $RUNS runs)"
    JOBS=$(mktemp -d)
    for c in "$ROOT"/cases/*.xml; do
        t=""
        for r in $(seq 1 "$RUNS"); do
            s0=$(date +%s%N)
            "$FOLIO" packet --root "$ROOT" -o "$JOBS/p" "$c" >/dev/null 2>&1
            s1=$(date +%s%N)
            t="$t $(( (s1 - s0) / 1000000 ))"
        done
        med=$(echo $t | tr ' ' '\n' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
        id=$(basename "$c" .xml)
        pages=$(pdfinfo "$JOBS/p/packets/$id/packet.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
        files=$(ls "$JOBS/p/packets/$id" | wc -l)
        echo "  packet $id: ${med} ms for $files PDFs, $pages pages in the combined packet: $(( med * 1000 / (${files:-1} + 0) )) µs a PDF, $(( med * 1000 / (${pages:-1} + 0) )) µs a page (target < 500 ms)"
    done
    nforms=$(ls "$ROOT"/procedures/forms/*.xml | wc -l)
    s0=$(date +%s%N)
    "$FOLIO" forms --root "$ROOT" -o "$JOBS/f" >/dev/null 2>&1
    s1=$(date +%s%N)
    ms=$(( (s1 - s0) / 1000000 ))
    echo "  forms, one PDF each: $nforms forms in ${ms} ms, $(( ms / nforms )) ms a form (target < 20 ms)"
    # numbered batches keep their counter in the project: number a copy of it
    mkdir -p "$JOBS/proj/docs" && cp -r "$ROOT/site.xml" "$ROOT/procedures" "$ROOT/schemas" "$ROOT/templates" "$JOBS/proj/" &&
        cp -r "$ROOT/docs/content" "$JOBS/proj/docs/"
    s0=$(date +%s%N)
    "$FOLIO" forms --root "$JOBS/proj" -o "$JOBS/g" --combined --copies 100 --serial >/dev/null 2>&1
    s1=$(date +%s%N)
    ms=$(( (s1 - s0) / 1000000 ))
    pages=$(pdfinfo "$(ls "$JOBS"/g/forms/forms*.pdf | head -1)" 2>/dev/null | sed -n 's/^Pages: *//p')
    echo "  forms --combined --copies 100 --serial: ${pages:-?} pages in ${ms} ms, $(( ms * 1000 / (${pages:-1} + 0) )) µs a page"
    # issue #16: 1,000 copies of every form within 10 s and 10 MB
    s0=$(date +%s%N)
    "$FOLIO" forms --root "$ROOT" -o "$JOBS/k" -q --copies 1000 >/dev/null 2>&1
    s1=$(date +%s%N)
    ms=$(( (s1 - s0) / 1000000 ))
    bytes=$(cat "$JOBS"/k/forms/*.pdf 2>/dev/null | wc -c)
    kpages=0
    for f in "$JOBS"/k/forms/*.pdf; do
        kpages=$(( kpages + $(pdfinfo "$f" 2>/dev/null | sed -n 's/^Pages: *//p') ))
    done
    awk -v ms="$ms" -v b="$bytes" -v p="$kpages" 'BEGIN { printf "  forms --copies 1000: %d pages in %.1f s, %.1f MB (%.1f bytes a page, its fonts and forms included) (target <= 10 s and 10 MB) %s\n", p, ms / 1000, b / 1e6, (p ? b / p : 0), (ms <= 10000 && b <= 10e6 ? "PASS" : "MISS") }'
    rm -rf "$JOBS"
fi

# ---- a batch: N packets in one command, one worker a core ------------------------------
BATCH=${BENCH_BATCH:-100}
case $BATCH in ''|*[!0-9]*|0) die "BENCH_BATCH must be a positive integer (got '$BATCH')";; esac
if part batch && [ -d "$ROOT/cases" ] && [ -f "$ROOT/templates/job.xsl" ]; then
    echo
    cores=$(nproc 2>/dev/null || echo 1)
    echo "== batch: $BATCH packets in one folio packet --jobs $cores (the four sample cases under new numbers)"
    BT=$(mktemp -d)
    mkdir -p "$BT/proj/docs" "$BT/cases" && cp -r "$ROOT/site.xml" "$ROOT/procedures" "$ROOT/schemas" "$ROOT/templates" "$BT/proj/" &&
        cp -r "$ROOT/docs/content" "$BT/proj/docs/"
    set -- "$ROOT"/cases/*.xml
    k=0
    while [ "$k" -lt "$BATCH" ]; do
        src=$(eval "echo \${$(( k % $# + 1 ))}")
        id=$(printf '%04d-%03d' $(( 2100 + k / 1000 )) $(( k % 1000 )))
        sed "0,/ id=\"[0-9-]*\"/s// id=\"$id\"/" "$src" > "$BT/cases/$id.xml"
        k=$(( k + 1 ))
    done
    s0=$(date +%s%N)
    if [ -n "$TIME" ]; then
        "$TIME" -f "%M" -o "$BT/rss" "$FOLIO" packet --root "$BT/proj" -o "$BT/out" -q --jobs "$cores" "$BT/cases" >"$BT/log" 2>&1
    else
        "$FOLIO" packet --root "$BT/proj" -o "$BT/out" -q --jobs "$cores" "$BT/cases" >"$BT/log" 2>&1
    fi
    rc=$?
    s1=$(date +%s%N)
    ms=$(( (s1 - s0) / 1000000 ))
    made=$(ls "$BT/out/packets" 2>/dev/null | wc -l)
    mb=$(du -sm "$BT/out" 2>/dev/null | cut -f1)
    echo "  $made of $BATCH packets (exit $rc) in $(awk -v m="$ms" 'BEGIN { printf "%.1f", m / 1000 }') s, ${mb} MB: $(( ms / BATCH )) ms a packet, $(awk -v m="$ms" -v n="$BATCH" -v c="$cores" 'BEGIN { printf "%d", n * 3600000 / m / c }') packets an hour a core"
    [ -s "$BT/rss" ] && echo "  the parent's peak memory: $(( $(cat "$BT/rss") / 1024 )) MB (each worker is a process of its own)"
    awk -v m="$ms" -v n="$BATCH" 'BEGIN { e = m / n; printf "  1000 packets at this rate: %.0f s (target <= 100 s on 2 cores) %s\n", e, (e <= 100 ? "PASS" : "MISS") }'
    rm -rf "$BT"
fi

# ---- folio serve: pages, a packet through the API against folio packet, memory -----------
if part serve && [ -f "$ROOT/cases/2024-001.xml" ] && [ -f "$ROOT/tests/import/bad.xlsx" ] && [ -r /proc/self/status ]; then
    echo
    echo "== folio serve (a copy of the project on a free loopback port; packets: medians of $RUNS runs)"
    SV=$(mktemp -d)
    mkdir -p "$SV/p/docs" "$SV/tmp" && cp -r "$ROOT/site.xml" "$ROOT/procedures" "$ROOT/cases" "$ROOT/schemas" \
        "$ROOT/templates" "$SV/p/" && cp -r "$ROOT/docs/content" "$SV/p/docs/"
    write_onepage "$SV/one.fo"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    TMPDIR=$SV/tmp "$FOLIO" serve --root "$SV/p" --listen "127.0.0.1:$port" 2>"$SV/log" &
    spid=$!
    up=0
    for i in $(seq 1 100); do
        if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/style.css')" 2>/dev/null; then
            up=1; break
        fi
        sleep 0.1
    done
    if [ "$up" = 1 ]; then
        t=""
        for r in $(seq 1 "$RUNS"); do
            s0=$(date +%s%N)
            "$FOLIO" packet --root "$SV/p" -o "$SV/o" "$SV/p/cases/2024-001.xml" >/dev/null 2>&1
            s1=$(date +%s%N)
            t="$t $(( (s1 - s0) / 1000000 ))"
        done
        # shellcheck disable=SC2086
        cli=$(echo $t | tr ' ' '\n' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
        echo "  folio packet cases/2024-001.xml (a process of its own): median ${cli} ms of $RUNS ($(echo $t))"
        python3 "$here/serve.py" "$port" "$spid" "$SV/p/cases/2024-001.xml" "$RUNS" "$SV/one.fo" \
            "$ROOT/tests/import/bad.xlsx" >"$SV/out" 2>&1 || true
        grep -v '^api-packet-ms ' "$SV/out"
        api=$(sed -n 's/^api-packet-ms //p' "$SV/out")
        if [ -n "$api" ] && [ "$cli" -gt 0 ]; then
            awk -v a="$api" -v c="$cli" 'BEGIN { printf "  a packet through the API vs folio packet: %.2fx (target <= 1.20) %s\n", a / c, (a / c <= 1.20 ? "PASS" : "MISS") }'
        fi
    else
        echo "  the server did not answer: $(tail -3 "$SV/log")"
    fi
    kill -TERM "$spid" 2>/dev/null || true
    wait "$spid" 2>/dev/null || true
    rm -rf "$SV"
fi
exit 0
