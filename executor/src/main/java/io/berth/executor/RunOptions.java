package io.berth.executor;

/**
 * What {@code run} was asked to do beyond the service as the command line changed it.
 *
 * @param withDependencies bring up what the service depends on first (not {@code --no-deps})
 * @param name the container name, or empty for {@code <project>-<service>-run-<12 hex>}
 * @param detach start it and return ({@code -d}), printing its name
 * @param remove remove it once it ends ({@code --rm})
 * @param useAliases {@code --use-aliases}: known on its networks by the service's name and aliases too
 * @param removeOrphans {@code --remove-orphans}: remove the containers of services no longer in the project
 * @param interactive {@code -i} (the default): the container's standard input stays open, even detached
 */
public record RunOptions(boolean withDependencies, String name, boolean detach, boolean remove, boolean useAliases,
    boolean removeOrphans, boolean interactive) {}
