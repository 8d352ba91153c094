<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared parts of folio's templates: page geometry, headings, dates,
     versions.  Included by manual.xsl (and the packet and form templates). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:p="urn:folio:procedures"
    xmlns:s="urn:folio:site"
    exclude-result-prefixes="p s">

  <!-- ============================================================ site -->
  <!-- The site file (site.xml, docs/site.md): folio passes its absolute
       path as "site" and the logo's as "site-logo".  Every name, number and
       printing default of the office comes from here. -->
  <xsl:param name="site" select="''"/>
  <xsl:param name="site-logo" select="''"/>
  <xsl:variable name="s" select="document($site)/s:site"/>
  <xsl:variable name="office" select="normalize-space($s/s:office)"/>
  <xsl:variable name="site-company" select="normalize-space($s/s:company)"/>
  <!-- the company and its office, as they sign a document -->
  <xsl:variable name="company" select="concat($site-company, ' ', $office)"/>
  <xsl:variable name="site-building" select="normalize-space($s/s:building)"/>
  <!-- paper: portrait width and height -->
  <xsl:variable name="paper" select="normalize-space($s/s:paper)"/>
  <xsl:variable name="page-w">
    <xsl:choose>
      <xsl:when test="$paper = 'A3'">297mm</xsl:when>
      <xsl:when test="$paper = 'B5'">176mm</xsl:when>
      <xsl:otherwise>210mm</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="page-h">
    <xsl:choose>
      <xsl:when test="$paper = 'A3'">420mm</xsl:when>
      <xsl:when test="$paper = 'B5'">250mm</xsl:when>
      <xsl:otherwise>297mm</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- the page height over A4's, for spacing drawn for A4 (the covers) -->
  <xsl:variable name="page-k" select="number(substring-before($page-h, 'mm')) div 297"/>
  <!-- the height of a form row filled in by hand -->
  <xsl:variable name="form-row-height">
    <xsl:choose>
      <xsl:when test="$s/s:form-row-height"><xsl:value-of select="normalize-space($s/s:form-row-height)"/></xsl:when>
      <xsl:otherwise>8mm</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="logo-height">
    <xsl:choose>
      <xsl:when test="$s/s:logo/@height"><xsl:value-of select="$s/s:logo/@height"/></xsl:when>
      <xsl:otherwise>12mm</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The site value a placeholder names (<site ref="…"/>, site="…"): a
       fixed name or a hotline's id.  folio check reports unknown names;
       here they stop the transformation. -->
  <xsl:template name="site-value">
    <xsl:param name="ref"/>
    <xsl:choose>
      <xsl:when test="not($s)">
        <xsl:message terminate="yes">no site file was given to the template</xsl:message>
      </xsl:when>
      <xsl:when test="$ref = 'office'"><xsl:value-of select="$office"/></xsl:when>
      <xsl:when test="$ref = 'company'"><xsl:value-of select="$site-company"/></xsl:when>
      <xsl:when test="$ref = 'issuer'"><xsl:value-of select="$company"/></xsl:when>
      <xsl:when test="$ref = 'building'"><xsl:value-of select="$site-building"/></xsl:when>
      <xsl:when test="$ref = 'address'"><xsl:value-of select="normalize-space($s/s:address)"/></xsl:when>
      <xsl:when test="$ref = 'postcode'"><xsl:value-of select="$s/s:address/@postcode"/></xsl:when>
      <xsl:when test="$ref = 'account-holder'">
        <xsl:choose>
          <xsl:when test="$s/s:bank-account/s:holder"><xsl:value-of select="normalize-space($s/s:bank-account/s:holder)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$site-company"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$ref = 'bank'"><xsl:value-of select="normalize-space($s/s:bank-account/s:bank)"/></xsl:when>
      <xsl:when test="$ref = 'account-number'"><xsl:value-of select="normalize-space($s/s:bank-account/s:number)"/></xsl:when>
      <xsl:when test="$s/s:hotlines/s:hotline[@id = $ref]"><xsl:value-of select="normalize-space($s/s:hotlines/s:hotline[@id = $ref])"/></xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">the site file has no value "<xsl:value-of select="$ref"/>"</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the logo, when the site has one -->
  <xsl:template name="site-logo">
    <xsl:param name="height" select="$logo-height"/>
    <xsl:if test="$site-logo != ''">
      <fo:external-graphic src="url('{$site-logo}')" content-height="{$height}" scaling="uniform"/>
    </xsl:if>
  </xsl:template>

  <!-- A4 portrait; the body leaves room for a header table and a footer -->
  <xsl:template name="page-masters">
    <fo:layout-master-set>
      <fo:simple-page-master master-name="cover" page-width="{$page-w}" page-height="{$page-h}" margin="25mm 25mm 20mm 25mm">
        <fo:region-body/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="front" page-width="{$page-w}" page-height="{$page-h}" margin="15mm 20mm 12mm 20mm">
        <fo:region-body margin-top="14mm" margin-bottom="12mm"/>
        <fo:region-before extent="10mm"/>
        <fo:region-after extent="8mm"/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="procedure" page-width="{$page-w}" page-height="{$page-h}" margin="12mm 20mm 12mm 20mm">
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
