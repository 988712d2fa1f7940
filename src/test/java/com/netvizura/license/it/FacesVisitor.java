package com.netvizura.license.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One visitor with its own session ({@link WebClient}) that can also send what a PrimeFaces page sends: a multipart
 * AJAX upload with the view state of the page it loaded, and any {@code Origin} header, as a page of another site
 * would.
 */
public final class FacesVisitor {

    private static final Pattern CSP_NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final WebClient client;

    public FacesVisitor(URI root) {
        this.client = new WebClient(root);
    }

    /**
     * Whether an upload's partial response says a key was applied: the callback parameter {@code applied} (PrimeFaces
     * sends it as JSON in its {@code args} extension), on which the page opens the Reset pop-up.
     */
    public static boolean announcesApplied(String partialResponse) {
        return partialResponse.matches("(?s).*<extension[^>]*type=\"args\"[^>]*>[^<]*(\"|&#34;|&quot;)applied"
                + "(\"|&#34;|&quot;):true.*");
    }

    /** Whether an upload's partial response says the key gives less and waits for Apply anyway ({@code held}). */
    public static boolean announcesHeld(String partialResponse) {
        return partialResponse.matches("(?s).*<extension[^>]*type=\"args\"[^>]*>[^<]*(\"|&#34;|&quot;)held"
                + "(\"|&#34;|&quot;):true.*");
    }

    /** This visitor's session id (for requests a plain socket sends, {@link RawHttp}). */
    public String sessionId() {
        return client.cookie("JSESSIONID").orElseThrow();
    }

    /** The application's own origin, as a browser sends it in {@code Origin}. */
    public String ownOrigin() {
        return client.origin();
    }

    public HttpResponse<String> get(String path) {
        return client.get(path);
    }

    public void logIn(TestUser user) {
        client.logIn(user);
    }

    /** The CSP nonce PrimeFaces gave a page (its scripts carry it), or "" when the page has none. */
    public static String cspNonceOf(String page) {
        Matcher m = CSP_NONCE.matcher(page);
        return m.find() ? m.group(1) : "";
    }

    /** The view state of a Faces page, or a made-up one when the page has none (e.g. it was refused). */
    public static String viewStateOf(String page) {
        Matcher m = VIEW_STATE.matcher(page);
        return m.find() ? m.group(1).replace("&#58;", ":") : "-1234567890:1234567890";
    }

    /**
     * What the License page's Upload button sends: a Faces AJAX request for the Upload dialog, which the page renders
     * only on demand. The answer (a partial response) holds the dialog with its upload form.
     */
    public HttpResponse<String> openUploadDialog(String viewState, String origin) {
        String button = "sendForm:uploadButton";
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("sendForm", "sendForm");
        fields.put("jakarta.faces.ViewState", viewState);
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", button);
        fields.put("jakarta.faces.partial.execute", button);
        fields.put("jakarta.faces.partial.render", "uploadHolder");
        fields.put(button, button);
        String body = fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(client.resolve("license/license.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Faces-Request", "partial/ajax")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * What the License page's file chooser sends when a file is chosen (PrimeFaces' native uploader): the form's
     * fields and the file, as {@code partial/ajax}, with {@code origin} as the {@code Origin} header.
     */
    public HttpResponse<String> uploadKey(String viewState, String fileName, byte[] key, String origin) {
        String upload = UPLOAD;
        Map<String, String> fields = uploadFields(viewState);
        String boundary = "----nv" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n");
        }
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + upload + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(key);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(client.resolve("license/license.xhtml"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return client.send(request);
    }

    /** The name of the License page's file part. */
    public static final String UPLOAD = "uploadForm:keyUpload";

    /** The form fields that the License page's file chooser sends beside the file, with {@code viewState}. */
    public static Map<String, String> uploadFields(String viewState) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("uploadForm", "uploadForm");
        fields.put("jakarta.faces.ViewState", viewState);
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.partial.execute", UPLOAD);
        fields.put("jakarta.faces.source", UPLOAD);
        fields.put(UPLOAD + "_totalFilesCount", "1");
        fields.put("jakarta.faces.partial.render", "uploadForm:uploadOutcome");
        return fields;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
