package io.berth.model.spec;

import java.util.List;
import java.util.Optional;

/** {@code develop}: the rules {@code watch} follows. */
public record Develop(List<Watch> watch) {

  /**
   * One watch rule.
   *
   * @param path absolute, resolved against the project directory
   * @param action {@code rebuild}, {@code sync}, {@code restart}, {@code sync+restart} or {@code sync+exec}
   * @param target where in the container a sync writes; required unless the action is rebuild or restart
   */
  public record Watch(
      String path,
      String action,
      Optional<String> target,
      List<String> ignore,
      List<String> include,
      boolean initialSync,
      Optional<Hook> exec) {

    public Watch {
      ignore = List.copyOf(ignore);
      include = List.copyOf(include);
    }
  }

  public Develop {
    watch = List.copyOf(watch);
  }
}
