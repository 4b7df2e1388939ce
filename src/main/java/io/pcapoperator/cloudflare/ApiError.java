package io.pcapoperator.cloudflare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One entry of an envelope's {@code errors} array. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiError(
    @JsonProperty("code") int code,
    @JsonProperty("message") String message,
    @JsonProperty("error_chain") List<ApiError> errorChain) {

  /** An error with no chain. */
  public ApiError(int code, String message) {
    this(code, message, null);
  }
}
