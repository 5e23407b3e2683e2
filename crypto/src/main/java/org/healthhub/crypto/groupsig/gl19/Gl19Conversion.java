package org.healthhub.crypto.groupsig.gl19;

import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * The arithmetic of GL19's blind, convert and unblind, drawing pygroupsig's scalars in its order.
 * {@link Gl19} adds the checks and the shuffle around it.
 */
final class Gl19Conversion {
  private Gl19Conversion() {}

  /**
   * {@code nym1' = nym1 + g·β}, {@code nym2' = g·α}, {@code nym3' = nym2 + cpk·β + pk·α} (the
   * pseudonym {@code h·y} under ElGamal for {@code cpk} and {@code pk}), {@code c1 = g·γ},
   * {@code c2 = HG1(SHA-256(M)) + pk·γ}.
   *
   * @param blindKey {@code null} draws a new one first, as pygroupsig does
   */
  static Gl19Blinded blind(
      String message, Gl19Signature sig, Gl19GroupKey group, Gl19BlindKey blindKey, RandomScalars rng)
      throws MalformedInputException {
    Gl19BlindKey key = blindKey;
    if (key == null) {
      Fr sk = rng.nextFr();
      key = new Gl19BlindKey(group.g.mul(sk), sk); // pk = g·sk
    }
    Fr alpha = rng.nextFr();
    Fr beta = rng.nextFr();
    Fr gamma = rng.nextFr();
    G1 messagePoint = G1.hashAndMapTo(Transcript.sha256(Transcript.utf8(message)));
    Gl19BlindSignature blinded =
        new Gl19BlindSignature(
            sig.nym1.add(group.g.mul(beta)),
            group.g.mul(alpha),
            sig.nym2.add(group.cpk.mul(beta)).add(key.pk.mul(alpha)),
            group.g.mul(gamma),
            messagePoint.add(key.pk.mul(gamma)));
    return new Gl19Blinded(blinded, key);
  }

  /** Converts each input in order ({@code nym3} stays the identity, as in pygroupsig). */
  static List<Gl19BlindSignature> convertInOrder(
      List<Gl19BlindSignature> blinded,
      G1 pk,
      Gl19GroupKey group,
      Gl19ManagerKey manager,
      RandomScalars rng) {
    Fr r = rng.nextFr();
    List<Gl19BlindSignature> converted = new ArrayList<>(blinded.size());
    for (Gl19BlindSignature in : blinded) {
      Fr r1 = rng.nextFr();
      Fr r2 = rng.nextFr();
      G1 nym1 = in.nym2.mul(r).add(group.g.mul(r1)); // nym1 = nym2'·r + g·r1
      // nym2 = (nym3' − nym1'·csk)·r + pk·r1: ElGamal of (h·y)·r under pk
      G1 nym2 = in.nym3.sub(in.nym1.mul(manager.csk)).mul(r).add(pk.mul(r1));
      G1 c1 = in.c1.add(group.g.mul(r2)); // c1 = c1' + g·r2
      G1 c2 = in.c2.add(pk.mul(r2)); // c2 = c2' + pk·r2
      converted.add(new Gl19BlindSignature(nym1, nym2, G1.zero(), c1, c2));
    }
    return converted;
  }

  /** {@code nym = nym2 − nym1·sk = (h·y)·r}. */
  static G1 unblind(Gl19BlindSignature converted, Gl19BlindKey key) {
    return converted.nym2.sub(converted.nym1.mul(key.sk));
  }
}
