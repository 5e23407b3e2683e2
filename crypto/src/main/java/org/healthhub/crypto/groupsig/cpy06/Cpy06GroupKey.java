package org.healthhub.crypto.groupsig.cpy06;

import java.util.List;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.LazyFixedBase;
import org.healthhub.crypto.groupsig.LazyPowerTable;
import org.healthhub.crypto.groupsig.PrecomputedPairings;
import org.healthhub.crypto.groupsig.PrecomputedPairings.Claim;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.healthhub.crypto.mcl.PrecomputedG2;
import org.healthhub.crypto.mcl.GT;

/**
 * A CPY06 group key: q, the issuer's r = g2·gamma, w, the opening bases X = z·xi1⁻¹, Y = z·xi2⁻¹
 * and z, and the pairings e1 = e(g1,w), e2 = e(z,g2), e3 = e(z,r), e4 = e(g1,g2), e5 = e(q,g2) (g1,
 * g2 are the fixed generators), which import checks (a key whose pairings lie does not import).
 */
public final class Cpy06GroupKey implements GroupKey {
  private static final Set<String> FIELDS =
      Set.of("q", "r", "w", "x", "y", "z", "e1", "e2", "e3", "e4", "e5");

  final G1 q;
  final G2 r;
  final G2 w;
  final G1 x;
  final G1 y;
  final G1 z;
  final GT e1;
  final GT e2;
  final GT e3;
  final GT e4;
  final GT e5;
  // every verification pairs with r (and the fixed g2)
  final PrecomputedG2 rLines;
  final LazyPowerTable e1Powers;
  final LazyFixedBase qTable;
  final LazyFixedBase xTable;
  final LazyFixedBase yTable;
  final LazyFixedBase zTable;
  final LazyPowerTable e2Powers;
  final LazyPowerTable e3Powers;
  final LazyPowerTable e4Powers;

  Cpy06GroupKey(G1 q, G2 r, G2 w, G1 x, G1 y, G1 z, GT e1, GT e2, GT e3, GT e4, GT e5) {
    this.q = q;
    this.r = r;
    this.w = w;
    this.x = x;
    this.y = y;
    this.z = z;
    this.e1 = e1;
    this.e2 = e2;
    this.e3 = e3;
    this.e4 = e4;
    this.e5 = e5;
    this.rLines = new PrecomputedG2(r);
    this.e1Powers = new LazyPowerTable(e1);
    this.qTable = new LazyFixedBase(q);
    this.xTable = new LazyFixedBase(x);
    this.yTable = new LazyFixedBase(y);
    this.zTable = new LazyFixedBase(z);
    this.e2Powers = new LazyPowerTable(e2);
    this.e3Powers = new LazyPowerTable(e3);
    this.e4Powers = new LazyPowerTable(e4);
  }

  @Override
  public String scheme() {
    return Cpy06.NAME;
  }

  @Override
  public String toBase64() {
    Fields.Writer fields =
        new Fields.Writer()
            .put("q", q)
            .put("r", r)
            .put("w", w)
            .put("x", x)
            .put("y", y)
            .put("z", z)
            .put("e1", e1)
            .put("e2", e2)
            .put("e3", e3)
            .put("e4", e4)
            .put("e5", e5);
    return Containers.exportKey(Cpy06.NAME, "group", fields);
  }

  static Cpy06GroupKey fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importKey(base64, Set.of(Cpy06.NAME), "group", FIELDS);
    Cpy06GroupKey key =
        new Cpy06GroupKey(
            f.g1("q").requireNonZero("cpy06 group key q"),
            f.g2("r").requireNonZero("cpy06 group key r"),
            f.g2("w").requireNonZero("cpy06 group key w"),
            f.g1("x").requireNonZero("cpy06 group key x"),
            f.g1("y").requireNonZero("cpy06 group key y"),
            f.g1("z").requireNonZero("cpy06 group key z"),
            f.gt("e1"),
            f.gt("e2"),
            f.gt("e3"),
            f.gt("e4"),
            f.gt("e5"));
    // sign and verify trade e1..e5 for pairings and back: they must be what they claim
    G1 g1 = G1.generator();
    G2 g2 = G2.generator();
    PrecomputedPairings.require(
        "cpy06 group key",
        List.of(
            new Claim("e1", key.e1, g1, key.w),
            new Claim("e2", key.e2, key.z, g2),
            new Claim("e3", key.e3, key.z, key.r),
            new Claim("e4", key.e4, g1, g2),
            new Claim("e5", key.e5, key.q, g2)));
    return key;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cpy06GroupKey key && key.toBase64().equals(toBase64());
  }

  @Override
  public int hashCode() {
    return toBase64().hashCode();
  }

  @Override
  public String toString() {
    return "Cpy06GroupKey";
  }
}
