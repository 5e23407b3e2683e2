package org.healthhub.crypto.record.deid;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** The element paths a data buyer asks for, e.g. {@code Condition.code.text}, {@code Patient.birthDate~year}. */
public record BuyerTemplate(SortedSet<String> elementPaths) {
  public BuyerTemplate {
    if (elementPaths.isEmpty()) {
      throw new IllegalArgumentException("a template asks for at least one field");
    }
    elementPaths = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(elementPaths));
  }

  public static BuyerTemplate of(String... elementPaths) {
    return new BuyerTemplate(new TreeSet<>(Set.of(elementPaths)));
  }
}
