package com.netvizura.license.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormLoginPageTest {

    @Test
    void from_standaloneWebXml_findsTheLoginPage() throws IOException {
        assertEquals(Optional.of("/WEB-INF/standalone/login.html"),
                FormLoginPage.from(Files.newInputStream(Path.of("webapp-overlay/WEB-INF/web.xml"))));
    }

    @Test
    void from_hostWebXmlOfAnOlderSchemaWithoutNamespace_findsTheLoginPage() throws IOException {
        assertEquals(Optional.of("/login.jsp"), FormLoginPage.from(xml("<web-app><login-config><auth-method>FORM"
                + "</auth-method><form-login-config><form-login-page> /login.jsp </form-login-page>"
                + "<form-error-page>/error.jsp</form-error-page></form-login-config></login-config></web-app>")));
    }

    @Test
    void from_noFormLogin_isEmpty() throws IOException {
        assertEquals(Optional.empty(), FormLoginPage.from(xml("<web-app><login-config><auth-method>BASIC"
                + "</auth-method></login-config></web-app>")));
        assertEquals(Optional.empty(), FormLoginPage.from(null));
    }

    @Test
    void from_externalEntity_isNotResolved() {
        InputStream hostile = xml("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<web-app><login-config><form-login-config><form-login-page>/&x;</form-login-page>"
                + "</form-login-config></login-config></web-app>");
        try {
            Optional<String> page = FormLoginPage.from(hostile);
            assertFalse(page.orElse("").contains("root"), "the file must not be read: " + page);
        } catch (IOException refused) {
            // Refusing the descriptor is fine too.
        }
    }

    @Test
    void from_servlet23DescriptorWithDoctype_doesNotFetchTheDtd() throws IOException {
        assertEquals(Optional.of("/login.jsp"), FormLoginPage.from(xml("<?xml version=\"1.0\"?><!DOCTYPE web-app "
                + "PUBLIC \"-//Sun Microsystems, Inc.//DTD Web Application 2.3//EN\" "
                + "\"http://127.0.0.1:9/web-app_2_3.dtd\"><web-app><login-config><form-login-config>"
                + "<form-login-page>/login.jsp</form-login-page></form-login-config></login-config></web-app>")));
    }

    private static InputStream xml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
