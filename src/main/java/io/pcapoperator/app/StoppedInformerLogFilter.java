package io.pcapoperator.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops fabric8's report, with its stack trace, of a watch that failed for good (its only error):
 * {@link InformerFailureHandler} says the same in one line before the process exits.
 */
public final class StoppedInformerLogFilter extends TurboFilter {
  private static final String REFLECTOR =
      "io.fabric8.kubernetes.client.informers.impl.cache.Reflector";

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    return level == Level.ERROR && REFLECTOR.equals(logger.getName())
        ? FilterReply.DENY
        : FilterReply.NEUTRAL;
  }
}
