package com.netvizura.license.web.page;

import com.netvizura.license.web.AdminGate;
import com.netvizura.license.web.LicensePaths;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.faces.event.ListenerFor;
import jakarta.faces.event.PostAddToViewEvent;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;

/**
 * The tag {@code <nvl:licenseNotice/>} that a page frame places once: renders one element with id
 * {@value #ELEMENT_ID} for admins (role {@code netvizura.license.adminRole}) when the license has something to say
 * ({@link LicenseNotice}) and this browser has not dismissed the threshold now crossed (cookie
 * {@value #DISMISS_COOKIE}, set by {@code notice.js}); nothing otherwise. Its stylesheet and script come with it, as
 * {@code <link>} and {@code <script>} inside the element, so a frame needs nothing else.
 *
 * <p>A component that writes its markup itself, registered in {@code META-INF/netvizura-license.faces-config.xml}
 * (Mojarra reads that file also in an overlay whose host's {@code web.xml} is metadata-complete). It costs one role
 * check, one cookie look-up and the service's cached verdict a request ({@link LicenseNotices} puts each verdict in
 * words once): no file read, no signature check, no hardware probe, no expression to evaluate. It keeps no state.
 *
 * <p>A page that may show the notice is never stored ({@code Cache-Control: no-store}, as the License page): Tomcat
 * gives pages behind a login {@code private}, which lets the browser keep the license's state on disk. The header is
 * set when the component is added to the view, before anything of the page is written.
 */
@ListenerFor(systemEventClass = PostAddToViewEvent.class)
public class LicenseNoticeComponent extends UIComponentBase {

    /** The component type, as the taglib and faces-config name it. */
    public static final String COMPONENT_TYPE = "com.netvizura.license.LicenseNotice";
    /** The family of the plugin's components. */
    public static final String COMPONENT_FAMILY = "com.netvizura.license";
    /** The id of the rendered element (fixed: frames and outside tests rely on it). */
    public static final String ELEMENT_ID = "nvlLicenseNotice";
    /** The cookie that holds the threshold this browser dismissed ({@link LicenseNotice#dismissKey}). */
    public static final String DISMISS_COOKIE = "nvlNoticeDismissed";

    static final String LIBRARY = "netvizura-license-plugin";

    public LicenseNoticeComponent() {
        setTransient(true);
        setRendererType(null);
    }

    @Override
    public String getFamily() {
        return COMPONENT_FAMILY;
    }

    @Override
    public void processEvent(ComponentSystemEvent event) throws AbortProcessingException {
        if (event instanceof PostAddToViewEvent) {
            getFacesContext().getExternalContext().setResponseHeader("Cache-Control", "no-store");
        }
        super.processEvent(event);
    }

    @Override
    public void encodeEnd(FacesContext faces) throws IOException {
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        LicenseNotices notices = LicenseNotices.of((ServletContext) faces.getExternalContext().getContext());
        if (!AdminGate.isAdmin(request, notices.service())) {
            return;
        }
        Optional<LicenseNotice> now = notices.now(PageText.locale(faces));
        if (now.isEmpty() || dismissed(now.get(), request)) {
            return;
        }
        write(faces, request, notices, now.get(), notices.labels(PageText.locale(faces)));
    }

    private static void write(FacesContext faces, HttpServletRequest request, LicenseNotices notices,
            LicenseNotice notice, LicenseNotices.Labels labels) throws IOException {
        ResponseWriter out = faces.getResponseWriter();
        String context = request.getContextPath();
        out.startElement("section", null);
        out.writeAttribute("id", ELEMENT_ID, null);
        out.writeAttribute("class", "nvl-license-notice nvl-notice-" + notice.level(), null);
        out.writeAttribute("aria-label", labels.label(), null);
        out.writeAttribute("data-nvl-kind", notice.kind().name(), null);
        out.startElement("link", null);
        out.writeAttribute("rel", "stylesheet", null);
        out.writeURIAttribute("href", notices.resourcePath(faces, LIBRARY, "notice.css"), null);
        out.endElement("link");
        out.startElement("p", null);
        out.writeAttribute("class", "nvl-notice-text", null);
        out.startElement("strong", null);
        out.writeText(notice.headline(), null);
        out.endElement("strong");
        out.writeText(" " + notice.detail() + " ", null);
        if (!onLicensePage(faces)) {
            out.startElement("a", null);
            out.writeAttribute("class", "nvl-notice-link", null);
            out.writeURIAttribute("href", context + LicensePaths.LICENSE_PAGE, null);
            out.writeText(labels.open(), null);
            out.endElement("a");
        }
        out.endElement("p");
        if (notice.dismissable()) {
            // Hidden until notice.js runs: without script there is no button that does nothing.
            out.startElement("button", null);
            out.writeAttribute("type", "button", null);
            out.writeAttribute("class", "nvl-notice-dismiss", null);
            out.writeAttribute("hidden", "hidden", null);
            out.writeAttribute("title", labels.dismissTitle(), null);
            out.writeAttribute("data-nvl-dismiss", notice.dismissKey().get(), null);
            out.writeAttribute("data-nvl-cookie", DISMISS_COOKIE, null);
            out.writeAttribute("data-nvl-path", context + "/", null);
            out.writeText(labels.dismiss(), null);
            out.endElement("button");
            out.startElement("script", null);
            out.writeURIAttribute("src", notices.resourcePath(faces, LIBRARY, "notice.js"), null);
            out.endElement("script");
        }
        out.endElement("section");
    }

    private static boolean dismissed(LicenseNotice notice, HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null || notice.dismissKey().isEmpty()) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (DISMISS_COOKIE.equals(cookie.getName()) && notice.dismissKey().get().equals(cookie.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean onLicensePage(FacesContext faces) {
        return faces.getViewRoot() != null && LicensePaths.LICENSE_PAGE.equals(faces.getViewRoot().getViewId());
    }
}
