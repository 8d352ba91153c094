<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared parts of folio's templates: page geometry, headings, dates,
     versions.  Included by manual.xsl (and the packet and form templates). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:p="urn:folio:procedures"
    exclude-result-prefixes="p">

  <!-- A4 portrait; the body leaves room for a header table and a footer -->
  <xsl:template name="page-masters">
    <fo:layout-master-set>
      <fo:simple-page-master master-name="cover" page-width="210mm" page-height="297mm" margin="25mm 25mm 20mm 25mm">
        <fo:region-body/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="front" page-width="210mm" page-height="297mm" margin="15mm 20mm 12mm 20mm">
        <fo:region-body margin-top="14mm" margin-bottom="12mm"/>
        <fo:region-before extent="10mm"/>
        <fo:region-after extent="8mm"/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="procedure" page-width="210mm" page-height="297mm" margin="12mm 20mm 12mm 20mm">
        <fo:region-body margin-top="30mm" margin-bottom="12mm"/>
        <fo:region-before extent="26mm"/>
        <fo:region-after extent="8mm"/>
      </fo:simple-page-master>
    </fo:layout-master-set>
  </xsl:template>

  <!-- 2011-06-01 → 2011 年 6 月 1 日; 2011-05 → 2011 年 5 月 -->
  <xsl:template name="date-zh">
    <xsl:param name="d"/>
    <xsl:value-of select="substring($d, 1, 4)"/>
    <xsl:text> 年 </xsl:text>
    <xsl:value-of select="number(substring($d, 6, 2))"/>
    <xsl:text> 月</xsl:text>
    <xsl:if test="string-length($d) &gt;= 10">
      <xsl:text> </xsl:text>
      <xsl:value-of select="number(substring($d, 9, 2))"/>
      <xsl:text> 日</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- edition/revision → 第 1 版第 0 次修改 -->
  <xsl:template name="version-zh">
    <xsl:param name="e"/>
    <xsl:param name="r"/>
    <xsl:text>第 </xsl:text><xsl:value-of select="$e"/><xsl:text> 版第 </xsl:text>
    <xsl:value-of select="$r"/><xsl:text> 次修改</xsl:text>
  </xsl:template>

  <xsl:template name="h1">
    <xsl:param name="text"/>
    <xsl:param name="id"/>
    <fo:block font-family="sans-serif" font-size="16pt" font-weight="bold" space-after="10pt"
        keep-with-next.within-page="always">
      <xsl:if test="$id"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
      <xsl:value-of select="$text"/>
    </fo:block>
  </xsl:template>

  <xsl:template name="h2">
    <xsl:param name="text"/>
    <fo:block font-family="sans-serif" font-size="12pt" font-weight="bold" space-before="10pt"
        space-after="5pt" keep-with-next.within-page="always">
      <xsl:value-of select="$text"/>
    </fo:block>
  </xsl:template>
</xsl:stylesheet>
