package org.healthhub.crypto.groupsig.ps16;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;

/** PS16 group key: {@code g}, {@code gg}, {@code X = gg·x}, {@code Y = gg·y}. */
public final class Ps16GroupKey implements GroupKey {
  private static final Set<String> FIELDS = Set.of("g", "gg", "X", "Y");

  final G1 g;
  final G2 gg;
  final G2 bigX;
  final G2 bigY;

  Ps16GroupKey(G1 g, G2 gg, G2 bigX, G2 bigY) {
    this.g = g;
    this.gg = gg;
    this.bigX = bigX;
    this.bigY = bigY;
  }

  @Override
  public String scheme() {
    return Ps16.NAME;
  }

  @Override
  public String toBase64() {
    return Containers.exportKey(
        Ps16.NAME,
        "group",
        new Fields.Writer().put("g", g).put("gg", gg).put("X", bigX).put("Y", bigY));
  }

  static Ps16GroupKey fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importKey(base64, Set.of(Ps16.NAME), "group", FIELDS);
    return new Ps16GroupKey(
        f.g1("g").requireNonZero("ps16 group key g"),
        f.g2("gg").requireNonZero("ps16 group key gg"),
        f.g2("X").requireNonZero("ps16 group key X"),
        f.g2("Y").requireNonZero("ps16 group key Y"));
  }

  @Override
  public String toString() {
    return "Ps16GroupKey";
  }
}
