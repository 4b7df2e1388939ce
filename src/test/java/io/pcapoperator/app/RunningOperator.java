package io.pcapoperator.app;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test method an {@link OperatorHarness} parameter: a running
 * operator with the token Secret in place, closed after the test.
 */
final class RunningOperator implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RunningOperator.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == OperatorHarness.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            OperatorHarness.class,
            type -> {
              OperatorHarness harness = OperatorHarness.start();
              harness.createTokenSecret("dev-token");
              return harness;
            },
            OperatorHarness.class);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    OperatorHarness harness =
        context.getStore(NAMESPACE).remove(OperatorHarness.class, OperatorHarness.class);
    if (harness != null) {
      harness.close();
    }
  }
}
