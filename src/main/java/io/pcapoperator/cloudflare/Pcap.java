package io.pcapoperator.cloudflare;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A PCAP as the API returns it. Every field is optional in the API's schema; unknown fields (such
 * as {@code packets_remaining}) are ignored. The colo is read from {@code colo_name}, as the SDKs
 * type it, or from {@code colo}, as Cloudflare's documented example responses carry it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Pcap(
    @JsonProperty("id") String id,
    @JsonProperty("system") String system,
    @JsonProperty("type") String type,
    @JsonProperty("status") String status,
    @JsonProperty("submitted") String submitted,
    @JsonProperty("time_limit") Integer timeLimit,
    @JsonProperty("packet_limit") Integer packetLimit,
    @JsonProperty("byte_limit") Long byteLimit,
    @JsonProperty("colo_name") @JsonAlias("colo") String coloName,
    @JsonProperty("destination_conf") String destinationConf,
    @JsonProperty("filter_v1") PcapFilter filterV1,
    @JsonProperty("offset_time") String offsetTime,
    @JsonProperty("error_message") String errorMessage,
    @JsonProperty("packets_captured") Long packetsCaptured,
    @JsonProperty("stop_requested") String stopRequested) {}
