package io.berth.executor.run;

/** A node did not run because a node it waits for failed. */
final class DependencyFailedException extends RuntimeException {
  final int failedNode;

  DependencyFailedException(int failedNode) {
    super("dependency #" + failedNode + " failed", null, false, false);
    this.failedNode = failedNode;
  }
}
