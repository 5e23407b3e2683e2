package org.healthhub.crypto.groupsig.gl19;

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
 * GL19 group key: bases {@code g1, g, h, h1, h2, h3} in G1, {@code g2} in G2, the issuer key
 * {@code ipk = g2·isk}, the converter key {@code cpk = g·csk} and the extraction key
 * {@code epk = g·esk}. No element may be the identity (a zero {@code ipk} would void the issuer
 * equation verify checks).
 */
public final class Gl19GroupKey implements GroupKey {
  private static final Set<String> FIELDS =
      Set.of("g1", "g2", "g", "h", "h1", "h2", "h3", "ipk", "cpk", "epk");

  final G1 g1;
  final G2 g2;
  final G1 g;
  final G1 h;
  final G1 h1;
  final G1 h2;
  final G1 h3;
  final G2 ipk;
  final G1 cpk;
  final G1 epk;
  // verify's issuer equation pairs with ipk and g2 every time
  final PrecomputedG2 ipkLines;
  final PrecomputedG2 g2Lines;
  final CredentialBases credentialBases;
  final LazyFixedBase gTable;
  final LazyFixedBase cpkTable;
  final LazyFixedBase epkTable;
  final LazyFixedBase hTable;
  final LazyFixedBase h1Table;
  final LazyFixedBase h2Table;

  Gl19GroupKey(G1 g1, G2 g2, G1 g, G1 h, G1 h1, G1 h2, G1 h3, G2 ipk, G1 cpk, G1 epk) {
    this.g1 = g1;
    this.g2 = g2;
    this.g = g;
    this.h = h;
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    this.ipk = ipk;
    this.cpk = cpk;
    this.epk = epk;
    this.ipkLines = new PrecomputedG2(ipk);
    this.g2Lines = new PrecomputedG2(g2);
    this.credentialBases = new CredentialBases(g1, h3);
    this.gTable = new LazyFixedBase(g);
    this.cpkTable = new LazyFixedBase(cpk);
    this.epkTable = new LazyFixedBase(epk);
    this.hTable = new LazyFixedBase(h);
    this.h1Table = new LazyFixedBase(h1);
    this.h2Table = new LazyFixedBase(h2);
  }

  @Override
  public String scheme() {
    return Gl19.NAME;
  }

  @Override
  public String toBase64() {
    return Containers.exportKey(
        Gl19.NAME,
        "group",
        new Fields.Writer()
            .put("g1", g1)
            .put("g2", g2)
            .put("g", g)
            .put("h", h)
            .put("h1", h1)
            .put("h2", h2)
            .put("h3", h3)
            .put("ipk", ipk)
            .put("cpk", cpk)
            .put("epk", epk));
  }

  static Gl19GroupKey fromBase64(String base64) throws MalformedInputException {
    Fields f = Containers.importKey(base64, Set.of(Gl19.NAME), "group", FIELDS);
    return new Gl19GroupKey(
        nonZeroG1(f, "g1"),
        f.g2("g2").requireNonZero("gl19 group key g2"),
        nonZeroG1(f, "g"),
        nonZeroG1(f, "h"),
        nonZeroG1(f, "h1"),
        nonZeroG1(f, "h2"),
        nonZeroG1(f, "h3"),
        f.g2("ipk").requireNonZero("gl19 group key ipk"),
        nonZeroG1(f, "cpk"),
        nonZeroG1(f, "epk"));
  }

  private static G1 nonZeroG1(Fields f, String name) throws MalformedInputException {
    return f.g1(name).requireNonZero("gl19 group key " + name);
  }

  @Override
  public String toString() {
    return "Gl19GroupKey";
  }
}
