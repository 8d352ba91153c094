<?xml version="1.0" encoding="UTF-8"?>
<!-- The flowchart of a procedure, laid out from its steps.

     Graph: a step goes to the step after it, or to the steps named in
     @next ("end" for the end); a decision (kind="decision") goes to @yes
     (是, by default the step after it) and @no (否).  An edge to a later
     step runs forward, an edge to the same or an earlier step is a loop
     back.

     Layout: every step gets a row, one more than the deepest row of the
     steps that lead forward to it (steps of one row run in parallel), and
     the lane of its department; steps of one row and lane share the lane
     side by side.  Lanes only for the departments that have steps; with a
     single department the chart is one compact column and says the
     department once below it.  开始 and 结束 terminators above the first
     and below the last row.

     Arrows are orthogonal and run only where no box is: down the column
     of a box into the channel below its row, along channels (the free
     band between two rows), and along a lane's right gutter (the free
     strip at the right edge of every lane) when they skip rows or loop
     back.  否 and loop-back arrows leave a box at its right side.

     Drawing: the shapes and arrows are SVG; each box label is an
     absolutely positioned fo:block-container over the drawing, so that
     folio's own line composer wraps it inside its box with the Chinese
     rules.  <wbr/> in a label marks the places where the label may
     break (the words between are kept whole); a label without <wbr/>
     breaks wherever the rules allow.  Units are points. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:p="urn:folio:procedures"
    xmlns:svg="http://www.w3.org/2000/svg" exclude-result-prefixes="p">

  <xsl:param name="chart-width" select="480"/>   <!-- a chart with lanes -->
  <xsl:param name="compact-width" select="250"/> <!-- a chart of one department -->
  <xsl:param name="body-width" select="481.89"/> <!-- the flow's width: 170 mm -->

  <xsl:variable name="fc-fs" select="9"/>     <!-- label font size -->
  <xsl:variable name="fc-lh" select="12.5"/>  <!-- label line height -->
  <xsl:variable name="fc-pad" select="4"/>    <!-- label inside its box -->
  <xsl:variable name="fc-gap" select="22"/>   <!-- channel between rows -->
  <xsl:variable name="fc-th" select="18"/>    <!-- terminator height -->
  <xsl:variable name="fc-ascii" select="' !&quot;#$%&amp;()*+,-./0123456789:;&lt;=&gt;?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~'"/>

  <!-- ================================================ the graph -->

  <!-- the successors of the context step: " id id ", "end" for the end -->
  <xsl:template name="fc-succ">
    <xsl:variable name="after">
      <xsl:choose>
        <xsl:when test="following-sibling::p:step"><xsl:value-of select="following-sibling::p:step[1]/@id"/></xsl:when>
        <xsl:otherwise>end</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="@kind = 'decision'">
        <xsl:text> </xsl:text>
        <xsl:choose><xsl:when test="@yes"><xsl:value-of select="normalize-space(@yes)"/></xsl:when><xsl:otherwise><xsl:value-of select="$after"/></xsl:otherwise></xsl:choose>
        <xsl:text> </xsl:text><xsl:value-of select="normalize-space(@no)"/><xsl:text> </xsl:text>
      </xsl:when>
      <xsl:when test="@next"><xsl:value-of select="concat(' ', normalize-space(@next), ' ')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat(' ', $after, ' ')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the row of step $s: 1 + the deepest forward predecessor -->
  <xsl:template name="fc-rank">
    <xsl:param name="s"/>
    <xsl:variable name="id" select="string($s/@id)"/>
    <xsl:variable name="preds" select="$s/preceding-sibling::p:step[
        (@next and contains(concat(' ', normalize-space(@next), ' '), concat(' ', $id, ' ')))
        or (@kind = 'decision' and (normalize-space(@yes) = $id or normalize-space(@no) = $id))
        or (not(@next) and not(@yes) and generate-id(following-sibling::p:step[1]) = generate-id($s))]"/>
    <xsl:choose>
      <xsl:when test="$preds">
        <xsl:variable name="rs">
          <xsl:for-each select="$preds">
            <xsl:call-template name="fc-rank"><xsl:with-param name="s" select="."/></xsl:call-template>
            <xsl:text> </xsl:text>
          </xsl:for-each>
        </xsl:variable>
        <xsl:variable name="mx">
          <xsl:call-template name="fc-max"><xsl:with-param name="list" select="normalize-space($rs)"/></xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="$mx + 1"/>
      </xsl:when>
      <xsl:when test="$s/preceding-sibling::p:step">
        <!-- reached only by a loop back: below the step before it -->
        <xsl:variable name="pr">
          <xsl:call-template name="fc-rank"><xsl:with-param name="s" select="$s/preceding-sibling::p:step[1]"/></xsl:call-template>
        </xsl:variable>
        <xsl:value-of select="$pr + 1"/>
      </xsl:when>
      <xsl:otherwise>1</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the largest number of a space-separated list -->
  <xsl:template name="fc-max">
    <xsl:param name="list"/>
    <xsl:param name="best" select="0"/>
    <xsl:choose>
      <xsl:when test="$list = ''"><xsl:value-of select="$best"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="h">
          <xsl:choose>
            <xsl:when test="contains($list, ' ')"><xsl:value-of select="substring-before($list, ' ')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$list"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:call-template name="fc-max">
          <xsl:with-param name="list" select="substring-after($list, ' ')"/>
          <xsl:with-param name="best" select="($best &gt;= number($h)) * $best + ($best &lt; number($h)) * number($h)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the width of a text in ems: Han and full-width 1, ASCII 1/2 -->
  <xsl:template name="fc-ems">
    <xsl:param name="t"/>
    <xsl:variable name="wide" select="string-length(translate($t, $fc-ascii, ''))"/>
    <xsl:value-of select="$wide + (string-length($t) - $wide) div 2"/>
  </xsl:template>

  <!-- the number of lines a label takes at $cpl ems a line: its words
       (the text between <wbr/>s, the first with the step number) are
       packed greedily, a word longer than a line is broken -->
  <xsl:template name="fc-lines">
    <xsl:param name="words"/>   <!-- ems of each word, space-separated -->
    <xsl:param name="cpl"/>
    <xsl:param name="cur" select="0"/>
    <xsl:param name="n" select="1"/>
    <xsl:choose>
      <xsl:when test="normalize-space($words) = ''"><xsl:value-of select="$n"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="w" select="number(substring-before(concat(normalize-space($words), ' '), ' '))"/>
        <xsl:variable name="rest" select="substring-after(normalize-space($words), ' ')"/>
        <xsl:choose>
          <xsl:when test="$cur + $w &lt;= $cpl">
            <xsl:call-template name="fc-lines">
              <xsl:with-param name="words" select="$rest"/><xsl:with-param name="cpl" select="$cpl"/>
              <xsl:with-param name="cur" select="$cur + $w"/><xsl:with-param name="n" select="$n"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="extra" select="ceiling($w div $cpl) - 1"/>
            <xsl:call-template name="fc-lines">
              <xsl:with-param name="words" select="$rest"/><xsl:with-param name="cpl" select="$cpl"/>
              <xsl:with-param name="cur" select="$w - $extra * $cpl"/>
              <xsl:with-param name="n" select="$n + ($cur &gt; 0) + $extra"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the ems of the context step's label words, space-separated -->
  <xsl:template name="fc-words">
    <xsl:param name="num"/>
    <xsl:for-each select="p:label/text()">
      <xsl:call-template name="fc-ems">
        <xsl:with-param name="t" select="concat(substring(concat($num, '.'), 1, (position() = 1) * 9), normalize-space(.))"/>
      </xsl:call-template>
      <xsl:text> </xsl:text>
    </xsl:for-each>
  </xsl:template>

  <!-- ================================================ the chart -->

  <xsl:template name="flowchart">
    <xsl:param name="proc"/>
    <xsl:param name="depts"/>   <!-- the manual's department elements -->
    <xsl:variable name="steps" select="$proc/p:steps/p:step"/>
    <xsl:variable name="lanes" select="$depts[@id = $steps/@dept]"/>
    <xsl:variable name="n" select="count($lanes)"/>
    <xsl:variable name="W" select="($n = 1) * $compact-width + ($n &gt; 1) * $chart-width"/>
    <xsl:variable name="lw" select="$W div $n"/>
    <xsl:variable name="g" select="($n = 1) * 25 + ($n &gt; 1) * 12"/>  <!-- box margin in a lane -->
    <xsl:variable name="head" select="($n &gt; 1) * 20"/>
    <!-- the rows: "|id:row|…" -->
    <xsl:variable name="ranks">
      <xsl:text>|</xsl:text>
      <xsl:for-each select="$steps">
        <xsl:value-of select="@id"/>:<xsl:call-template name="fc-rank"><xsl:with-param name="s" select="."/></xsl:call-template>
        <xsl:text>|</xsl:text>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="rank-list">
      <xsl:for-each select="$steps">
        <xsl:value-of select="substring-before(substring-after($ranks, concat('|', @id, ':')), '|')"/><xsl:text> </xsl:text>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="rows">
      <xsl:call-template name="fc-max"><xsl:with-param name="list" select="normalize-space($rank-list)"/></xsl:call-template>
    </xsl:variable>
    <!-- the lines of the longest label, in boxes and in diamonds -->
    <xsl:variable name="box-lines">
      <xsl:for-each select="$steps[not(@kind = 'decision')]">
        <xsl:call-template name="fc-step-lines">
          <xsl:with-param name="steps" select="$steps"/><xsl:with-param name="ranks" select="$ranks"/>
          <xsl:with-param name="lw" select="$lw"/><xsl:with-param name="g" select="$g"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="dia-lines">
      <xsl:for-each select="$steps[@kind = 'decision']">
        <xsl:call-template name="fc-step-lines">
          <xsl:with-param name="steps" select="$steps"/><xsl:with-param name="ranks" select="$ranks"/>
          <xsl:with-param name="lw" select="$lw"/><xsl:with-param name="g" select="$g"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="bl"><xsl:call-template name="fc-max"><xsl:with-param name="list" select="normalize-space($box-lines)"/></xsl:call-template></xsl:variable>
    <xsl:variable name="dl"><xsl:call-template name="fc-max"><xsl:with-param name="list" select="normalize-space($dia-lines)"/></xsl:call-template></xsl:variable>
    <xsl:variable name="bh" select="$bl * $fc-lh + 2 * $fc-pad + 2"/>
    <!-- a row with a decision is as high as its diamond -->
    <xsl:variable name="dh0" select="2 * ($dl * $fc-lh + 2)"/>
    <xsl:variable name="RH" select="($bh &gt;= $dh0) * $bh + ($bh &lt; $dh0) * $dh0"/>
    <xsl:variable name="top0" select="$head + 6"/>
    <xsl:variable name="ye" select="$top0 + $fc-th + $fc-gap + $rows * ($bh + $fc-gap) + count($steps[@kind = 'decision']) * ($RH - $bh)"/>
    <xsl:variable name="H" select="$ye + $fc-th + 6"/>
    <xsl:variable name="first" select="$steps[1]"/>
    <xsl:variable name="last" select="$steps[last()]"/>

            <xsl:variable name="xs">
      <xsl:call-template name="fc-lane-x"><xsl:with-param name="d" select="$first/@dept"/><xsl:with-param name="lanes" select="$lanes"/><xsl:with-param name="lw" select="$lw"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="xe">
      <xsl:call-template name="fc-lane-x"><xsl:with-param name="d" select="$last/@dept"/><xsl:with-param name="lanes" select="$lanes"/><xsl:with-param name="lw" select="$lw"/></xsl:call-template>
    </xsl:variable>
    <fo:block-container width="{$W}pt" height="{$H}pt" start-indent="{($body-width - $W) div 2}pt"
        space-before="2pt" space-after="6pt" keep-together.within-page="always">
      <fo:block line-height="0pt" font-size="1pt">
        <fo:instream-foreign-object content-width="{$W}pt" content-height="{$H}pt">
          <svg:svg width="{$W}pt" height="{$H}pt" viewBox="0 0 {$W} {$H}">
            <svg:defs>
              <svg:marker id="arrow" markerWidth="7" markerHeight="7" refX="7" refY="3.5" orient="auto" markerUnits="userSpaceOnUse">
                <svg:path d="M0,0 L7,3.5 L0,7 z" fill="black"/>
              </svg:marker>
            </svg:defs>
            <!-- lanes -->
            <xsl:if test="$n &gt; 1">
              <xsl:for-each select="$lanes">
                <xsl:variable name="x" select="(position() - 1) * $lw"/>
                <svg:rect x="{$x}" y="0" width="{$lw}" height="{$H}" fill="{concat('#', substring('F5F5F5FFFFFF', 1 + ((position() + 1) mod 2) * 6, 6))}" stroke="#888888" stroke-width="0.5"/>
                <svg:rect x="{$x}" y="0" width="{$lw}" height="{$head}" fill="#E0E0E0" stroke="#888888" stroke-width="0.5"/>
                <svg:text x="{$x + $lw div 2}" y="14" text-anchor="middle" font-family="sans-serif" font-size="9.5" font-weight="bold"><xsl:value-of select="."/></svg:text>
              </xsl:for-each>
            </xsl:if>
            <!-- terminators -->
            <svg:rect x="{$xs - 27}" y="{$top0}" width="54" height="{$fc-th}" rx="{$fc-th div 2}" ry="{$fc-th div 2}" fill="white" stroke="black" stroke-width="0.8"/>
            <svg:text x="{$xs}" y="{$top0 + 12.5}" text-anchor="middle" font-family="sans-serif" font-size="9">开始</svg:text>
            <svg:rect x="{$xe - 27}" y="{$ye}" width="54" height="{$fc-th}" rx="{$fc-th div 2}" ry="{$fc-th div 2}" fill="white" stroke="black" stroke-width="0.8"/>
            <svg:text x="{$xe}" y="{$ye + 12.5}" text-anchor="middle" font-family="sans-serif" font-size="9">结束</svg:text>
            <!-- 开始 → the first step -->
            <xsl:variable name="x1">
              <xsl:call-template name="fc-cx">
                <xsl:with-param name="s" select="$first"/><xsl:with-param name="steps" select="$steps"/><xsl:with-param name="ranks" select="$ranks"/>
                <xsl:with-param name="lanes" select="$lanes"/><xsl:with-param name="lw" select="$lw"/>
              </xsl:call-template>
            </xsl:variable>
            <xsl:variable name="y1" select="$top0 + $fc-th + $fc-gap + ($RH - $bh) div 2 * not($first/@kind = 'decision') * boolean($steps[@kind = 'decision'][substring-before(substring-after($ranks, concat('|', @id, ':')), '|') = '1'])"/>
            <svg:polyline points="{$xs},{$top0 + $fc-th} {$xs},{$top0 + $fc-th + $fc-gap div 2} {$x1},{$top0 + $fc-th + $fc-gap div 2} {$x1},{$y1}"
                fill="none" stroke="black" stroke-width="0.8" marker-end="url(#arrow)"/>
            <!-- the steps and their arrows -->
            <xsl:for-each select="$steps">
              <xsl:call-template name="fc-step">
                <xsl:with-param name="steps" select="$steps"/><xsl:with-param name="ranks" select="$ranks"/>
                <xsl:with-param name="lanes" select="$lanes"/><xsl:with-param name="lw" select="$lw"/>
                <xsl:with-param name="g" select="$g"/><xsl:with-param name="top0" select="$top0"/>
                <xsl:with-param name="RH" select="$RH"/><xsl:with-param name="bh" select="$bh"/>
                <xsl:with-param name="xe" select="$xe"/><xsl:with-param name="rows" select="$rows"/>
                <xsl:with-param name="part" select="'shape'"/>
              </xsl:call-template>
            </xsl:for-each>
          </svg:svg>
        </fo:instream-foreign-object>
      </fo:block>
      <!-- the labels, composed by folio inside their boxes -->
      <xsl:for-each select="$steps">
        <xsl:call-template name="fc-step">
          <xsl:with-param name="steps" select="$steps"/><xsl:with-param name="ranks" select="$ranks"/>
          <xsl:with-param name="lanes" select="$lanes"/><xsl:with-param name="lw" select="$lw"/>
          <xsl:with-param name="g" select="$g"/><xsl:with-param name="top0" select="$top0"/>
          <xsl:with-param name="RH" select="$RH"/><xsl:with-param name="bh" select="$bh"/>
          <xsl:with-param name="xe" select="$xe"/><xsl:with-param name="rows" select="$rows"/>
          <xsl:with-param name="part" select="'label'"/>
        </xsl:call-template>
      </xsl:for-each>
    </fo:block-container>
    <xsl:if test="$n = 1">
      <fo:block text-align="center" font-size="9pt" space-after="6pt" keep-with-previous.within-page="always">（本程序各步骤均由<xsl:value-of select="$lanes"/>办理）</fo:block>
    </xsl:if>
  </xsl:template>

  <!-- the centre of the lane of department $d -->
  <xsl:template name="fc-lane-x">
    <xsl:param name="d"/>
    <xsl:param name="lanes"/>
    <xsl:param name="lw"/>
    <xsl:value-of select="(count($lanes[following-sibling::p:department/@id = $d]) + 0.5) * $lw"/>
  </xsl:template>

  <!-- the centre x of step $s: its lane, shared with the steps of its row -->
  <xsl:template name="fc-cx">
    <xsl:param name="s"/>
    <xsl:param name="steps"/>
    <xsl:param name="ranks"/>
    <xsl:param name="lanes"/>
    <xsl:param name="lw"/>
    <xsl:variable name="d" select="string($s/@dept)"/>
    <xsl:variable name="r" select="substring-before(substring-after($ranks, concat('|', $s/@id, ':')), '|')"/>
    <xsl:variable name="k" select="count($steps[@dept = $d][substring-before(substring-after($ranks, concat('|', @id, ':')), '|') = $r])"/>
    <xsl:variable name="j" select="1 + count($s/preceding-sibling::p:step[@dept = $d][substring-before(substring-after($ranks, concat('|', @id, ':')), '|') = $r])"/>
    <xsl:variable name="left" select="count($lanes[following-sibling::p:department/@id = $d]) * $lw"/>
    <xsl:value-of select="$left + ($j - 0.5) * $lw div $k"/>
  </xsl:template>

  <!-- the lines of the context step's label in its box -->
  <xsl:template name="fc-step-lines">
    <xsl:param name="steps"/>
    <xsl:param name="ranks"/>
    <xsl:param name="lw"/>
    <xsl:param name="g"/>
    <xsl:variable name="d" select="string(@dept)"/>
    <xsl:variable name="r" select="substring-before(substring-after($ranks, concat('|', @id, ':')), '|')"/>
    <xsl:variable name="k" select="count($steps[@dept = $d][substring-before(substring-after($ranks, concat('|', @id, ':')), '|') = $r])"/>
    <xsl:variable name="bw" select="$lw div $k - 2 * $g"/>
    <xsl:variable name="tw" select="$bw * (1 - 0.4 * (@kind = 'decision')) - 2 * $fc-pad"/>
    <xsl:variable name="words">
      <xsl:call-template name="fc-words"><xsl:with-param name="num" select="count(preceding-sibling::p:step) + 1"/></xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="fc-lines">
      <xsl:with-param name="words" select="$words"/>
      <xsl:with-param name="cpl" select="floor($tw div $fc-fs)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- one step: its shape and arrows ($part = 'shape', SVG) or its
       label ($part = 'label', FO) -->
  <xsl:template name="fc-step">
    <xsl:param name="steps"/>
    <xsl:param name="ranks"/>
    <xsl:param name="lanes"/>
    <xsl:param name="lw"/>
    <xsl:param name="g"/>
    <xsl:param name="top0"/>
    <xsl:param name="RH"/>
    <xsl:param name="bh"/>
    <xsl:param name="xe"/>
    <xsl:param name="rows"/>
    <xsl:param name="part"/>
    <xsl:variable name="d" select="string(@dept)"/>
    <xsl:variable name="r" select="number(substring-before(substring-after($ranks, concat('|', @id, ':')), '|'))"/>
    <xsl:variable name="k" select="count($steps[@dept = $d][substring-before(substring-after($ranks, concat('|', @id, ':')), '|') = $r])"/>
    <xsl:variable name="j" select="1 + count(preceding-sibling::p:step[@dept = $d][substring-before(substring-after($ranks, concat('|', @id, ':')), '|') = $r])"/>
    <xsl:variable name="li" select="count($lanes[following-sibling::p:department/@id = $d])"/>
    <xsl:variable name="sw" select="$lw div $k"/>
    <xsl:variable name="cs" select="$li * $lw + ($j - 0.5) * $sw"/>
    <xsl:variable name="bw" select="$sw - 2 * $g"/>
    <xsl:variable name="dec" select="@kind = 'decision'"/>
    <xsl:variable name="rowtop" select="$top0 + $fc-th + $fc-gap + ($r - 1) * ($bh + $fc-gap)
        + count($steps[@kind = 'decision'][number(substring-before(substring-after($ranks, concat('|', @id, ':')), '|')) &lt; $r]) * ($RH - $bh)"/>
    <xsl:variable name="rowh" select="$bh + boolean($steps[@kind = 'decision'][number(substring-before(substring-after($ranks, concat('|', @id, ':')), '|')) = $r]) * ($RH - $bh)"/>
    <xsl:variable name="h" select="$dec * $rowh + not($dec) * $bh"/>
    <xsl:variable name="yt" select="$rowtop + ($rowh - $h) div 2"/>
    <xsl:variable name="yb" select="$yt + $h"/>
    <xsl:variable name="ym" select="$rowtop + $rowh div 2"/>
    <xsl:variable name="xr" select="$cs + $bw div 2"/>
    <xsl:variable name="gutter" select="($li + 1) * $lw - 3"/>
    <xsl:choose>
      <xsl:when test="$part = 'label'">
        <xsl:variable name="tw" select="$bw * (1 - 0.4 * $dec) - 2 * $fc-pad"/>
        <xsl:variable name="th" select="$h * (1 - 0.5 * $dec) + 4"/>
        <fo:block-container absolute-position="absolute" left="{$cs - $tw div 2}pt" top="{$ym - $th div 2}pt"
            width="{$tw}pt" height="{$th}pt" display-align="center" start-indent="0pt" end-indent="0pt">
          <fo:block text-align="center" text-indent="0pt" font-size="{$fc-fs}pt" line-height="{$fc-lh}pt">
            <xsl:call-template name="fc-label">
              <xsl:with-param name="num" select="count(preceding-sibling::p:step) + 1"/>
              <xsl:with-param name="cpl" select="floor($tw div $fc-fs)"/>
            </xsl:call-template>
          </fo:block>
        </fo:block-container>
      </xsl:when>
      <xsl:otherwise>
        <xsl:choose>
          <xsl:when test="$dec">
            <svg:polygon points="{$cs},{$yt} {$xr},{$ym} {$cs},{$yb} {$cs - $bw div 2},{$ym}" fill="white" stroke="black" stroke-width="0.8"/>
          </xsl:when>
          <xsl:otherwise>
            <svg:rect x="{$cs - $bw div 2}" y="{$yt}" width="{$bw}" height="{$h}" rx="2" ry="2" fill="white" stroke="black" stroke-width="0.8"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:variable name="succ"><xsl:call-template name="fc-succ"/></xsl:variable>
        <xsl:variable name="self" select="."/>
        <xsl:call-template name="fc-edges">
          <xsl:with-param name="list" select="normalize-space($succ)"/>
          <xsl:with-param name="i" select="1"/>
          <xsl:with-param name="s" select="$self"/>
          <xsl:with-param name="steps" select="$steps"/><xsl:with-param name="ranks" select="$ranks"/>
          <xsl:with-param name="lanes" select="$lanes"/><xsl:with-param name="lw" select="$lw"/>
          <xsl:with-param name="g" select="$g"/><xsl:with-param name="top0" select="$top0"/>
          <xsl:with-param name="RH" select="$RH"/><xsl:with-param name="bh" select="$bh"/>
          <xsl:with-param name="xe" select="$xe"/><xsl:with-param name="rows" select="$rows"/>
          <xsl:with-param name="r" select="$r"/><xsl:with-param name="cs" select="$cs"/>
          <xsl:with-param name="cb" select="$rowtop + $rowh + $fc-gap div 2"/>
          <xsl:with-param name="yb" select="$yb"/><xsl:with-param name="ym" select="$ym"/>
          <xsl:with-param name="xr" select="$xr"/><xsl:with-param name="gutter" select="$gutter"/>
          <xsl:with-param name="rightmost" select="$j = $k"/>
          <xsl:with-param name="dec" select="$dec"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the label of the context step: the number with the first word,
       words kept whole -->
  <xsl:template name="fc-label">
    <xsl:param name="num"/>
    <xsl:param name="cpl"/>
    <xsl:choose>
      <xsl:when test="p:label/p:wbr">
        <xsl:for-each select="p:label/text()">
          <fo:inline keep-together.within-line="always">
            <xsl:if test="position() = 1"><fo:inline font-weight="bold"><xsl:value-of select="$num"/>.</fo:inline></xsl:if>
            <xsl:value-of select="normalize-space(.)"/>
          </fo:inline>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="t" select="normalize-space(p:label)"/>
        <fo:inline keep-together.within-line="always"><fo:inline font-weight="bold"><xsl:value-of select="$num"/>.</fo:inline><xsl:value-of select="substring($t, 1, 2)"/></fo:inline>
        <xsl:value-of select="substring($t, 3)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the arrows from step $s to each id of $list -->
  <xsl:template name="fc-edges">
    <xsl:param name="list"/>
    <xsl:param name="i"/>
    <xsl:param name="s"/>
    <xsl:param name="steps"/>
    <xsl:param name="ranks"/>
    <xsl:param name="lanes"/>
    <xsl:param name="lw"/>
    <xsl:param name="g"/>
    <xsl:param name="top0"/>
    <xsl:param name="RH"/>
    <xsl:param name="bh"/>
    <xsl:param name="xe"/>
    <xsl:param name="rows"/>
    <xsl:param name="r"/>
    <xsl:param name="cs"/>
    <xsl:param name="cb"/>
    <xsl:param name="yb"/>
    <xsl:param name="ym"/>
    <xsl:param name="xr"/>
    <xsl:param name="gutter"/>
    <xsl:param name="rightmost"/>
    <xsl:param name="dec"/>
    <xsl:if test="$list != ''">
      <xsl:variable name="id" select="substring-before(concat($list, ' '), ' ')"/>
      <xsl:variable name="t" select="$steps[@id = $id]"/>
      <!-- the target: its row, centre and top -->
      <xsl:variable name="rt">
        <xsl:choose>
          <xsl:when test="$t"><xsl:value-of select="substring-before(substring-after($ranks, concat('|', $id, ':')), '|')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$rows + 1"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="xt">
        <xsl:choose>
          <xsl:when test="$t">
            <xsl:call-template name="fc-cx">
              <xsl:with-param name="s" select="$t"/><xsl:with-param name="steps" select="$steps"/><xsl:with-param name="ranks" select="$ranks"/>
              <xsl:with-param name="lanes" select="$lanes"/><xsl:with-param name="lw" select="$lw"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$xe"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="trow" select="$top0 + $fc-th + $fc-gap + ($rt - 1) * ($bh + $fc-gap)
          + count($steps[@kind = 'decision'][number(substring-before(substring-after($ranks, concat('|', @id, ':')), '|')) &lt; $rt]) * ($RH - $bh)"/>
      <xsl:variable name="tdrow" select="boolean($steps[@kind = 'decision'][number(substring-before(substring-after($ranks, concat('|', @id, ':')), '|')) = $rt])"/>
      <xsl:variable name="tt" select="$trow + ($RH - $bh) div 2 * ($tdrow and not($t/@kind = 'decision'))"/>
      <xsl:variable name="ct" select="$trow - $fc-gap div 2"/>   <!-- the channel above the target -->
      <xsl:variable name="no" select="$dec and $i = 2"/>
      <xsl:variable name="back" select="$rt &lt;= $r"/>
      <!-- a box of the source's lane in a row between: then not straight down -->
      <xsl:variable name="blocked" select="$steps[@dept = $s/@dept][number(substring-before(substring-after($ranks, concat('|', @id, ':')), '|')) &gt; $r and number(substring-before(substring-after($ranks, concat('|', @id, ':')), '|')) &lt; $rt]"/>
      <xsl:variable name="points">
        <xsl:choose>
          <xsl:when test="($no or $back) and $rightmost">
            <xsl:value-of select="concat($xr, ',', $ym, ' ', $gutter, ',', $ym, ' ', $gutter, ',', $ct, ' ', $xt, ',', $ct, ' ', $xt, ',', $tt)"/>
          </xsl:when>
          <xsl:when test="$no or $back">
            <xsl:value-of select="concat($xr, ',', $ym, ' ', $xr + $g, ',', $ym, ' ', $xr + $g, ',', $cb, ' ', $gutter, ',', $cb, ' ', $gutter, ',', $ct, ' ', $xt, ',', $ct, ' ', $xt, ',', $tt)"/>
          </xsl:when>
          <xsl:when test="$rt = $r + 1 or not($blocked)">
            <xsl:value-of select="concat($cs, ',', $yb, ' ', $cs, ',', $ct, ' ', $xt, ',', $ct, ' ', $xt, ',', $tt)"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="concat($cs, ',', $yb, ' ', $cs, ',', $cb, ' ', $gutter, ',', $cb, ' ', $gutter, ',', $ct, ' ', $xt, ',', $ct, ' ', $xt, ',', $tt)"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <svg:polyline points="{$points}" fill="none" stroke="black" stroke-width="0.8" marker-end="url(#arrow)"/>
      <xsl:if test="$dec">
        <xsl:choose>
          <xsl:when test="$no"><svg:text x="{$xr + 0.5}" y="{$ym - 2}" font-family="sans-serif" font-size="7.5">否</svg:text></xsl:when>
          <xsl:otherwise><svg:text x="{$cs + 2.5}" y="{$yb + 8.5}" font-family="sans-serif" font-size="7.5">是</svg:text></xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:call-template name="fc-edges">
        <xsl:with-param name="list" select="substring-after($list, ' ')"/>
        <xsl:with-param name="i" select="$i + 1"/>
        <xsl:with-param name="s" select="$s"/>
        <xsl:with-param name="steps" select="$steps"/><xsl:with-param name="ranks" select="$ranks"/>
        <xsl:with-param name="lanes" select="$lanes"/><xsl:with-param name="lw" select="$lw"/>
        <xsl:with-param name="g" select="$g"/><xsl:with-param name="top0" select="$top0"/>
        <xsl:with-param name="RH" select="$RH"/><xsl:with-param name="bh" select="$bh"/>
        <xsl:with-param name="xe" select="$xe"/><xsl:with-param name="rows" select="$rows"/>
        <xsl:with-param name="r" select="$r"/><xsl:with-param name="cs" select="$cs"/>
        <xsl:with-param name="cb" select="$cb"/>
        <xsl:with-param name="yb" select="$yb"/><xsl:with-param name="ym" select="$ym"/>
        <xsl:with-param name="xr" select="$xr"/><xsl:with-param name="gutter" select="$gutter"/>
        <xsl:with-param name="rightmost" select="$rightmost"/>
        <xsl:with-param name="dec" select="$dec"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
