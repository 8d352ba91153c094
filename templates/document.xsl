<?xml version="1.0" encoding="UTF-8"?>
<!-- A document handed out at move-in (urn:folio:document,
     docs/sources-content.md §2) as one page sequence: a title block with
     the document control data, a table of contents for the long ones, the
     chapters (第一章 …, or 一、… in an agreement), appendices (附录A …),
     sections 1.1, 1.1.1, and the signature block.  Field placeholders are
     filled from $case in a completed rendering and print as lines to fill
     in otherwise.  Included by job.xsl. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:d="urn:folio:document"
    exclude-result-prefixes="d">

  <xsl:template match="d:document">
    <xsl:param name="seq"/>
    <xsl:param name="anchor" select="''"/>
    <xsl:param name="prefix"/>
    <xsl:param name="copy" select="0"/>   <!-- which copy (1, 2 …) of $copies -->
    <xsl:param name="copies" select="1"/>
    <xsl:variable name="title" select="normalize-space(d:title)"/>
    <!-- a table of contents for the long documents -->
    <xsl:variable name="long" select="@type != 'agreement' and count(d:chapter | d:appendix) &gt; 3"/>
    <fo:page-sequence id="{$seq}" initial-page-number="1">
      <xsl:attribute name="master-reference"><xsl:choose><xsl:when test="$long">doc-long</xsl:when><xsl:otherwise>doc</xsl:otherwise></xsl:choose></xsl:attribute>
      <fo:title><xsl:value-of select="$title"/></fo:title>
      <xsl:call-template name="page-static">
        <xsl:with-param name="left" select="$title"/>
        <xsl:with-param name="right">
          <xsl:value-of select="d:info/d:number"/>
          <xsl:if test="d:info/d:edition">　<xsl:value-of select="d:info/d:edition"/></xsl:if>
        </xsl:with-param>
        <xsl:with-param name="foot">
<xsl:call-template name="doc-issuer"/>
        </xsl:with-param>
        <xsl:with-param name="foot-right" select="$title"/>
        <xsl:with-param name="seq" select="$seq"/>
      </xsl:call-template>
      <fo:flow flow-name="xsl-region-body" line-height="{$body-leading}">
        <fo:block>
          <xsl:if test="$anchor != ''"><xsl:attribute name="id"><xsl:value-of select="$anchor"/></xsl:attribute></xsl:if>
        </fo:block>
        <xsl:call-template name="doc-title-block">
          <xsl:with-param name="long" select="$long"/>
        </xsl:call-template>
        <xsl:if test="$long">
          <xsl:call-template name="doc-toc"><xsl:with-param name="prefix" select="$prefix"/></xsl:call-template>
        </xsl:if>
        <xsl:apply-templates select="d:preamble/*" mode="doc-block">
          <xsl:with-param name="prefix" select="$prefix"/>
        </xsl:apply-templates>
        <xsl:apply-templates select="d:chapter | d:appendix" mode="doc-division">
          <xsl:with-param name="prefix" select="$prefix"/>
          <xsl:with-param name="long" select="$long"/>
        </xsl:apply-templates>
        <xsl:apply-templates select="d:signatures" mode="doc-block">
          <xsl:with-param name="prefix" select="$prefix"/>
          <xsl:with-param name="copy" select="$copy * (number($copies) &gt; 1)"/>
          <xsl:with-param name="copies" select="$copies"/>
        </xsl:apply-templates>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <!-- who issues the document: its own issuer, or the site's company and office -->
  <xsl:template name="doc-issuer">
    <xsl:choose>
      <xsl:when test="d:info/d:issuer"><xsl:apply-templates select="d:info/d:issuer/node()" mode="doc-inline"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$company"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- issuer, title, subtitle and the document control line; larger and
       lower on the page (cover-like) for the long documents -->
  <xsl:template name="doc-title-block">
    <xsl:param name="long"/>
    <fo:block text-align="center" keep-with-next.within-page="always" line-height="1.3">
      <xsl:attribute name="space-before"><xsl:choose><xsl:when test="$long">22mm</xsl:when><xsl:otherwise>2mm</xsl:otherwise></xsl:choose></xsl:attribute>
      <xsl:if test="$site-logo != ''">
        <fo:block space-after="4pt"><xsl:call-template name="site-logo"/></fo:block>
      </xsl:if>
      <xsl:if test="d:info">
        <fo:block font-size="11pt" space-after="6pt"><xsl:call-template name="doc-issuer"/></fo:block>
      </xsl:if>
      <fo:block font-family="sans-serif" font-weight="bold" letter-spacing="0.15em">
        <xsl:attribute name="font-size"><xsl:choose><xsl:when test="$long">28pt</xsl:when><xsl:otherwise>20pt</xsl:otherwise></xsl:choose></xsl:attribute>
        <xsl:attribute name="space-before"><xsl:choose><xsl:when test="$long">12mm</xsl:when><xsl:otherwise>2pt</xsl:otherwise></xsl:choose></xsl:attribute>
        <xsl:apply-templates select="d:title/node()" mode="doc-inline"/>
      </fo:block>
      <xsl:if test="d:subtitle">
        <fo:block font-size="12pt" space-before="5pt"><xsl:apply-templates select="d:subtitle/node()" mode="doc-inline"/></fo:block>
      </xsl:if>
      <xsl:if test="d:info">
        <fo:block font-size="9pt" color="#333333" border-bottom="0.75pt solid black" padding-bottom="4pt">
          <xsl:attribute name="space-before"><xsl:choose><xsl:when test="$long">16mm</xsl:when><xsl:otherwise>8pt</xsl:otherwise></xsl:choose></xsl:attribute>
          <xsl:text>文件编号：</xsl:text><xsl:value-of select="d:info/d:number"/>
          <xsl:text>　　版本：</xsl:text><xsl:value-of select="d:info/d:edition"/>
          <xsl:text>　　生效日期：</xsl:text><xsl:call-template name="zh-date"><xsl:with-param name="d" select="d:info/d:effective"/></xsl:call-template>
        </fo:block>
      </xsl:if>
      <xsl:if test="not(d:info)">
        <fo:block border-bottom="0.75pt solid black" space-before="6pt"/>
      </xsl:if>
    </fo:block>
    <fo:block space-after="10pt"/>
  </xsl:template>

  <!-- 目录: chapters and appendices with dot leaders and their pages -->
  <xsl:template name="doc-toc">
    <xsl:param name="prefix"/>
    <fo:block font-family="sans-serif" font-size="14pt" font-weight="bold" text-align="center" space-before="12mm" space-after="8pt" keep-with-next.within-page="always">目　录</fo:block>
    <xsl:for-each select="d:chapter | d:appendix">
      <fo:block text-align-last="justify" space-after="2.5pt" start-indent="10mm" end-indent="10mm">
        <fo:basic-link internal-destination="{$prefix}-{generate-id()}">
          <xsl:apply-templates select="." mode="doc-number"/>
          <xsl:text>　</xsl:text>
          <xsl:value-of select="normalize-space(d:title)"/>
        </fo:basic-link>
        <fo:leader leader-pattern="dots"/>
        <fo:basic-link internal-destination="{$prefix}-{generate-id()}"><fo:page-number-citation ref-id="{$prefix}-{generate-id()}"/></fo:basic-link>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ numbers -->
  <!-- 第一章 | 一、(agreement) | 附录A | 1.2 | 1.2.3; nothing for the
       chapter of a one-chapter document -->
  <xsl:template match="d:chapter" mode="doc-number">
    <xsl:variable name="n" select="count(preceding-sibling::d:chapter) + 1"/>
    <xsl:choose>
      <xsl:when test="count(../d:chapter | ../d:appendix) = 1"/>
      <xsl:when test="../@type = 'agreement'"><xsl:call-template name="cjk-number"><xsl:with-param name="n" select="$n"/></xsl:call-template>、</xsl:when>
      <xsl:otherwise>第<xsl:call-template name="cjk-number"><xsl:with-param name="n" select="$n"/></xsl:call-template>章</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="d:appendix" mode="doc-number">
    <xsl:text>附录</xsl:text><xsl:value-of select="substring('ABCDEFGHIJKLMNOPQRSTUVWXYZ', count(preceding-sibling::d:appendix) + 1, 1)"/>
  </xsl:template>

  <xsl:template match="d:section" mode="doc-number">
    <xsl:apply-templates select=".." mode="doc-digits"/>
    <xsl:text>.</xsl:text>
    <xsl:value-of select="count(preceding-sibling::d:section) + 1"/>
  </xsl:template>

  <!-- the numeric part a section's number starts with -->
  <xsl:template match="d:chapter" mode="doc-digits"><xsl:value-of select="count(preceding-sibling::d:chapter) + 1"/></xsl:template>
  <xsl:template match="d:appendix" mode="doc-digits"><xsl:value-of select="substring('ABCDEFGHIJKLMNOPQRSTUVWXYZ', count(preceding-sibling::d:appendix) + 1, 1)"/></xsl:template>
  <xsl:template match="d:section" mode="doc-digits"><xsl:apply-templates select="." mode="doc-number"/></xsl:template>

  <!-- ============================================================ divisions -->
  <xsl:template match="d:chapter | d:appendix" mode="doc-division">
    <xsl:param name="prefix"/>
    <xsl:param name="long"/>
    <xsl:variable name="num"><xsl:apply-templates select="." mode="doc-number"/></xsl:variable>
    <xsl:variable name="agreement" select="../@type = 'agreement'"/>
    <fo:block>
      <xsl:choose>
        <xsl:when test="$long and position() = 1"><xsl:attribute name="break-before">page</xsl:attribute></xsl:when>
        <xsl:when test="$long and self::d:appendix and not(preceding-sibling::d:appendix)"><xsl:attribute name="break-before">page</xsl:attribute></xsl:when>
        <xsl:when test="$agreement"><xsl:attribute name="space-before">6pt</xsl:attribute></xsl:when>
        <xsl:otherwise><xsl:attribute name="space-before">14pt</xsl:attribute></xsl:otherwise>
      </xsl:choose>
      <xsl:choose>
        <xsl:when test="$agreement">
          <fo:block id="{$prefix}-{generate-id()}" font-family="sans-serif" font-weight="bold" font-size="11pt" space-after="3pt" keep-with-next.within-page="always">
            <xsl:value-of select="$num"/><xsl:value-of select="normalize-space(d:title)"/>
          </fo:block>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="h1">
            <xsl:with-param name="text">
              <xsl:value-of select="$num"/>
              <xsl:if test="$num != ''">　</xsl:if>
              <xsl:value-of select="normalize-space(d:title)"/>
            </xsl:with-param>
            <xsl:with-param name="id" select="concat($prefix, '-', generate-id())"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="*[not(self::d:title or self::d:section)]" mode="doc-block">
        <xsl:with-param name="prefix" select="$prefix"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="d:section" mode="doc-division">
        <xsl:with-param name="prefix" select="$prefix"/>
      </xsl:apply-templates>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:section" mode="doc-division">
    <xsl:param name="prefix"/>
    <xsl:variable name="depth" select="count(ancestor::d:section)"/>
    <fo:block space-before="6pt">
      <fo:block id="{$prefix}-{generate-id()}" font-family="sans-serif" font-weight="bold" space-after="4pt" keep-with-next.within-page="always">
        <xsl:attribute name="font-size"><xsl:choose><xsl:when test="$depth = 0">12pt</xsl:when><xsl:otherwise>10.5pt</xsl:otherwise></xsl:choose></xsl:attribute>
        <xsl:if test="count(ancestor::d:chapter/../d:chapter | ancestor::d:appendix/../d:appendix) &gt; 1 or ancestor::d:appendix">
          <xsl:apply-templates select="." mode="doc-number"/><xsl:text>　</xsl:text>
        </xsl:if>
        <xsl:value-of select="normalize-space(d:title)"/>
      </fo:block>
      <xsl:apply-templates select="*[not(self::d:title or self::d:section)]" mode="doc-block">
        <xsl:with-param name="prefix" select="$prefix"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="d:section" mode="doc-division">
        <xsl:with-param name="prefix" select="$prefix"/>
      </xsl:apply-templates>
    </fo:block>
  </xsl:template>

  <!-- ============================================================ blocks -->
  <xsl:template match="d:p" mode="doc-block">
    <xsl:param name="prefix"/>
    <fo:block space-after="4pt">
      <xsl:choose>
        <xsl:when test="@align = 'center'"><xsl:attribute name="text-align">center</xsl:attribute></xsl:when>
        <xsl:when test="@align = 'right'"><xsl:attribute name="text-align">end</xsl:attribute></xsl:when>
        <xsl:when test="@align = 'left'"><xsl:attribute name="text-align">start</xsl:attribute></xsl:when>
        <xsl:when test="parent::d:li or parent::d:cell">
          <xsl:attribute name="text-align">justify</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="text-align">justify</xsl:attribute>
          <xsl:attribute name="text-indent">2em</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates mode="doc-inline"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:ol | d:ul" mode="doc-block">
    <xsl:param name="prefix"/>
    <xsl:variable name="style">
      <xsl:choose>
        <xsl:when test="self::d:ul">bullet</xsl:when>
        <xsl:when test="@style"><xsl:value-of select="@style"/></xsl:when>
        <xsl:otherwise>decimal</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:list-block space-after="4pt" provisional-label-separation="0.2em">
      <xsl:attribute name="provisional-distance-between-starts">
        <xsl:choose>
          <xsl:when test="$style = 'bullet'">1.2em</xsl:when>
          <xsl:when test="$style = 'cjk' or $style = 'paren'">2.6em</xsl:when>
          <xsl:when test="count(d:li) &gt; 9">2.2em</xsl:when>
          <xsl:otherwise>1.8em</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="not(parent::d:li)"><xsl:attribute name="start-indent">2em</xsl:attribute></xsl:if>
      <xsl:for-each select="d:li">
        <fo:list-item space-after="2pt">
          <fo:list-item-label end-indent="label-end()">
            <fo:block>
              <xsl:choose>
                <xsl:when test="$style = 'bullet'">•</xsl:when>
                <xsl:otherwise><xsl:call-template name="list-label"><xsl:with-param name="style" select="$style"/><xsl:with-param name="n" select="position()"/></xsl:call-template></xsl:otherwise>
              </xsl:choose>
            </fo:block>
          </fo:list-item-label>
          <fo:list-item-body start-indent="body-start()">
            <xsl:if test="node()[not(self::d:p or self::d:ol or self::d:ul)][normalize-space(.) != '' or self::*]">
              <fo:block text-align="justify">
                <xsl:apply-templates select="node()[not(self::d:p or self::d:ol or self::d:ul)]" mode="doc-inline"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates>
              </fo:block>
            </xsl:if>
            <xsl:apply-templates select="d:p | d:ol | d:ul" mode="doc-block"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates>
          </fo:list-item-body>
        </fo:list-item>
      </xsl:for-each>
    </fo:list-block>
  </xsl:template>

  <!-- tables: @widths relative; head repeated after a page break; without
       a head the first column is a label column -->
  <xsl:template match="d:table" mode="doc-block">
    <xsl:param name="prefix"/>
    <xsl:variable name="n">
      <xsl:for-each select="d:head | d:row">
        <xsl:sort select="count(d:cell[not(@span)]) + sum(d:cell/@span)" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="count(d:cell[not(@span)]) + sum(d:cell/@span)"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="d:caption">
      <fo:block text-align="center" font-weight="bold" font-size="10pt" space-before="4pt" space-after="3pt" keep-with-next.within-page="always">
        <xsl:apply-templates select="d:caption/node()" mode="doc-inline"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates>
      </fo:block>
    </xsl:if>
    <fo:table table-layout="fixed" width="100%" border-collapse="collapse" font-size="10pt" line-height="1.4" space-before="2pt" space-after="8pt">
      <!-- a table that fits a page is kept whole (a dozen rows) -->
      <xsl:if test="count(d:row) &lt;= 12"><xsl:attribute name="keep-together.within-page">always</xsl:attribute></xsl:if>
      <xsl:call-template name="doc-columns">
        <xsl:with-param name="widths" select="normalize-space(@widths)"/>
        <xsl:with-param name="n" select="number($n)"/>
      </xsl:call-template>
      <xsl:if test="d:head">
        <fo:table-header>
          <fo:table-row>
            <xsl:for-each select="d:head/d:cell">
              <fo:table-cell border="0.5pt solid black" padding="3pt" background-color="#E8E8E8" display-align="center">
                <xsl:if test="number(@span) &gt; 1"><xsl:attribute name="number-columns-spanned"><xsl:value-of select="@span"/></xsl:attribute></xsl:if>
                <fo:block text-align="center" font-weight="bold"><xsl:apply-templates mode="doc-inline"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates></fo:block>
              </fo:table-cell>
            </xsl:for-each>
          </fo:table-row>
        </fo:table-header>
      </xsl:if>
      <fo:table-body>
        <xsl:for-each select="d:row">
          <!-- a row left empty to write in gets room for handwriting -->
          <xsl:variable name="to-fill" select="count(d:cell[normalize-space(.) = '' and not(*[not(self::d:blank)])]) * 2 &gt;= count(d:cell)"/>
          <fo:table-row keep-together.within-page="always">
            <xsl:if test="$to-fill"><xsl:attribute name="height"><xsl:value-of select="$form-row-height"/></xsl:attribute></xsl:if>
            <!-- at least three rows on each side of a page break -->
            <xsl:if test="position() &lt;= 2 and last() &gt; 1"><xsl:attribute name="keep-with-next.within-page">always</xsl:attribute></xsl:if>
            <xsl:if test="position() &gt;= last() - 1 and position() &gt; 1"><xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute></xsl:if>
            <xsl:for-each select="d:cell">
              <fo:table-cell border="0.5pt solid black" padding="3pt" display-align="center">
                <xsl:if test="$to-fill"><xsl:attribute name="padding">3.5pt 3pt</xsl:attribute></xsl:if>
                <xsl:if test="number(@span) &gt; 1"><xsl:attribute name="number-columns-spanned"><xsl:value-of select="@span"/></xsl:attribute></xsl:if>
                <xsl:if test="not(../../d:head) and position() = 1 and count(../d:cell) &gt; 1"><xsl:attribute name="background-color">#F2F2F2</xsl:attribute></xsl:if>
                <fo:block>
                  <xsl:choose>
                    <xsl:when test="@align = 'center'"><xsl:attribute name="text-align">center</xsl:attribute></xsl:when>
                    <xsl:when test="@align = 'right'"><xsl:attribute name="text-align">end</xsl:attribute></xsl:when>
                    <xsl:otherwise><xsl:attribute name="text-align">start</xsl:attribute></xsl:otherwise>
                  </xsl:choose>
                  <xsl:if test="not(../../d:head) and position() = 1 and count(../d:cell) &gt; 1"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
                  <xsl:apply-templates select="node()[not(self::d:p)]" mode="doc-inline"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates>
                  <xsl:if test="$to-fill and normalize-space(.) = ''">&#x3000;</xsl:if>
                </fo:block>
                <xsl:apply-templates select="d:p" mode="doc-block"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates>
              </fo:table-cell>
            </xsl:for-each>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- one column per relative width ("1 4 2"); equal widths without -->
  <xsl:template name="doc-columns">
    <xsl:param name="widths"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$widths != ''">
        <fo:table-column column-width="proportional-column-width({substring-before(concat($widths, ' '), ' ')})"/>
        <xsl:call-template name="doc-columns">
          <xsl:with-param name="widths" select="substring-after($widths, ' ')"/>
          <xsl:with-param name="n" select="$n - 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$n &gt; 0">
        <fo:table-column column-width="proportional-column-width(1)"/>
        <xsl:call-template name="doc-columns">
          <xsl:with-param name="widths" select="''"/>
          <xsl:with-param name="n" select="$n - 1"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- 提示 (note) and 警告 (warning): boxed asides -->
  <xsl:template match="d:note | d:warning" mode="doc-block">
    <xsl:param name="prefix"/>
    <xsl:variable name="warn" select="self::d:warning"/>
    <fo:block space-before="4pt" space-after="8pt" padding="5pt 7pt" start-indent="8pt" end-indent="8pt" keep-together.within-page="always">
      <xsl:choose>
        <xsl:when test="$warn">
          <xsl:attribute name="border">1pt solid #B00000</xsl:attribute>
          <xsl:attribute name="background-color">#FFF4F2</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="border">0.5pt solid #808080</xsl:attribute>
          <xsl:attribute name="background-color">#F4F6F8</xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <fo:block font-family="sans-serif" font-weight="bold" space-after="2pt" keep-with-next.within-page="always">
        <xsl:if test="$warn"><xsl:attribute name="color">#B00000</xsl:attribute></xsl:if>
        <xsl:choose>
          <xsl:when test="d:title"><xsl:apply-templates select="d:title/node()" mode="doc-inline"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates></xsl:when>
          <xsl:when test="$warn">警告</xsl:when>
          <xsl:otherwise>提示</xsl:otherwise>
        </xsl:choose>
      </fo:block>
      <xsl:apply-templates select="*[not(self::d:title)]" mode="doc-block"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates>
    </fo:block>
  </xsl:template>

  <!-- the parties side by side; each line: label：content, or a line to
       sign on, or ____年____月____日 -->
  <xsl:template match="d:signatures" mode="doc-block">
    <xsl:param name="prefix"/>
    <xsl:param name="copy" select="0"/>
    <xsl:param name="copies" select="1"/>
    <xsl:variable name="n" select="count(d:party)"/>
    <xsl:variable name="w">
      <xsl:call-template name="sig-column-ems">
        <xsl:with-param name="n" select="$n"/>
        <xsl:with-param name="body" select="(number(substring-before($page-w, 'mm')) - 40) * 72 div 25.4"/>
      </xsl:call-template>
    </xsl:variable>
    <!-- label above the name for every party when one name does not fit after its label -->
    <xsl:variable name="pairs">
      <xsl:for-each select="d:party/d:line[1][normalize-space(.) != '' or *]">
        <xsl:variable name="v"><xsl:apply-templates mode="doc-inline"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates></xsl:variable>
        <xsl:call-template name="text-ems"><xsl:with-param name="t" select="concat(@label, '：')"/></xsl:call-template>
        <xsl:text>:</xsl:text>
        <xsl:call-template name="text-ems"><xsl:with-param name="t" select="normalize-space(string($v))"/></xsl:call-template>
        <xsl:text> </xsl:text>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="above"><xsl:call-template name="sig-above"><xsl:with-param name="pairs" select="$pairs"/><xsl:with-param name="w" select="$w"/></xsl:call-template></xsl:variable>
    <fo:table role="signature" table-layout="fixed" width="100%" space-before="12pt" keep-together.within-page="always"
        keep-with-previous.within-page="always">
      <xsl:for-each select="d:party">
        <xsl:if test="position() &gt; 1"><fo:table-column column-width="6mm"/></xsl:if>
        <fo:table-column column-width="proportional-column-width(1)"/>
      </xsl:for-each>
      <fo:table-body>
        <fo:table-row height="{$sig-room}">
          <xsl:for-each select="d:party">
            <xsl:if test="position() &gt; 1"><fo:table-cell><fo:block/></fo:table-cell></xsl:if>
            <fo:table-cell>
              <xsl:for-each select="d:line">
                <xsl:variable name="has" select="normalize-space(.) != '' or *"/>
                <xsl:choose>
                  <xsl:when test="$has">
                    <xsl:call-template name="sig-name-line">
                      <xsl:with-param name="label" select="@label"/>
                      <xsl:with-param name="name"><xsl:apply-templates mode="doc-inline"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates></xsl:with-param>
                      <xsl:with-param name="w" select="$w"/>
                      <xsl:with-param name="above" select="$above = 1"/>
                    </xsl:call-template>
                  </xsl:when>
                  <xsl:otherwise>
                    <fo:block space-before="9pt" text-align="start">
                      <xsl:if test="not(@type = 'date')"><xsl:attribute name="text-align-last">justify</xsl:attribute></xsl:if>
                      <fo:inline keep-together.within-line="always"><xsl:value-of select="@label"/>：</fo:inline>
                      <xsl:choose>
                        <xsl:when test="@type = 'date'">
                          <xsl:call-template name="rule"><xsl:with-param name="w" select="3.5"/></xsl:call-template>年<xsl:call-template name="rule"><xsl:with-param name="w" select="2.5"/></xsl:call-template>月<xsl:call-template name="rule"><xsl:with-param name="w" select="2.5"/></xsl:call-template>日</xsl:when>
                        <xsl:otherwise><xsl:call-template name="rule-fill"/></xsl:otherwise>
                      </xsl:choose>
                    </fo:block>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
            </fo:table-cell>
          </xsl:for-each>
        </fo:table-row>
      </fo:table-body>
    </fo:table>
    <xsl:if test="$copy &gt; 0 and ../@type = 'agreement'">
      <fo:block text-align="end" space-before="4pt" font-size="9pt" keep-with-previous.within-page="always">
        <xsl:text>本协议一式 </xsl:text><xsl:value-of select="$copies"/><xsl:text> 份，此份</xsl:text>
        <xsl:call-template name="copy-mark"><xsl:with-param name="copy" select="$copy"/><xsl:with-param name="parties"><xsl:call-template name="doc-parties"/></xsl:with-param></xsl:call-template>
        <xsl:text>。</xsl:text>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- the parties of an agreement, as their signature labels name them: "甲方 乙方" -->
  <xsl:template name="doc-parties">
    <xsl:for-each select="ancestor-or-self::d:document/d:signatures/d:party">
      <xsl:variable name="l" select="string(d:line[1]/@label)"/>
      <xsl:choose>
        <xsl:when test="contains($l, '（')"><xsl:value-of select="substring-before($l, '（')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$l"/></xsl:otherwise>
      </xsl:choose>
      <xsl:text> </xsl:text>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ inline -->
  <xsl:template match="text()" mode="doc-inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- a value of the site file (site.xml) -->
  <xsl:template match="d:site" mode="doc-inline">
    <xsl:call-template name="site-value"><xsl:with-param name="ref" select="@ref"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="d:strong" mode="doc-inline">
    <xsl:param name="prefix"/>
    <fo:inline font-weight="bold"><xsl:apply-templates mode="doc-inline"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates></fo:inline>
  </xsl:template>

  <!-- emphasis: the Kai face -->
  <xsl:template match="d:em" mode="doc-inline">
    <xsl:param name="prefix"/>
    <fo:inline font-family="LXGW WenKai, serif"><xsl:apply-templates mode="doc-inline"><xsl:with-param name="prefix" select="$prefix"/></xsl:apply-templates></fo:inline>
  </xsl:template>

  <xsl:template match="d:blank" mode="doc-inline">
    <xsl:call-template name="rule">
      <xsl:with-param name="w"><xsl:choose><xsl:when test="@width"><xsl:value-of select="@width"/></xsl:when><xsl:otherwise>6</xsl:otherwise></xsl:choose></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- a placeholder: the case value, or a 6 em line -->
  <xsl:template match="d:field" mode="doc-inline">
    <xsl:variable name="v">
      <xsl:call-template name="case-text">
        <xsl:with-param name="path" select="string(@ref)"/>
        <xsl:with-param name="format"><xsl:choose><xsl:when test="@format"><xsl:value-of select="@format"/></xsl:when><xsl:otherwise>text</xsl:otherwise></xsl:choose></xsl:with-param>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$v != ''"><fo:inline color="{$fill-color}" text-decoration="underline"><xsl:value-of select="$v"/></fo:inline></xsl:when>
      <xsl:otherwise><xsl:call-template name="rule"><xsl:with-param name="w" select="6"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a reference: 第十二章“有偿服务”, 附录B“…”, 第3.2节“…” -->
  <xsl:template match="d:xref" mode="doc-inline">
    <xsl:param name="prefix"/>
    <xsl:variable name="target" select="(//d:chapter | //d:appendix | //d:section)[@id = current()/@to][1]"/>
    <xsl:choose>
      <xsl:when test="$target">
        <fo:basic-link internal-destination="{$prefix}-{generate-id($target)}">
          <xsl:if test="$target/self::d:section">第</xsl:if>
          <xsl:apply-templates select="$target" mode="doc-number"/>
          <xsl:if test="$target/self::d:section">节</xsl:if>
          <xsl:text>“</xsl:text><xsl:value-of select="normalize-space($target/d:title)"/><xsl:text>”</xsl:text>
        </fo:basic-link>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="@to"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
