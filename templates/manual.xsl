<?xml version="1.0" encoding="UTF-8"?>
<!-- The procedure manual 客服部工作程序 as XSL-FO: cover with the
     document-control block (and a 受控 stamp for a controlled copy), 说明,
     目录, 修订记录, then each procedure from a new page with its
     document-control header, flowchart, 程序说明, 相关记录, 相关支持文件.
     Input: procedures/manual.xml.  Parameters: procedure (one code, or empty
     for all), copy (分发号 of a controlled copy, or empty). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:p="urn:folio:procedures"
    xmlns:svg="http://www.w3.org/2000/svg" exclude-result-prefixes="p">

  <xsl:include href="common.xsl"/>
  <xsl:include href="flowchart.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="procedure" select="''"/>
  <xsl:param name="copy" select="''"/>
  <!-- the previous issued revision's sources, relative to procedures/
       (e.g. issued/E1R0/), or empty: then nothing is marked as changed -->
  <xsl:param name="previous" select="''"/>

  <xsl:variable name="m" select="/p:manual"/>
  <xsl:variable name="c" select="$m/p:control"/>
  <xsl:variable name="depts" select="$m/p:departments/p:department"/>
  <xsl:variable name="forms" select="document('forms-register.xml', /)/p:forms-register"/>
  <xsl:variable name="refs" select="$m/p:procedures/p:procedure-ref[$procedure = '' or @code = $procedure]"/>
  <xsl:variable name="version">
    <xsl:call-template name="version-zh">
      <xsl:with-param name="e" select="$c/p:version/@edition"/>
      <xsl:with-param name="r" select="$c/p:version/@revision"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="effective">
    <xsl:call-template name="date-zh"><xsl:with-param name="d" select="$c/p:effective/@date"/></xsl:call-template>
  </xsl:variable>

  <xsl:template match="/">
    <fo:root font-family="serif" font-size="{$body-size}" language="zh" country="CN">
      <xsl:call-template name="page-masters"/>
      <fo:declarations>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
          <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <dc:title><xsl:value-of select="$c/p:short-title"/><xsl:text> </xsl:text><xsl:value-of select="$m/@code"/></dc:title>
              <dc:creator><xsl:value-of select="$office"/></dc:creator>
            </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta>
      </fo:declarations>
      <fo:bookmark-tree>
        <xsl:if test="$procedure = ''">
          <fo:bookmark internal-destination="notes"><fo:bookmark-title>说明</fo:bookmark-title></fo:bookmark>
          <fo:bookmark internal-destination="toc"><fo:bookmark-title>目录</fo:bookmark-title></fo:bookmark>
          <fo:bookmark internal-destination="revisions"><fo:bookmark-title>修订记录</fo:bookmark-title></fo:bookmark>
        </xsl:if>
        <xsl:for-each select="$refs">
          <xsl:variable name="pr" select="document(@href, $m)/p:procedure"/>
          <fo:bookmark internal-destination="{@code}">
            <fo:bookmark-title><xsl:value-of select="@code"/><xsl:text> </xsl:text><xsl:value-of select="$pr/p:title"/></fo:bookmark-title>
          </fo:bookmark>
        </xsl:for-each>
      </fo:bookmark-tree>
      <xsl:if test="$procedure = ''">
        <xsl:call-template name="cover"/>
        <xsl:call-template name="front"/>
      </xsl:if>
      <xsl:for-each select="$refs">
        <xsl:apply-templates select="document(@href, $m)/p:procedure">
          <xsl:with-param name="old" select="document(concat($previous, @href), $m)[$previous != '']/p:procedure"/>
        </xsl:apply-templates>
      </xsl:for-each>
    </fo:root>
  </xsl:template>

  <!-- ============================================================ cover -->
  <xsl:template name="cover">
    <fo:page-sequence master-reference="cover">
      <fo:title><xsl:value-of select="$c/p:short-title"/></fo:title>
      <fo:flow flow-name="xsl-region-body">
        <xsl:if test="$copy != ''">
          <fo:block text-align="end">
            <fo:inline border="1.5pt solid #C00000" color="#C00000" padding="3pt" font-family="sans-serif" font-weight="bold" font-size="14pt">受控　分发号：<xsl:value-of select="$copy"/></fo:inline>
          </fo:block>
        </xsl:if>
        <xsl:if test="$site-logo != ''">
          <fo:block text-align="center" space-before="{10 * $page-k}mm"><xsl:call-template name="site-logo"/></fo:block>
        </xsl:if>
        <fo:block font-size="14pt" text-align="center">
          <xsl:attribute name="space-before"><xsl:choose><xsl:when test="$site-logo != ''"><xsl:value-of select="8 * $page-k"/>mm</xsl:when><xsl:otherwise><xsl:value-of select="30 * $page-k"/>mm</xsl:otherwise></xsl:choose></xsl:attribute>
          <xsl:value-of select="$office"/>
        </fo:block>
        <fo:block font-family="sans-serif" font-size="26pt" font-weight="bold" text-align="center" space-before="{18 * $page-k}mm" space-after="{6 * $page-k}mm"><xsl:value-of select="$c/p:title"/></fo:block>
        <fo:block font-size="16pt" text-align="center" space-after="{45 * $page-k}mm"><xsl:value-of select="$m/@code"/></fo:block>
        <fo:table table-layout="fixed" width="120mm" start-indent="25mm" border-collapse="collapse" font-size="12pt">
          <fo:table-column column-width="40mm"/>
          <fo:table-column column-width="80mm"/>
          <fo:table-body>
            <xsl:call-template name="control-row"><xsl:with-param name="k">编制部门</xsl:with-param><xsl:with-param name="v" select="$depts[@id = $c/p:prepared/@dept]"/></xsl:call-template>
            <xsl:call-template name="control-row"><xsl:with-param name="k">编制日期</xsl:with-param><xsl:with-param name="v"><xsl:call-template name="date-zh"><xsl:with-param name="d" select="$c/p:prepared/@date"/></xsl:call-template></xsl:with-param></xsl:call-template>
            <xsl:call-template name="control-row"><xsl:with-param name="k">审核部门</xsl:with-param><xsl:with-param name="v" select="$depts[@id = $c/p:reviewed/@dept]"/></xsl:call-template>
            <xsl:call-template name="control-row"><xsl:with-param name="k">批准</xsl:with-param><xsl:with-param name="v"><xsl:value-of select="$c/p:approved/@role"/><xsl:if test="$c/p:approved/@source = 'supplied'">※</xsl:if></xsl:with-param></xsl:call-template>
            <xsl:call-template name="control-row"><xsl:with-param name="k">生效日期</xsl:with-param><xsl:with-param name="v" select="$effective"/></xsl:call-template>
            <xsl:call-template name="control-row"><xsl:with-param name="k">版本/修订号</xsl:with-param><xsl:with-param name="v" select="$version"/></xsl:call-template>
            <xsl:call-template name="control-row"><xsl:with-param name="k">受控状态</xsl:with-param><xsl:with-param name="v"><xsl:choose><xsl:when test="$copy != ''">受控（分发号 <xsl:value-of select="$copy"/>）</xsl:when><xsl:otherwise><xsl:value-of select="$c/p:status"/></xsl:otherwise></xsl:choose></xsl:with-param></xsl:call-template>
          </fo:table-body>
        </fo:table>
        <fo:block font-size="14pt" text-align="center" space-before="{40 * $page-k}mm"><xsl:value-of select="$site-company"/></fo:block>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <xsl:template name="control-row">
    <xsl:param name="k"/>
    <xsl:param name="v"/>
    <fo:table-row>
      <fo:table-cell border="0.5pt solid black" padding="4pt" background-color="#F0F0F0"><fo:block text-align-last="justify"><xsl:value-of select="$k"/></fo:block></fo:table-cell>
      <fo:table-cell border="0.5pt solid black" padding="4pt"><fo:block><xsl:value-of select="$v"/></fo:block></fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- ============================================================ front matter -->
  <xsl:template name="running">
    <xsl:param name="left"/>
    <fo:static-content flow-name="xsl-region-before">
      <fo:block font-size="9pt" text-align-last="justify" border-bottom="0.5pt solid black" padding-bottom="2pt">
        <xsl:value-of select="$office"/>　<xsl:value-of select="$c/p:short-title"/><fo:leader leader-pattern="space"/><xsl:value-of select="$m/@code"/>　<xsl:value-of select="$version"/>
      </fo:block>
    </fo:static-content>
    <fo:static-content flow-name="xsl-region-after">
      <fo:block font-size="9pt" text-align="center">第 <fo:page-number/> 页　共 <fo:page-number-citation-last ref-id="manual-end"/> 页</fo:block>
    </fo:static-content>
  </xsl:template>

  <!-- What the source manual does not have (source="supplied" in the
       sources), listed under 说明 and marked ※ where it is printed:
       whole procedures by code, else the part and the reason. -->
  <xsl:template name="supplied-list">
    <xsl:variable name="whole" select="$refs[document(@href, $m)/p:procedure/@source = 'supplied']"/>
    <xsl:variable name="parts" select="$m//*[@source = 'supplied'] | document($refs/@href, $m)/p:procedure[not(@source = 'supplied')]//*[@source = 'supplied']"/>
    <xsl:if test="$whole or $parts">
      <fo:block text-indent="2em" text-align="justify" space-before="9pt" space-after="3pt" keep-with-next.within-page="always">注：下列内容为原件（2011 年 5 月编制的手册）所无，本版编制时补充（印在封面和各程序中的，以 ※ 标出）：</fo:block>
      <fo:list-block provisional-distance-between-starts="4em" provisional-label-separation="0.3em" font-size="{$caption-size}">
        <xsl:if test="$whole">
          <fo:list-item space-after="2pt">
            <fo:list-item-label end-indent="label-end()"><fo:block text-align="end">※</fo:block></fo:list-item-label>
            <fo:list-item-body start-indent="body-start()"><fo:block text-align="justify">
              <xsl:choose>
                <!-- a run of procedures: the first 至 the last -->
                <xsl:when test="count($whole) &gt; 2 and count($whole[last()]/preceding-sibling::*) - count($whole[1]/preceding-sibling::*) + 1 = count($whole)">
                  <xsl:value-of select="$whole[1]/@code"/> 至 <xsl:value-of select="$whole[last()]/@code"/>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:for-each select="$whole"><xsl:if test="position() &gt; 1">、</xsl:if><xsl:value-of select="@code"/></xsl:for-each>
                </xsl:otherwise>
              </xsl:choose>
              <xsl:text>全文：</xsl:text><xsl:value-of select="document($whole[1]/@href, $m)/p:procedure/@note"/>
            </fo:block></fo:list-item-body>
          </fo:list-item>
        </xsl:if>
        <xsl:for-each select="$m//*[@source = 'supplied']">
          <xsl:call-template name="supplied-item"/>
        </xsl:for-each>
        <xsl:for-each select="$refs">
          <xsl:for-each select="document(@href, $m)/p:procedure[not(@source = 'supplied')]//*[@source = 'supplied']">
            <xsl:call-template name="supplied-item"/>
          </xsl:for-each>
        </xsl:for-each>
      </fo:list-block>
    </xsl:if>
  </xsl:template>

  <xsl:template name="supplied-item">
          <fo:list-item space-after="2pt">
            <fo:list-item-label end-indent="label-end()"><fo:block text-align="end">※</fo:block></fo:list-item-label>
            <fo:list-item-body start-indent="body-start()"><fo:block text-align="justify">
              <xsl:if test="ancestor-or-self::p:procedure"><xsl:value-of select="ancestor-or-self::p:procedure/@code"/><xsl:text> </xsl:text></xsl:if>
              <xsl:call-template name="supplied-what"/>：<xsl:value-of select="@note"/>
            </fo:block></fo:list-item-body>
          </fo:list-item>
  </xsl:template>

  <xsl:template name="supplied-what">
    <xsl:choose>
      <xsl:when test="self::p:approved">封面批准栏</xsl:when>
      <xsl:when test="self::p:purpose">目的</xsl:when>
      <xsl:when test="self::p:scope">适用范围</xsl:when>
      <xsl:when test="self::p:lead">主控部门</xsl:when>
      <xsl:when test="self::p:record">相关记录第 <xsl:value-of select="count(preceding-sibling::p:record) + 1"/> 项</xsl:when>
      <xsl:when test="self::p:supporting">相关支持文件</xsl:when>
      <xsl:when test="self::p:step">工作步骤第 <xsl:value-of select="count(preceding-sibling::p:step) + 1"/> 步</xsl:when>
      <xsl:when test="self::p:note">程序说明第 <xsl:value-of select="count(preceding-sibling::p:note) + 1"/> 条</xsl:when>
      <xsl:otherwise><xsl:value-of select="local-name()"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="front">
    <fo:page-sequence master-reference="front">
      <xsl:call-template name="running"/>
      <fo:flow flow-name="xsl-region-body" line-height="{$body-leading}">
        <xsl:call-template name="h1"><xsl:with-param name="text">说明</xsl:with-param><xsl:with-param name="id">notes</xsl:with-param></xsl:call-template>
        <xsl:for-each select="$m/p:notes/p:note">
          <fo:block text-indent="2em" text-align="justify" space-after="3pt"><xsl:value-of select="position()"/>、<xsl:value-of select="."/></fo:block>
        </xsl:for-each>
        <xsl:call-template name="supplied-list"/>
        <fo:block id="toc" break-before="page" font-family="sans-serif" font-size="16pt" font-weight="bold" text-align="center" space-after="12pt">目　录</fo:block>
        <fo:block text-align-last="justify" space-after="4pt">修订记录<fo:leader leader-pattern="dots"/><fo:page-number-citation ref-id="revisions"/></fo:block>
        <!-- numbers in a column of their own, so that the titles line up -->
        <fo:list-block provisional-distance-between-starts="2.2em" provisional-label-separation="0.3em">
          <xsl:for-each select="$refs">
            <xsl:variable name="pr" select="document(@href, $m)/p:procedure"/>
            <fo:list-item space-after="4pt">
              <fo:list-item-label end-indent="label-end()"><fo:block text-align="end"><xsl:value-of select="position()"/>.</fo:block></fo:list-item-label>
              <fo:list-item-body start-indent="body-start()"><fo:block text-align-last="justify"><xsl:value-of select="$pr/p:title"/>（<xsl:value-of select="@code"/>）<fo:leader leader-pattern="dots"/><fo:page-number-citation ref-id="{@code}"/></fo:block></fo:list-item-body>
            </fo:list-item>
          </xsl:for-each>
        </fo:list-block>
        <fo:block id="revisions" break-before="page" font-family="sans-serif" font-size="16pt" font-weight="bold" text-align="center" space-after="12pt">修订记录</fo:block>
        <fo:table table-layout="fixed" width="100%" border-collapse="collapse" font-size="10pt">
          <fo:table-column column-width="28mm"/>
          <fo:table-column column-width="proportional-column-width(1)"/>
          <fo:table-column column-width="22mm"/>
          <fo:table-column column-width="22mm"/>
          <fo:table-column column-width="30mm"/>
          <fo:table-header background-color="#E8E8E8" font-weight="bold">
            <fo:table-row>
              <xsl:for-each select="document('')/*/xsl:variable[@name='rev-heads']/h">
                <fo:table-cell border="0.5pt solid black" padding="3pt"><fo:block text-align="center"><xsl:value-of select="."/></fo:block></fo:table-cell>
              </xsl:for-each>
            </fo:table-row>
          </fo:table-header>
          <fo:table-body>
            <xsl:for-each select="$m/p:revisions/p:revision">
              <fo:table-row>
                <fo:table-cell border="0.5pt solid black" padding="3pt"><fo:block><xsl:call-template name="version-zh"><xsl:with-param name="e" select="@edition"/><xsl:with-param name="r" select="@revision"/></xsl:call-template></fo:block></fo:table-cell>
                <fo:table-cell border="0.5pt solid black" padding="3pt"><fo:block><xsl:value-of select="p:summary"/></fo:block></fo:table-cell>
                <fo:table-cell border="0.5pt solid black" padding="3pt"><fo:block><xsl:value-of select="p:reviser"/></fo:block></fo:table-cell>
                <fo:table-cell border="0.5pt solid black" padding="3pt"><fo:block><xsl:value-of select="p:reviewer"/></fo:block></fo:table-cell>
                <fo:table-cell border="0.5pt solid black" padding="3pt"><fo:block><xsl:call-template name="date-zh"><xsl:with-param name="d" select="@effective"/></xsl:call-template></fo:block></fo:table-cell>
              </fo:table-row>
            </xsl:for-each>
          </fo:table-body>
        </fo:table>
        <xsl:call-template name="changes"/>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <!-- a change bar beside what differs from the previous issued revision -->
  <xsl:template name="bar-begin">
    <xsl:param name="c"/>
    <fo:change-bar-begin change-bar-class="{$c}" change-bar-style="solid" change-bar-width="1.5pt"
        change-bar-offset="8pt" change-bar-color="black"/>
  </xsl:template>

  <!-- what changed since the previous issued revision, procedure by procedure -->
  <xsl:template name="changes">
    <xsl:if test="$previous != ''">
      <xsl:variable name="pv" select="document(concat($previous, 'manual.xml'), $m)/p:manual/p:control/p:version"/>
      <fo:block font-family="sans-serif" font-weight="bold" space-before="14pt" space-after="6pt" keep-with-next.within-page="always">本次修订变更明细（与<xsl:call-template name="version-zh"><xsl:with-param name="e" select="$pv/@edition"/><xsl:with-param name="r" select="$pv/@revision"/></xsl:call-template>比较）</fo:block>
      <xsl:for-each select="$refs">
        <xsl:variable name="new" select="document(@href, $m)/p:procedure"/>
        <xsl:variable name="old" select="document(concat($previous, @href), $m)/p:procedure"/>
        <xsl:variable name="list">
          <xsl:choose>
            <xsl:when test="not($old)">新增程序；</xsl:when>
            <xsl:otherwise>
              <xsl:for-each select="$new/p:steps/p:step">
                <xsl:variable name="os" select="$old/p:steps/p:step[@id = current()/@id]"/>
                <xsl:choose>
                  <xsl:when test="not($os)">新增步骤“<xsl:value-of select="p:label"/>”；</xsl:when>
                  <xsl:when test="string($os/p:label) != string(p:label) or normalize-space($os/p:text) != normalize-space(p:text)
                      or string($os/@dept) != string(@dept) or string($os/@assist) != string(@assist)
                      or normalize-space($os/p:list) != normalize-space(p:list)">修改步骤“<xsl:value-of select="p:label"/>”；</xsl:when>
                </xsl:choose>
              </xsl:for-each>
              <xsl:for-each select="$old/p:steps/p:step[not(@id = $new/p:steps/p:step/@id)]">删除步骤“<xsl:value-of select="p:label"/>”；</xsl:for-each>
              <xsl:if test="normalize-space($new/p:notes) != normalize-space($old/p:notes)">修改程序说明；</xsl:if>
              <xsl:if test="count($new/p:records/p:record) != count($old/p:records/p:record) or $new/p:records/p:record[not(@form = $old/p:records/p:record/@form)]">修改相关记录；</xsl:if>
              <xsl:if test="normalize-space($new/p:supporting) != normalize-space($old/p:supporting)">修改相关支持文件；</xsl:if>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:if test="string($list) != ''">
          <fo:block start-indent="2em" text-indent="-2em" space-after="2pt"><xsl:value-of select="@code"/>　<xsl:value-of select="$new/p:title"/>：<xsl:value-of select="$list"/></fo:block>
        </xsl:if>
      </xsl:for-each>
      <xsl:for-each select="document(concat($previous, 'manual.xml'), $m)/p:manual/p:procedures/p:procedure-ref[not(@code = $refs/@code)][$procedure = '']">
        <fo:block start-indent="2em" text-indent="-2em" space-after="2pt"><xsl:value-of select="@code"/>：删除程序。</fo:block>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:variable name="rev-heads"><h>版本</h><h>修订内容摘要</h><h>修订人</h><h>审核人</h><h>生效日期</h></xsl:variable>

  <!-- ============================================================ procedures -->
  <xsl:template match="p:procedure">
    <xsl:param name="old"/>
    <xsl:variable name="code" select="@code"/>
    <fo:page-sequence master-reference="procedure">
      <fo:static-content flow-name="xsl-region-before">
        <fo:table table-layout="fixed" width="100%" border-collapse="collapse" font-size="9pt">
          <fo:table-column column-width="proportional-column-width(1)"/>
          <fo:table-column column-width="proportional-column-width(2)"/>
          <fo:table-column column-width="proportional-column-width(1)"/>
          <fo:table-column column-width="proportional-column-width(1)"/>
          <fo:table-body>
            <fo:table-row>
              <fo:table-cell border="0.5pt solid black" padding="2pt" number-rows-spanned="2" display-align="center"><fo:block text-align="center" font-weight="bold"><xsl:value-of select="$office"/></fo:block></fo:table-cell>
              <fo:table-cell border="0.5pt solid black" padding="2pt" number-rows-spanned="2" display-align="center"><fo:block text-align="center" font-family="sans-serif" font-weight="bold" font-size="11pt"><xsl:value-of select="p:title"/></fo:block><fo:block text-align="center"><xsl:value-of select="$code"/></fo:block></fo:table-cell>
              <fo:table-cell border="0.5pt solid black" padding="2pt"><fo:block>文件编号：<xsl:value-of select="$m/@code"/></fo:block></fo:table-cell>
              <fo:table-cell border="0.5pt solid black" padding="2pt"><fo:block>版本/修订号：<fo:inline keep-together.within-line="always"><xsl:value-of select="$version"/></fo:inline></fo:block></fo:table-cell>
            </fo:table-row>
            <fo:table-row>
              <fo:table-cell border="0.5pt solid black" padding="2pt"><fo:block>生效日期：<fo:inline keep-together.within-line="always"><xsl:value-of select="$effective"/></fo:inline></fo:block></fo:table-cell>
              <fo:table-cell border="0.5pt solid black" padding="2pt"><fo:block>第 <fo:page-number/> 页　共 <fo:page-number-citation-last ref-id="manual-end"/> 页</fo:block></fo:table-cell>
            </fo:table-row>
          </fo:table-body>
        </fo:table>
      </fo:static-content>
      <fo:static-content flow-name="xsl-region-after">
        <fo:block font-size="8pt" text-align="center" color="#555555"><xsl:value-of select="$site-company"/>　<xsl:value-of select="$version"/></fo:block>
      </fo:static-content>
      <fo:flow flow-name="xsl-region-body" line-height="{$body-leading}">
        <xsl:call-template name="h1">
          <xsl:with-param name="text"><xsl:value-of select="p:title"/>（<xsl:value-of select="$code"/>）<xsl:if test="@source = 'supplied'">※</xsl:if></xsl:with-param>
          <xsl:with-param name="id" select="$code"/>
        </xsl:call-template>
        <xsl:if test="p:purpose">
          <xsl:call-template name="h2"><xsl:with-param name="text">目的<xsl:if test="p:purpose/@source = 'supplied'">※</xsl:if></xsl:with-param></xsl:call-template>
          <fo:block text-indent="2em" text-align="justify"><xsl:value-of select="p:purpose"/></fo:block>
        </xsl:if>
        <xsl:if test="p:scope">
          <xsl:call-template name="h2"><xsl:with-param name="text">适用范围<xsl:if test="p:scope/@source = 'supplied'">※</xsl:if></xsl:with-param></xsl:call-template>
          <fo:block text-indent="2em" text-align="justify"><xsl:value-of select="p:scope"/></fo:block>
        </xsl:if>
        <xsl:call-template name="h2"><xsl:with-param name="text">流程图</xsl:with-param></xsl:call-template>
        <xsl:call-template name="flowchart">
          <xsl:with-param name="proc" select="."/>
          <xsl:with-param name="depts" select="$depts"/>
        </xsl:call-template>
        <xsl:call-template name="h2"><xsl:with-param name="text">工作步骤</xsl:with-param></xsl:call-template>
        <!-- numbered steps with a hanging indent -->
        <xsl:for-each select="p:steps/p:step">
          <xsl:variable name="d" select="@dept"/>
          <xsl:variable name="os" select="$old/p:steps/p:step[@id = current()/@id]"/>
          <xsl:variable name="changed" select="$previous != '' and (not($os) or string($os/p:label) != string(p:label)
              or normalize-space($os/p:text) != normalize-space(p:text) or string($os/@dept) != string(@dept)
              or string($os/@assist) != string(@assist) or normalize-space($os/p:list) != normalize-space(p:list))"/>
          <xsl:if test="$changed"><xsl:call-template name="bar-begin"><xsl:with-param name="c" select="concat($code, '-', @id)"/></xsl:call-template></xsl:if>
          <fo:block start-indent="2em" text-indent="-2em" text-align="justify" space-after="3pt">
            <xsl:value-of select="position()"/>.　<fo:inline font-weight="bold"><xsl:value-of select="p:label"/></fo:inline>（<xsl:value-of select="$depts[@id = $d]"/>）：<xsl:value-of select="p:text"/>
          </fo:block>
          <xsl:for-each select="p:list/p:item">
            <fo:block start-indent="4em" text-indent="-2em">（<xsl:value-of select="position()"/>）<xsl:value-of select="."/></fo:block>
          </xsl:for-each>
          <xsl:if test="$changed"><fo:change-bar-end change-bar-class="{concat($code, '-', @id)}"/></xsl:if>
        </xsl:for-each>
        <xsl:call-template name="h2"><xsl:with-param name="text">程序说明</xsl:with-param></xsl:call-template>
        <xsl:for-each select="p:notes/p:note">
          <xsl:variable name="i" select="position()"/>
          <xsl:variable name="changed" select="$previous != '' and normalize-space($old/p:notes/p:note[$i]) != normalize-space(.)"/>
          <xsl:if test="$changed"><xsl:call-template name="bar-begin"><xsl:with-param name="c" select="concat($code, '-n', $i)"/></xsl:call-template></xsl:if>
          <fo:block text-indent="2em" text-align="justify" space-after="2pt">
            <xsl:if test="@role = 'key'"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
            <xsl:value-of select="position()"/>、<xsl:value-of select="."/>
          </fo:block>
          <xsl:if test="$changed"><fo:change-bar-end change-bar-class="{concat($code, '-n', $i)}"/></xsl:if>
        </xsl:for-each>
        <xsl:call-template name="h2"><xsl:with-param name="text">相关记录</xsl:with-param></xsl:call-template>
        <xsl:for-each select="p:records/p:record">
          <xsl:variable name="f" select="$forms//p:form[@id = current()/@form]"/>
          <xsl:variable name="i" select="position()"/>
          <xsl:variable name="changed" select="$previous != '' and string($old/p:records/p:record[$i]/@form) != string(@form)"/>
          <xsl:if test="$changed"><xsl:call-template name="bar-begin"><xsl:with-param name="c" select="concat($code, '-r', $i)"/></xsl:call-template></xsl:if>
          <fo:block text-indent="2em"><xsl:value-of select="position()"/>. <xsl:value-of select="$f/p:name"/><xsl:if test="$f/p:ordinal">（<xsl:value-of select="$f/p:ordinal"/>）</xsl:if>（<xsl:value-of select="$f/@number"/>）<xsl:if test="@source = 'supplied'">※</xsl:if></fo:block>
          <xsl:if test="$changed"><fo:change-bar-end change-bar-class="{concat($code, '-r', $i)}"/></xsl:if>
        </xsl:for-each>
        <xsl:call-template name="h2"><xsl:with-param name="text">相关支持文件<xsl:if test="p:supporting/@source = 'supplied'">※</xsl:if></xsl:with-param></xsl:call-template>
        <xsl:for-each select="p:supporting/p:document">
          <xsl:variable name="i" select="position()"/>
          <xsl:variable name="changed" select="$previous != '' and normalize-space($old/p:supporting/p:document[$i]) != normalize-space(.)"/>
          <xsl:if test="$changed"><xsl:call-template name="bar-begin"><xsl:with-param name="c" select="concat($code, '-d', $i)"/></xsl:call-template></xsl:if>
          <fo:block text-indent="2em"><xsl:value-of select="position()"/>. <xsl:value-of select="."/></fo:block>
          <xsl:if test="$changed"><fo:change-bar-end change-bar-class="{concat($code, '-d', $i)}"/></xsl:if>
        </xsl:for-each>
        <xsl:if test="generate-id(.) = generate-id(document($refs[last()]/@href, $m)/p:procedure)">
          <fo:block id="manual-end"/>
        </xsl:if>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>
</xsl:stylesheet>
