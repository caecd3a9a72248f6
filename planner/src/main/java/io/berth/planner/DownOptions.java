package io.berth.planner;

/**
 * What {@code down} was asked to remove beyond the project's containers and networks.
 *
 * @param removeOrphans also containers of services no longer in the project
 * @param volumes also the project's named volumes and the containers' anonymous volumes
 * @param images {@code --rmi}: also the images the services use
 */
public record DownOptions(boolean removeOrphans, boolean volumes, Rmi images) {
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
