package io.berth.planner;

/**
 * What {@code down} was asked to remove beyond the project's containers and networks.
 *
 * @param removeOrphans also containers of services no longer in the project
 * @param volumes also the project's named volumes and the containers' anonymous volumes
 */
public record DownOptions(boolean removeOrphans, boolean volumes) {}
