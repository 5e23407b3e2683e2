package org.healthhub.crypto.groupsig.bbs04;

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
 * A BBS04 group key: generators g1, g2, the opening bases h, u = h·xi1⁻¹, v = h·xi2⁻¹, the issuer's
 * w = g2·gamma and the precomputed pairings hw = e(h,w), hg2 = e(h,g2), g1g2 = e(g1,g2), which
 * import checks (a key whose pairings lie does not import).
 */
public final class Bbs04GroupKey implements GroupKey {
  static final Set<String> FIELDS = Set.of("g1", "g2", "h", "u", "v", "w", "hw", "hg2", "g1g2");

  final G1 g1;
  final G2 g2;
  final G1 h;
  final G1 u;
  final G1 v;
  final G2 w;
  final GT hw;
  final GT hg2;
  final GT g1g2;
  // every verification pairs with g2 and w
  final PrecomputedG2 g2Lines;
  final PrecomputedG2 wLines;
  final LazyPowerTable hwPowers;
  final LazyFixedBase g1Table;
  final LazyFixedBase hTable;
  final LazyFixedBase uTable;
  final LazyFixedBase vTable;
  final LazyPowerTable hg2Powers;

  Bbs04GroupKey(G1 g1, G2 g2, G1 h, G1 u, G1 v, G2 w, GT hw, GT hg2, GT g1g2) {
    this.g1 = g1;
    this.g2 = g2;
    this.h = h;
    this.u = u;
    this.v = v;
    this.w = w;
    this.hw = hw;
    this.hg2 = hg2;
    this.g1g2 = g1g2;
    this.g2Lines = new PrecomputedG2(g2);
    this.wLines = new PrecomputedG2(w);
    this.hwPowers = new LazyPowerTable(hw);
    this.g1Table = new LazyFixedBase(g1);
    this.hTable = new LazyFixedBase(h);
    this.uTable = new LazyFixedBase(u);
    this.vTable = new LazyFixedBase(v);
    this.hg2Powers = new LazyPowerTable(hg2);
  }

  @Override
  public String scheme() {
    return Bbs04.NAME;
  }

  @Override
  public String toBase64() {
    Fields.Writer fields =
        new Fields.Writer()
            .put("g1", g1)
            .put("g2", g2)
            .put("h", h)
            .put("u", u)
            .put("v", v)
            .put("w", w)
            .put("hw", hw)
            .put("hg2", hg2)
            .put("g1g2", g1g2);
    return Containers.exportKey(Bbs04.NAME, "group", fields);
  }

  static Bbs04GroupKey fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importKey(base64, Set.of(Bbs04.NAME), "group", FIELDS);
    Bbs04GroupKey key =
        new Bbs04GroupKey(
            f.g1("g1").requireNonZero("bbs04 group key g1"),
            f.g2("g2").requireNonZero("bbs04 group key g2"),
            f.g1("h").requireNonZero("bbs04 group key h"),
            f.g1("u").requireNonZero("bbs04 group key u"),
            f.g1("v").requireNonZero("bbs04 group key v"),
            f.g2("w").requireNonZero("bbs04 group key w"),
            f.gt("hw"),
            f.gt("hg2"),
            f.gt("g1g2"));
    // verify folds hw, hg2, g1g2 into its multi-pairing: they must be what they claim
    PrecomputedPairings.require(
        "bbs04 group key",
        List.of(
            new Claim("hw", key.hw, key.h, key.w),
            new Claim("hg2", key.hg2, key.h, key.g2),
            new Claim("g1g2", key.g1g2, key.g1, key.g2)));
    return key;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bbs04GroupKey key && key.toBase64().equals(toBase64());
  }

  @Override
  public int hashCode() {
    return toBase64().hashCode();
  }

  @Override
  public String toString() {
    return "Bbs04GroupKey";
  }
}
