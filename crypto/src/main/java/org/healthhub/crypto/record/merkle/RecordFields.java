package org.healthhub.crypto.record.merkle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.healthhub.crypto.MalformedInputException;

/**
 * A record as its leaves: every scalar (and every empty array or object) keyed by its JSON Pointer
 * (RFC 6901), valued by its canonical JSON. Sorted by path, which fixes each leaf's index.
 */
public final class RecordFields {
  private final SortedMap<String, String> fields;

  private RecordFields(SortedMap<String, String> fields) {
    this.fields = Collections.unmodifiableSortedMap(fields);
  }

  /** @throws MalformedInputException if a value cannot be canonicalized */
  public static RecordFields of(JsonNode record) throws MalformedInputException {
    SortedMap<String, String> fields = new TreeMap<>();
    flatten(record, "", fields);
    return new RecordFields(fields);
  }

  /** Adds fields computed from the record (e.g. a birth year beside a birth date). */
  public RecordFields with(Map<String, String> derived) {
    SortedMap<String, String> all = new TreeMap<>(fields);
    derived.forEach(
        (path, value) -> {
          if (all.putIfAbsent(path, value) != null) {
            throw new IllegalArgumentException("derived field " + path + " collides with a record field");
          }
        });
    return new RecordFields(all);
  }

  public SortedMap<String, String> asMap() {
    return fields;
  }

  public int size() {
    return fields.size();
  }

  private static void flatten(JsonNode node, String path, SortedMap<String, String> out)
      throws MalformedInputException {
    if (node.isContainerNode() && node.size() > 0) {
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> member = it.next();
          flatten(member.getValue(), path + "/" + escape(member.getKey()), out);
        }
      } else {
        for (int i = 0; i < node.size(); i++) {
          flatten(node.get(i), path + "/" + i, out);
        }
      }
      return;
    }
    out.put(path, CanonicalJson.canonicalize(node));
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
