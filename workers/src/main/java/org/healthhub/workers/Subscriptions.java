package org.healthhub.workers;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which handler serves which topic; both launchers subscribe exactly these. */
public final class Subscriptions {

  private final Map<String, TaskHandler> handlers;

  private Subscriptions(Map<String, TaskHandler> handlers) {
    this.handlers = Map.copyOf(handlers);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Map<String, TaskHandler> handlers() {
    return handlers;
  }

  /**
   * The subscriptions of {@code topics} only.
   *
   * @throws IllegalArgumentException if a topic has no handler (a typo would otherwise serve nothing)
   */
  public Subscriptions only(Collection<String> topics) {
    Map<String, TaskHandler> kept = new LinkedHashMap<>();
    for (String topic : topics) {
      TaskHandler handler = handlers.get(topic);
      if (handler == null) {
        throw new IllegalArgumentException("no handler for topic " + topic + "; known: " + handlers.keySet());
      }
      kept.put(topic, handler);
    }
    return new Subscriptions(kept);
  }

  /** Collects topic subscriptions; a topic can be subscribed once only. */
  public static final class Builder {
    private final Map<String, TaskHandler> handlers = new LinkedHashMap<>();

    public Builder subscribe(String topic, TaskHandler handler) {
      if (handlers.putIfAbsent(topic, handler) != null) {
        throw new IllegalArgumentException("topic " + topic + " is subscribed twice");
      }
      return this;
    }

    public Subscriptions build() {
      return new Subscriptions(handlers);
    }
  }
}
