package io.pcapoperator.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The environment variable that sets a flag's value when the flag is not given; the flag's {@code
 * defaultValue} applies when neither is. Read by {@link EnvironmentDefaults}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface EnvironmentVariable {
  /** The variable's name, such as {@code PCAP_HTTP_PORT}. */
  String value();
}
