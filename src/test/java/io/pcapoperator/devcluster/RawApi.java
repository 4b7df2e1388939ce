package io.pcapoperator.devcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** Plain HTTP requests to the embedded API, to see exactly what it answers. */
final class RawApi {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String url;

  RawApi(String url) {
    this.url = url;
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url + path)).GET(), null);
  }

  Answer get(String path, String accept) {
    return send(
        HttpRequest.newBuilder(URI.create(url + path)).header("Accept", accept).GET(), null);
  }

  Answer send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    return send(request, contentType);
  }

  private Answer send(HttpRequest.Builder request, String contentType) {
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          MAPPER.readTree(response.body()),
          response.headers().allValues("Warning"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Answer(int code, JsonNode body, List<String> warnings) {}
}
