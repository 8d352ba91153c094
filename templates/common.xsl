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

  <!-- ============================================================ type scale -->
  <!-- One typographic scale for the manual and the packet: body text,
       headings, captions and tables.  The root sets the body size; flows
       set the leading. -->
  <xsl:variable name="body-size" select="'10.5pt'"/>
  <xsl:variable name="body-leading" select="'1.5'"/>
  <xsl:variable name="h1-size" select="'16pt'"/>
  <xsl:variable name="h2-size" select="'12pt'"/>
  <xsl:variable name="caption-size" select="'10pt'"/>
  <xsl:variable name="table-size" select="'10pt'"/>
  <xsl:variable name="table-leading" select="'1.4'"/>

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
    <fo:block font-family="sans-serif" font-size="{$h1-size}" font-weight="bold" space-after="10pt"
        keep-with-next.within-page="always">
      <xsl:if test="$id"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
      <xsl:value-of select="$text"/>
    </fo:block>
  </xsl:template>

  <xsl:template name="h2">
    <xsl:param name="text"/>
    <fo:block font-family="sans-serif" font-size="{$h2-size}" font-weight="bold" space-before="10pt"
        space-after="5pt" keep-with-next.within-page="always">
      <xsl:value-of select="$text"/>
    </fo:block>
  </xsl:template>

  <!-- ============================================================ signatures -->
  <!-- One signature-and-seal component for every template (documents,
       forms, the receipt): the parties side by side in one table row at
       least $sig-room high, so that a 40 mm round seal has room over the
       party's name; every line a single line, so that the parties' lines
       share their baselines; a name is never broken: it follows its label
       when both fit the column, else it goes below the label (for every
       party of the block alike) and is set smaller if it still does not
       fit; the block is kept on one page. -->
  <xsl:variable name="sig-room" select="'44mm'"/>
  <xsl:variable name="sig-size" select="10.5"/>   <!-- pt: the text size of signature lines -->
  <xsl:variable name="sig-ascii" select="' !&quot;#$%&amp;()*+,-./0123456789:;&lt;=&gt;?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~'"/>

  <!-- the width of a text in ems: Han and full-width 1, ASCII 1/2 -->
  <xsl:template name="text-ems">
    <xsl:param name="t"/>
    <xsl:variable name="wide" select="string-length(translate($t, $sig-ascii, ''))"/>
    <xsl:value-of select="$wide + (string-length($t) - $wide) div 2"/>
  </xsl:template>

  <!-- the width of a party's column in ems, for $n parties across $body
       (pt) with gaps of $gap (pt) -->
  <xsl:template name="sig-column-ems">
    <xsl:param name="n"/>
    <xsl:param name="body"/>
    <xsl:param name="gap" select="17"/>
    <xsl:value-of select="floor((($body - ($n - 1) * $gap) div $n) div $sig-size * 10) div 10"/>
  </xsl:template>

  <!-- A party's name line: "label：name" on one line when it fits $w ems
       and not $above, else the label and below it the name, kept whole
       and set smaller when it is wider than the column.  $name is the
       name as FO (a result tree fragment); its text decides the fit. -->
  <xsl:template name="sig-name-line">
    <xsl:param name="label"/>
    <xsl:param name="name"/>
    <xsl:param name="w"/>
    <xsl:param name="above" select="false()"/>
    <xsl:variable name="ln"><xsl:call-template name="text-ems"><xsl:with-param name="t" select="concat($label, '：')"/></xsl:call-template></xsl:variable>
    <xsl:variable name="nn"><xsl:call-template name="text-ems"><xsl:with-param name="t" select="normalize-space(string($name))"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="not($above) and $ln + $nn &lt;= $w">
        <fo:block space-before="9pt" keep-together.within-line="always"><xsl:value-of select="$label"/>：<xsl:copy-of select="$name"/></fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block space-before="9pt" keep-together.within-line="always"><xsl:value-of select="$label"/>：</fo:block>
        <fo:block keep-together.within-line="always" text-indent="0pt">
          <xsl:if test="$nn &gt; $w - 1">
            <xsl:attribute name="font-size"><xsl:value-of select="floor($sig-size * ($w - 1) div $nn * 10) div 10"/>pt</xsl:attribute>
          </xsl:if>
          <xsl:copy-of select="$name"/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Does any party's name line of a block need the label above?  $pairs
       is "label-ems:name-ems " for each party. -->
  <xsl:template name="sig-above">
    <xsl:param name="pairs"/>
    <xsl:param name="w"/>
    <xsl:choose>
      <xsl:when test="normalize-space($pairs) = ''">0</xsl:when>
      <xsl:otherwise>
        <xsl:variable name="p" select="substring-before(concat(normalize-space($pairs), ' '), ' ')"/>
        <xsl:choose>
          <xsl:when test="number(substring-before($p, ':')) + number(substring-after($p, ':')) &gt; $w">1</xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="sig-above">
              <xsl:with-param name="pairs" select="substring-after(normalize-space($pairs), ' ')"/>
              <xsl:with-param name="w" select="$w"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The copy mark of copy $copy of an agreement between $parties (e.g.
       "甲方 乙方"): 甲方执, 乙方执; beyond the parties 第 n 份. -->
  <xsl:template name="copy-mark">
    <xsl:param name="copy"/>
    <xsl:param name="parties"/>
    <xsl:variable name="list" select="concat(normalize-space($parties), ' ')"/>
    <xsl:variable name="nth">
      <xsl:call-template name="nth-word"><xsl:with-param name="list" select="$list"/><xsl:with-param name="n" select="$copy"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$nth != ''"><xsl:value-of select="$nth"/>执</xsl:when>
      <xsl:otherwise>第 <xsl:value-of select="$copy"/> 份</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="nth-word">
    <xsl:param name="list"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$list = '' or $n &lt; 1"/>
      <xsl:when test="$n = 1"><xsl:value-of select="substring-before($list, ' ')"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="nth-word">
          <xsl:with-param name="list" select="substring-after($list, ' ')"/>
          <xsl:with-param name="n" select="$n - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
