package io.berth.executor;

import io.berth.executor.engine.Engine;
import io.berth.executor.engine.EngineReads;
import io.berth.executor.lock.EngineLockStore;
import io.berth.executor.lock.LockHolder;
import io.berth.executor.lock.ProjectLock;
import io.berth.executor.progress.ProgressListener;
import io.berth.executor.run.PlanExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.berth.executor.registry.RegistryAuth;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What one berth command needs to act on the Engine: the connection, the event loop the plan runs
 * on, and where progress goes. One per command invocation; close it when done.
 *
 * @param parallelism how many Engine calls may run at once ({@code --parallel}, COMPOSE_PARALLEL_LIMIT)
 */
public final class EngineSession implements AutoCloseable {
  /** Compose's own default limit on concurrent Engine calls. */
  public static final int DEFAULT_PARALLELISM = 64;

  private final Engine engine;
  /** Made on first use: a command that finds nothing to do never starts an event loop. */
  private Vertx vertx;
  private final ProgressListener progress;
  private final int parallelism;
  private final RegistryAuth registryAuth;
  private ProjectLock.Policy lockPolicy = ProjectLock.Policy.DEFAULT;
  private final Map<String, ProjectLock.Held> held = new java.util.HashMap<>();

  private EngineSession(Engine engine, ProgressListener progress, int parallelism, RegistryAuth registryAuth) {
    this.registryAuth = registryAuth;
    this.engine = engine;
    this.progress = progress;
    this.parallelism = parallelism;
  }

  /** Connects to the Engine named by {@code DOCKER_HOST} in {@code environment}, or the default socket. */
  public static EngineSession open(Map<String, String> environment, ProgressListener progress, int parallelism) {
    return open(Engine.connect(environment), environment, progress, parallelism);
  }

  /**
   * A session on {@code engine}, a connection already made (see {@link io.berth.executor.engine.PendingEngine});
   * {@code environment} is where registry credentials are looked up.
   */
  public static EngineSession open(Engine engine, Map<String, String> environment, ProgressListener progress, int parallelism) {
    return new EngineSession(engine, progress, parallelism, RegistryAuth.fromEnvironment(environment));
  }

  /** The user's registry credentials, for pulls and pushes. */
  public RegistryAuth registryAuth() {
    return registryAuth;
  }

  /** How images are pulled and built in this session. */
  public io.berth.executor.create.Images images() {
    return new io.berth.executor.create.Images(engine.client(), progress, registryAuth);
  }

  public Engine engine() {
    return engine;
  }

  public synchronized Vertx vertx() {
    if (vertx == null) {
      // Workers wait on the Engine for as long as a call's deadline or a stream allows, and that
      // is by design: Vert.x's warning (with a stack trace) after 60 s blocked would only alarm.
      vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
          .setMaxWorkerExecuteTime(24).setMaxWorkerExecuteTimeUnit(TimeUnit.HOURS));
    }
    return vertx;
  }

  public ProgressListener progress() {
    return progress;
  }

  /** How many Engine calls may run at once. */
  public int parallelism() {
    return parallelism;
  }

  /** How {@link #lock} waits: set once, by the command that opens the session. */
  public EngineSession lockPolicy(ProjectLock.Policy policy) {
    this.lockPolicy = policy;
    return this;
  }

  /**
   * Takes the project's lock for {@code command}, waiting for another berth command that holds it
   * (see {@link ProjectLock}); close it once the project's resources are as the command wants them.
   */
  public synchronized ProjectLock.Lease lock(String project, String command) {
    if (held.containsKey(project)) {
      // Taken already by this command (run brings its dependencies up under its own lock): one holder, one release.
      return () -> { };
    }
    ProjectLock.Held lock = new ProjectLock(new EngineLockStore(new EngineReads(engine.client())))
        .acquire(project, LockHolder.self(command), lockPolicy);
    held.put(project, lock);
    return () -> {
      synchronized (this) {
        held.remove(project);
      }
      lock.close();
    };
  }

  public PlanExecutor planExecutor() {
    return new PlanExecutor(this::vertx, parallelism);
  }

  @Override
  public void close() {
    Vertx started;
    synchronized (this) {
      started = vertx;
    }
    if (started != null) {
      started.close().toCompletionStage().toCompletableFuture().join();
    }
    engine.close();
  }
}
