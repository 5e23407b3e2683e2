package org.healthhub.workers;

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
