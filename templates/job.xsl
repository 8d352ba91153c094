<?xml version="1.0" encoding="UTF-8"?>
<!-- A folio job (namespace urn:folio:job) as XSL-FO: the move-in packet of
     a case (mode="completed": documents, forms filled from the case, the
     receipt) or blank forms in batches (mode="blank").  One fo:page-sequence
     per item, or per copy when an item has @copies, or per part when a form
     has copies/copy; one bookmark per item; the job's @title as the PDF
     title.  Items are rendered in the order of the job.  See docs/packet.md.

     Files: job.xsl (this: root, page masters, bookmarks, dispatch),
     packet.xsl (case values, formats, blank lines, page header and footer,
     the receipt), document.xsl (urn:folio:document), form.xsl and
     form-table.xsl (urn:folio:form). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:j="urn:folio:job"
    xmlns:c="urn:folio:case" xmlns:d="urn:folio:document" xmlns:fm="urn:folio:form"
    xmlns:p="urn:folio:procedures" xmlns:f="urn:folio:xslt"
    exclude-result-prefixes="j c d fm p f">

  <xsl:include href="common.xsl"/>
  <xsl:include href="packet.xsl"/>
  <xsl:include href="document.xsl"/>
  <xsl:include href="form.xsl"/>
  <xsl:include href="form-table.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="job" select="/j:job"/>
  <!-- the case, when the job has one -->
  <xsl:variable name="case" select="document($job/j:case/@href)/c:case"/>
  <!-- completed: forms and documents are filled from the case -->
  <xsl:variable name="completed" select="boolean($case) and not($job/@mode = 'blank')"/>

  <xsl:template match="/">
    <xsl:apply-templates select="j:job"/>
  </xsl:template>

  <xsl:template match="j:job">
    <fo:root font-family="serif" font-size="{$body-size}" language="zh" country="CN">
      <xsl:call-template name="packet-masters"/>
      <fo:declarations>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
          <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <dc:title><xsl:value-of select="@title"/></dc:title>
              <dc:creator><xsl:value-of select="$company"/></dc:creator>
              <dc:language>zh-CN</dc:language>
            </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta>
      </fo:declarations>
      <fo:bookmark-tree>
        <xsl:for-each select="j:item">
          <xsl:call-template name="item-bookmark"/>
        </xsl:for-each>
      </fo:bookmark-tree>
      <xsl:for-each select="j:item">
        <xsl:call-template name="item"/>
      </xsl:for-each>
    </fo:root>
  </xsl:template>

  <!-- ============================================================ masters -->
  <!-- A4 portrait and landscape.  The form pages keep a narrow region at
       the right for the label of a part (第一联：客户存根). -->
  <xsl:template name="packet-masters">
    <fo:layout-master-set>
      <fo:simple-page-master master-name="doc" page-width="{$page-w}" page-height="{$page-h}" margin="15mm 20mm 12mm 20mm">
        <fo:region-body margin-top="14mm" margin-bottom="12mm"/>
        <fo:region-before extent="10mm"/>
        <fo:region-after extent="8mm"/>
      </fo:simple-page-master>
      <!-- the first page of a long document is its cover (title, contents):
           no running header there; its region-before has a name of its own
           that no static content fills -->
      <fo:simple-page-master master-name="doc-cover" page-width="{$page-w}" page-height="{$page-h}" margin="15mm 20mm 12mm 20mm">
        <fo:region-body margin-top="14mm" margin-bottom="12mm"/>
        <fo:region-before extent="10mm" region-name="doc-cover-before"/>
        <fo:region-after extent="8mm"/>
      </fo:simple-page-master>
      <fo:page-sequence-master master-name="doc-long">
        <fo:repeatable-page-master-alternatives>
          <fo:conditional-page-master-reference master-reference="doc-cover" page-position="first"/>
          <fo:conditional-page-master-reference master-reference="doc" page-position="rest"/>
        </fo:repeatable-page-master-alternatives>
      </fo:page-sequence-master>
      <fo:simple-page-master master-name="form-portrait" page-width="{$page-w}" page-height="{$page-h}" margin="12mm 15mm 10mm 18mm">
        <fo:region-body margin-top="11mm" margin-bottom="10mm"/>
        <fo:region-before extent="8mm"/>
        <fo:region-after extent="7mm"/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="form-landscape" page-width="{$page-h}" page-height="{$page-w}" margin="12mm 15mm 10mm 18mm">
        <fo:region-body margin-top="11mm" margin-bottom="10mm"/>
        <fo:region-before extent="8mm"/>
        <fo:region-after extent="7mm"/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="form-portrait-parts" page-width="{$page-w}" page-height="{$page-h}" margin="12mm 10mm 10mm 18mm">
        <fo:region-body margin-top="11mm" margin-bottom="10mm" margin-right="9mm"/>
        <fo:region-before extent="8mm" precedence="true"/>
        <fo:region-after extent="7mm" precedence="true"/>
        <fo:region-end extent="6mm"/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="form-landscape-parts" page-width="{$page-h}" page-height="{$page-w}" margin="12mm 10mm 10mm 18mm">
        <fo:region-body margin-top="11mm" margin-bottom="10mm" margin-right="9mm"/>
        <fo:region-before extent="8mm" precedence="true"/>
        <fo:region-after extent="7mm" precedence="true"/>
        <fo:region-end extent="6mm"/>
      </fo:simple-page-master>
    </fo:layout-master-set>
  </xsl:template>

  <!-- ============================================================ items -->
  <!-- the id of an item's first block (bookmark destination): i1, i2 … -->
  <xsl:template name="item-id">
    <xsl:text>i</xsl:text><xsl:value-of select="count(preceding-sibling::j:item) + 1"/>
  </xsl:template>

  <xsl:template name="item-bookmark">
    <xsl:variable name="id"><xsl:call-template name="item-id"/></xsl:variable>
    <fo:bookmark internal-destination="{$id}">
      <xsl:choose>
        <xsl:when test="@kind = 'document'">
          <xsl:variable name="doc" select="document(@href)/d:document"/>
          <fo:bookmark-title><xsl:value-of select="normalize-space($doc/d:title)"/></fo:bookmark-title>
          <xsl:for-each select="$doc/d:chapter | $doc/d:appendix">
            <fo:bookmark internal-destination="{$id}-s-{generate-id()}" starting-state="hide">
              <fo:bookmark-title><xsl:apply-templates select="." mode="doc-number"/><xsl:text>　</xsl:text><xsl:value-of select="normalize-space(d:title)"/></fo:bookmark-title>
            </fo:bookmark>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="@kind = 'form'">
          <xsl:variable name="form" select="document(@href)/fm:form"/>
          <fo:bookmark-title><xsl:value-of select="$form/@number"/><xsl:text> </xsl:text><xsl:call-template name="form-name"><xsl:with-param name="form" select="$form"/></xsl:call-template></fo:bookmark-title>
        </xsl:when>
        <xsl:otherwise>
          <fo:bookmark-title><xsl:value-of select="$receipt-title"/></fo:bookmark-title>
        </xsl:otherwise>
      </xsl:choose>
    </fo:bookmark>
  </xsl:template>

  <!-- one item: a document, a form (per copy and per part) or the receipt -->
  <xsl:template name="item">
    <xsl:variable name="id"><xsl:call-template name="item-id"/></xsl:variable>
    <xsl:variable name="copies"><xsl:call-template name="copies-of"/></xsl:variable>
    <xsl:call-template name="item-copies">
      <xsl:with-param name="id" select="$id"/>
      <xsl:with-param name="from" select="1"/>
      <xsl:with-param name="to" select="number($copies)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- copies from … to of the current item; halves the range so that a
       batch of thousands stays shallow -->
  <xsl:template name="item-copies">
    <xsl:param name="id"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="$from &gt; $to"/>
      <xsl:when test="$from = $to">
        <xsl:call-template name="item-copy">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="copy" select="$from"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="mid" select="floor(($from + $to) div 2)"/>
        <xsl:call-template name="item-copies">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$mid"/>
        </xsl:call-template>
        <xsl:call-template name="item-copies">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="from" select="$mid + 1"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="item-copy">
    <xsl:param name="id"/>
    <xsl:param name="copy"/>
    <!-- the first copy carries the bookmark's destination -->
    <xsl:variable name="anchor">
      <xsl:if test="$copy = 1"><xsl:value-of select="$id"/></xsl:if>
    </xsl:variable>
    <xsl:variable name="seq">
      <xsl:value-of select="$id"/>
      <xsl:if test="$copy &gt; 1">-c<xsl:value-of select="$copy"/></xsl:if>
      <xsl:text>-s</xsl:text>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="@kind = 'document'">
        <xsl:apply-templates select="document(@href)/d:document">
          <xsl:with-param name="seq" select="$seq"/>
          <xsl:with-param name="anchor" select="$anchor"/>
          <xsl:with-param name="prefix" select="$seq"/>
          <xsl:with-param name="copy" select="$copy"/>
          <xsl:with-param name="copies"><xsl:call-template name="copies-of"/></xsl:with-param>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:when test="@kind = 'form'">
        <xsl:variable name="serial">
          <xsl:if test="string(number(@serial-start)) != 'NaN'">
            <xsl:value-of select="format-number(number(@serial-start) + $copy - 1, '000000')"/>
          </xsl:if>
        </xsl:variable>
        <xsl:apply-templates select="document(@href)/fm:form">
          <xsl:with-param name="seq" select="$seq"/>
          <xsl:with-param name="anchor" select="$anchor"/>
          <xsl:with-param name="serial" select="string($serial)"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:when test="@kind = 'receipt'">
        <xsl:call-template name="receipt">
          <xsl:with-param name="seq" select="$seq"/>
          <xsl:with-param name="anchor" select="$anchor"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
