package io.pcapoperator.cloudflare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A bucket ownership record of {@code /pcaps/ownership}, needed before a full capture. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ownership(
    @JsonProperty("id") String id,
    @JsonProperty("destination_conf") String destinationConf,
    @JsonProperty("filename") String filename,
    @JsonProperty("status") String status,
    @JsonProperty("submitted") String submitted,
    @JsonProperty("validated") String validated) {}
