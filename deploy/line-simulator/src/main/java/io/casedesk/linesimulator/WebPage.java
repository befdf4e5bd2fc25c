package io.casedesk.linesimulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The simulator's web page: a phone-like LINE chat in which a person writes as any demo customer or a
 * stranger and watches the bot's and the agents' answers arrive. Plain HTML, CSS and JavaScript from this
 * jar; served at {@code /} and {@code /simulator/}, its files under {@code /simulator/web/}.
 */
final class WebPage implements HttpHandler {

    static final String ASSETS_PATH = "/simulator/web/";
    private static final String RESOURCES = "/io/casedesk/linesimulator/web/";
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ControlApi.error(exchange, 405, "Only GET is served here, not " + method + " " + path);
            } else if (path.equals("/") || path.equals("/index.html") || path.equals("/simulator")) {
                serveIndex(exchange);
            } else if (path.equals("/favicon.ico")) {
                serve(exchange, "favicon.svg");
            } else if (path.startsWith(ASSETS_PATH) && path.indexOf('/', ASSETS_PATH.length()) < 0) {
                serve(exchange, path.substring(ASSETS_PATH.length()));
            } else {
                ControlApi.error(exchange, 404, "No such page: " + path + " (the simulator's page is at /)");
            }
        }
    }

    static void serveIndex(HttpExchange exchange) throws IOException {
        serve(exchange, "index.html");
    }

    private static void serve(HttpExchange exchange, String name) throws IOException {
        int dot = name.lastIndexOf('.');
        String contentType = dot < 0 ? null : CONTENT_TYPES.get(name.substring(dot + 1));
        byte[] body = null;
        if (contentType != null && !name.startsWith(".")) {
            try (InputStream in = WebPage.class.getResourceAsStream(RESOURCES + name)) {
                body = in == null ? null : in.readAllBytes();
            }
        }
        if (body == null) {
            ControlApi.error(exchange, 404, "No such file: " + name);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        // The page is small and changes with the jar; always revalidate rather than show a stale one.
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(200, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
