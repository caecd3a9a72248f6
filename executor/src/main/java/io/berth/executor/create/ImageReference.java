package io.berth.executor.create;

/**
 * An image reference split the way the Engine's pull call wants it: {@code repository} and
 * {@code tag} (or a digest). {@code busybox} means {@code busybox:latest}.
 */
public record ImageReference(String repository, String tag) {

  public static ImageReference parse(String reference) {
    int at = reference.indexOf('@');
    if (at >= 0) {
      return new ImageReference(reference.substring(0, at), reference.substring(at + 1));
    }
    int colon = reference.lastIndexOf(':');
    int slash = reference.lastIndexOf('/');
    if (colon > slash) {
      return new ImageReference(reference.substring(0, colon), reference.substring(colon + 1));
    }
    return new ImageReference(reference, "latest");
  }
}
