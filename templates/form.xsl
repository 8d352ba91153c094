<?xml version="1.0" encoding="UTF-8"?>
<!-- A record form (urn:folio:form, docs/sources-forms.md) as one or more
     page sequences: blank (ruled lines, ☐, empty rows) or completed from
     $case (values in the fill colour, ☑, rows from the case, totals).
     Tables are in form-table.xsl.  Included by job.xsl. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:fm="urn:folio:form"
    xmlns:p="urn:folio:procedures" exclude-result-prefixes="fm p">

  <!-- ============================================================ cell styles -->
  <xsl:attribute-set name="cell-label">
    <xsl:attribute name="border">0.5pt solid black</xsl:attribute>
    <xsl:attribute name="padding">3pt 3pt</xsl:attribute>
    <xsl:attribute name="background-color">#F2F2F2</xsl:attribute>
    <xsl:attribute name="display-align">center</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="cell-value">
    <xsl:attribute name="border">0.5pt solid black</xsl:attribute>
    <xsl:attribute name="padding">3pt 4pt</xsl:attribute>
    <xsl:attribute name="display-align">center</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="cell-body">
    <xsl:attribute name="border">0.5pt solid black</xsl:attribute>
    <xsl:attribute name="padding">2pt 2.5pt</xsl:attribute>
    <xsl:attribute name="display-align">center</xsl:attribute>
  </xsl:attribute-set>

  <xsl:template name="label-cell">
    <xsl:param name="label"/>
    <xsl:param name="mark" select="false()"/>
    <fo:table-cell xsl:use-attribute-sets="cell-label">
      <fo:block text-align="center" font-weight="bold" font-size="10pt">
        <xsl:call-template name="label-pieces"><xsl:with-param name="label" select="$label"/></xsl:call-template>
        <xsl:if test="$mark"><fo:inline color="#C00000">*</fo:inline></xsl:if>
      </fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- A label never breaks inside a word: the word and its parenthesis
       (客服部意见（手续及资料）) are each kept on one line; the columns are
       made wide enough for the longer of the two. -->
  <xsl:template name="label-pieces">
    <xsl:param name="label"/>
    <xsl:choose>
      <xsl:when test="contains($label, '（') and substring-before($label, '（') != ''">
        <fo:inline keep-together.within-line="always"><xsl:value-of select="substring-before($label, '（')"/></fo:inline>
        <fo:inline keep-together.within-line="always">（<xsl:value-of select="substring-after($label, '（')"/></fo:inline>
      </xsl:when>
      <xsl:otherwise><fo:inline keep-together.within-line="always"><xsl:value-of select="$label"/></fo:inline></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the longest unbreakable piece of the labels (in characters) -->
  <xsl:template name="label-piece-max">
    <xsl:param name="labels"/>
    <xsl:variable name="a">
      <xsl:for-each select="$labels">
        <xsl:sort select="string-length(substring-before(concat(., '（'), '（'))" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="string-length(substring-before(concat(., '（'), '（'))"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="b">
      <xsl:for-each select="$labels">
        <xsl:sort select="string-length(substring-after(., '（')) + number(contains(., '（'))" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="string-length(substring-after(., '（')) + number(contains(., '（'))"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="number($a) &gt;= number($b)"><xsl:value-of select="number($a)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="number($b)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="head-cell">
    <xsl:param name="text"/>
    <xsl:param name="cols" select="1"/>
    <xsl:param name="rows" select="1"/>
    <fo:table-cell border="0.5pt solid black" padding="3pt 2pt" background-color="#E8E8E8" display-align="center">
      <xsl:if test="$cols &gt; 1"><xsl:attribute name="number-columns-spanned"><xsl:value-of select="$cols"/></xsl:attribute></xsl:if>
      <xsl:if test="$rows &gt; 1"><xsl:attribute name="number-rows-spanned"><xsl:value-of select="$rows"/></xsl:attribute></xsl:if>
      <fo:block text-align="center" font-weight="bold"><xsl:value-of select="$text"/></fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- ============================================================ the form -->
  <xsl:template match="fm:form">
    <xsl:param name="seq"/>
    <xsl:param name="anchor" select="''"/>
    <xsl:param name="serial" select="''"/>
    <xsl:variable name="code" select="document('../forms-register.xml', .)//p:form[@id = current()/@id]/@dept"/>
    <xsl:variable name="dept" select="document('../manual.xml', .)/p:manual/p:departments/p:department[@id = $code]"/>
    <xsl:choose>
      <xsl:when test="fm:copies/fm:copy">
        <!-- one print per part, its label in the right margin -->
        <xsl:for-each select="fm:copies/fm:copy">
          <xsl:variable name="part-anchor"><xsl:if test="position() = 1"><xsl:value-of select="$anchor"/></xsl:if></xsl:variable>
          <xsl:apply-templates select="ancestor::fm:form" mode="form-page">
            <xsl:with-param name="sid" select="concat($seq, '-p', position())"/>
            <xsl:with-param name="anchor" select="string($part-anchor)"/>
            <xsl:with-param name="serial" select="$serial"/>
            <xsl:with-param name="part" select="normalize-space(.)"/>
            <xsl:with-param name="dept" select="string($dept)"/>
          </xsl:apply-templates>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="." mode="form-page">
          <xsl:with-param name="sid" select="$seq"/>
          <xsl:with-param name="anchor" select="$anchor"/>
          <xsl:with-param name="serial" select="$serial"/>
          <xsl:with-param name="dept" select="string($dept)"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="fm:form" mode="form-page">
    <xsl:param name="sid"/>
    <xsl:param name="anchor" select="''"/>
    <xsl:param name="serial" select="''"/>
    <xsl:param name="part" select="''"/>
    <xsl:param name="dept" select="''"/>
    <xsl:variable name="landscape" select="@orientation = 'landscape'"/>
    <xsl:variable name="name"><xsl:call-template name="form-name"><xsl:with-param name="form" select="."/></xsl:call-template></xsl:variable>
    <fo:page-sequence id="{$sid}" initial-page-number="1">
      <xsl:attribute name="master-reference">
        <xsl:choose><xsl:when test="$landscape">form-landscape</xsl:when><xsl:otherwise>form-portrait</xsl:otherwise></xsl:choose>
        <xsl:if test="$part != ''">-parts</xsl:if>
      </xsl:attribute>
      <fo:title><xsl:value-of select="$name"/></fo:title>
      <xsl:call-template name="page-static">
        <xsl:with-param name="left" select="$office"/>
        <xsl:with-param name="right" select="@number"/>
        <xsl:with-param name="foot" select="$name"/>
        <xsl:with-param name="foot-right"><xsl:if test="$dept != ''">保存部门：<xsl:value-of select="$dept"/></xsl:if></xsl:with-param>
        <xsl:with-param name="seq" select="$sid"/>
        <xsl:with-param name="part" select="$part"/>
        <xsl:with-param name="landscape" select="$landscape"/>
      </xsl:call-template>
      <fo:flow flow-name="xsl-region-body">
        <xsl:if test="$landscape"><xsl:attribute name="font-size">10pt</xsl:attribute></xsl:if>
        <fo:block>
          <xsl:if test="$anchor != ''"><xsl:attribute name="id"><xsl:value-of select="$anchor"/></xsl:attribute></xsl:if>
        </fo:block>
        <xsl:call-template name="form-heading">
          <xsl:with-param name="title" select="normalize-space(fm:title)"/>
          <xsl:with-param name="subtitle" select="normalize-space(fm:subtitle)"/>
          <xsl:with-param name="has-serial" select="boolean(fm:serial)"/>
          <xsl:with-param name="serial-label">
            <xsl:choose>
              <xsl:when test="fm:serial/@label"><xsl:value-of select="fm:serial/@label"/></xsl:when>
              <xsl:otherwise>编号</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="serial-text">
            <xsl:call-template name="case-text"><xsl:with-param name="path" select="string(fm:serial/@path)"/></xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="serial-bound" select="boolean(fm:serial/@path)"/>
          <xsl:with-param name="batch" select="$serial"/>
        </xsl:call-template>
        <xsl:for-each select="fm:intro/fm:p">
          <xsl:apply-templates select="." mode="form-block"/>
        </xsl:for-each>
        <xsl:apply-templates select="fm:fields | fm:checks | fm:table | fm:p | fm:clauses | fm:note | fm:approvals | fm:signatures | fm:section" mode="form-block"/>
        <xsl:if test="fm:copies[not(fm:copy)]">
          <fo:block font-size="9pt" space-before="4pt" keep-with-previous.within-page="always"><xsl:value-of select="normalize-space(fm:copies)"/></fo:block>
        </xsl:if>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <!-- title, subtitle and the serial line at the right (收楼编号：2024-001,
       编号：______; a batch serial number in red) -->
  <xsl:template name="form-heading">
    <xsl:param name="title"/>
    <xsl:param name="subtitle" select="''"/>
    <xsl:param name="has-serial" select="false()"/>
    <xsl:param name="serial-label" select="'编号'"/>
    <xsl:param name="serial-text" select="''"/>
    <xsl:param name="serial-bound" select="true()"/>
    <xsl:param name="batch" select="''"/>
    <fo:block font-family="sans-serif" font-size="16pt" font-weight="bold" text-align="center" letter-spacing="0.05em" keep-with-next.within-page="always">
      <xsl:value-of select="$title"/>
    </fo:block>
    <xsl:variable name="show-serial" select="$has-serial or $batch != ''"/>
    <xsl:choose>
      <xsl:when test="$subtitle != '' or $show-serial">
        <!-- subtitle in the middle, serial at the right, on one line -->
        <fo:table table-layout="fixed" width="100%" space-before="3pt" space-after="6pt" font-size="10pt">
          <fo:table-column column-width="proportional-column-width(1)"/>
          <fo:table-column column-width="proportional-column-width(1)"/>
          <fo:table-column column-width="proportional-column-width(1)"/>
          <fo:table-body>
            <fo:table-row>
              <fo:table-cell><fo:block/></fo:table-cell>
              <fo:table-cell><fo:block text-align="center" font-size="10.5pt"><xsl:value-of select="$subtitle"/></fo:block></fo:table-cell>
              <fo:table-cell display-align="after">
                <fo:block text-align="end">
                  <xsl:if test="$show-serial">
                    <xsl:call-template name="serial-line">
                      <xsl:with-param name="has-serial" select="$has-serial"/>
                      <xsl:with-param name="serial-label" select="$serial-label"/>
                      <xsl:with-param name="serial-text" select="$serial-text"/>
                      <xsl:with-param name="serial-bound" select="$serial-bound"/>
                      <xsl:with-param name="batch" select="$batch"/>
                    </xsl:call-template>
                  </xsl:if>
                </fo:block>
              </fo:table-cell>
            </fo:table-row>
          </fo:table-body>
        </fo:table>
      </xsl:when>
      <xsl:otherwise>
        <fo:block space-after="8pt"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="serial-line">
    <xsl:param name="has-serial"/>
    <xsl:param name="serial-label"/>
    <xsl:param name="serial-text"/>
    <xsl:param name="serial-bound"/>
    <xsl:param name="batch"/>
    <xsl:variable name="sep"><xsl:choose><xsl:when test="substring($serial-label, string-length($serial-label)) = '.'"><xsl:text> </xsl:text></xsl:when><xsl:otherwise>：</xsl:otherwise></xsl:choose></xsl:variable>
    <xsl:if test="$has-serial">
      <xsl:value-of select="$serial-label"/><xsl:value-of select="$sep"/>
      <xsl:choose>
        <xsl:when test="$serial-text != ''"><xsl:call-template name="filled"><xsl:with-param name="text" select="$serial-text"/></xsl:call-template></xsl:when>
        <xsl:when test="$batch != '' and not($serial-bound)"><fo:inline color="#C00000" font-family="monospace"><xsl:value-of select="$batch"/></fo:inline></xsl:when>
        <xsl:otherwise><xsl:call-template name="rule"><xsl:with-param name="w" select="7"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
    <xsl:if test="$batch != '' and (not($has-serial) or $serial-bound)">
      <xsl:if test="$has-serial"><fo:block/></xsl:if>
      <xsl:text>编号：</xsl:text><fo:inline color="#C00000" font-family="monospace"><xsl:value-of select="$batch"/></fo:inline>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ blocks -->
  <!-- A section without a table (boxes, a grid, clauses, approvals) is
       kept on one page; one of approvals and signatures only stays with
       what comes before it: a form's closing blocks never stand alone on a
       page.  Sections with tables break between rows. -->
  <xsl:template match="fm:section" mode="form-block">
    <xsl:variable name="blocks" select="*[not(self::fm:title)]"/>
    <xsl:choose>
      <xsl:when test="not(fm:table)">
        <fo:block keep-together.within-page="always">
          <xsl:if test="not($blocks[not(self::fm:approvals or self::fm:signatures)])">
            <xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute>
          </xsl:if>
          <xsl:call-template name="section-title"/>
          <xsl:apply-templates select="$blocks" mode="form-block"/>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="section-title"/>
        <xsl:for-each select="$blocks">
          <xsl:choose>
            <!-- what leads into a table (固定车位 ☐有 ☐无) goes with its first rows -->
            <xsl:when test="not(self::fm:table) and following-sibling::*[1][self::fm:table]">
              <fo:block keep-with-next.within-page="always"><xsl:apply-templates select="." mode="form-block"/></fo:block>
            </xsl:when>
            <xsl:otherwise><xsl:apply-templates select="." mode="form-block"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="section-title">
    <fo:block font-family="sans-serif" font-weight="bold" font-size="10.5pt" space-before="5pt" space-after="3pt" keep-with-next.within-page="always">
      <xsl:value-of select="normalize-space(fm:title)"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="fm:p" mode="form-block">
    <fo:block space-after="3pt" line-height="1.35" keep-together.within-page="always">
      <xsl:choose>
        <xsl:when test="@align = 'center'"><xsl:attribute name="text-align">center</xsl:attribute></xsl:when>
        <xsl:when test="@align = 'right'"><xsl:attribute name="text-align">end</xsl:attribute></xsl:when>
        <xsl:when test="@align = 'left'"><xsl:attribute name="text-align">start</xsl:attribute></xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="text-align">justify</xsl:attribute>
          <xsl:attribute name="text-indent">2em</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates mode="form-inline"/>
    </fo:block>
  </xsl:template>

  <!-- numbered clauses: 1. | 一、 | （1） | ① -->
  <xsl:template match="fm:clauses" mode="form-block">
    <xsl:variable name="style" select="string(@style)"/>
    <fo:list-block space-after="4pt" line-height="1.4">
      <xsl:attribute name="provisional-distance-between-starts">
        <xsl:choose>
          <xsl:when test="$style = 'cjk' or $style = 'paren'">2.5em</xsl:when>
          <xsl:otherwise>1.8em</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:attribute name="provisional-label-separation">0.2em</xsl:attribute>
      <xsl:for-each select="fm:clause">
        <fo:list-item space-after="2pt">
          <fo:list-item-label end-indent="label-end()">
            <fo:block><xsl:call-template name="list-label"><xsl:with-param name="style" select="$style"/><xsl:with-param name="n" select="position()"/></xsl:call-template></fo:block>
          </fo:list-item-label>
          <fo:list-item-body start-indent="body-start()">
            <fo:block text-align="justify"><xsl:apply-templates mode="form-inline"/></fo:block>
          </fo:list-item-body>
        </fo:list-item>
      </xsl:for-each>
    </fo:list-block>
  </xsl:template>

  <!-- fine print: 注：… or 说明： and numbered items, kept whole; at the
       form's foot it stays with what comes before it, so that a form of
       two pages never leaves the notes and signatures alone on the last -->
  <xsl:template match="fm:note" mode="form-block">
    <xsl:variable name="title"><xsl:choose><xsl:when test="@title"><xsl:value-of select="@title"/></xsl:when><xsl:otherwise>注</xsl:otherwise></xsl:choose></xsl:variable>
    <xsl:choose>
      <xsl:when test="count(fm:item) = 1">
        <fo:block font-size="9pt" space-before="4pt" space-after="4pt" text-align="justify" start-indent="2em" text-indent="-2em" keep-together.within-page="always">
          <xsl:if test="parent::fm:form"><xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute></xsl:if>
          <fo:inline font-weight="bold"><xsl:value-of select="$title"/>：</fo:inline>
          <xsl:apply-templates select="fm:item/node()" mode="form-inline"/>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block font-size="9pt" space-before="4pt" font-weight="bold" keep-with-next.within-page="always">
          <xsl:if test="parent::fm:form"><xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute></xsl:if>
          <xsl:value-of select="$title"/>：</fo:block>
        <fo:list-block font-size="9pt" provisional-distance-between-starts="1.6em" provisional-label-separation="0.2em" space-after="4pt" keep-together.within-page="always">
          <xsl:for-each select="fm:item">
            <fo:list-item>
              <fo:list-item-label end-indent="label-end()"><fo:block><xsl:value-of select="position()"/>.</fo:block></fo:list-item-label>
              <fo:list-item-body start-indent="body-start()"><fo:block text-align="justify"><xsl:apply-templates mode="form-inline"/></fo:block></fo:list-item-body>
            </fo:list-item>
          </xsl:for-each>
        </fo:list-block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ fields -->
  <xsl:template match="fm:fields" mode="form-block">
    <xsl:variable name="cols">
      <xsl:choose><xsl:when test="number(@cols) &gt;= 1"><xsl:value-of select="number(@cols)"/></xsl:when><xsl:otherwise>2</xsl:otherwise></xsl:choose>
    </xsl:variable>
    <xsl:variable name="longest">
      <xsl:for-each select="fm:field">
        <xsl:sort select="string-length(@label)" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="string-length(@label)"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="cap" select="12 - 2 * $cols"/>
    <xsl:variable name="piece"><xsl:call-template name="label-piece-max"><xsl:with-param name="labels" select="fm:field/@label"/></xsl:call-template></xsl:variable>
    <xsl:variable name="lw">
      <xsl:choose>
        <xsl:when test="$longest &gt; $cap and $piece &gt; $cap"><xsl:value-of select="$piece"/></xsl:when>
        <xsl:when test="$longest &gt; $cap"><xsl:value-of select="$cap"/></xsl:when>
        <xsl:when test="$longest &lt; 4">4</xsl:when>
        <xsl:otherwise><xsl:value-of select="$longest"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:table table-layout="fixed" width="100%" border-collapse="collapse" space-after="6pt">
      <!-- a grid of a few rows is not split; a long one keeps two rows on each side -->
      <xsl:if test="count(fm:field | fm:*[@label]) &lt;= 12"><xsl:attribute name="keep-together.within-page">always</xsl:attribute></xsl:if>
      <xsl:call-template name="grid-columns">
        <xsl:with-param name="n" select="number($cols)"/>
        <xsl:with-param name="lw" select="$lw * 10 div 10.5 + 1.2"/>
      </xsl:call-template>
      <fo:table-body>
        <xsl:call-template name="grid-rows">
          <xsl:with-param name="fields" select="fm:field"/>
          <xsl:with-param name="cols" select="number($cols)"/>
        </xsl:call-template>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template name="grid-columns">
    <xsl:param name="n"/>
    <xsl:param name="lw"/>
    <xsl:if test="$n &gt; 0">
      <fo:table-column column-width="{format-number($lw, '0.##')}em"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <xsl:call-template name="grid-columns">
        <xsl:with-param name="n" select="$n - 1"/>
        <xsl:with-param name="lw" select="$lw"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- the pairs a field takes: @span, at most the grid's -->
  <xsl:template name="span-of">
    <xsl:param name="field"/>
    <xsl:param name="cols"/>
    <xsl:choose>
      <xsl:when test="number($field/@span) &gt;= $cols"><xsl:value-of select="$cols"/></xsl:when>
      <xsl:when test="number($field/@span) &gt;= 1"><xsl:value-of select="number($field/@span)"/></xsl:when>
      <!-- a date range (____年__月__日至____年__月__日) or an amount in
           capitals needs two pairs of columns to fit on one line -->
      <xsl:when test="($field/@format = 'date-range' or $field/@format = 'amount-zh-capital') and $cols &gt;= 2">2</xsl:when>
      <xsl:otherwise>1</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- how many of the fields fit on the next row, and the pairs they take: "k:used" -->
  <xsl:template name="grid-fit">
    <xsl:param name="fields"/>
    <xsl:param name="cols"/>
    <xsl:param name="k" select="0"/>
    <xsl:param name="used" select="0"/>
    <xsl:variable name="s">
      <xsl:call-template name="span-of"><xsl:with-param name="field" select="$fields[$k + 1]"/><xsl:with-param name="cols" select="$cols"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$k &lt; count($fields) and ($k = 0 or $used + $s &lt;= $cols)">
        <xsl:call-template name="grid-fit">
          <xsl:with-param name="fields" select="$fields"/>
          <xsl:with-param name="cols" select="$cols"/>
          <xsl:with-param name="k" select="$k + 1"/>
          <xsl:with-param name="used" select="$used + $s"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($k, ':', $used)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="grid-rows">
    <xsl:param name="fields"/>
    <xsl:param name="cols"/>
    <xsl:if test="$fields">
      <xsl:variable name="fit"><xsl:call-template name="grid-fit"><xsl:with-param name="fields" select="$fields"/><xsl:with-param name="cols" select="$cols"/></xsl:call-template></xsl:variable>
      <xsl:variable name="k" select="number(substring-before($fit, ':'))"/>
      <xsl:variable name="used" select="number(substring-after($fit, ':'))"/>
      <fo:table-row keep-together.within-page="always" height="{$form-row-height}">
        <xsl:for-each select="$fields[position() &lt;= $k]">
          <xsl:variable name="s"><xsl:call-template name="span-of"><xsl:with-param name="field" select="."/><xsl:with-param name="cols" select="$cols"/></xsl:call-template></xsl:variable>
          <!-- the last field of a short row runs to the end of the row -->
          <xsl:variable name="extra"><xsl:choose><xsl:when test="position() = last()"><xsl:value-of select="$cols - $used"/></xsl:when><xsl:otherwise>0</xsl:otherwise></xsl:choose></xsl:variable>
          <xsl:call-template name="label-cell">
            <xsl:with-param name="label" select="@label"/>
            <xsl:with-param name="mark" select="@required = 'true' and not($completed)"/>
          </xsl:call-template>
          <fo:table-cell xsl:use-attribute-sets="cell-value">
            <xsl:if test="2 * ($s + $extra) - 1 &gt; 1"><xsl:attribute name="number-columns-spanned"><xsl:value-of select="2 * ($s + $extra) - 1"/></xsl:attribute></xsl:if>
            <xsl:apply-templates select="." mode="grid-value"/>
          </fo:table-cell>
        </xsl:for-each>
      </fo:table-row>
      <xsl:call-template name="grid-rows">
        <xsl:with-param name="fields" select="$fields[position() &gt; $k]"/>
        <xsl:with-param name="cols" select="$cols"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- the value of a grid field: boxes, the case value, fixed text, ruled
       lines, a format's blank pattern, or the empty cell to write in -->
  <xsl:template match="fm:field" mode="grid-value">
    <xsl:variable name="format"><xsl:choose><xsl:when test="@format"><xsl:value-of select="@format"/></xsl:when><xsl:otherwise>text</xsl:otherwise></xsl:choose></xsl:variable>
    <xsl:variable name="v">
      <xsl:call-template name="case-text">
        <xsl:with-param name="path" select="string(@path)"/>
        <xsl:with-param name="format" select="$format"/>
        <xsl:with-param name="maps" select="fm:map"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="fixed">
      <xsl:choose>
        <xsl:when test="@site"><xsl:call-template name="site-value"><xsl:with-param name="ref" select="@site"/></xsl:call-template></xsl:when>
        <xsl:otherwise><xsl:variable name="t"><xsl:apply-templates select="text() | fm:site" mode="form-inline"/></xsl:variable><xsl:value-of select="normalize-space($t)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="unit"><xsl:if test="@unit"><xsl:text> </xsl:text><xsl:value-of select="@unit"/></xsl:if></xsl:variable>
    <xsl:choose>
      <xsl:when test="fm:option">
        <fo:block>
          <xsl:for-each select="fm:option">
            <xsl:if test="position() &gt; 1">　　</xsl:if>
            <xsl:apply-templates select="." mode="form-inline"/>
          </xsl:for-each>
        </fo:block>
      </xsl:when>
      <xsl:when test="$v != ''">
        <fo:block><xsl:call-template name="filled"><xsl:with-param name="text" select="$v"/><xsl:with-param name="format" select="$format"/></xsl:call-template><xsl:value-of select="$unit"/></fo:block>
      </xsl:when>
      <xsl:when test="$fixed != ''">
        <fo:block><xsl:value-of select="$fixed"/><xsl:value-of select="$unit"/></fo:block>
      </xsl:when>
      <xsl:when test="number(@lines) &gt; 1">
        <xsl:call-template name="cell-lines"><xsl:with-param name="n" select="number(@lines)"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$format != 'text' and $format != 'phone' and $format != 'number'">
        <fo:block><xsl:call-template name="blank-pattern"><xsl:with-param name="format" select="$format"/></xsl:call-template><xsl:value-of select="$unit"/></fo:block>
      </xsl:when>
      <xsl:when test="@unit">
        <fo:block text-align="end"><xsl:value-of select="$unit"/></fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block>
          <xsl:if test="number(@lines) = 1"><xsl:attribute name="line-height">2.2</xsl:attribute></xsl:if>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- n lines to write on inside a cell: n - 1 rules, the cell's border the last -->
  <xsl:template name="cell-lines">
    <xsl:param name="n"/>
    <xsl:param name="i" select="1"/>
    <fo:block line-height="1.8">
      <xsl:if test="$i &lt; $n"><xsl:attribute name="border-bottom">0.4pt dotted #808080</xsl:attribute></xsl:if>
      <xsl:text>&#x3000;</xsl:text>
    </fo:block>
    <xsl:if test="$i &lt; $n">
      <xsl:call-template name="cell-lines">
        <xsl:with-param name="n" select="$n"/>
        <xsl:with-param name="i" select="$i + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ boxes -->
  <xsl:template match="fm:checks" mode="form-block">
    <xsl:choose>
      <xsl:when test="number(@cols) &gt;= 1">
        <xsl:variable name="cols" select="number(@cols)"/>
        <xsl:if test="@label">
          <fo:block font-weight="bold" space-after="2pt" keep-with-next.within-page="always"><xsl:value-of select="@label"/>：</fo:block>
        </xsl:if>
        <fo:table table-layout="fixed" width="100%" space-after="5pt">
          <xsl:for-each select="fm:option[position() &lt;= $cols]">
            <fo:table-column column-width="proportional-column-width(1)"/>
          </xsl:for-each>
          <fo:table-body>
            <xsl:for-each select="fm:option[position() mod $cols = 1 or $cols = 1]">
              <fo:table-row>
                <xsl:for-each select=". | following-sibling::fm:option[position() &lt; $cols]">
                  <fo:table-cell padding="1.5pt 2pt">
                    <fo:block text-align-last="start"><xsl:apply-templates select="." mode="form-inline"/></fo:block>
                  </fo:table-cell>
                </xsl:for-each>
              </fo:table-row>
            </xsl:for-each>
          </fo:table-body>
        </fo:table>
      </xsl:when>
      <xsl:otherwise>
        <fo:block space-after="5pt" line-height="1.5">
          <xsl:if test="@label"><fo:inline font-weight="bold"><xsl:value-of select="@label"/>：</fo:inline></xsl:if>
          <xsl:for-each select="fm:option">
            <xsl:if test="position() &gt; 1">　　</xsl:if>
            <xsl:apply-templates select="." mode="form-inline"/>
          </xsl:for-each>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ☐ label (☑ when the case says so), with a fill-in line after -->
  <xsl:template match="fm:option" mode="form-inline">
    <xsl:variable name="group-path" select="string((ancestor::fm:checks | ancestor::fm:field)[last()]/@path)"/>
    <xsl:variable name="path">
      <xsl:choose><xsl:when test="@path"><xsl:value-of select="@path"/></xsl:when><xsl:otherwise><xsl:value-of select="$group-path"/></xsl:otherwise></xsl:choose>
    </xsl:variable>
    <xsl:variable name="on">
      <xsl:if test="$completed and not(ancestor::fm:approval) and $path != ''">
        <xsl:choose>
          <xsl:when test="@value">
            <xsl:variable name="v"><xsl:call-template name="cv"><xsl:with-param name="path" select="$path"/></xsl:call-template></xsl:variable>
            <xsl:if test="$v = @value">y</xsl:if>
          </xsl:when>
          <xsl:when test="@path">
            <xsl:variable name="e"><xsl:call-template name="cv-exists"><xsl:with-param name="path" select="$path"/></xsl:call-template></xsl:variable>
            <xsl:if test="($e = 'y') != (@when = 'absent')">y</xsl:if>
          </xsl:when>
        </xsl:choose>
      </xsl:if>
    </xsl:variable>
    <!-- the box with its word; a parenthesis may go to the next line, whole -->
    <xsl:variable name="word">
      <xsl:choose>
        <xsl:when test="contains(@label, '（')"><xsl:value-of select="substring-before(@label, '（')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="@label"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:inline keep-together.within-line="always">
      <xsl:call-template name="box"><xsl:with-param name="on" select="$on = 'y'"/></xsl:call-template>
      <xsl:value-of select="$word"/>
    </fo:inline>
    <xsl:if test="contains(@label, '（')">
      <fo:inline keep-together.within-line="always">（<xsl:value-of select="substring-after(@label, '（')"/></fo:inline>
    </xsl:if>
    <xsl:if test="@fill">
      <xsl:text>：</xsl:text>
      <xsl:call-template name="rule"><xsl:with-param name="w" select="@fill"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ inline -->
  <xsl:template match="text()" mode="form-inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- a value of the site file (site.xml) -->
  <xsl:template match="fm:site" mode="form-inline">
    <xsl:call-template name="site-value"><xsl:with-param name="ref" select="@ref"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="fm:strong" mode="form-inline">
    <fo:inline font-weight="bold"><xsl:value-of select="."/></fo:inline>
  </xsl:template>

  <xsl:template match="fm:blank" mode="form-inline">
    <xsl:call-template name="blank-pattern">
      <xsl:with-param name="format" select="string(@format)"/>
      <xsl:with-param name="w"><xsl:choose><xsl:when test="@width"><xsl:value-of select="@width"/></xsl:when><xsl:otherwise>6</xsl:otherwise></xsl:choose></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- a case value in running text, its fallback, or a line of @width em -->
  <xsl:template match="fm:field" mode="form-inline">
    <xsl:variable name="format"><xsl:choose><xsl:when test="@format"><xsl:value-of select="@format"/></xsl:when><xsl:otherwise>text</xsl:otherwise></xsl:choose></xsl:variable>
    <xsl:variable name="v">
      <xsl:call-template name="case-text">
        <xsl:with-param name="path" select="string(@path)"/>
        <xsl:with-param name="format" select="$format"/>
        <xsl:with-param name="maps" select="fm:map"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$v != ''">
        <fo:inline color="{$fill-color}" text-decoration="underline">
          <xsl:if test="$format = 'phone'"><xsl:attribute name="keep-together.within-line">always</xsl:attribute></xsl:if>
          <xsl:value-of select="$v"/>
        </fo:inline>
      </xsl:when>
      <xsl:when test="normalize-space(text()) != ''"><xsl:value-of select="normalize-space(text())"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="blank-pattern">
          <xsl:with-param name="format" select="$format"/>
          <xsl:with-param name="w"><xsl:choose><xsl:when test="@width"><xsl:value-of select="@width"/></xsl:when><xsl:otherwise>6</xsl:otherwise></xsl:choose></xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ approvals -->
  <!-- boxes with the deciding department at the left: options, ruled
       lines, then 经办人：____ 日期：____年__月__日 at the bottom right -->
  <xsl:template match="fm:approvals" mode="form-block">
    <xsl:variable name="piece"><xsl:call-template name="label-piece-max"><xsl:with-param name="labels" select="fm:approval/@label"/></xsl:call-template></xsl:variable>
    <fo:table table-layout="fixed" width="100%" border-collapse="collapse" space-before="4pt" space-after="6pt"
        keep-together.within-page="always" keep-with-previous.within-page="always">
      <fo:table-column>
        <xsl:attribute name="column-width">
          <xsl:choose>
            <xsl:when test="$piece * 10 div 10.5 + 1 &gt; 7.5"><xsl:value-of select="format-number($piece * 10 div 10.5 + 1, '0.##')"/>em</xsl:when>
            <xsl:otherwise>7.5em</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </fo:table-column>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-body>
        <xsl:for-each select="fm:approval">
          <fo:table-row keep-together.within-page="always">
            <fo:table-cell xsl:use-attribute-sets="cell-label">
              <fo:block text-align="center" font-weight="bold" font-size="10pt"><xsl:call-template name="label-pieces"><xsl:with-param name="label" select="@label"/></xsl:call-template></fo:block>
            </fo:table-cell>
            <fo:table-cell border="0.5pt solid black" padding="3pt 5pt 4pt 5pt">
              <xsl:if test="fm:option">
                <fo:block space-before="1pt">
                  <xsl:for-each select="fm:option">
                    <xsl:if test="position() &gt; 1">　　</xsl:if>
                    <xsl:apply-templates select="." mode="form-inline"/>
                  </xsl:for-each>
                </fo:block>
              </xsl:if>
              <xsl:variable name="n">
                <xsl:choose>
                  <xsl:when test="number(@lines) &gt;= 1"><xsl:value-of select="number(@lines)"/></xsl:when>
                  <xsl:otherwise>2</xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <xsl:call-template name="approval-lines"><xsl:with-param name="n" select="number($n)"/></xsl:call-template>
              <fo:block text-align="end" space-before="3pt">
                <xsl:if test="@sign">
                  <xsl:value-of select="@sign"/><xsl:text>：</xsl:text><xsl:call-template name="rule"><xsl:with-param name="w" select="6"/></xsl:call-template>
                </xsl:if>
                <xsl:if test="@date = 'true'">
                  <xsl:if test="@sign">　　</xsl:if>
                  <xsl:text>日期：</xsl:text><xsl:call-template name="blank-pattern"><xsl:with-param name="format" select="'date-zh'"/></xsl:call-template>
                </xsl:if>
              </fo:block>
            </fo:table-cell>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template name="approval-lines">
    <xsl:param name="n"/>
    <xsl:if test="$n &gt; 0">
      <fo:block line-height="1.75" border-bottom="0.4pt dotted #808080">&#x3000;</fo:block>
      <xsl:call-template name="approval-lines"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ signatures -->
  <xsl:template match="fm:signatures" mode="form-block">
    <!-- the width of the page body (pt): the page less the margins (18 + 15 mm), less 9 mm more for parts -->
    <xsl:variable name="land" select="ancestor::fm:form/@orientation = 'landscape'"/>
    <xsl:variable name="form-body" select="($land * number(substring-before($page-h, 'mm')) + not($land) * number(substring-before($page-w, 'mm'))
        - 33 - 9 * boolean(ancestor::fm:form/fm:copies/fm:copy)) * 72 div 25.4"/>
    <!-- a seal asked for (盖章): the signature-and-seal component's room for
         a 40 mm round seal (common.xsl), in the row that asks for it -->
    <xsl:variable name="seal" select="boolean(.//fm:sign[contains(@label, '盖章')])"/>
    <xsl:choose>
      <xsl:when test="fm:party">
        <fo:table table-layout="fixed" width="100%" space-before="4pt" keep-together.within-page="always" keep-with-previous.within-page="always">
          <xsl:if test="$seal"><xsl:attribute name="role">signature</xsl:attribute></xsl:if>
          <xsl:for-each select="fm:party">
            <xsl:if test="position() &gt; 1"><fo:table-column column-width="6mm"/></xsl:if>
            <fo:table-column column-width="proportional-column-width(1)"/>
          </xsl:for-each>
          <fo:table-body>
            <fo:table-row>
              <xsl:if test="$seal"><xsl:attribute name="height"><xsl:value-of select="$sig-room"/></xsl:attribute></xsl:if>
              <xsl:for-each select="fm:party">
                <xsl:if test="position() &gt; 1"><fo:table-cell><fo:block/></fo:table-cell></xsl:if>
                <fo:table-cell>
                  <xsl:apply-templates select="fm:sign" mode="form-sign">
                    <xsl:with-param name="w"><xsl:call-template name="sig-column-ems"><xsl:with-param name="n" select="count(../fm:party)"/><xsl:with-param name="body" select="$form-body"/></xsl:call-template></xsl:with-param>
                  </xsl:apply-templates>
                </fo:table-cell>
              </xsl:for-each>
            </fo:table-row>
          </fo:table-body>
        </fo:table>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="n" select="count(fm:sign)"/>
        <xsl:variable name="per0">
          <xsl:choose>
            <xsl:when test="$n &lt;= 3"><xsl:value-of select="$n"/></xsl:when>
            <xsl:when test="$n mod 3 = 0">3</xsl:when>
            <xsl:otherwise>2</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <!-- a label with its line to sign on (3 em at least) fits its
             column, or the row takes one column fewer: the line never
             wraps alone under its label -->
        <xsl:variable name="longest">
          <xsl:for-each select="fm:sign">
            <xsl:sort select="string-length(@label)" data-type="number" order="descending"/>
            <xsl:if test="position() = 1"><xsl:value-of select="string-length(@label)"/></xsl:if>
          </xsl:for-each>
        </xsl:variable>
        <xsl:variable name="w0"><xsl:call-template name="sig-column-ems"><xsl:with-param name="n" select="$per0"/><xsl:with-param name="body" select="$form-body"/><xsl:with-param name="gap" select="14"/></xsl:call-template></xsl:variable>
        <xsl:variable name="per">
          <xsl:choose>
            <xsl:when test="$per0 &gt; 1 and $longest + 4 &gt; $w0"><xsl:value-of select="$per0 - 1"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$per0"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <fo:table table-layout="fixed" width="100%" space-before="6pt" keep-together.within-page="always" keep-with-previous.within-page="always">
          <xsl:if test="$seal"><xsl:attribute name="role">signature</xsl:attribute></xsl:if>
          <xsl:for-each select="fm:sign[position() &lt;= $per]">
            <xsl:if test="position() &gt; 1"><fo:table-column column-width="5mm"/></xsl:if>
            <fo:table-column column-width="proportional-column-width(1)"/>
          </xsl:for-each>
          <fo:table-body>
            <xsl:for-each select="fm:sign[(position() - 1) mod $per = 0]">
              <fo:table-row>
                <xsl:if test="(. | following-sibling::fm:sign[position() &lt; $per])[contains(@label, '盖章')]">
                  <xsl:attribute name="height"><xsl:value-of select="$sig-room"/></xsl:attribute>
                </xsl:if>
                <xsl:for-each select=". | following-sibling::fm:sign[position() &lt; $per]">
                  <xsl:if test="position() &gt; 1"><fo:table-cell><fo:block/></fo:table-cell></xsl:if>
                  <fo:table-cell><xsl:apply-templates select="." mode="form-sign">
                    <xsl:with-param name="w"><xsl:call-template name="sig-column-ems"><xsl:with-param name="n" select="$per"/><xsl:with-param name="body" select="$form-body"/><xsl:with-param name="gap" select="14"/></xsl:call-template></xsl:with-param>
                  </xsl:apply-templates></fo:table-cell>
                </xsl:for-each>
              </fo:table-row>
            </xsl:for-each>
          </fo:table-body>
        </fo:table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- label：static text | the case value | a line to sign on; a date
       pattern; with @date a 日期 line below -->
  <xsl:template match="fm:sign" mode="form-sign">
    <xsl:param name="w" select="20"/>   <!-- the column's width in ems -->
    <xsl:variable name="format"><xsl:choose><xsl:when test="@format"><xsl:value-of select="@format"/></xsl:when><xsl:otherwise>text</xsl:otherwise></xsl:choose></xsl:variable>
    <xsl:variable name="fixed">
      <xsl:choose>
        <xsl:when test="@site"><xsl:call-template name="site-value"><xsl:with-param name="ref" select="@site"/></xsl:call-template></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="v">
      <xsl:call-template name="case-text">
        <xsl:with-param name="path" select="string(@path)"/>
        <xsl:with-param name="format" select="$format"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <!-- a name (the office, the customer): never broken, through the signature component -->
      <xsl:when test="$fixed != '' or ($format = 'text' and string-length($v) &gt; 4)">
        <xsl:call-template name="sig-name-line">
          <xsl:with-param name="label" select="@label"/>
          <xsl:with-param name="name">
            <xsl:choose>
              <xsl:when test="$fixed != ''"><xsl:value-of select="$fixed"/></xsl:when>
              <xsl:otherwise><xsl:call-template name="filled"><xsl:with-param name="text" select="$v"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="w" select="$w"/>
          <xsl:with-param name="above" select="contains(@label, '盖章')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
    <fo:block space-before="7pt" line-height="1.4">
      <xsl:if test="$fixed = '' and $format = 'text' and string-length($v) &lt;= 4"><xsl:attribute name="text-align-last">justify</xsl:attribute></xsl:if>
      <!-- the label stays whole: a line to sign on goes below it rather
           than splitting 签字 -->
      <fo:inline keep-together.within-line="always"><xsl:value-of select="@label"/><xsl:text>：</xsl:text></fo:inline>
      <xsl:choose>
        <xsl:when test="$fixed != ''"><xsl:value-of select="$fixed"/></xsl:when>
        <xsl:when test="$format != 'text'">
          <xsl:call-template name="value-or-blank">
            <xsl:with-param name="text" select="$v"/>
            <xsl:with-param name="format" select="$format"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:if test="$v != ''"><xsl:call-template name="filled"><xsl:with-param name="text" select="$v"/></xsl:call-template></xsl:if>
          <xsl:if test="string-length($v) &lt;= 4"><xsl:call-template name="rule-fill"/></xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </fo:block>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="@date = 'true'">
      <fo:block space-before="6pt" line-height="1.5">日期：<xsl:call-template name="blank-pattern"><xsl:with-param name="format" select="'date-zh'"/></xsl:call-template></fo:block>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ list labels -->
  <!-- 1. | 一、 | （1） | ① for the nth item -->
  <xsl:template name="list-label">
    <xsl:param name="style"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$style = 'cjk'"><xsl:call-template name="cjk-number"><xsl:with-param name="n" select="$n"/></xsl:call-template>、</xsl:when>
      <xsl:when test="$style = 'paren'">（<xsl:value-of select="$n"/>）</xsl:when>
      <xsl:when test="$style = 'circled' and $n &lt;= 20"><xsl:value-of select="substring('①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳', $n, 1)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$n"/>.</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (1–99) -->
  <xsl:template name="cjk-number">
    <xsl:param name="n"/>
    <xsl:variable name="d" select="'〇一二三四五六七八九'"/>
    <xsl:variable name="tens" select="floor($n div 10)"/>
    <xsl:variable name="ones" select="$n mod 10"/>
    <xsl:if test="$tens &gt; 1"><xsl:value-of select="substring($d, $tens + 1, 1)"/></xsl:if>
    <xsl:if test="$tens &gt;= 1">十</xsl:if>
    <xsl:if test="$ones &gt; 0 or $tens = 0"><xsl:value-of select="substring($d, $ones + 1, 1)"/></xsl:if>
  </xsl:template>
</xsl:stylesheet>
