package org.healthhub.crypto.groupsig.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.BatchVerification;
import org.healthhub.crypto.groupsig.BatchVerification.BatchRejectedException;
import org.healthhub.crypto.groupsig.BatchVerification.CommittedSigned;
import org.healthhub.crypto.groupsig.GroupKey;
import org.healthhub.crypto.groupsig.GroupSetup;
import org.healthhub.crypto.groupsig.GroupSignatureSchemes;
import org.healthhub.crypto.groupsig.MemberKey;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.testing.Joins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommittedBatchVerificationTest {
  private static final BigInteger P = new BigInteger(
      "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", 16);
  private final RandomScalars rng = RandomScalars.secure();

  private record Batch(BatchVerifiable scheme, GroupKey groupKey, MemberKey member, List<CommittedSigned> signed) {}

  /** Six committed signatures of one member, through their base64 exports. */
  private Batch batchOf(String name) throws Exception {
    BatchVerifiable scheme = (BatchVerifiable) GroupSignatureSchemes.byName(name);
    GroupSetup setup = scheme.setup(rng);
    MemberKey member = Joins.join(scheme, setup, rng);
    List<CommittedSigned> signed = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      CommittedSignature s = scheme.signCommitted("record " + i, member, setup.groupKey(), rng);
      signed.add(new CommittedSigned("record " + i, scheme.importCommittedSignature(s.toBase64())));
    }
    return new Batch(scheme, setup.groupKey(), member, signed);
  }

  @ParameterizedTest
  @CsvSource({"bbs04", "cpy06"})
  void signCommitted_sameDraws_carriesThePlainSignatureThatVerifies(String name) throws Exception {
    Batch batch = batchOf(name);
    CommittedSignature committed =
        batch.scheme().signCommitted("m", batch.member(), batch.groupKey(), RandomScalars.replay(new byte[] {9}));
    String plain =
        batch.scheme().sign("m", batch.member(), batch.groupKey(), RandomScalars.replay(new byte[] {9})).toBase64();
    assertThat(committed.signature().toBase64()).isEqualTo(plain);
    batch.scheme().verify("m", batch.scheme().importSignature(plain), batch.groupKey());
    assertThat(batch.scheme().importCommittedSignature(committed.toBase64()).toBase64())
        .isEqualTo(committed.toBase64());
  }

  @ParameterizedTest
  @CsvSource({"bbs04", "cpy06"})
  void verifyAllCommitted_allValid_passes(String name) throws Exception {
    Batch batch = batchOf(name);
    assertThatCode(() -> BatchVerification.verifyAllCommitted(batch.scheme(), batch.groupKey(), batch.signed()))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource({"bbs04, R1", "bbs04, R3", "cpy06, B4", "cpy06, B6"})
  void verifyAllCommitted_mixedGoodAndBad_namesExactlyTheBad(String name, String commitment) throws Exception {
    Batch batch = batchOf(name);
    Batch foreign = batchOf(name);
    List<CommittedSigned> signed = new ArrayList<>(batch.signed());
    // 1: another group's signature (hash fine, equations fail); 2: wrong message; 4: a commitment
    // taken from another signature
    signed.set(1, foreign.signed().get(1));
    signed.set(2, new CommittedSigned("record 3", signed.get(2).signature()));
    String tampered = withField(signed.get(4).signature().toBase64(), commitment,
        fieldOf(signed.get(5).signature().toBase64(), commitment));
    signed.set(4, new CommittedSigned("record 4", batch.scheme().importCommittedSignature(tampered)));

    BatchRejectedException rejected = catchThrowableOfType(
        () -> BatchVerification.verifyAllCommitted(batch.scheme(), batch.groupKey(), signed),
        BatchRejectedException.class);

    assertThat(rejected.indices()).containsExactly(1, 2, 4);
    assertThat(rejected.rejected().get(1)).contains("verification equations");
    assertThat(rejected.rejected().get(2)).contains("not the hash");
    assertThat(rejected.rejected().get(4)).contains("not the hash");
  }

  @ParameterizedTest
  @CsvSource({"bbs04, R3", "cpy06, B5", "cpy06, B6"})
  void importCommitted_gtCommitmentTimesMinusOne_isMalformed(String name, String commitment) throws Exception {
    Batch batch = batchOf(name);
    String export = batch.signed().get(0).signature().toBase64();
    byte[] r = Base64.getDecoder().decode(fieldOf(export, commitment));
    String negated = withField(export, commitment, Base64.getEncoder().encodeToString(negate(r)));
    assertThatThrownBy(() -> batch.scheme().importCommittedSignature(negated))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("not in the order-r subgroup");
  }

  @ParameterizedTest
  @CsvSource({"bbs04", "cpy06"})
  void verifyAll_plainSignaturesOfCommittedOnes_stillPass(String name) throws Exception {
    Batch batch = batchOf(name);
    List<BatchVerification.Signed> plain = batch.signed().stream()
        .map(s -> new BatchVerification.Signed(s.message(), s.signature().signature()))
        .toList();
    assertThatCode(() -> BatchVerification.verifyAll(batch.scheme(), batch.groupKey(), plain))
        .doesNotThrowAnyException();
  }

  /** −x in Fp12: every coefficient negated mod p (order 2r, never in GT). */
  private static byte[] negate(byte[] gt) {
    byte[] out = new byte[gt.length];
    for (int k = 0; k < 12; k++) {
      byte[] le = java.util.Arrays.copyOfRange(gt, k * 48, k * 48 + 48);
      BigInteger c = new BigInteger(1, reverse(le));
      byte[] neg = reverse(toFixed(c.signum() == 0 ? c : P.subtract(c)));
      System.arraycopy(neg, 0, out, k * 48, 48);
    }
    return out;
  }

  private static byte[] toFixed(BigInteger v) {
    byte[] be = v.toByteArray();
    byte[] out = new byte[48];
    int n = Math.min(be.length, 48);
    System.arraycopy(be, be.length - n, out, 48 - n, n);
    return out;
  }

  private static byte[] reverse(byte[] b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = b[b.length - 1 - i];
    }
    return out;
  }

  private static String fieldOf(String export, String name) {
    String json = new String(Base64.getDecoder().decode(export), StandardCharsets.US_ASCII);
    return json.replaceAll(".*\"" + name + "\": \"([^\"]*)\".*", "$1");
  }

  private static String withField(String export, String name, String value) {
    String json = new String(Base64.getDecoder().decode(export), StandardCharsets.US_ASCII);
    String replaced = json.replaceAll("\"" + name + "\": \"[^\"]*\"", "\"" + name + "\": \"" + value + "\"");
    return Base64.getEncoder().encodeToString(replaced.getBytes(StandardCharsets.US_ASCII));
  }
}
