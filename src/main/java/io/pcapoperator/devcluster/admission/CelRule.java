package io.pcapoperator.devcluster.admission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code x-kubernetes-validations} rule, compiled once with Google's CEL for Java: its rule,
 * {@code message} or {@code messageExpression}, {@code reason} and {@code fieldPath}. A rule that
 * reads {@code oldSelf} is a transition rule, checked on updates only. A failure names the value by
 * its schema type ({@code Invalid value: "object": message}), as kube-apiserver up to 1.34 does;
 * 1.35 prints scalar values instead and leaves objects' out (kubernetes/kubernetes#133832).
 */
public final class CelRule {
  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addLibraries(CelExtensions.strings())
          .addVar("self", SimpleType.DYN)
          .addVar("oldSelf", SimpleType.DYN)
          .build();
  private static final CelRuntime RUNTIME =
      CelRuntimeFactory.standardCelRuntimeBuilder().addLibraries(CelExtensions.strings()).build();

  private final String rule;
  private final String message;
  private final String reason;
  private final String fieldPath;
  private final CelRuntime.Program program;
  private final CelRuntime.Program messageProgram;
  private final boolean transition;
  private final String compileError;

  private CelRule(JsonNode spec) {
    rule = spec.path("rule").asText().trim();
    message = spec.path("message").asText("").trim();
    reason = spec.path("reason").asText("FieldValueInvalid");
    fieldPath = spec.path("fieldPath").asText("").replaceFirst("^\\.", "");
    CelAbstractSyntaxTree ast = null;
    String error = null;
    try {
      ast = checked(rule);
    } catch (CelValidationException e) {
      error = e.getMessage();
    }
    compileError = error;
    program = ast == null ? null : program(ast);
    transition =
        ast != null
            && CelNavigableAst.fromAst(ast)
                .getRoot()
                .allNodes()
                .anyMatch(node -> node.expr().identOrDefault().name().equals("oldSelf"));
    messageProgram =
        spec.hasNonNull("messageExpression")
            ? messageProgram(spec.get("messageExpression").asText())
            : null;
  }

  /** The program of a message expression; one that does not compile falls back to the message. */
  private static CelRuntime.Program messageProgram(String expression) {
    try {
      return program(checked(expression));
    } catch (CelValidationException e) {
      return null;
    }
  }

  /** Compiles {@code spec}, an entry of {@code x-kubernetes-validations}. */
  public static CelRule compile(JsonNode spec) {
    return new CelRule(spec);
  }

  /** Whether the rule reads {@code oldSelf}. */
  public boolean isTransition() {
    return transition;
  }

  /** Why the rule did not compile, if it did not. */
  public Optional<String> compileError() {
    return Optional.ofNullable(compileError);
  }

  /**
   * The message of the rule's failure for the JSON value {@code self} (and {@code oldSelf} on an
   * update, or {@code null}), or empty when the rule holds.
   */
  public Optional<String> violation(JsonNode self, JsonNode oldSelf) {
    return check(CelValues.of(self, null), oldSelf == null ? null : CelValues.of(oldSelf, null))
        .map(FieldError::detail);
  }

  /** The error of the rule for a value at {@code path} of schema type {@code type}, if any. */
  Optional<FieldError> check(Object self, Object oldSelf, String path, String type) {
    return check(self, oldSelf)
        .map(
            failure ->
                fieldError(
                    failure.type(),
                    fieldPath.isEmpty() ? path : FieldPaths.child(path, fieldPath),
                    type,
                    failure.detail()));
  }

  private Optional<FieldError> check(Object self, Object oldSelf) {
    if (compileError != null) {
      return Optional.of(
          new FieldError(ErrorType.INVALID, "", null, "rule compile error: " + compileError));
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("self", self);
    if (oldSelf != null) {
      variables.put("oldSelf", oldSelf);
    }
    try {
      if (Boolean.TRUE.equals(program.eval(variables))) {
        return Optional.empty();
      }
    } catch (CelEvaluationException e) {
      return Optional.of(
          new FieldError(
              ErrorType.INVALID, "", null, e.getMessage() + " evaluating rule: " + errorText()));
    }
    return Optional.of(new FieldError(errorType(), "", null, message(variables)));
  }

  private String message(Map<String, Object> variables) {
    if (messageProgram != null) {
      try {
        if (messageProgram.eval(variables) instanceof String text
            && !text.isBlank()
            && !text.contains("\n")) {
          return text.trim();
        }
      } catch (CelEvaluationException e) {
        // kube falls back to the message when the expression fails
      }
    }
    return message.isEmpty() ? "failed rule: " + rule : message;
  }

  private String errorText() {
    return message.isEmpty() ? rule : message;
  }

  private ErrorType errorType() {
    return switch (reason) {
      case "FieldValueForbidden" -> ErrorType.FORBIDDEN;
      case "FieldValueRequired" -> ErrorType.REQUIRED;
      case "FieldValueDuplicate" -> ErrorType.DUPLICATE;
      default -> ErrorType.INVALID;
    };
  }

  private static FieldError fieldError(
      ErrorType type, String path, String schemaType, String detail) {
    return new FieldError(
        type, path, GoFormat.quote(schemaType), type == ErrorType.DUPLICATE ? "" : detail);
  }

  private static CelAbstractSyntaxTree checked(String expression) throws CelValidationException {
    CelValidationResult result = COMPILER.compile(expression);
    return result.getAst();
  }

  private static CelRuntime.Program program(CelAbstractSyntaxTree ast) {
    try {
      return RUNTIME.createProgram(ast);
    } catch (CelEvaluationException e) {
      throw new IllegalStateException(e);
    }
  }
}
