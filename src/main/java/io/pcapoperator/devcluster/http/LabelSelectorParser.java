package io.pcapoperator.devcluster.http;

import io.pcapoperator.devcluster.admission.GoFormat;
import io.pcapoperator.devcluster.http.LabelRequirement.Operator;
import io.pcapoperator.devcluster.http.LabelSelectorLexer.Kind;
import io.pcapoperator.devcluster.http.LabelSelectorLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads a label selector as kube-apiserver does ({@code labels.Parse}): its grammar, its checks of
 * keys and values, and its messages, which a 400 carries.
 */
final class LabelSelectorParser {
  private final List<Token> tokens;
  private int position;

  private LabelSelectorParser(String selector) {
    this.tokens = LabelSelectorLexer.tokens(selector);
  }

  /** The requirements of {@code selector}; 400 with kube's message when it does not parse. */
  static List<LabelRequirement> parse(String selector) {
    try {
      return new LabelSelectorParser(selector).requirements();
    } catch (IllegalArgumentException unparsable) {
      throw Statuses.badRequest(unparsable.getMessage());
    }
  }

  private List<LabelRequirement> requirements() {
    List<LabelRequirement> requirements = new ArrayList<>();
    while (true) {
      Token next = lookahead(true);
      if (next.kind() == Kind.END) {
        return requirements;
      }
      if (next.kind() != Kind.IDENTIFIER && next.kind() != Kind.NOT) {
        throw error(next, "!, identifier, or 'end of string'");
      }
      try {
        requirements.add(requirement());
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException("unable to parse requirement: " + bad.getMessage());
      }
      Token after = consume(true);
      if (after.kind() == Kind.END) {
        return requirements;
      }
      if (after.kind() != Kind.COMMA) {
        throw error(after, "',' or 'end of string'");
      }
      Token following = lookahead(true);
      if (following.kind() != Kind.IDENTIFIER && following.kind() != Kind.NOT) {
        throw error(following, "identifier after ','");
      }
    }
  }

  private LabelRequirement requirement() {
    Token key = consume(true);
    boolean negated = key.kind() == Kind.NOT;
    if (negated) {
      key = consume(true);
    }
    if (key.kind() != Kind.IDENTIFIER) {
      throw error(key, "identifier");
    }
    List<String> keyErrors = LabelSyntax.qualifiedName(key.literal());
    if (!keyErrors.isEmpty()) {
      throw new IllegalArgumentException(
          "<nil>: Invalid value: "
              + GoFormat.quote(key.literal())
              + ": "
              + String.join("; ", keyErrors));
    }
    Kind next = lookahead(true).kind();
    if (negated || next == Kind.END || next == Kind.COMMA) {
      return new LabelRequirement(
          key.literal(), negated ? Operator.DOES_NOT_EXIST : Operator.EXISTS, new TreeSet<>());
    }
    Token operator = consume(false);
    SortedSet<String> values;
    Operator kind;
    switch (operator.kind()) {
      case IN, NOT_IN -> {
        values = valueList();
        kind = operator.kind() == Kind.IN ? Operator.IN : Operator.NOT_IN;
      }
      case EQUALS, DOUBLE_EQUALS, NOT_EQUALS, GREATER_THAN, LESS_THAN -> {
        values = exactValue();
        kind =
            switch (operator.kind()) {
              case GREATER_THAN -> Operator.GREATER_THAN;
              case LESS_THAN -> Operator.LESS_THAN;
              case NOT_EQUALS -> Operator.NOT_IN;
              default -> Operator.IN;
            };
      }
      default -> throw error(operator, "in, notin, =, ==, !=, gt, lt");
    }
    checkValues(key.literal(), kind, values);
    return new LabelRequirement(key.literal(), kind, values);
  }

  private SortedSet<String> valueList() {
    Token open = consume(true);
    if (open.kind() != Kind.OPEN) {
      throw new IllegalArgumentException("found '" + open.literal() + "' expected: '('");
    }
    Token first = lookahead(true);
    SortedSet<String> values = new TreeSet<>();
    switch (first.kind()) {
      case CLOSE -> {
        consume(true);
        values.add("");
        return values;
      }
      case IDENTIFIER, COMMA -> {
        identifiers(values);
        if (consume(true).kind() != Kind.CLOSE) {
          throw error(first, "')'");
        }
        return values;
      }
      default -> throw error(first, "',', ')' or identifier");
    }
  }

  private void identifiers(SortedSet<String> values) {
    while (true) {
      Token token = consume(true);
      if (token.kind() == Kind.IDENTIFIER) {
        values.add(token.literal());
        Token next = lookahead(true);
        if (next.kind() == Kind.CLOSE) {
          return;
        }
        if (next.kind() != Kind.COMMA) {
          throw error(next, "',' or ')'");
        }
      } else if (token.kind() == Kind.COMMA) {
        values.add("");
        Kind next = lookahead(true).kind();
        if (next == Kind.CLOSE) {
          return;
        }
        if (next == Kind.COMMA) {
          consume(true);
        }
      } else {
        throw error(token, "',', or identifier");
      }
    }
  }

  private SortedSet<String> exactValue() {
    SortedSet<String> values = new TreeSet<>();
    Kind next = lookahead(true).kind();
    if (next == Kind.END || next == Kind.COMMA) {
      values.add("");
      return values;
    }
    Token value = consume(true);
    if (value.kind() != Kind.IDENTIFIER) {
      throw error(value, "identifier");
    }
    values.add(value.literal());
    return values;
  }

  private static void checkValues(String key, Operator operator, SortedSet<String> values) {
    List<String> errors = new ArrayList<>();
    int index = 0;
    for (String value : values) {
      if (operator == Operator.GREATER_THAN || operator == Operator.LESS_THAN) {
        try {
          Long.parseLong(value);
        } catch (NumberFormatException notInteger) {
          errors.add(
              "values["
                  + index
                  + "]: Invalid value: "
                  + GoFormat.quote(value)
                  + ": for 'Gt', 'Lt' operators, the value must be an integer");
        }
      }
      List<String> valueErrors = LabelSyntax.labelValue(value);
      if (!valueErrors.isEmpty()) {
        errors.add(
            "values["
                + index
                + "]["
                + key
                + "]: Invalid value: "
                + GoFormat.quote(value)
                + ": "
                + String.join("; ", valueErrors));
      }
      index++;
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(
          errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]");
    }
  }

  /** The next token; in a value, {@code in} and {@code notin} are identifiers. */
  private Token lookahead(boolean value) {
    Token token = tokens.get(position);
    if (value && (token.kind() == Kind.IN || token.kind() == Kind.NOT_IN)) {
      return new Token(Kind.IDENTIFIER, token.literal());
    }
    return token;
  }

  private Token consume(boolean value) {
    Token token = lookahead(value);
    if (position < tokens.size() - 1) {
      position++;
    }
    return token;
  }

  private static IllegalArgumentException error(Token found, String expected) {
    return new IllegalArgumentException("found '" + found.literal() + "', expected: " + expected);
  }
}
