package org.healthhub.crypto.groupsig.dl21;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.LazyFixedBase;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.PrecomputedG2;

/**
 * DL21 group key: {@code g1}, {@code g2}, {@code h1}, {@code h2}, {@code ipk = g2·isk}. dl21seq
 * uses the same key under its own scheme name; the export label is the one the key was read
 * with, so a re-export is byte-identical.
 */
public final class Dl21GroupKey implements GroupKey {
  private static final Set<String> FIELDS = Set.of("g1", "g2", "h1", "h2", "ipk");

  private final String scheme;
  private final String label;
  final G1 g1;
  final G2 g2;
  final G1 h1;
  final G1 h2;
  final G2 ipk;
  final PrecomputedG2 ipkLines;
  final PrecomputedG2 g2Lines;
  final LazyFixedBase g1Table;
  final LazyFixedBase h1Table;
  final LazyFixedBase h2Table;

  Dl21GroupKey(String scheme, String label, G1 g1, G2 g2, G1 h1, G1 h2, G2 ipk) {
    this.scheme = scheme;
    this.label = label;
    this.g1 = g1;
    this.g2 = g2;
    this.h1 = h1;
    this.h2 = h2;
    this.ipk = ipk;
    this.ipkLines = new PrecomputedG2(ipk);
    this.g2Lines = new PrecomputedG2(g2);
    this.g1Table = new LazyFixedBase(g1);
    this.h1Table = new LazyFixedBase(h1);
    this.h2Table = new LazyFixedBase(h2);
  }

  @Override
  public String scheme() {
    return scheme;
  }

  @Override
  public String toBase64() {
    return Containers.exportKey(
        label,
        "group",
        new Fields.Writer().put("g1", g1).put("g2", g2).put("h1", h1).put("h2", h2).put("ipk", ipk));
  }

  /**
   * Reads a group key of {@code scheme} labelled with one of {@code labels}.
   *
   * @throws MalformedInputException on any malformed field or an identity element
   */
  public static Dl21GroupKey read(String base64, String scheme, Set<String> labels)
      throws MalformedInputException {
    Fields f = Containers.importKey(base64, labels, "group", FIELDS);
    return new Dl21GroupKey(
        scheme,
        Containers.labelOf(base64),
        f.g1("g1").requireNonZero(scheme + " group key g1"),
        f.g2("g2").requireNonZero(scheme + " group key g2"),
        f.g1("h1").requireNonZero(scheme + " group key h1"),
        f.g1("h2").requireNonZero(scheme + " group key h2"),
        f.g2("ipk").requireNonZero(scheme + " group key ipk"));
  }

  @Override
  public String toString() {
    return "Dl21GroupKey[" + scheme + "]";
  }
}
