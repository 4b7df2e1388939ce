package io.pcapoperator.devcluster.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The size of an object as compact JSON, counted without keeping the bytes. */
public final class JsonSize {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonSize() {}

  /** The bytes {@code node} takes as compact JSON. */
  public static long of(JsonNode node) {
    Counter counter = new Counter();
    try {
      MAPPER.writeValue(counter, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return counter.count;
  }

  private static final class Counter extends OutputStream {
    private long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
