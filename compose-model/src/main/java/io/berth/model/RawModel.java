package io.berth.model;

import io.berth.model.yaml.YNode;
import java.nio.file.Path;

/**
 * The compose files merged into one tree (includes, extends and overrides applied) before the
 * typed model is read from it, with the project's name and directory, for what
 * {@code config --no-interpolate} and {@code config --variables} print.
 */
public record RawModel(YNode.YMap tree, String name, Path projectDir) {}
