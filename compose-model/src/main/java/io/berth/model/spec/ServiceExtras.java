package io.berth.model.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service attributes beyond the everyday ones, in groups: Engine settings, legacy links,
 * {@code deploy}, lifecycle hooks and the Compose-only attributes. One component of
 * {@link Service}, so that adding an attribute here does not change every place a service is built.
 *
 * @param attach whether {@code up} shows the service's logs (the default)
 * @param models the top-level models the service uses, by key
 * @param useApiSocket whether the container gets the Engine's socket and the user's credentials
 * @param pullRefreshAfter as written; berth does not act on it
 * @param preStart steps run in their own containers before the service starts
 * @param endpoints per network key, the endpoint settings a {@code networks} entry gives beyond aliases and addresses
 * @param extensions the service's {@code x-*} keys, as plain values; {@code config} prints them, nothing else reads them
 */
public record ServiceExtras(
    EngineSettings engine,
    Links links,
    Optional<Deploy> deploy,
    boolean attach,
    List<Hook> postStart,
    List<Hook> preStop,
    Optional<Develop> develop,
    Optional<Provider> provider,
    Map<String, Model.Use> models,
    boolean useApiSocket,
    Optional<String> pullRefreshAfter,
    Map<String, Endpoint> endpoints,
    List<PreStartStep> preStart,
    Map<String, Object> extensions) {

  public ServiceExtras {
    extensions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(extensions));
    postStart = List.copyOf(postStart);
    preStop = List.copyOf(preStop);
    models = Maps.sortedCopy(models);
    endpoints = Maps.sortedCopy(endpoints);
    preStart = List.copyOf(preStart);
  }

  /** Extras with no {@code x-*} keys. */
  public ServiceExtras(EngineSettings engine, Links links, Optional<Deploy> deploy, boolean attach, List<Hook> postStart,
      List<Hook> preStop, Optional<Develop> develop, Optional<Provider> provider, Map<String, Model.Use> models,
      boolean useApiSocket, Optional<String> pullRefreshAfter, Map<String, Endpoint> endpoints, List<PreStartStep> preStart) {
    this(engine, links, deploy, attach, postStart, preStop, develop, provider, models, useApiSocket, pullRefreshAfter,
        endpoints, preStart, Map.of());
  }

  public static ServiceExtras none() {
    return new ServiceExtras(EngineSettings.none(), Links.none(), Optional.empty(), true, List.of(), List.of(),
        Optional.empty(), Optional.empty(), Map.of(), false, Optional.empty(), Map.of(), List.of(), Map.of());
  }
}
