package io.berth.cli;

import com.github.dockerjava.api.exception.DockerException;
import io.berth.executor.engine.EngineErrors;
import io.berth.executor.engine.EngineException;
import io.berth.model.diag.ComposeModelException;
import io.berth.planner.PlanException;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failure as the one line a user needs. A user's mistake (a model error) or an Engine
 * failure never shows a stack trace; an internal error shows one only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  private final BerthCommand root;

  ErrorHandler(BerthCommand root) {
    this.root = root;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    Optional<String> explained = explained(ex);
    if (explained.isPresent()) {
      err.println(explained.get());
    } else {
      err.println("berth: internal error: " + ex);
      if (root.global != null && root.global.verbose) {
        ex.printStackTrace(err);
      } else {
        err.println("Run again with --verbose to see the stack trace.");
      }
    }
    err.flush();
    return ExitCodes.FAILURE;
  }

  /**
   * The one line for a failure that is no bug of berth's: a user's mistake, or what the Engine
   * answered, even when it reached here wrapped in another exception (docker-java wraps what its
   * callbacks and parsers throw).
   */
  static Optional<String> explained(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ComposeModelException || t instanceof EngineException || t instanceof PlanException
          || t instanceof UserError) {
        return Optional.of(t.getMessage());
      }
      if (t instanceof DockerException answered) {
        return Optional.of("the Docker Engine answered " + answered.getHttpStatus() + ": " + EngineErrors.describe(answered));
      }
    }
    return Optional.empty();
  }
}
