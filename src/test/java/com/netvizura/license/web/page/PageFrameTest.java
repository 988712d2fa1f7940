package com.netvizura.license.web.page;

import com.netvizura.license.service.Settings;
import com.netvizura.license.service.SettingsReader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Which frame the plugin's pages render in, and the start-up check of a named one. */
class PageFrameTest {

    private final Map<String, String> context = new HashMap<>(Map.of(Settings.HOME, "/srv/netvizura"));

    private Settings settings() {
        return new SettingsReader(new Properties(), Map.of(), context::get, () -> "netvizura.example").read();
    }

    private static URL file(String path) throws MalformedURLException {
        return new URL("file:/webapp" + path);
    }

    @Test
    void nothingNamed_thePluginsOwnFrame_nothingToCheck() {
        assertEquals(PageFrame.OWN_FRAME, PageFrame.of(settings()));
        assertEquals(Optional.empty(), PageFrame.problem(settings(), path -> null));
    }

    @Test
    void namedTemplate_isTheFrame_whenTheApplicationHasIt() {
        context.put(Settings.TEMPLATE, "/WEB-INF/host/layout.xhtml");

        assertEquals("/WEB-INF/host/layout.xhtml", PageFrame.of(settings()));
        assertEquals(Optional.empty(), PageFrame.problem(settings(), PageFrameTest::file));
    }

    @Test
    void namedTemplateMissing_stopsTheStartWithASentenceThatSaysWhatToDo() {
        context.put(Settings.TEMPLATE, "/WEB-INF/host/layuot.xhtml");

        assertEquals(Optional.of("Setting netvizura.license.template names [/WEB-INF/host/layuot.xhtml], which is no "
                + "file of this application: name the Facelets template of the application's page frame (for example "
                + "/WEB-INF/templates/layout.xhtml), or remove the setting to use the plugin's own frame."),
                PageFrame.problem(settings(), path -> null));
    }
}
