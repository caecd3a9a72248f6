package io.berth.model.interp;

/** Go's {@code %q}, for messages that quote what a file says the way compose's do. */
public final class GoQuote {
  private GoQuote() {}

  /** {@code s} in double quotes, with Go's escapes for quotes, backslashes and what is not printable. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\u0007' -> b.append("\\a");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\u000b' -> b.append("\\v");
        default -> {
          int type = Character.getType(c);
          boolean printable = c == ' ' || !(Character.isISOControl(c) || Character.isWhitespace(c) || type == Character.FORMAT
              || type == Character.UNASSIGNED || type == Character.SURROGATE || type == Character.PRIVATE_USE
              || type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR);
          if (printable) {
            b.appendCodePoint(c);
          } else if (c < 0x80) {
            b.append(String.format("\\x%02x", c));
          } else if (c <= 0xFFFF) {
            b.append(String.format("\\u%04x", c));
          } else {
            b.append(String.format("\\U%08x", c));
          }
        }
      }
    });
    return b.append('"').toString();
  }
}
