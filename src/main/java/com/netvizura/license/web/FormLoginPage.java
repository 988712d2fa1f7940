package com.netvizura.license.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The container's FORM login page as the application's {@code web.xml} declares it
 * ({@code <login-config><form-login-config><form-login-page>}). The Servlet API does not expose the login
 * configuration, and in an overlay the host's {@code web.xml} (the one in the WAR) holds it, so reading the deployed
 * descriptor finds the right page in both ways of deployment without a setting.
 */
public final class FormLoginPage {

    private FormLoginPage() {
    }

    /** The login page path (e.g. {@code /WEB-INF/standalone/login.html}); empty without FORM login or descriptor. */
    public static Optional<String> from(InputStream webXml) throws IOException {
        if (webXml == null) {
            return Optional.empty();
        }
        try (webXml) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            // Nothing outside the descriptor is ever read (an old DOCTYPE names a DTD on the web; not fetched).
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            NodeList pages = factory.newDocumentBuilder().parse(webXml).getElementsByTagNameNS("*", "form-login-page");
            if (pages.getLength() == 0) {
                return Optional.empty();
            }
            String page = pages.item(0).getTextContent().strip();
            return page.startsWith("/") ? Optional.of(page) : Optional.empty();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("web.xml cannot be read: " + e.getMessage(), e);
        }
    }
}
