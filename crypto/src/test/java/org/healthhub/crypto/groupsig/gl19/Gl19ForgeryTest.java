package org.healthhub.crypto.groupsig.gl19;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.BatchVerification;
import org.healthhub.crypto.groupsig.BatchVerification.BatchRejectedException;
import org.healthhub.crypto.groupsig.BatchVerification.Signed;
import org.healthhub.crypto.groupsig.GroupSetup;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.groupsig.spk.GeneralRepresentationProof;
import org.healthhub.crypto.mcl.Fr;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.testing.Joins;
import org.healthhub.crypto.testing.Vectors;
import org.junit.jupiter.api.Test;

/**
 * A GL19 signature made with the group key alone, no credential: pick every witness, solve the
 * fourth relation for {@code d} and the third for {@code A_}, prove. pygroupsig's rule (the SPK
 * alone) accepts it; ours rejects it on the issuer equation, or on {@code AA = 0} at import.
 */
class Gl19ForgeryTest {
  private static final String MESSAGE = "I am a doctor of this group";

  private final RandomScalars rng = RandomScalars.secure();
  private final long now = Vectors.pygroupsig("gl19").get("generator").get("gl19_now_pinned").asLong();
  private final Gl19 gl19 = Gl19VectorsTest.atTime(now);

  private Gl19GroupKey pygroupsigGroup() throws MalformedInputException {
    return (Gl19GroupKey) gl19.importGroupKey(Vectors.pygroupsig("gl19").get("group_key").asText());
  }

  /** Solves the SPK's relations for {@code d} and {@code A_} around any {@code AA}. */
  private Gl19Signature forge(Gl19GroupKey group, G1 bigAA) throws MalformedInputException {
    long expiration = now + Gl19.LIFETIME_SECONDS;
    Fr x = rng.nextFr();
    Fr y = rng.nextFr();
    Fr r2 = rng.nextFr();
    Fr r3 = rng.nextFr();
    Fr ss = rng.nextFr();
    Fr alpha = rng.nextFr();
    Fr alpha2 = rng.nextFr();
    G1 g1h3d = group.g1.add(group.h3.mul(Transcript.challengeOf(Transcript.utf8(Long.toString(expiration)))));
    // g1 + h3d = d·r3 + h2·ss − h1·y  =>  d = (g1 + h3d − h2·ss + h1·y)·r3⁻¹
    G1 d = g1h3d.sub(group.h2.mul(ss)).add(group.h1.mul(y)).mul(r3.inv());
    // A_ − d = AA·(−x) + h2·r2
    G1 bigAbar = d.add(bigAA.mul(x.neg())).add(group.h2.mul(r2));
    G1 nym1 = group.g.mul(alpha);
    G1 nym2 = group.cpk.mul(alpha).add(group.h.mul(y));
    G1 ehy1 = group.g.mul(alpha2);
    G1 ehy2 = group.epk.mul(alpha2).add(group.h.mul(y));
    Gl19Statement statement = new Gl19Statement(group, bigAA, bigAbar, d, nym1, nym2, ehy1, ehy2, g1h3d);
    GeneralRepresentationProof pi =
        GeneralRepresentationProof.prove(
            statement.representation(),
            List.of(x.neg(), y, r2, r3, ss, alpha, y.neg(), alpha2),
            Gl19.boundMessage(expiration, MESSAGE),
            rng);
    return new Gl19Signature(bigAA, bigAbar, d, pi, nym1, nym2, ehy1, ehy2, expiration);
  }

  @Test
  void verify_forgedWithoutCredential_pygroupsigAccepts_oursRejectsOnIssuerEquation() throws Exception {
    Gl19GroupKey group = pygroupsigGroup();
    Gl19Signature forged =
        (Gl19Signature) gl19.importSignature(forge(group, G1.random(rng)).toBase64());
    assertThat(PygroupsigGl19Rule.accepts(MESSAGE, forged, group)).isTrue();
    assertThatThrownBy(() -> gl19.verify(MESSAGE, forged, group))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("issuer equation");
  }

  @Test
  void verifyAll_forgeryAmongValidSignatures_foldFailsAndNamesIt() throws Exception {
    GroupSetup setup = gl19.setup(rng);
    Gl19GroupKey group = (Gl19GroupKey) setup.groupKey();
    MemberKey member = Joins.join(gl19, setup, rng);
    List<Signed> valid = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      valid.add(new Signed(MESSAGE, gl19.sign(MESSAGE, member, group, rng)));
    }
    BatchVerification.verifyAll(gl19, group, valid);
    List<Signed> batch = new ArrayList<>(valid);
    batch.add(2, new Signed(MESSAGE, forge(group, G1.random(rng))));
    batch.add(new Signed("another message", valid.get(0).signature()));

    BatchRejectedException rejected = catchThrowableOfType(
        () -> BatchVerification.verifyAll(gl19, group, batch), BatchRejectedException.class);

    assertThat(rejected.indices()).containsExactly(2, 5);
    assertThat(rejected.rejected().get(2)).contains("issuer equation");
    assertThat(rejected.rejected().get(5)).contains("SPK");
  }

  @Test
  void import_forgedWithZeroAA_pygroupsigAccepts_oursRejects() throws Exception {
    Gl19GroupKey group = pygroupsigGroup();
    Gl19Signature forged = forge(group, G1.zero());
    assertThat(PygroupsigGl19Rule.accepts(MESSAGE, forged, group)).isTrue();
    assertThatThrownBy(() -> gl19.importSignature(forged.toBase64()))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("AA");
  }
}
