package org.healthhub.crypto.groupsig.klap20;

import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.codec.Containers;
import org.healthhub.crypto.groupsig.codec.Fields;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;

/** KLAP20 group key: {@code g}, {@code gg}, {@code XX = gg·x}, {@code YY = gg·y}, {@code ZZ0}, {@code ZZ1}. */
public final class Klap20GroupKey implements GroupKey {
  private static final Set<String> FIELDS = Set.of("g", "gg", "XX", "YY", "ZZ0", "ZZ1");

  final G1 g;
  final G2 gg;
  final G2 xx;
  final G2 yy;
  final G2 zz0;
  final G2 zz1;

  Klap20GroupKey(G1 g, G2 gg, G2 xx, G2 yy, G2 zz0, G2 zz1) {
    this.g = g;
    this.gg = gg;
    this.xx = xx;
    this.yy = yy;
    this.zz0 = zz0;
    this.zz1 = zz1;
  }

  @Override
  public String scheme() {
    return Klap20.NAME;
  }

  @Override
  public String toBase64() {
    Fields.Writer fields =
        new Fields.Writer().put("g", g).put("gg", gg).put("XX", xx).put("YY", yy);
    return Containers.exportKey(Klap20.NAME, "group", fields.put("ZZ0", zz0).put("ZZ1", zz1));
  }

  static Klap20GroupKey fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importKey(base64, Set.of(Klap20.NAME), "group", FIELDS);
    return new Klap20GroupKey(
        f.g1("g").requireNonZero("klap20 group key g"),
        f.g2("gg").requireNonZero("klap20 group key gg"),
        f.g2("XX").requireNonZero("klap20 group key XX"),
        f.g2("YY").requireNonZero("klap20 group key YY"),
        f.g2("ZZ0").requireNonZero("klap20 group key ZZ0"),
        f.g2("ZZ1").requireNonZero("klap20 group key ZZ1"));
  }

  @Override
  public String toString() {
    return "Klap20GroupKey";
  }
}
