package io.pcapoperator.plugin;

import io.pcapoperator.cloudflare.AuthenticationException;
import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.cloudflare.HttpPcapsApi;
import io.pcapoperator.cloudflare.TerminalApiException;

/**
 * Fetches a simple capture's pcap file from the Cloudflare API, retrying what may pass, and turns a
 * refusal into one line that names the capture and Cloudflare's reason (never the credentials).
 */
final class CloudflareDownload {
  private CloudflareDownload() {}

  /** The bytes of {@code capture}'s file, fetched from the API at {@code baseUrl}. */
  static byte[] fetch(String baseUrl, Credentials credentials, DownloadableCapture capture) {
    try {
      return HttpPcapsApi.withDefaults(baseUrl)
          .download(credentials, capture.accountId(), capture.captureId());
    } catch (AuthenticationException e) {
      throw new PluginFailure(
          "Cloudflare refused the credentials in Secret "
              + capture.secretName()
              + ": "
              + e.apiMessage()
              + status(e),
          e);
    } catch (TerminalApiException e) {
      throw new PluginFailure(
          "Cloudflare refused the download of capture "
              + capture.captureId()
              + " in account "
              + capture.accountId()
              + ": "
              + e.apiMessage()
              + status(e),
          e);
    } catch (CloudflareApiException e) {
      throw new PluginFailure(
          (e.httpStatus() == 0
                  ? "cannot reach Cloudflare at " + baseUrl + " for capture "
                  : "Cloudflare could not serve capture ")
              + capture.captureId()
              + ": "
              + e.apiMessage()
              + status(e)
              + "; try again later",
          e);
    } catch (IllegalArgumentException e) {
      throw new PluginFailure("cannot download " + capture.name() + ": " + e.getMessage(), e);
    }
  }

  private static String status(CloudflareApiException e) {
    return e.httpStatus() == 0 ? "" : " (HTTP " + e.httpStatus() + ")";
  }
}
