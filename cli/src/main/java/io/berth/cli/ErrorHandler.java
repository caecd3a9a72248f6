package io.berth.cli;

import io.berth.executor.engine.EngineException;
import io.berth.model.diag.ComposeModelException;
import io.berth.planner.PlanException;
import java.io.PrintWriter;
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
    if (ex instanceof ComposeModelException || ex instanceof EngineException || ex instanceof PlanException
        || ex instanceof UserError) {
      err.println(ex.getMessage());
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
}
