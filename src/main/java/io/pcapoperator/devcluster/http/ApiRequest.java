package io.pcapoperator.devcluster.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One request to the embedded API: method, path segments, query parameters, content type and body.
 *
 * @param method HTTP method
 * @param segments the path split at {@code /}, without empty parts
 * @param query the query parameters (the first value of each)
 * @param contentType the request's content type without parameters, lower case; empty when none
 * @param accept the {@code Accept} header, or an empty string
 * @param body the body, empty when none
 * @param websocket whether the client asked to upgrade to a WebSocket
 */
public record ApiRequest(
    String method,
    List<String> segments,
    Map<String, String> query,
    String contentType,
    String accept,
    byte[] body,
    boolean websocket) {

  /** kube-apiserver's {@code MaxRequestBodyBytes}: 3 MiB. */
  static final int MAX_BODY_BYTES = 3 * 1024 * 1024;

  /**
   * Reads the request of {@code exchange}, body included; 413 for a body over {@link
   * #MAX_BODY_BYTES}, of which no more than the limit and one byte is ever held.
   */
  public static ApiRequest read(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    List<String> segments =
        java.util.Arrays.stream(path.split("/"))
            .filter(s -> !s.isEmpty())
            .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
            .toList();
    String header = exchange.getRequestHeaders().getFirst("Content-Type");
    String contentType = header == null ? "" : header;
    int semicolon = contentType.indexOf(';');
    if (semicolon >= 0) {
      contentType = contentType.substring(0, semicolon);
    }
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    return new ApiRequest(
        exchange.getRequestMethod(),
        segments,
        query(exchange.getRequestURI().getRawQuery()),
        contentType.trim().toLowerCase(java.util.Locale.ROOT),
        accept == null ? "" : accept,
        body(exchange),
        "websocket".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Upgrade")));
  }

  /**
   * The body, kept only up to the limit. The rest of a longer one is read and dropped, so that the
   * connection is not reset under the client before it has read the 413.
   */
  private static byte[] body(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    boolean tooLong = length != null && Long.parseLong(length.trim()) > MAX_BODY_BYTES;
    byte[] body = tooLong ? new byte[0] : in.readNBytes(MAX_BODY_BYTES + 1);
    if (tooLong || body.length > MAX_BODY_BYTES) {
      in.transferTo(OutputStream.nullOutputStream());
      throw Statuses.requestEntityTooLarge(MAX_BODY_BYTES);
    }
    return body;
  }

  /** A query parameter, or {@code null}. */
  public String param(String name) {
    return query.get(name);
  }

  /** Whether a boolean query parameter is set ({@code true} or {@code 1}). */
  public boolean flag(String name) {
    String value = query.get(name);
    return "true".equalsIgnoreCase(value) || "1".equals(value);
  }

  /** Whether the client asked for a {@code meta.k8s.io} Table. */
  public boolean wantsTable() {
    return accept.contains("as=Table");
  }

  /** The options of a write request. */
  public WriteOptions writeOptions() {
    return new WriteOptions(
        "All".equals(param("dryRun")), param("fieldValidation"), new java.util.ArrayList<>());
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name =
          URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value =
          equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      query.putIfAbsent(name, value);
    }
    return query;
  }
}
