package io.pcapoperator.devcluster.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Splits a label selector into kube's tokens (apimachinery's {@code labels.Lexer}). */
final class LabelSelectorLexer {
  /** The kinds of token. */
  enum Kind {
    IDENTIFIER,
    IN,
    NOT_IN,
    EQUALS,
    DOUBLE_EQUALS,
    NOT_EQUALS,
    GREATER_THAN,
    LESS_THAN,
    NOT,
    OPEN,
    CLOSE,
    COMMA,
    END
  }

  /**
   * One token.
   *
   * @param kind what it is
   * @param literal its text
   */
  record Token(Kind kind, String literal) {}

  private static final Map<String, Kind> SYMBOLS =
      Map.of(
          ")", Kind.CLOSE,
          ",", Kind.COMMA,
          "!", Kind.NOT,
          "==", Kind.DOUBLE_EQUALS,
          "=", Kind.EQUALS,
          ">", Kind.GREATER_THAN,
          "<", Kind.LESS_THAN,
          "!=", Kind.NOT_EQUALS,
          "(", Kind.OPEN);
  private static final String SPECIAL = "=!(),><";
  private static final String WHITESPACE = " \t\r\n";

  private LabelSelectorLexer() {}

  /** The tokens of {@code selector}, ending with an {@link Kind#END} token. */
  static List<Token> tokens(String selector) {
    List<Token> tokens = new ArrayList<>();
    int position = 0;
    while (true) {
      while (position < selector.length() && WHITESPACE.indexOf(selector.charAt(position)) >= 0) {
        position++;
      }
      if (position == selector.length()) {
        tokens.add(new Token(Kind.END, ""));
        return tokens;
      }
      int start = position;
      if (SPECIAL.indexOf(selector.charAt(position)) >= 0) {
        String pair = selector.substring(start, Math.min(start + 2, selector.length()));
        String symbol = SYMBOLS.containsKey(pair) ? pair : pair.substring(0, 1);
        tokens.add(new Token(SYMBOLS.get(symbol), symbol));
        position += symbol.length();
        continue;
      }
      while (position < selector.length()
          && SPECIAL.indexOf(selector.charAt(position)) < 0
          && WHITESPACE.indexOf(selector.charAt(position)) < 0) {
        position++;
      }
      String word = selector.substring(start, position);
      Kind kind =
          switch (word) {
            case "in" -> Kind.IN;
            case "notin" -> Kind.NOT_IN;
            default -> Kind.IDENTIFIER;
          };
      tokens.add(new Token(kind, word));
    }
  }
}
