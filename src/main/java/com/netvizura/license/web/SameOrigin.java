package com.netvizura.license.web;

import com.netvizura.license.web.filter.CrossSitePostFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one rule for whether a state-changing request came from a page of this application, used by both callers: the
 * {@link CrossSitePostFilter} in front of every POST to {@code /license/*}, and {@link AdminGate} in every Faces
 * action that changes something (upload, Reset, Send).
 *
 * <p>The request's {@code Origin} header, or when it has none its {@code Referer}, must name the request's own origin
 * (scheme, host and port, RFC 6454), with default ports made explicit and host names compared without case. Anything
 * that does not parse as an absolute http(s) URL, including the opaque origin {@code null}, is not the same origin.
 *
 * <p>A request with neither header is refused: the rule fails closed. Browsers send {@code Origin} with every POST
 * (Faces AJAX and PrimeFaces uploads included), so only a tool or a privacy filter that strips both headers sends
 * such a request, and for a page that applies license keys refusing it is the safe side. (Before, the filter let it
 * through when it carried a Faces view state.)
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    /**
     * Whether a state-changing {@code request} was sent by a page of this application: its {@code Origin} (or, without
     * it, {@code Referer}) names the request's own scheme, host and port; neither header means no. Behind a
     * TLS-terminating proxy the container must know the outside scheme and host (Tomcat's {@code RemoteIpValve}), or
     * every change is refused.
     */
    public static boolean check(HttpServletRequest request) {
        String source = request.getHeader("Origin");
        if (source == null || source.isBlank()) {
            source = request.getHeader("Referer");
        }
        return source != null && !source.isBlank()
                && matches(source, request.getScheme(), request.getServerName(), request.getServerPort());
    }

    /**
     * @param headerValue an {@code Origin} ({@code https://host:port}) or {@code Referer} (a full URL)
     * @param scheme      the request's scheme
     * @param host        the request's server name
     * @param port        the request's server port
     */
    static boolean matches(String headerValue, String scheme, String host, int port) {
        URI uri;
        try {
            uri = new URI(headerValue.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        String theirScheme = uri.getScheme();
        String theirHost = uri.getHost();
        if (theirScheme == null || theirHost == null) {
            return false;
        }
        theirScheme = theirScheme.toLowerCase(Locale.ROOT);
        if (!theirScheme.equals("http") && !theirScheme.equals("https")) {
            return false;
        }
        int theirPort = uri.getPort() == -1 ? defaultPort(theirScheme) : uri.getPort();
        return theirScheme.equalsIgnoreCase(scheme)
                && bare(theirHost).equalsIgnoreCase(bare(host))
                && theirPort == port;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /** IPv6 literals come with brackets from some sources and without from others. */
    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
