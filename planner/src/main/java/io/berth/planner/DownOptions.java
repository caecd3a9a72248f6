package io.berth.planner;

/**
 * What {@code down} was asked to remove beyond the project's containers and networks.
 *
 * @param removeOrphans also containers of services no longer in the project
 * @param volumes also the project's named volumes and the containers' anonymous volumes
 * @param images {@code --rmi}: also the images the services use
 * @param services {@code down SERVICE...}: only these services' containers and those of the
 *     services that depend on them; empty for the whole project
 */
public record DownOptions(boolean removeOrphans, boolean volumes, Rmi images, java.util.Set<String> services) {
  public DownOptions {
    services = java.util.Set.copyOf(services);
  }

  public DownOptions(boolean removeOrphans, boolean volumes, Rmi images) {
    this(removeOrphans, volumes, images, java.util.Set.of());
  }

  public DownOptions(boolean removeOrphans, boolean volumes) {
    this(removeOrphans, volumes, Rmi.NONE);
  }

  /** Which images {@code --rmi} removes. */
  public enum Rmi {
    NONE,
    /** Images berth built that the file gives no name of their own ({@code <project>-<service>}). */
    LOCAL,
    /** Those, and every image a service names with {@code image:}. */
    ALL
  }
}
