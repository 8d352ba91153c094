<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared parts of the packet templates: reading the case (paths as in
     docs/sources-forms.md and docs/sources-content.md §2.4), the printed
     formats and their blank patterns, ruled fill-in lines, check boxes, the
     page header and footer, and the receipt 收楼文件签收单.
     Included by job.xsl, which defines $job, $case and $completed. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:j="urn:folio:job"
    xmlns:c="urn:folio:case" xmlns:d="urn:folio:document" xmlns:fm="urn:folio:form"
    xmlns:p="urn:folio:procedures" xmlns:f="urn:folio:xslt"
    exclude-result-prefixes="j c d fm p f">

  <!-- case values: black like the pre-printed text, so that they print the
       same on any printer; in running text they are underlined, blue is
       for links only -->
  <xsl:variable name="fill-color" select="'#000000'"/>
  <xsl:variable name="receipt-title">收楼文件签收单</xsl:variable>

  <!-- ============================================================ case paths -->
  <!-- The string at a slash-separated path of element local names from
       $node (the case root, or a table's row element); a last step @name
       is an attribute, "@id" the case number.  The first match is used at
       every step, so customer/contacts/contact/name is the primary contact.
       Empty when there is no such value (or no case). -->
  <xsl:template name="cv">
    <xsl:param name="node" select="$case"/>
    <xsl:param name="path"/>
    <xsl:choose>
      <xsl:when test="not($node) or $path = ''"/>
      <xsl:when test="starts-with($path, '@')">
        <xsl:value-of select="normalize-space($node/@*[local-name() = substring($path, 2)])"/>
      </xsl:when>
      <xsl:when test="contains($path, '/')">
        <xsl:call-template name="cv">
          <xsl:with-param name="node" select="$node/*[local-name() = substring-before($path, '/')][1]"/>
          <xsl:with-param name="path" select="substring-after($path, '/')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="normalize-space($node/*[local-name() = $path][1])"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "y" when the element (or attribute) at the path exists -->
  <xsl:template name="cv-exists">
    <xsl:param name="node" select="$case"/>
    <xsl:param name="path"/>
    <xsl:choose>
      <xsl:when test="not($node) or $path = ''"/>
      <xsl:when test="starts-with($path, '@')">
        <xsl:if test="$node/@*[local-name() = substring($path, 2)]">y</xsl:if>
      </xsl:when>
      <xsl:when test="contains($path, '/')">
        <xsl:call-template name="cv-exists">
          <xsl:with-param name="node" select="$node/*[local-name() = substring-before($path, '/')][1]"/>
          <xsl:with-param name="path" select="substring-after($path, '/')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="$node/*[local-name() = $path]">y</xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The ids (generate-id, each between spaces) of ALL the elements at a
       path below the nodes: the rows of a table bound to a repeated case
       element.  Select them with [contains($ids, concat(' ', generate-id(), ' '))]. -->
  <xsl:template name="path-ids">
    <xsl:param name="nodes"/>
    <xsl:param name="path"/>
    <xsl:choose>
      <xsl:when test="$path = ''">
        <xsl:for-each select="$nodes">
          <xsl:text> </xsl:text><xsl:value-of select="generate-id()"/><xsl:text> </xsl:text>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="step" select="substring-before(concat($path, '/'), '/')"/>
        <xsl:call-template name="path-ids">
          <xsl:with-param name="nodes" select="$nodes/*[local-name() = $step]"/>
          <xsl:with-param name="path" select="substring-after($path, '/')"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ formats -->
  <!-- 2024-03-11 → 2024年3月11日; 2024-03 → 2024年3月 -->
  <xsl:template name="zh-date">
    <xsl:param name="d"/>
    <xsl:if test="string-length($d) &gt;= 7">
      <xsl:value-of select="substring($d, 1, 4)"/>
      <xsl:text>年</xsl:text>
      <xsl:value-of select="number(substring($d, 6, 2))"/>
      <xsl:text>月</xsl:text>
      <xsl:if test="string-length($d) &gt;= 10">
        <xsl:value-of select="number(substring($d, 9, 2))"/>
        <xsl:text>日</xsl:text>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- A raw case value (or a computed number) in a format of
       docs/sources-forms.md; empty stays empty. -->
  <xsl:template name="fmt">
    <xsl:param name="v"/>
    <xsl:param name="format" select="'text'"/>
    <xsl:choose>
      <xsl:when test="string($v) = ''"/>
      <xsl:when test="$format = 'date-zh'">
        <xsl:call-template name="zh-date"><xsl:with-param name="d" select="$v"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$format = 'year-month'">
        <xsl:call-template name="zh-date"><xsl:with-param name="d" select="substring($v, 1, 7)"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$format = 'amount' and string(number($v)) != 'NaN'">
        <xsl:value-of select="format-number($v, '#,##0.00')"/>
      </xsl:when>
      <xsl:when test="$format = 'percent' and string(number($v)) != 'NaN'">
        <xsl:value-of select="format-number(round(number($v) * 10) div 10, '0.0')"/>
        <xsl:text>%</xsl:text>
      </xsl:when>
      <xsl:when test="$format = 'amount-zh-capital' and string(number($v)) != 'NaN'">
        <xsl:value-of select="f:amount-zh(format-number($v, '0.00'))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The printed value at a path in a completed rendering: formatted,
       mapped through map children (electricity → 电表), a date range from
       the element's from/to or start/end.  Empty in a blank rendering or
       when the case has no value. -->
  <xsl:template name="case-text">
    <xsl:param name="node" select="$case"/>
    <xsl:param name="path"/>
    <xsl:param name="format" select="'text'"/>
    <xsl:param name="maps" select="/.."/>
    <xsl:if test="$completed and $path != ''">
      <xsl:choose>
        <xsl:when test="$format = 'date-range'">
          <xsl:variable name="from">
            <xsl:call-template name="cv"><xsl:with-param name="node" select="$node"/><xsl:with-param name="path" select="concat($path, '/from')"/></xsl:call-template>
            <xsl:call-template name="cv"><xsl:with-param name="node" select="$node"/><xsl:with-param name="path" select="concat($path, '/start')"/></xsl:call-template>
          </xsl:variable>
          <xsl:variable name="to">
            <xsl:call-template name="cv"><xsl:with-param name="node" select="$node"/><xsl:with-param name="path" select="concat($path, '/to')"/></xsl:call-template>
            <xsl:call-template name="cv"><xsl:with-param name="node" select="$node"/><xsl:with-param name="path" select="concat($path, '/end')"/></xsl:call-template>
          </xsl:variable>
          <xsl:if test="$from != '' and $to != ''">
            <xsl:call-template name="zh-date"><xsl:with-param name="d" select="$from"/></xsl:call-template>
            <xsl:text>至</xsl:text>
            <xsl:call-template name="zh-date"><xsl:with-param name="d" select="$to"/></xsl:call-template>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="raw">
            <xsl:call-template name="cv"><xsl:with-param name="node" select="$node"/><xsl:with-param name="path" select="$path"/></xsl:call-template>
          </xsl:variable>
          <xsl:choose>
            <xsl:when test="$raw = ''"/>
            <xsl:when test="$maps[@value = $raw]"><xsl:value-of select="normalize-space($maps[@value = $raw][1])"/></xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="fmt">
                <xsl:with-param name="v" select="$raw"/>
                <xsl:with-param name="format" select="$format"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ lines and boxes -->
  <!-- a ruled fill-in line of $w em -->
  <xsl:template name="rule">
    <xsl:param name="w" select="6"/>
    <fo:leader leader-pattern="rule" rule-thickness="0.5pt" leader-length="{$w}em"/>
  </xsl:template>

  <!-- a ruled line up to the end of the line (the block needs
       text-align-last="justify") -->
  <xsl:template name="rule-fill">
    <xsl:param name="min" select="2"/>
    <fo:leader leader-pattern="rule" rule-thickness="0.5pt" leader-length.minimum="{$min}em"/>
  </xsl:template>

  <!-- The blank pattern of a format: ____年__月__日, 人民币（大写）____ … ;
       otherwise a line of $w em. -->
  <xsl:template name="blank-pattern">
    <xsl:param name="format" select="'text'"/>
    <xsl:param name="w" select="6"/>
    <xsl:choose>
      <xsl:when test="$format = 'date-zh'">
        <xsl:call-template name="rule"><xsl:with-param name="w" select="2.6"/></xsl:call-template>年<xsl:call-template name="rule"><xsl:with-param name="w" select="1.6"/></xsl:call-template>月<xsl:call-template name="rule"><xsl:with-param name="w" select="1.6"/></xsl:call-template>日</xsl:when>
      <xsl:when test="$format = 'date-range'">
        <xsl:call-template name="blank-pattern"><xsl:with-param name="format" select="'date-zh'"/></xsl:call-template>至<xsl:call-template name="blank-pattern"><xsl:with-param name="format" select="'date-zh'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$format = 'year-month'">
        <xsl:call-template name="rule"><xsl:with-param name="w" select="2.6"/></xsl:call-template>年<xsl:call-template name="rule"><xsl:with-param name="w" select="1.6"/></xsl:call-template>月</xsl:when>
      <xsl:when test="$format = 'datetime-zh'">
        <xsl:call-template name="rule"><xsl:with-param name="w" select="2.2"/></xsl:call-template>年<xsl:call-template name="rule"><xsl:with-param name="w" select="1.2"/></xsl:call-template>月<xsl:call-template name="rule"><xsl:with-param name="w" select="1.2"/></xsl:call-template>日<xsl:call-template name="rule"><xsl:with-param name="w" select="1.2"/></xsl:call-template>时<xsl:call-template name="rule"><xsl:with-param name="w" select="1.2"/></xsl:call-template>分</xsl:when>
      <xsl:when test="$format = 'time'">
        <xsl:call-template name="rule"><xsl:with-param name="w" select="1.6"/></xsl:call-template>时<xsl:call-template name="rule"><xsl:with-param name="w" select="1.6"/></xsl:call-template>分</xsl:when>
      <xsl:when test="$format = 'amount-zh-capital'"><fo:inline keep-together.within-line="always">人民币（大写）</fo:inline><fo:leader leader-pattern="rule" rule-thickness="0.5pt" leader-length.minimum="4em" leader-length.optimum="16em" leader-length.maximum="16em"/></xsl:when>
      <xsl:when test="$format = 'percent'">
        <xsl:call-template name="rule"><xsl:with-param name="w" select="4"/></xsl:call-template>%</xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="rule"><xsl:with-param name="w" select="$w"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a filled-in value -->
  <xsl:template name="filled">
    <xsl:param name="text"/>
    <xsl:param name="format" select="'text'"/>
    <fo:inline color="{$fill-color}">
      <xsl:if test="$format = 'phone'"><xsl:attribute name="keep-together.within-line">always</xsl:attribute></xsl:if>
      <xsl:choose>
        <!-- an e-mail address may break after its @ in a narrow cell -->
        <xsl:when test="contains($text, '@') and not(contains($text, ' '))"><xsl:value-of select="substring-before($text, '@')"/>@&#x200B;<xsl:value-of select="substring-after($text, '@')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
      </xsl:choose>
    </fo:inline>
  </xsl:template>

  <!-- a value, or the fallback text, or the blank pattern -->
  <xsl:template name="value-or-blank">
    <xsl:param name="text"/>
    <xsl:param name="fallback" select="''"/>
    <xsl:param name="format" select="'text'"/>
    <xsl:param name="w" select="6"/>
    <xsl:choose>
      <xsl:when test="string($text) != ''">
        <xsl:call-template name="filled"><xsl:with-param name="text" select="$text"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="string($fallback) != ''"><xsl:value-of select="$fallback"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="blank-pattern">
          <xsl:with-param name="format" select="$format"/>
          <xsl:with-param name="w" select="$w"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a check box: ☐, or ☑ in the fill colour -->
  <xsl:template name="box">
    <xsl:param name="on" select="false()"/>
    <xsl:choose>
      <xsl:when test="$on"><fo:inline color="{$fill-color}">☑</fo:inline></xsl:when>
      <xsl:otherwise>☐</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ page header and footer -->
  <!-- left and right of the header; the footer names the item, numbers the
       page within the item and, for forms, the keeping department; $part
       prints the label of a part in the right margin -->
  <xsl:template name="page-static">
    <xsl:param name="left"/>
    <xsl:param name="right"/>
    <xsl:param name="foot"/>
    <xsl:param name="foot-right" select="''"/>
    <xsl:param name="seq"/>
    <xsl:param name="part" select="''"/>
    <xsl:param name="landscape" select="false()"/>
    <fo:static-content flow-name="xsl-region-before">
      <fo:block font-size="8.5pt" text-align-last="justify" border-bottom="0.5pt solid black" padding-bottom="1.5pt">
        <xsl:value-of select="$left"/><fo:leader leader-pattern="space"/><xsl:value-of select="$right"/>
      </fo:block>
    </fo:static-content>
    <fo:static-content flow-name="xsl-region-after">
      <fo:block font-size="8pt" color="#444444" text-align-last="justify">
        <xsl:value-of select="$foot"/><fo:leader leader-pattern="space"/>第 <fo:page-number/> 页　共 <fo:page-number-citation-last ref-id="{$seq}"/> 页<fo:leader leader-pattern="space"/><xsl:value-of select="$foot-right"/>
      </fo:block>
    </fo:static-content>
    <xsl:if test="$part != ''">
      <fo:static-content flow-name="xsl-region-end">
        <fo:block-container reference-orientation="-90" width="6mm">
          <xsl:attribute name="height"><xsl:choose><xsl:when test="$landscape">160mm</xsl:when><xsl:otherwise>240mm</xsl:otherwise></xsl:choose></xsl:attribute>
          <fo:block font-size="9pt" font-family="sans-serif" text-align="center" letter-spacing="0.2em"><xsl:value-of select="$part"/></fo:block>
        </fo:block-container>
      </fo:static-content>
    </xsl:if>
  </xsl:template>

  <!-- 客户缴费通知书（收楼表格一） -->
  <xsl:template name="form-name">
    <xsl:param name="form"/>
    <xsl:value-of select="normalize-space($form/fm:title)"/>
    <xsl:if test="$form/fm:subtitle">（<xsl:value-of select="normalize-space($form/fm:subtitle)"/>）</xsl:if>
  </xsl:template>

  <!-- How many copies of an item the job prints: @copies; a document of
       type agreement is signed 一式两份, so two unless told otherwise. -->
  <xsl:template name="copies-of">
    <xsl:param name="item" select="."/>
    <xsl:choose>
      <xsl:when test="number($item/@copies) &gt;= 1"><xsl:value-of select="floor(number($item/@copies))"/></xsl:when>
      <xsl:when test="$item/@kind = 'document' and document($item/@href)/d:document/@type = 'agreement'">2</xsl:when>
      <xsl:otherwise>1</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ receipt -->
  <!-- What a receipt rendered on its own lists: the handover procedure's
       packet (hrefs relative to this file). -->
  <j:standard-packet>
    <j:item kind="document" href="../docs/content/customer-handbook.xml"/>
    <j:item kind="document" href="../docs/content/renovation-rules.xml"/>
    <j:item kind="document" href="../docs/content/emergency-manual.xml"/>
    <j:item kind="document" href="../docs/content/safety-agreement.xml"/>
    <j:item kind="document" href="../docs/content/access-pass-register.xml"/>
    <j:item kind="form" href="../procedures/forms/XT-KF-CX-001-R01.xml"/>
    <j:item kind="form" href="../procedures/forms/XT-KF-CX-001-R02.xml"/>
    <j:item kind="form" href="../procedures/forms/XT-KF-CX-001-R03.xml"/>
    <j:item kind="form" href="../procedures/forms/XT-KF-CX-001-R04.xml"/>
    <j:item kind="form" href="../procedures/forms/XT-KF-CX-001-R05.xml"/>
    <j:item kind="form" href="../procedures/forms/XT-KF-CX-001-R06.xml"/>
    <j:item kind="form" href="../procedures/forms/XT-KF-CX-001-R07.xml"/>
    <j:item kind="form" href="../procedures/forms/XT-KF-CX-001-R08.xml"/>
  </j:standard-packet>

  <!-- 收楼文件签收单: the documents and forms of the job (or, when the job
       has none, the standard packet), each with its number, 份数 and a
       签收 column; then the customer's signature and date, and the
       经办人. -->
  <xsl:template name="receipt">
    <xsl:param name="seq"/>
    <xsl:param name="anchor" select="''"/>
    <xsl:variable name="listed" select="$job/j:item[@kind = 'document' or @kind = 'form']"/>
    <xsl:variable name="items" select="$listed | document('')/*/j:standard-packet[not($listed)]/j:item"/>
    <xsl:variable name="docs" select="$items[@kind = 'document']"/>
    <xsl:variable name="forms" select="$items[@kind = 'form']"/>
    <xsl:variable name="case-id"><xsl:call-template name="case-text"><xsl:with-param name="path" select="'@id'"/></xsl:call-template></xsl:variable>
    <fo:page-sequence master-reference="form-portrait" id="{$seq}" initial-page-number="1">
      <fo:title><xsl:value-of select="$receipt-title"/></fo:title>
      <xsl:call-template name="page-static">
        <xsl:with-param name="left" select="$office"/>
        <xsl:with-param name="right" select="$receipt-title"/>
        <xsl:with-param name="foot" select="$receipt-title"/>
        <xsl:with-param name="foot-right" select="'保存部门：客服部'"/>
        <xsl:with-param name="seq" select="$seq"/>
      </xsl:call-template>
      <fo:flow flow-name="xsl-region-body">
        <fo:block>
          <xsl:if test="$anchor != ''"><xsl:attribute name="id"><xsl:value-of select="$anchor"/></xsl:attribute></xsl:if>
        </fo:block>
        <xsl:call-template name="form-heading">
          <xsl:with-param name="title" select="$receipt-title"/>
          <xsl:with-param name="serial-label" select="'收楼编号'"/>
          <xsl:with-param name="serial-text" select="$case-id"/>
          <xsl:with-param name="has-serial" select="true()"/>
        </xsl:call-template>
        <fo:table table-layout="fixed" width="100%" border-collapse="collapse" space-after="8pt">
          <fo:table-column column-width="7em"/>
          <fo:table-column column-width="proportional-column-width(1)"/>
          <fo:table-column column-width="7em"/>
          <fo:table-column column-width="proportional-column-width(1)"/>
          <fo:table-body>
            <fo:table-row height="{$form-row-height}">
              <xsl:call-template name="label-cell"><xsl:with-param name="label" select="'客户名称'"/></xsl:call-template>
              <xsl:call-template name="receipt-value"><xsl:with-param name="path" select="'customer/name-zh'"/><xsl:with-param name="span" select="3"/></xsl:call-template>
            </fo:table-row>
            <fo:table-row height="{$form-row-height}">
              <xsl:call-template name="label-cell"><xsl:with-param name="label" select="'租赁单元'"/></xsl:call-template>
              <fo:table-cell xsl:use-attribute-sets="cell-value">
                <fo:block>
                  <xsl:choose>
                    <xsl:when test="$completed">
                      <xsl:call-template name="filled">
                        <xsl:with-param name="text">
                          <xsl:call-template name="cv"><xsl:with-param name="path" select="'unit/floor'"/></xsl:call-template>
                          <xsl:text> 层 </xsl:text>
                          <xsl:call-template name="cv"><xsl:with-param name="path" select="'unit/number'"/></xsl:call-template>
                          <xsl:text> 单元</xsl:text>
                        </xsl:with-param>
                      </xsl:call-template>
                    </xsl:when>
                    <xsl:otherwise><xsl:call-template name="rule"><xsl:with-param name="w" select="2.5"/></xsl:call-template> 层 <xsl:call-template name="rule"><xsl:with-param name="w" select="5"/></xsl:call-template> 单元</xsl:otherwise>
                  </xsl:choose>
                </fo:block>
              </fo:table-cell>
              <xsl:call-template name="label-cell"><xsl:with-param name="label" select="'收楼日期'"/></xsl:call-template>
              <xsl:call-template name="receipt-value"><xsl:with-param name="path" select="'handover-date'"/><xsl:with-param name="format" select="'date-zh'"/></xsl:call-template>
            </fo:table-row>
            <fo:table-row height="{$form-row-height}">
              <xsl:call-template name="label-cell"><xsl:with-param name="label" select="'租赁合同编号'"/></xsl:call-template>
              <xsl:call-template name="receipt-value"><xsl:with-param name="path" select="'lease/contract-no'"/></xsl:call-template>
              <xsl:call-template name="label-cell"><xsl:with-param name="label" select="'客户联系人'"/></xsl:call-template>
              <xsl:call-template name="receipt-value"><xsl:with-param name="path" select="'customer/contacts/contact/name'"/></xsl:call-template>
            </fo:table-row>
          </fo:table-body>
        </fo:table>
        <fo:block text-indent="2em" text-align="justify" space-after="8pt">客户确认已收到<xsl:value-of select="$office"/>交付的下列收楼文件，管理处已就其中的主要内容向客户作了讲解和说明。文件经客户逐项核对，齐全无误；其中的协议书和收楼表格经双方签署后，按各自注明的份数由双方分别留存。</fo:block>
        <fo:table table-layout="fixed" width="100%" border-collapse="collapse" font-size="10pt" space-after="10pt">
          <fo:table-column column-width="2.6em"/>
          <fo:table-column column-width="proportional-column-width(6)"/>
          <fo:table-column column-width="proportional-column-width(3.6)"/>
          <fo:table-column column-width="3.2em"/>
          <fo:table-column column-width="proportional-column-width(2)"/>
          <fo:table-header>
            <fo:table-row height="{$form-row-height}">
              <xsl:call-template name="head-cell"><xsl:with-param name="text" select="'序号'"/></xsl:call-template>
              <xsl:call-template name="head-cell"><xsl:with-param name="text" select="'文件名称'"/></xsl:call-template>
              <xsl:call-template name="head-cell"><xsl:with-param name="text" select="'文件编号'"/></xsl:call-template>
              <xsl:call-template name="head-cell"><xsl:with-param name="text" select="'份数'"/></xsl:call-template>
              <xsl:call-template name="head-cell"><xsl:with-param name="text" select="'客户签收'"/></xsl:call-template>
            </fo:table-row>
          </fo:table-header>
          <fo:table-body>
            <xsl:if test="$docs">
              <xsl:call-template name="receipt-group"><xsl:with-param name="text" select="'一、客户文件'"/></xsl:call-template>
              <xsl:for-each select="$docs">
                <xsl:variable name="doc" select="document(@href)/d:document"/>
                <xsl:call-template name="receipt-row">
                  <xsl:with-param name="n" select="position()"/>
                  <xsl:with-param name="name">
                    <xsl:text>《</xsl:text><xsl:value-of select="normalize-space($doc/d:title)"/><xsl:text>》</xsl:text>
                  </xsl:with-param>
                  <xsl:with-param name="number">
                    <xsl:value-of select="$doc/d:info/d:number"/>
                  </xsl:with-param>
                  <xsl:with-param name="copies"><xsl:call-template name="copies-of"/></xsl:with-param>
                </xsl:call-template>
              </xsl:for-each>
            </xsl:if>
            <xsl:if test="$forms">
              <xsl:call-template name="receipt-group"><xsl:with-param name="text" select="'二、收楼表格'"/></xsl:call-template>
              <xsl:for-each select="$forms">
                <xsl:variable name="form" select="document(@href)/fm:form"/>
                <xsl:call-template name="receipt-row">
                  <xsl:with-param name="n" select="count($docs) + position()"/>
                  <xsl:with-param name="name">
                    <xsl:text>《</xsl:text><xsl:value-of select="normalize-space($form/fm:title)"/><xsl:text>》</xsl:text>
                    <xsl:if test="$form/fm:subtitle">（<xsl:value-of select="normalize-space($form/fm:subtitle)"/>）</xsl:if>
                  </xsl:with-param>
                  <xsl:with-param name="number" select="string($form/@number)"/>
                  <xsl:with-param name="copies"><xsl:call-template name="copies-of"/></xsl:with-param>
                </xsl:call-template>
              </xsl:for-each>
            </xsl:if>
            <fo:table-row height="{$form-row-height}">
              <fo:table-cell xsl:use-attribute-sets="cell-body" number-columns-spanned="3">
                <fo:block text-align="center" font-weight="bold">合计</fo:block>
              </fo:table-cell>
              <fo:table-cell xsl:use-attribute-sets="cell-body">
                <fo:block text-align="center">
                  <xsl:variable name="total"><xsl:call-template name="receipt-total"><xsl:with-param name="items" select="$items"/></xsl:call-template></xsl:variable>
                  <xsl:value-of select="$total"/>
                </fo:block>
              </fo:table-cell>
              <fo:table-cell xsl:use-attribute-sets="cell-body"><fo:block/></fo:table-cell>
            </fo:table-row>
          </fo:table-body>
        </fo:table>
        <fo:table role="signature" table-layout="fixed" width="100%" border-collapse="collapse" space-before="6pt" keep-together.within-page="always">
          <fo:table-column column-width="proportional-column-width(1)"/>
          <fo:table-column column-width="8mm"/>
          <fo:table-column column-width="proportional-column-width(1)"/>
          <fo:table-body>
            <fo:table-row height="{$sig-room}">
              <fo:table-cell>
                <xsl:call-template name="sign-line"><xsl:with-param name="label" select="'客户（盖章）'"/><xsl:with-param name="path" select="'customer/name-zh'"/></xsl:call-template>
                <xsl:call-template name="sign-line"><xsl:with-param name="label" select="'客户签名'"/></xsl:call-template>
                <xsl:call-template name="sign-line"><xsl:with-param name="label" select="'日期'"/><xsl:with-param name="format" select="'date-zh'"/></xsl:call-template>
              </fo:table-cell>
              <fo:table-cell><fo:block/></fo:table-cell>
              <fo:table-cell>
                <xsl:call-template name="sign-line"><xsl:with-param name="label" select="'管理处（盖章）'"/><xsl:with-param name="text" select="$company"/></xsl:call-template>
                <xsl:call-template name="sign-line"><xsl:with-param name="label" select="'经办人'"/><xsl:with-param name="path" select="'handled-by/customer-service'"/></xsl:call-template>
                <xsl:call-template name="sign-line"><xsl:with-param name="label" select="'日期'"/><xsl:with-param name="path" select="'handover-date'"/><xsl:with-param name="format" select="'date-zh'"/></xsl:call-template>
              </fo:table-cell>
            </fo:table-row>
          </fo:table-body>
        </fo:table>
        <fo:block font-size="9pt" space-before="10pt">本签收单一式两份，客户与管理处各执一份；管理处的一份存入客户档案。</fo:block>
        <fo:block id="{$seq}-end"/>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <xsl:template name="receipt-value">
    <xsl:param name="path"/>
    <xsl:param name="format" select="'text'"/>
    <xsl:param name="span" select="1"/>
    <fo:table-cell xsl:use-attribute-sets="cell-value" number-columns-spanned="{$span}">
      <fo:block>
        <xsl:variable name="t"><xsl:call-template name="case-text"><xsl:with-param name="path" select="$path"/><xsl:with-param name="format" select="$format"/></xsl:call-template></xsl:variable>
        <xsl:choose>
          <xsl:when test="$t != ''"><xsl:call-template name="filled"><xsl:with-param name="text" select="$t"/></xsl:call-template></xsl:when>
          <xsl:when test="$format != 'text'"><xsl:call-template name="blank-pattern"><xsl:with-param name="format" select="$format"/></xsl:call-template></xsl:when>
        </xsl:choose>
      </fo:block>
    </fo:table-cell>
  </xsl:template>

  <xsl:template name="receipt-group">
    <xsl:param name="text"/>
    <fo:table-row keep-with-next.within-page="always">
      <fo:table-cell xsl:use-attribute-sets="cell-body" number-columns-spanned="5" background-color="#F4F4F4">
        <fo:block font-weight="bold"><xsl:value-of select="$text"/></fo:block>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <xsl:template name="receipt-row">
    <xsl:param name="n"/>
    <xsl:param name="name"/>
    <xsl:param name="number"/>
    <xsl:param name="copies"/>
    <fo:table-row height="{$form-row-height}">
      <fo:table-cell xsl:use-attribute-sets="cell-body" padding="4pt 2.5pt"><fo:block text-align="center"><xsl:value-of select="$n"/></fo:block></fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="cell-body"><fo:block><xsl:value-of select="$name"/></fo:block></fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="cell-body"><fo:block font-size="9pt"><xsl:value-of select="$number"/></fo:block></fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="cell-body"><fo:block text-align="center"><xsl:value-of select="$copies"/></fo:block></fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="cell-body"><fo:block/></fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- the sum of the items' copies -->
  <xsl:template name="receipt-total">
    <xsl:param name="items"/>
    <xsl:param name="acc" select="0"/>
    <xsl:choose>
      <xsl:when test="not($items)"><xsl:value-of select="$acc"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="n"><xsl:call-template name="copies-of"><xsl:with-param name="item" select="$items[1]"/></xsl:call-template></xsl:variable>
        <xsl:call-template name="receipt-total">
          <xsl:with-param name="items" select="$items[position() &gt; 1]"/>
          <xsl:with-param name="acc" select="$acc + number($n)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- label：value, static text, or a line to sign on (to the end of the line) -->
  <xsl:template name="sign-line">
    <xsl:param name="label"/>
    <xsl:param name="path" select="''"/>
    <xsl:param name="format" select="'text'"/>
    <xsl:param name="text" select="''"/>
    <xsl:variable name="v"><xsl:call-template name="case-text"><xsl:with-param name="path" select="$path"/><xsl:with-param name="format" select="$format"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <!-- a name: the signature component; the seal lines of both parties
           put the name below the label, so that they share baselines -->
      <xsl:when test="$text != '' or ($format = 'text' and string-length($v) &gt; 4)">
        <xsl:call-template name="sig-name-line">
          <xsl:with-param name="label" select="$label"/>
          <xsl:with-param name="name">
            <xsl:choose>
              <xsl:when test="$text != ''"><xsl:value-of select="$text"/></xsl:when>
              <xsl:otherwise><xsl:call-template name="filled"><xsl:with-param name="text" select="$v"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="w" select="22"/>
          <xsl:with-param name="above" select="contains($label, '盖章')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
    <fo:block space-before="9pt" text-align="start">
      <xsl:if test="$text = '' and $format = 'text' and string-length($v) &lt;= 4"><xsl:attribute name="text-align-last">justify</xsl:attribute></xsl:if>
      <xsl:value-of select="$label"/>
      <xsl:text>：</xsl:text>
      <xsl:choose>
        <xsl:when test="$text != ''"><xsl:value-of select="$text"/></xsl:when>
        <xsl:when test="$v != '' and $format != 'text'"><xsl:call-template name="filled"><xsl:with-param name="text" select="$v"/></xsl:call-template></xsl:when>
        <xsl:when test="$format != 'text'"><xsl:call-template name="blank-pattern"><xsl:with-param name="format" select="$format"/></xsl:call-template></xsl:when>
        <xsl:otherwise>
          <xsl:if test="$v != ''"><xsl:call-template name="filled"><xsl:with-param name="text" select="$v"/></xsl:call-template></xsl:if>
          <xsl:if test="string-length($v) &lt;= 4"><xsl:call-template name="rule-fill"/></xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
