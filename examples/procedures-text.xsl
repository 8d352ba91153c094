<?xml version="1.0" encoding="UTF-8"?>
<!-- Makes examples/procedures.fo: the text of the 13 procedures as plain
     XSL-FO (blocks and inlines only), the engine core's example document.
     xsltproc examples/procedures-text.xsl procedures/manual.xml > examples/procedures.fo -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:p="urn:folio:procedures"
    exclude-result-prefixes="p">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:variable name="m" select="/p:manual"/>
  <xsl:variable name="forms" select="document('../procedures/forms-register.xml')/p:forms-register"/>
  <xsl:template match="/">
    <fo:root font-family="serif" font-size="10.5pt" language="zh" country="CN">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm" margin="15mm 20mm 12mm 20mm">
          <fo:region-body margin-top="15mm" margin-bottom="15mm"/>
          <fo:region-before extent="10mm"/>
          <fo:region-after extent="8mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="A4">
        <fo:title><xsl:value-of select="$m/p:control/p:short-title"/></fo:title>
        <fo:static-content flow-name="xsl-region-before">
          <fo:block font-size="9pt" text-align="end" border-bottom="0.5pt solid black" padding-bottom="2pt">
            <xsl:value-of select="$m/p:control/p:issuer"/>
            <fo:inline>　</fo:inline>
            <xsl:value-of select="$m/p:control/p:short-title"/>　<xsl:value-of select="$m/@code"/>
          </fo:block>
        </fo:static-content>
        <fo:static-content flow-name="xsl-region-after">
          <fo:block font-size="9pt" text-align="center">第 <fo:page-number/> 页</fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <fo:block font-family="sans-serif" font-size="22pt" font-weight="bold" text-align="center" space-before="60pt" space-after="6pt"><xsl:value-of select="$m/p:control/p:title"/></fo:block>
          <fo:block font-size="14pt" text-align="center" space-after="40pt"><xsl:value-of select="$m/@code"/></fo:block>
          <fo:block font-family="sans-serif" font-size="12pt" font-weight="bold" space-after="6pt">说明</fo:block>
          <xsl:for-each select="$m/p:notes/p:note">
            <fo:block text-indent="2em"><xsl:value-of select="position()"/>、<xsl:value-of select="."/></fo:block>
          </xsl:for-each>
          <xsl:for-each select="$m/p:procedures/p:procedure-ref">
            <xsl:apply-templates select="document(concat('../procedures/', @href))/p:procedure"/>
          </xsl:for-each>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>
  <xsl:template match="p:procedure">
    <fo:block break-before="page" font-family="sans-serif" font-size="16pt" font-weight="bold" space-after="10pt" keep-with-next="always">
      <xsl:value-of select="p:title"/>（<xsl:value-of select="@code"/>）</fo:block>
    <xsl:if test="p:purpose"><xsl:call-template name="h"><xsl:with-param name="t">目的</xsl:with-param></xsl:call-template>
      <fo:block text-indent="2em" text-align="justify"><xsl:value-of select="p:purpose"/></fo:block></xsl:if>
    <xsl:if test="p:scope"><xsl:call-template name="h"><xsl:with-param name="t">适用范围</xsl:with-param></xsl:call-template>
      <fo:block text-indent="2em" text-align="justify"><xsl:value-of select="p:scope"/></fo:block></xsl:if>
    <xsl:call-template name="h"><xsl:with-param name="t">工作步骤</xsl:with-param></xsl:call-template>
    <xsl:for-each select="p:steps/p:step">
      <xsl:variable name="d" select="@dept"/>
      <fo:block text-indent="2em" text-align="justify" space-after="3pt">
        <fo:inline font-weight="bold"><xsl:value-of select="position()"/>. <xsl:value-of select="p:label"/></fo:inline>（<xsl:value-of select="$m/p:departments/p:department[@id=$d]"/>）：<xsl:value-of select="p:text"/>
        <xsl:for-each select="p:list/p:item"><xsl:value-of select="."/><xsl:if test="position() != last()">、</xsl:if></xsl:for-each>
      </fo:block>
    </xsl:for-each>
    <xsl:call-template name="h"><xsl:with-param name="t">程序说明</xsl:with-param></xsl:call-template>
    <xsl:for-each select="p:notes/p:note">
      <fo:block text-indent="2em" text-align="justify"><xsl:value-of select="position()"/>、<xsl:value-of select="."/></fo:block>
    </xsl:for-each>
    <xsl:call-template name="h"><xsl:with-param name="t">相关记录</xsl:with-param></xsl:call-template>
    <xsl:for-each select="p:records/p:record">
      <xsl:variable name="f" select="@form"/>
      <fo:block text-indent="2em"><xsl:value-of select="position()"/>. <xsl:value-of select="$forms//p:form[@id=$f]/p:name"/>（<xsl:value-of select="$forms//p:form[@id=$f]/@number"/>）</fo:block>
    </xsl:for-each>
    <xsl:call-template name="h"><xsl:with-param name="t">相关支持文件</xsl:with-param></xsl:call-template>
    <xsl:for-each select="p:supporting/p:document">
      <fo:block text-indent="2em"><xsl:value-of select="position()"/>. <xsl:value-of select="."/></fo:block>
    </xsl:for-each>
  </xsl:template>
  <xsl:template name="h">
    <xsl:param name="t"/>
    <fo:block font-family="sans-serif" font-weight="bold" space-before="8pt" space-after="4pt" keep-with-next="always"><xsl:value-of select="$t"/></fo:block>
  </xsl:template>
</xsl:stylesheet>
