package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

/** Which log events the filter drops. */
class StoppedInformerLogFilterTest {
  private final LoggerContext context = new LoggerContext();
  private final StoppedInformerLogFilter filter = new StoppedInformerLogFilter();

  @Test
  void dropsOnlyFabric8sErrorForAWatchThatStopped() {
    String reflector = "io.fabric8.kubernetes.client.informers.impl.cache.Reflector";

    assertThat(decide(reflector, Level.ERROR)).isEqualTo(FilterReply.DENY);
    assertThat(decide(reflector, Level.WARN)).isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide(InformerFailureHandler.class.getName(), Level.ERROR))
        .isEqualTo(FilterReply.NEUTRAL);
  }

  private FilterReply decide(String logger, Level level) {
    return filter.decide(
        null, context.getLogger(logger), level, "{} failed for {}", null, new Exception());
  }
}
