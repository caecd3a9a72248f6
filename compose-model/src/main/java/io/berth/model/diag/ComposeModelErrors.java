package io.berth.model.diag;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Several mistakes found in one run, reported together so that a user fixes them in one go: one
 * line each, in file order, at most {@value #SHOWN}. {@link #pos()}, {@link #path()} and
 * {@link #detail()} are the first one's.
 */
public final class ComposeModelErrors extends ComposeModelException {
  static final int SHOWN = 20;
  private final List<ComposeModelException> errors;

  private ComposeModelErrors(List<ComposeModelException> errors) {
    super(text(errors), errors.get(0));
    this.errors = List.copyOf(errors);
  }

  /**
   * Nothing when {@code errors} is empty, the error itself when there is one, else all of them:
   * those of one file by line and column, files in the order they first appear.
   */
  public static void throwIfAny(List<ComposeModelException> errors) {
    if (errors.size() == 1) {
      throw errors.get(0);
    }
    if (!errors.isEmpty()) {
      List<Path> files = errors.stream().map(e -> e.pos().file()).distinct().toList();
      throw new ComposeModelErrors(errors.stream().sorted(Comparator
          .<ComposeModelException>comparingInt(e -> files.indexOf(e.pos().file()))
          .thenComparingInt(e -> e.pos().line())
          .thenComparingInt(e -> e.pos().column())).toList());
    }
  }

  /**
   * What {@code part} gives, or nothing with its mistakes (one, or each of several) added to
   * {@code into}: for a stage that goes on after a mistake so that one run reports them all.
   */
  public static <T> Optional<T> gather(Supplier<T> part, List<ComposeModelException> into) {
    try {
      return Optional.of(part.get());
    } catch (ComposeModelErrors e) {
      into.addAll(e.errors);
    } catch (ComposeModelException e) {
      into.add(e);
    }
    return Optional.empty();
  }

  public List<ComposeModelException> errors() {
    return errors;
  }

  private static String text(List<ComposeModelException> errors) {
    StringBuilder b = new StringBuilder();
    errors.stream().limit(SHOWN).forEach(e -> b.append(b.length() == 0 ? "" : "\n").append(e.getMessage()));
    if (errors.size() > SHOWN) {
      b.append("\n... and ").append(errors.size() - SHOWN).append(" more errors");
    }
    return b.toString();
  }
}
