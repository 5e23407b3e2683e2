package org.healthhub.crypto.groupsig.cpy06;

import java.security.GeneralSecurityException;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.Gml;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.groupsig.spk.DiscreteLogProof;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.GT;
import org.healthhub.crypto.mcl.Pairing;
import org.healthhub.crypto.mcl.RandomScalars;

/**
 * CPY06's traceability, behind {@link Cpy06}'s public methods: every signature carries T4 = w·r3
 * and T5 = e(g1, T4)^x, so π = g1·x (kept in the GML entry) recognises a member's signatures, and
 * the member proves with x that signatures are its own.
 */
final class Cpy06Tracing {
  private Cpy06Tracing() {}

  static Gml reveal(String memberId, Gml gml, Gml crl) throws UnknownMemberException {
    if (!gml.contains(memberId)) {
      throw new UnknownMemberException("cpy06 reveal: no member " + memberId + " in the GML");
    }
    return crl.with(memberId, gml.entry(memberId));
  }

  // revoked iff some CRL entry (A, π) has e(π, T4) = T5
  static boolean trace(GroupSignature signature, GroupKey groupKey, Gml crl)
      throws MalformedInputException {
    Cpy06.group(groupKey);
    Cpy06Signature sig = Cpy06.signature(signature);
    for (String id : crl.memberIds()) {
      List<Object> entry = crl.entry(id);
      if (entry.size() == 2
          && entry.get(1) instanceof G1 pi
          && Pairing.pairing(pi, sig.t4).equals(sig.t5)) {
        return true;
      }
    }
    return false;
  }

  // c = Chal(Σ ser(E^r) ‖ ser(E) ‖ ser(T5)) with E = e(g1, T4); s = r + c·x (pygroupsig adds)
  static DiscreteLogProof proveEquality(
      List<GroupSignature> signatures, MemberKey memberKey, GroupKey groupKey, RandomScalars rng)
      throws GeneralSecurityException {
    Cpy06.group(groupKey);
    Cpy06MemberKey key = Cpy06.member(memberKey);
    Fr r = rng.nextFr();
    Transcript transcript = new Transcript();
    for (Cpy06Signature sig : parse(signatures)) {
      GT e = Pairing.pairing(G1.generator(), sig.t4);
      transcript.add(e.pow(r)).add(e).add(sig.t5);
    }
    Fr c = transcript.challenge();
    return new DiscreteLogProof(c, r.add(c.mul(key.x)));
  }

  static void verifyEquality(
      DiscreteLogProof proof, List<GroupSignature> signatures, GroupKey groupKey)
      throws GeneralSecurityException {
    Cpy06.group(groupKey);
    Transcript transcript = new Transcript();
    for (Cpy06Signature sig : parse(signatures)) {
      GT e = Pairing.pairing(G1.generator(), sig.t4);
      transcript.add(e.pow(proof.s()).div(sig.t5.pow(proof.c()))).add(e).add(sig.t5); // E^s/T5^c
    }
    if (!transcript.challenge().equals(proof.c())) {
      throw new InvalidSignatureException(
          "cpy06 equality proof: the recomputed challenge differs from c (not all signatures are"
              + " by the prover, or the list differs)");
    }
  }

  private static List<Cpy06Signature> parse(List<GroupSignature> signatures)
      throws MalformedInputException {
    if (signatures.isEmpty()) {
      throw new MalformedInputException("cpy06 equality proof: at least one signature is needed");
    }
    List<Cpy06Signature> parsed = new java.util.ArrayList<>(signatures.size());
    for (GroupSignature signature : signatures) {
      parsed.add(Cpy06.signature(signature));
    }
    return parsed;
  }
}
