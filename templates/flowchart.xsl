<?xml version="1.0" encoding="UTF-8"?>
<!-- The flowchart of a procedure, generated from its steps as SVG:
     one swimlane per department that has steps, a box per step in its
     department's lane (label and department), arrows between consecutive
     steps.  Units are points. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:p="urn:folio:procedures"
    xmlns:svg="http://www.w3.org/2000/svg" exclude-result-prefixes="p">

  <xsl:param name="chart-width" select="480"/>

  <xsl:template name="flowchart">
    <xsl:param name="proc"/>
    <xsl:param name="depts"/>   <!-- the manual's department elements -->
    <xsl:variable name="lanes" select="$depts[@id = $proc/p:steps/p:step/@dept]"/>
    <xsl:variable name="n" select="count($lanes)"/>
    <xsl:variable name="lw" select="$chart-width div $n"/>
    <xsl:variable name="rows" select="count($proc/p:steps/p:step)"/>
    <xsl:variable name="head" select="22"/>
    <xsl:variable name="pitch" select="58"/>
    <xsl:variable name="bh" select="40"/>
    <xsl:variable name="h" select="$head + $rows * $pitch + 10"/>
    <fo:block text-align="center" space-after="8pt" keep-together.within-page="always">
      <fo:instream-foreign-object content-width="{$chart-width}pt" content-height="{$h}pt">
        <svg:svg width="{$chart-width}pt" height="{$h}pt" viewBox="0 0 {$chart-width} {$h}">
          <svg:defs>
            <svg:marker id="arrow" markerWidth="8" markerHeight="8" refX="7" refY="4" orient="auto" markerUnits="userSpaceOnUse">
              <svg:path d="M0,0 L8,4 L0,8 z" fill="black"/>
            </svg:marker>
          </svg:defs>
          <!-- lanes -->
          <xsl:for-each select="$lanes">
            <xsl:variable name="x" select="(position() - 1) * $lw"/>
            <svg:rect x="{$x}" y="0" width="{$lw}" height="{$h}" fill="{concat('#', substring('F4F4F4FFFFFF', 1 + ((position() + 1) mod 2) * 6, 6))}" stroke="#888888" stroke-width="0.5"/>
            <svg:rect x="{$x}" y="0" width="{$lw}" height="{$head}" fill="#DDDDDD" stroke="#888888" stroke-width="0.5"/>
            <svg:text x="{$x + $lw div 2}" y="15" text-anchor="middle" font-family="sans-serif" font-size="10" font-weight="bold"><xsl:value-of select="."/></svg:text>
          </xsl:for-each>
          <!-- steps and arrows -->
          <xsl:for-each select="$proc/p:steps/p:step">
            <xsl:variable name="d" select="@dept"/>
            <xsl:variable name="lane" select="1 + count($lanes[following-sibling::p:department/@id = $d])"/>
            <xsl:variable name="cx" select="($lane - 0.5) * $lw"/>
            <xsl:variable name="y" select="$head + 10 + (position() - 1) * $pitch"/>
            <xsl:variable name="bw" select="$lw - 16"/>
            <svg:rect x="{$cx - $bw div 2}" y="{$y}" width="{$bw}" height="{$bh}" rx="4" ry="4" fill="white" stroke="black" stroke-width="0.8"/>
            <!-- the label on up to two lines of at most $per characters -->
            <xsl:variable name="label" select="concat(position(), '. ', p:label)"/>
            <xsl:variable name="per" select="floor(($bw - 8) div 8.5)"/>
            <xsl:choose>
              <xsl:when test="string-length($label) &lt;= $per">
                <svg:text x="{$cx}" y="{$y + 17}" text-anchor="middle" font-family="serif" font-size="8.5"><xsl:value-of select="$label"/></svg:text>
              </xsl:when>
              <xsl:otherwise>
                <svg:text x="{$cx}" y="{$y + 12}" text-anchor="middle" font-family="serif" font-size="8.5"><xsl:value-of select="substring($label, 1, ceiling(string-length($label) div 2))"/></svg:text>
                <svg:text x="{$cx}" y="{$y + 23}" text-anchor="middle" font-family="serif" font-size="8.5"><xsl:value-of select="substring($label, ceiling(string-length($label) div 2) + 1)"/></svg:text>
              </xsl:otherwise>
            </xsl:choose>
            <svg:text x="{$cx}" y="{$y + 35}" text-anchor="middle" font-family="serif" font-size="7.5" fill="#444444"><xsl:value-of select="$depts[@id = $d]"/></svg:text>
            <xsl:variable name="next" select="following-sibling::p:step[1]"/>
            <xsl:if test="$next">
              <xsl:variable name="nd" select="$next/@dept"/>
              <xsl:variable name="nlane" select="1 + count($lanes[following-sibling::p:department/@id = $nd])"/>
              <xsl:variable name="ncx" select="($nlane - 0.5) * $lw"/>
              <xsl:variable name="y0" select="$y + $bh"/>
              <xsl:variable name="y1" select="$y + $pitch"/>
              <xsl:choose>
                <xsl:when test="$nlane = $lane">
                  <svg:line x1="{$cx}" y1="{$y0}" x2="{$cx}" y2="{$y1}" stroke="black" stroke-width="0.8" marker-end="url(#arrow)"/>
                </xsl:when>
                <xsl:otherwise>
                  <svg:polyline points="{$cx},{$y0} {$cx},{($y0 + $y1) div 2} {$ncx},{($y0 + $y1) div 2} {$ncx},{$y1}" fill="none" stroke="black" stroke-width="0.8" marker-end="url(#arrow)"/>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:if>
          </xsl:for-each>
        </svg:svg>
      </fo:instream-foreign-object>
    </fo:block>
  </xsl:template>
</xsl:stylesheet>
