package io.berth.model.spec;

/**
 * A host device in the container: {@code devices} in its long form, which the short
 * {@code HOST[:CONTAINER[:PERMISSIONS]]} becomes.
 *
 * @param permissions cgroup permissions, {@code rwm} unless the file says otherwise
 */
public record DeviceMapping(String source, String target, String permissions) {}
