package io.pcapoperator.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Locale;

/**
 * Lets an appender write only when {@code PCAP_LOG_FORMAT} names its format ({@code text} by
 * default, or {@code json}), so that one logging configuration serves both.
 */
public final class LogFormatFilter extends Filter<ILoggingEvent> {
  private final String selected =
      System.getenv().getOrDefault("PCAP_LOG_FORMAT", "text").strip().toLowerCase(Locale.ROOT);
  private String format = "text";

  /** The format of the appender this filter guards; set from the logging configuration. */
  public void setFormat(String format) {
    this.format = format.toLowerCase(Locale.ROOT);
  }

  @Override
  public FilterReply decide(ILoggingEvent event) {
    return selected.equals(format) ? FilterReply.NEUTRAL : FilterReply.DENY;
  }
}
