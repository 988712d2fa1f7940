package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class PartialResponseTest {

    @Test
    void redirectDocument_isTheXmlFacesFollows() {
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<partial-response><redirect url=\"/netvizura-license/index.xhtml\"/></partial-response>",
                PartialResponse.redirectDocument("/netvizura-license/index.xhtml"));
    }

    @Test
    void redirectDocument_urlWithQueryAndQuotes_staysWellFormedAndKeepsTheUrl() throws Exception {
        String url = "/app/page.xhtml?a=1&b=\"<x>\"'";

        Element redirect = parse(PartialResponse.redirectDocument(url));

        assertEquals(url, redirect.getAttribute("url"));
    }

    @Test
    void redirectDocument_controlCharacters_areDropped() throws Exception {
        Element redirect = parse(PartialResponse.redirectDocument("/app/\u0000pa\u001bge"));

        assertEquals("/app/page", redirect.getAttribute("url"));
    }

    @Test
    void redirectDocument_doesNotLetAUrlCloseTheAttribute() {
        String doc = PartialResponse.redirectDocument("/x\"/><eval>alert(1)</eval><redirect url=\"");

        assertFalse(doc.contains("<eval>"), doc);
        assertTrue(doc.endsWith("\"/></partial-response>"), doc);
    }

    private static Element parse(String xml) throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals("partial-response", root.getTagName());
        return (Element) root.getElementsByTagName("redirect").item(0);
    }
}
