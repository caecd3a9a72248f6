package io.berth.executor.logs;

/**
 * One whole line a container wrote, without its newline.
 *
 * @param container the container's display name ({@code web-1}, or its {@code container_name})
 * @param stderr whether it came on standard error
 */
public record LogLine(String container, boolean stderr, String text) {}
