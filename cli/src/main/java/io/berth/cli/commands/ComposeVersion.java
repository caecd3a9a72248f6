package io.berth.cli.commands;

/**
 * The Docker Compose release whose behaviour berth implements, which berth reports wherever a tool
 * asks Compose for its version: tools gate on it ({@code docker compose version --format json}
 * must say 2.x for Spring Boot and Testcontainers to go on), and berth's own version means nothing
 * to them.
 */
public final class ComposeVersion {
  /** Without the leading {@code v}, as {@code docker compose version --short} prints it. */
  public static final String NUMBER = "2.40.3";

  private ComposeVersion() {}

  /** With the leading {@code v}, as {@code --format json} and the plugin metadata carry it. */
  public static String tagged() {
    return "v" + NUMBER;
  }
}
