package io.berth.executor.progress;

/**
 * Something happened to one resource. Renderers turn these into lines; tests assert on them.
 *
 * @param kind what the resource is, as Compose prints it: {@code Container}, {@code Network}, {@code Volume}, {@code Image}
 * @param name the resource's name on the Engine ({@code hello-web-1}, {@code hello_default})
 * @param status the word Compose prints: {@code Creating}, {@code Created}, {@code Starting}, {@code Started}, {@code Error}, ...
 * @param detail more words for errors and warnings, else empty
 * @param current bytes done so far, for a layer of a pull or push; else 0
 * @param total bytes in all, where the Engine knows it; else 0
 */
public record ProgressEvent(String kind, String name, Status status, String detail, long current, long total) {

  public ProgressEvent(String kind, String name, Status status, String detail) {
    this(kind, name, status, detail, 0, 0);
  }

  public enum Status {
    CREATING("Creating"),
    CREATED("Created"),
    STARTING("Starting"),
    STARTED("Started"),
    STOPPING("Stopping"),
    STOPPED("Stopped"),
    REMOVING("Removing"),
    REMOVED("Removed"),
    RECREATE("Recreate"),
    RECREATED("Recreated"),
    RUNNING("Running"),
    WAITING("Waiting"),
    HEALTHY("Healthy"),
    EXITED("Exited"),
    PAUSED("Paused"),
    UNPAUSED("Unpaused"),
    KILLED("Killed"),
    PULLING("Pulling"),
    PULLED("Pulled"),
    PUSHING("Pushing"),
    PUSHED("Pushed"),
    SKIPPED("Skipped"),
    /** One layer of a pull or push; {@code name} is the layer id, {@code detail} the Engine's words and the size. */
    LAYER(""),
    BUILDING("Building"),
    BUILD_OUTPUT(""),
    BUILT("Built"),
    EXPORTING("Exporting"),
    COMMITTING("Committing"),
    /** {@code detail} is {@code as <image id>}, as Compose words it. */
    COMMITTED("Committed"),
    WARNING("Warning"),
    ERROR("Error"),
    RESTARTING("Restarting"),
    /** Compose's skipped optional dependency: {@code detail} says which and why. */
    SKIPPED_BECAUSE("Skipped:");

    private final String text;

    Status(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  public static ProgressEvent of(String kind, String name, Status status) {
    return new ProgressEvent(kind, name, status, "");
  }
}
