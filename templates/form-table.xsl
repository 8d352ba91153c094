<?xml version="1.0" encoding="UTF-8"?>
<!-- The tables of a record form (docs/sources-forms.md, "table" and
     "Computed columns"): header (with column groups and a 序号 column),
     static rows, the case's rows (filtered by where, split by group with a
     小计 row), empty rows, totals and a total in capitals.

     Computed columns: multiply, add, subtract, percent over other columns
     of the row, empty when an operand is empty; amount columns rounded
     half-up to 0.01 per row; totals and 小计 add the rounded row values,
     and a computed column that is not summed is recomputed from the sums.
     Everything is computed in XSLT 1.0 without extension functions: the
     rows are node-sets of the case (selected through generate-id lists),
     values are recomputed where they are needed.  Included by job.xsl. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:fm="urn:folio:form"
    xmlns:j="urn:folio:job"
    exclude-result-prefixes="fm j">

  <xsl:template match="fm:table" mode="form-block">
    <xsl:variable name="t" select="."/>
    <xsl:variable name="cols" select="fm:column | fm:column-group/fm:column"/>
    <xsl:variable name="num" select="number(@numbered = 'true')"/>
    <xsl:variable name="statics" select="fm:row"/>
    <!-- the case's rows, in document order, those that match every where -->
    <xsl:variable name="all-ids">
      <xsl:if test="$completed and @path">
        <xsl:call-template name="path-ids">
          <xsl:with-param name="nodes" select="$case"/>
          <xsl:with-param name="path" select="string(@path)"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="all" select="$case//*[contains($all-ids, concat(' ', generate-id(), ' '))]"/>
    <xsl:variable name="kept-ids">
      <xsl:for-each select="$all">
        <xsl:variable name="row" select="."/>
        <xsl:variable name="fails">
          <xsl:for-each select="$t/fm:where">
            <xsl:variable name="v"><xsl:call-template name="cv"><xsl:with-param name="node" select="$row"/><xsl:with-param name="path" select="string(@path)"/></xsl:call-template></xsl:variable>
            <xsl:if test="$v != @value">x</xsl:if>
          </xsl:for-each>
        </xsl:variable>
        <xsl:if test="$fails = ''"><xsl:text> </xsl:text><xsl:value-of select="generate-id()"/><xsl:text> </xsl:text></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="data" select="$all[contains($kept-ids, concat(' ', generate-id(), ' '))]"/>
    <!-- A blank form fits its page: folio lays the form out and gives its
         job item the empty rows to add to (or take from) each table with
         blank-rows that is not grouped, in document order ("0 -1 2",
         docs/sources-forms.md); a table keeps at least three body rows,
         static ones counted, or the rows it was designed with when fewer. -->
    <xsl:variable name="form" select="ancestor::fm:form"/>
    <xsl:variable name="extra">
      <xsl:choose>
        <xsl:when test="not($completed) and @blank-rows and not(fm:group)">
          <xsl:variable name="list" select="normalize-space(($job/j:item[@kind = 'form'][document(@href)/fm:form/@id = $form/@id])[1]/@rows)"/>
          <xsl:variable name="r">
            <xsl:call-template name="nth-word">
              <xsl:with-param name="list" select="concat($list, ' ')"/>
              <xsl:with-param name="n" select="count(preceding::fm:table[@blank-rows and not(fm:group)]) + 1"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:choose><xsl:when test="number($r) = number($r)"><xsl:value-of select="number($r)"/></xsl:when><xsl:otherwise>0</xsl:otherwise></xsl:choose>
        </xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="designed"><xsl:choose><xsl:when test="number(@blank-rows) &gt;= 0"><xsl:value-of select="number(@blank-rows)"/></xsl:when><xsl:otherwise>0</xsl:otherwise></xsl:choose></xsl:variable>
    <xsl:variable name="fewest">
      <xsl:choose>
        <xsl:when test="count($statics) &gt;= 3">0</xsl:when>
        <xsl:when test="$designed &lt; 3 - count($statics)"><xsl:value-of select="$designed"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="3 - count($statics)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="blank-rows">
      <xsl:choose>
        <xsl:when test="$designed + $extra &gt;= $fewest"><xsl:value-of select="$designed + $extra"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$fewest"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="empty-text" select="$completed and @path and @empty and not($data)"/>

    <fo:table table-layout="fixed" width="100%" border-collapse="collapse" font-size="9.5pt" space-after="6pt">
      <!-- a completed record table of a few rows is kept whole -->
      <xsl:if test="$completed and count($statics | $data) + number($blank-rows) &lt;= 10">
        <xsl:attribute name="keep-together.within-page">always</xsl:attribute>
      </xsl:if>
      <xsl:if test="$num = 1"><fo:table-column column-width="2.8em"/></xsl:if>
      <xsl:for-each select="$cols">
        <fo:table-column>
          <xsl:attribute name="column-width">proportional-column-width(<xsl:choose><xsl:when test="number(@width) &gt; 0"><xsl:value-of select="number(@width)"/></xsl:when><xsl:otherwise>1</xsl:otherwise></xsl:choose>)</xsl:attribute>
        </fo:table-column>
      </xsl:for-each>
      <fo:table-header font-size="9pt">
        <xsl:variable name="grouped" select="boolean(fm:column-group)"/>
        <fo:table-row>
          <xsl:if test="$num = 1">
            <xsl:call-template name="head-cell"><xsl:with-param name="text" select="'序号'"/><xsl:with-param name="rows" select="1 + number($grouped)"/></xsl:call-template>
          </xsl:if>
          <xsl:for-each select="fm:column | fm:column-group">
            <xsl:choose>
              <xsl:when test="self::fm:column-group">
                <xsl:call-template name="head-cell"><xsl:with-param name="text" select="@label"/><xsl:with-param name="cols" select="count(fm:column)"/></xsl:call-template>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="head-cell"><xsl:with-param name="text" select="@label"/><xsl:with-param name="rows" select="1 + number($grouped)"/></xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </fo:table-row>
        <xsl:if test="$grouped">
          <fo:table-row>
            <xsl:for-each select="fm:column-group/fm:column">
              <xsl:call-template name="head-cell"><xsl:with-param name="text" select="@label"/></xsl:call-template>
            </xsl:for-each>
          </fo:table-row>
        </xsl:if>
      </fo:table-header>
      <fo:table-body>
        <!-- 1. static rows -->
        <xsl:for-each select="$statics">
          <xsl:call-template name="static-row">
            <xsl:with-param name="cols" select="$cols"/>
            <xsl:with-param name="n"><xsl:if test="$num = 1"><xsl:value-of select="position()"/></xsl:if></xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
        <!-- 2. the case's rows, by group -->
        <xsl:choose>
          <xsl:when test="fm:group">
            <xsl:call-template name="groups">
              <xsl:with-param name="groups" select="fm:group"/>
              <xsl:with-param name="data" select="$data"/>
              <xsl:with-param name="cols" select="$cols"/>
              <xsl:with-param name="num" select="$num"/>
              <xsl:with-param name="offset" select="count($statics)"/>
              <xsl:with-param name="blank-rows" select="number($blank-rows)"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="$data">
              <xsl:call-template name="data-row">
                <xsl:with-param name="cols" select="$cols"/>
                <xsl:with-param name="n"><xsl:if test="$num = 1"><xsl:value-of select="count($statics) + position()"/></xsl:if></xsl:with-param>
                <xsl:with-param name="num" select="$num"/>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$empty-text">
          <fo:table-row>
            <fo:table-cell xsl:use-attribute-sets="cell-body" number-columns-spanned="{count($cols) + $num}">
              <fo:block text-align="center" color="{$fill-color}"><xsl:value-of select="@empty"/></fo:block>
            </fo:table-cell>
          </fo:table-row>
        </xsl:if>
        <!-- 3. empty rows: the blank form's, or the completed form's padding -->
        <xsl:if test="not(fm:group and not($completed))">
          <xsl:call-template name="empty-rows">
            <xsl:with-param name="n" select="number($blank-rows) - count($data) - number($empty-text)"/>
            <xsl:with-param name="cols" select="$cols"/>
            <xsl:with-param name="num" select="$num"/>
          </xsl:call-template>
        </xsl:if>
        <!-- 4. totals -->
        <xsl:for-each select="fm:total">
          <xsl:call-template name="total-row">
            <xsl:with-param name="cols" select="$cols"/>
            <xsl:with-param name="num" select="$num"/>
            <xsl:with-param name="rows" select="$statics | $data"/>
            <xsl:with-param name="names" select="concat(' ', normalize-space(@of), ' ')"/>
            <xsl:with-param name="label" select="@label"/>
            <xsl:with-param name="format" select="string(@format)"/>
          </xsl:call-template>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- ============================================================ groups -->
  <!-- each group: a heading row, its rows (or, blank, its empty rows) and a
       小计 row; numbering runs on through the groups -->
  <xsl:template name="groups">
    <xsl:param name="groups"/>
    <xsl:param name="data"/>
    <xsl:param name="cols"/>
    <xsl:param name="num"/>
    <xsl:param name="offset"/>
    <xsl:param name="blank-rows"/>
    <xsl:if test="$groups">
      <xsl:variable name="g" select="$groups[1]"/>
      <xsl:variable name="ids">
        <xsl:for-each select="$data">
          <xsl:variable name="v"><xsl:call-template name="cv"><xsl:with-param name="node" select="."/><xsl:with-param name="path" select="string($g/@path)"/></xsl:call-template></xsl:variable>
          <xsl:if test="$v = $g/@value"><xsl:text> </xsl:text><xsl:value-of select="generate-id()"/><xsl:text> </xsl:text></xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <xsl:variable name="rows" select="$data[contains($ids, concat(' ', generate-id(), ' '))]"/>
      <fo:table-row keep-with-next.within-page="always">
        <fo:table-cell xsl:use-attribute-sets="cell-body" number-columns-spanned="{count($cols) + $num}" background-color="#F4F4F4">
          <fo:block font-weight="bold"><xsl:value-of select="$g/@label"/></fo:block>
        </fo:table-cell>
      </fo:table-row>
      <xsl:for-each select="$rows">
        <xsl:call-template name="data-row">
          <xsl:with-param name="cols" select="$cols"/>
          <xsl:with-param name="n"><xsl:if test="$num = 1"><xsl:value-of select="$offset + position()"/></xsl:if></xsl:with-param>
          <xsl:with-param name="num" select="$num"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="not($completed)">
        <xsl:call-template name="empty-rows">
          <xsl:with-param name="n"><xsl:choose><xsl:when test="number($g/@blank-rows) &gt;= 0"><xsl:value-of select="number($g/@blank-rows)"/></xsl:when><xsl:otherwise><xsl:value-of select="$blank-rows"/></xsl:otherwise></xsl:choose></xsl:with-param>
          <xsl:with-param name="cols" select="$cols"/>
          <xsl:with-param name="num" select="$num"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$g/@subtotal">
        <xsl:call-template name="total-row">
          <xsl:with-param name="cols" select="$cols"/>
          <xsl:with-param name="num" select="$num"/>
          <xsl:with-param name="rows" select="$rows"/>
          <xsl:with-param name="names" select="concat(' ', normalize-space($g/@subtotal), ' ')"/>
          <xsl:with-param name="label" select="'小计'"/>
          <xsl:with-param name="format" select="''"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="groups">
        <xsl:with-param name="groups" select="$groups[position() &gt; 1]"/>
        <xsl:with-param name="data" select="$data"/>
        <xsl:with-param name="cols" select="$cols"/>
        <xsl:with-param name="num" select="$num"/>
        <xsl:with-param name="offset" select="$offset + count($rows)"/>
        <xsl:with-param name="blank-rows" select="$blank-rows"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ rows -->
  <xsl:template name="num-cell">
    <xsl:param name="n"/>
    <fo:table-cell xsl:use-attribute-sets="cell-body">
      <fo:block text-align="center"><xsl:value-of select="$n"/></fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- the alignment of a column's cells -->
  <xsl:template name="col-align">
    <xsl:param name="col"/>
    <xsl:choose>
      <xsl:when test="$col/@align = 'center'">center</xsl:when>
      <xsl:when test="$col/@align = 'right'">end</xsl:when>
      <xsl:when test="$col/@align = 'left'">start</xsl:when>
      <xsl:when test="$col/@check = 'true'">center</xsl:when>
      <xsl:when test="$col/@format = 'amount' or $col/@format = 'number' or $col/@format = 'percent'">end</xsl:when>
      <xsl:otherwise>start</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- one row of the case (context: the case element) -->
  <xsl:template name="data-row">
    <xsl:param name="cols"/>
    <xsl:param name="n"/>
    <xsl:param name="num"/>
    <xsl:variable name="row" select="."/>
    <fo:table-row keep-together.within-page="always" height="{$form-row-height}">
      <!-- called in a for-each over the rows: at least three on each side of a page break -->
      <xsl:if test="position() &lt;= 2"><xsl:attribute name="keep-with-next.within-page">always</xsl:attribute></xsl:if>
      <xsl:if test="position() &gt;= last() - 1 and position() &gt; 1"><xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute></xsl:if>
      <xsl:if test="$num = 1"><xsl:call-template name="num-cell"><xsl:with-param name="n" select="$n"/></xsl:call-template></xsl:if>
      <xsl:for-each select="$cols">
        <fo:table-cell xsl:use-attribute-sets="cell-body">
          <fo:block>
            <xsl:attribute name="text-align"><xsl:call-template name="col-align"><xsl:with-param name="col" select="."/></xsl:call-template></xsl:attribute>
            <xsl:choose>
              <xsl:when test="@check = 'true'">☐</xsl:when>
              <xsl:when test="@compute">
                <xsl:variable name="v"><xsl:call-template name="col-num"><xsl:with-param name="col" select="."/><xsl:with-param name="row" select="$row"/></xsl:call-template></xsl:variable>
                <xsl:variable name="s"><xsl:call-template name="fmt"><xsl:with-param name="v" select="$v"/><xsl:with-param name="format" select="string(@format)"/></xsl:call-template></xsl:variable>
                <xsl:if test="$s != ''"><xsl:call-template name="filled"><xsl:with-param name="text" select="$s"/></xsl:call-template></xsl:if>
              </xsl:when>
              <xsl:when test="@path">
                <xsl:variable name="s">
                  <xsl:call-template name="case-text">
                    <xsl:with-param name="node" select="$row"/>
                    <xsl:with-param name="path" select="string(@path)"/>
                    <xsl:with-param name="format"><xsl:choose><xsl:when test="@format"><xsl:value-of select="@format"/></xsl:when><xsl:otherwise>text</xsl:otherwise></xsl:choose></xsl:with-param>
                    <xsl:with-param name="maps" select="fm:map"/>
                  </xsl:call-template>
                </xsl:variable>
                <xsl:variable name="unit">
                  <xsl:choose>
                    <xsl:when test="@unit-path"><xsl:call-template name="cv"><xsl:with-param name="node" select="$row"/><xsl:with-param name="path" select="string(@unit-path)"/></xsl:call-template></xsl:when>
                    <xsl:otherwise><xsl:value-of select="@unit"/></xsl:otherwise>
                  </xsl:choose>
                </xsl:variable>
                <xsl:if test="$s != ''">
                  <xsl:call-template name="filled">
                    <xsl:with-param name="text"><xsl:value-of select="$s"/><xsl:if test="$unit != ''"><xsl:text> </xsl:text><xsl:value-of select="$unit"/></xsl:if></xsl:with-param>
                    <xsl:with-param name="format" select="string(@format)"/>
                  </xsl:call-template>
                </xsl:if>
              </xsl:when>
            </xsl:choose>
          </fo:block>
        </fo:table-cell>
      </xsl:for-each>
    </fo:table-row>
  </xsl:template>

  <!-- a pre-printed row (context: fm:row); a computed column shows its value
       in a completed rendering, a check column a box -->
  <xsl:template name="static-row">
    <xsl:param name="cols"/>
    <xsl:param name="n"/>
    <xsl:variable name="row" select="."/>
    <fo:table-row keep-together.within-page="always" height="{$form-row-height}">
      <!-- called in a for-each over the rows: at least three on each side of a page break -->
      <xsl:if test="position() &lt;= 2"><xsl:attribute name="keep-with-next.within-page">always</xsl:attribute></xsl:if>
      <xsl:if test="position() &gt;= last() - 1 and position() &gt; 1"><xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute></xsl:if>
      <xsl:if test="$n != ''"><xsl:call-template name="num-cell"><xsl:with-param name="n" select="$n"/></xsl:call-template></xsl:if>
      <xsl:for-each select="fm:cell">
        <xsl:variable name="i" select="count(preceding-sibling::fm:cell[not(@span)]) + sum(preceding-sibling::fm:cell/@span) + 1"/>
        <xsl:variable name="col" select="$cols[$i]"/>
        <fo:table-cell xsl:use-attribute-sets="cell-body">
          <xsl:if test="number(@span) &gt; 1"><xsl:attribute name="number-columns-spanned"><xsl:value-of select="number(@span)"/></xsl:attribute></xsl:if>
          <fo:block>
            <xsl:attribute name="text-align">
              <xsl:choose>
                <xsl:when test="@align = 'center'">center</xsl:when>
                <xsl:when test="@align = 'right'">end</xsl:when>
                <xsl:when test="@align = 'left'">start</xsl:when>
                <xsl:when test="$col/@check = 'true' or $col/@compute or $col/@format = 'amount' or $col/@format = 'number'">
                  <xsl:call-template name="col-align"><xsl:with-param name="col" select="$col"/></xsl:call-template>
                </xsl:when>
                <xsl:otherwise>start</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:choose>
              <xsl:when test="$col/@check = 'true'">☐</xsl:when>
              <xsl:when test="$col/@compute and $completed and not(@span &gt; 1)">
                <xsl:variable name="v"><xsl:call-template name="col-num"><xsl:with-param name="col" select="$col"/><xsl:with-param name="row" select="$row"/></xsl:call-template></xsl:variable>
                <xsl:variable name="s"><xsl:call-template name="fmt"><xsl:with-param name="v" select="$v"/><xsl:with-param name="format" select="string($col/@format)"/></xsl:call-template></xsl:variable>
                <xsl:choose>
                  <xsl:when test="$s != ''"><xsl:call-template name="filled"><xsl:with-param name="text" select="$s"/></xsl:call-template></xsl:when>
                  <xsl:otherwise><xsl:apply-templates mode="form-inline"/></xsl:otherwise>
                </xsl:choose>
              </xsl:when>
              <xsl:otherwise><xsl:apply-templates mode="form-inline"/></xsl:otherwise>
            </xsl:choose>
          </fo:block>
        </fo:table-cell>
      </xsl:for-each>
    </fo:table-row>
  </xsl:template>

  <!-- n rows to fill in by hand; check columns carry their box -->
  <xsl:template name="empty-rows">
    <xsl:param name="n"/>
    <xsl:param name="cols"/>
    <xsl:param name="num"/>
    <xsl:param name="i" select="1"/>
    <xsl:if test="$n &gt; 0">
      <fo:table-row keep-together.within-page="always" height="{$form-row-height}">
        <!-- at least three rows on each side of a page break -->
        <xsl:if test="$i &lt;= 2"><xsl:attribute name="keep-with-next.within-page">always</xsl:attribute></xsl:if>
        <xsl:if test="$n &lt;= 2 and $i &gt; 1"><xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute></xsl:if>
        <xsl:if test="$num = 1"><xsl:call-template name="num-cell"><xsl:with-param name="n" select="''"/></xsl:call-template></xsl:if>
        <xsl:for-each select="$cols">
          <fo:table-cell xsl:use-attribute-sets="cell-body">
            <fo:block text-align="center">
              <xsl:choose>
                <xsl:when test="@check = 'true'">☐</xsl:when>
                <xsl:otherwise>&#x3000;</xsl:otherwise>
              </xsl:choose>
            </fo:block>
          </fo:table-cell>
        </xsl:for-each>
      </fo:table-row>
      <xsl:call-template name="empty-rows">
        <xsl:with-param name="n" select="$n - 1"/>
        <xsl:with-param name="cols" select="$cols"/>
        <xsl:with-param name="num" select="$num"/>
        <xsl:with-param name="i" select="$i + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A total or 小计 row: the label over the columns before the first
       summed one, then the sums (computed columns not summed are
       recomputed from the sums), or one cell in capitals. -->
  <xsl:template name="total-row">
    <xsl:param name="cols"/>
    <xsl:param name="num"/>
    <xsl:param name="rows"/>
    <xsl:param name="names"/>   <!-- ' a b ' -->
    <xsl:param name="label"/>
    <xsl:param name="format"/>  <!-- the total's @format, or '' -->
    <xsl:variable name="named" select="$cols[@name and contains($names, concat(' ', @name, ' '))]"/>
    <xsl:variable name="at" select="count($named[1]/preceding::fm:column[generate-id(ancestor::fm:table[1]) = generate-id($named[1]/ancestor::fm:table[1])]) + 1"/>
    <!-- the capitals need the room: their label keeps to the first column -->
    <xsl:variable name="first">
      <xsl:choose>
        <xsl:when test="$format = 'amount-zh-capital' and $at &gt; 2"><xsl:value-of select="2"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$at"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="span" select="$first - 1 + $num"/>
    <fo:table-row keep-together.within-page="always" keep-with-previous.within-page="always" height="{$form-row-height}">
      <xsl:if test="$span &gt; 0">
        <fo:table-cell xsl:use-attribute-sets="cell-body" number-columns-spanned="{$span}">
          <fo:block text-align="center" font-weight="bold"><xsl:value-of select="$label"/></fo:block>
        </fo:table-cell>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$format = 'amount-zh-capital'">
          <fo:table-cell xsl:use-attribute-sets="cell-body" number-columns-spanned="{count($cols) - $first + 1}">
            <fo:block font-weight="bold" text-align-last="start">
              <xsl:variable name="sum">
                <xsl:if test="$completed">
                  <xsl:call-template name="col-sum"><xsl:with-param name="col" select="$named[1]"/><xsl:with-param name="rows" select="$rows"/></xsl:call-template>
                </xsl:if>
              </xsl:variable>
              <xsl:choose>
                <xsl:when test="$sum != ''">
                  <xsl:call-template name="filled">
                    <xsl:with-param name="text"><xsl:call-template name="fmt"><xsl:with-param name="v" select="$sum"/><xsl:with-param name="format" select="'amount-zh-capital'"/></xsl:call-template></xsl:with-param>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise><xsl:call-template name="blank-pattern"><xsl:with-param name="format" select="'amount-zh-capital'"/></xsl:call-template></xsl:otherwise>
              </xsl:choose>
            </fo:block>
          </fo:table-cell>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="$cols[position() &gt;= $first]">
            <fo:table-cell xsl:use-attribute-sets="cell-body">
              <fo:block font-weight="bold">
                <xsl:attribute name="text-align"><xsl:call-template name="col-align"><xsl:with-param name="col" select="."/></xsl:call-template></xsl:attribute>
                <xsl:if test="$completed and (@compute or contains($names, concat(' ', @name, ' ')))">
                  <xsl:variable name="v">
                    <xsl:call-template name="col-num">
                      <xsl:with-param name="col" select="."/>
                      <xsl:with-param name="agg" select="true()"/>
                      <xsl:with-param name="agg-rows" select="$rows"/>
                      <xsl:with-param name="agg-names" select="$names"/>
                    </xsl:call-template>
                  </xsl:variable>
                  <xsl:variable name="f">
                    <xsl:choose>
                      <xsl:when test="$format != '' and contains($names, concat(' ', @name, ' '))"><xsl:value-of select="$format"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="@format"/></xsl:otherwise>
                    </xsl:choose>
                  </xsl:variable>
                  <xsl:variable name="s"><xsl:call-template name="fmt"><xsl:with-param name="v" select="$v"/><xsl:with-param name="format" select="string($f)"/></xsl:call-template></xsl:variable>
                  <xsl:if test="$s != ''"><xsl:call-template name="filled"><xsl:with-param name="text" select="$s"/></xsl:call-template></xsl:if>
                </xsl:if>
              </fo:block>
            </fo:table-cell>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </fo:table-row>
  </xsl:template>

  <!-- ============================================================ arithmetic -->
  <!-- The number in a column of a row ('' when there is none): the case
       value, a static cell, or computed.  In aggregate mode ($agg), the
       sum over $agg-rows for the columns in $agg-names, a computed column
       recomputed from those sums, else ''. -->
  <xsl:template name="col-num">
    <xsl:param name="col"/>
    <xsl:param name="row" select="/.."/>
    <xsl:param name="agg" select="false()"/>
    <xsl:param name="agg-rows" select="/.."/>
    <xsl:param name="agg-names" select="''"/>
    <xsl:choose>
      <xsl:when test="$agg and $col/@name and contains($agg-names, concat(' ', $col/@name, ' '))">
        <xsl:call-template name="col-sum">
          <xsl:with-param name="col" select="$col"/>
          <xsl:with-param name="rows" select="$agg-rows"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$col/@compute">
        <xsl:variable name="r">
          <xsl:call-template name="compute">
            <xsl:with-param name="col" select="$col"/>
            <xsl:with-param name="fn" select="substring-before($col/@compute, '(')"/>
            <xsl:with-param name="args" select="translate(substring-before(substring-after($col/@compute, '('), ')'), ' ', '')"/>
            <xsl:with-param name="row" select="$row"/>
            <xsl:with-param name="agg" select="$agg"/>
            <xsl:with-param name="agg-rows" select="$agg-rows"/>
            <xsl:with-param name="agg-names" select="$agg-names"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="$r = '' or string(number($r)) = 'NaN'"/>
          <!-- amounts: half-up to the cent, row by row -->
          <xsl:when test="$col/@format = 'amount'"><xsl:value-of select="format-number(floor(number($r) * 100 + 0.5 + 0.000001) div 100, '0.00')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$r"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$agg"/>
      <xsl:when test="$row/self::fm:row">
        <xsl:variable name="i" select="count($col/preceding::fm:column[generate-id(ancestor::fm:table[1]) = generate-id($col/ancestor::fm:table[1])]) + 1"/>
        <xsl:variable name="cell" select="$row/fm:cell[count(preceding-sibling::fm:cell[not(@span)]) + sum(preceding-sibling::fm:cell/@span) + 1 = $i]"/>
        <xsl:variable name="raw">
          <xsl:choose>
            <xsl:when test="$cell/fm:field">
              <xsl:if test="$completed"><xsl:call-template name="cv"><xsl:with-param name="path" select="string($cell/fm:field[1]/@path)"/></xsl:call-template></xsl:if>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space($cell)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="clean" select="translate($raw, ',', '')"/>
        <xsl:if test="$clean != '' and string(number($clean)) != 'NaN'"><xsl:value-of select="$clean"/></xsl:if>
      </xsl:when>
      <xsl:when test="$col/@path">
        <xsl:variable name="raw"><xsl:call-template name="cv"><xsl:with-param name="node" select="$row"/><xsl:with-param name="path" select="string($col/@path)"/></xsl:call-template></xsl:variable>
        <xsl:if test="$raw != '' and string(number($raw)) != 'NaN'"><xsl:value-of select="$raw"/></xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- fn over the named columns of the same table, left to right; empty
       as soon as an operand is empty; percent: (a + …) ÷ last × 100 -->
  <xsl:template name="compute">
    <xsl:param name="col"/>
    <xsl:param name="fn"/>
    <xsl:param name="args"/>
    <xsl:param name="acc" select="''"/>
    <xsl:param name="row"/>
    <xsl:param name="agg"/>
    <xsl:param name="agg-rows"/>
    <xsl:param name="agg-names"/>
    <xsl:variable name="table" select="$col/ancestor::fm:table[1]"/>
    <xsl:variable name="name" select="substring-before(concat($args, ','), ',')"/>
    <xsl:variable name="rest" select="substring-after($args, ',')"/>
    <xsl:variable name="operand" select="($table/fm:column | $table/fm:column-group/fm:column)[@name = $name][1]"/>
    <xsl:variable name="v">
      <xsl:if test="$operand and generate-id($operand) != generate-id($col)">
        <xsl:call-template name="col-num">
          <xsl:with-param name="col" select="$operand"/>
          <xsl:with-param name="row" select="$row"/>
          <xsl:with-param name="agg" select="$agg"/>
          <xsl:with-param name="agg-rows" select="$agg-rows"/>
          <xsl:with-param name="agg-names" select="$agg-names"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$v = ''"/>
      <xsl:when test="$rest = ''">
        <xsl:choose>
          <xsl:when test="$acc = ''"><xsl:value-of select="$v"/></xsl:when>
          <xsl:when test="$fn = 'multiply'"><xsl:value-of select="number($acc) * number($v)"/></xsl:when>
          <xsl:when test="$fn = 'add'"><xsl:value-of select="number($acc) + number($v)"/></xsl:when>
          <xsl:when test="$fn = 'subtract'"><xsl:value-of select="number($acc) - number($v)"/></xsl:when>
          <xsl:when test="$fn = 'percent' and number($v) != 0"><xsl:value-of select="number($acc) div number($v) * 100"/></xsl:when>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="compute">
          <xsl:with-param name="col" select="$col"/>
          <xsl:with-param name="fn" select="$fn"/>
          <xsl:with-param name="args" select="$rest"/>
          <xsl:with-param name="acc">
            <xsl:choose>
              <xsl:when test="$acc = ''"><xsl:value-of select="$v"/></xsl:when>
              <xsl:when test="$fn = 'multiply'"><xsl:value-of select="number($acc) * number($v)"/></xsl:when>
              <xsl:when test="$fn = 'subtract'"><xsl:value-of select="number($acc) - number($v)"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="number($acc) + number($v)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="row" select="$row"/>
          <xsl:with-param name="agg" select="$agg"/>
          <xsl:with-param name="agg-rows" select="$agg-rows"/>
          <xsl:with-param name="agg-names" select="$agg-names"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The sum of a column over rows, with as many decimals as the most
       precise operand; '' when no row has a value. -->
  <xsl:template name="col-sum">
    <xsl:param name="col"/>
    <xsl:param name="rows"/>
    <xsl:param name="acc" select="''"/>
    <xsl:param name="dec" select="0"/>
    <xsl:choose>
      <xsl:when test="not($rows)">
        <xsl:if test="$acc != ''">
          <xsl:choose>
            <xsl:when test="$dec = 0"><xsl:value-of select="format-number($acc, '0')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="format-number($acc, concat('0.', substring('0000000000', 1, $dec)))"/></xsl:otherwise>
          </xsl:choose>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="v"><xsl:call-template name="col-num"><xsl:with-param name="col" select="$col"/><xsl:with-param name="row" select="$rows[1]"/></xsl:call-template></xsl:variable>
        <xsl:variable name="d" select="string-length(substring-after($v, '.'))"/>
        <xsl:call-template name="col-sum">
          <xsl:with-param name="col" select="$col"/>
          <xsl:with-param name="rows" select="$rows[position() &gt; 1]"/>
          <xsl:with-param name="acc">
            <xsl:choose>
              <xsl:when test="$v = ''"><xsl:value-of select="$acc"/></xsl:when>
              <xsl:when test="$acc = ''"><xsl:value-of select="$v"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="number($acc) + number($v)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="dec"><xsl:choose><xsl:when test="$v != '' and $d &gt; $dec"><xsl:value-of select="$d"/></xsl:when><xsl:otherwise><xsl:value-of select="$dec"/></xsl:otherwise></xsl:choose></xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
