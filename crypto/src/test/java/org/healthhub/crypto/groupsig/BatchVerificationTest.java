package org.healthhub.crypto.groupsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.healthhub.crypto.groupsig.BatchVerification.BatchRejectedException;
import org.healthhub.crypto.groupsig.BatchVerification.Signed;
import org.healthhub.crypto.mcl.RandomScalars;
import org.healthhub.crypto.testing.Joins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchVerificationTest {
  private final RandomScalars rng = RandomScalars.secure();

  private record Batch(GroupSignatureScheme scheme, GroupKey groupKey, List<Signed> signed, GroupSignature foreign) {}

  /** Five signatures of one member, and one signature of another group. */
  private Batch batchOf(String name) throws Exception {
    GroupSignatureScheme scheme = GroupSignatureSchemes.byName(name);
    GroupSetup setup = scheme.setup(rng);
    MemberKey member = Joins.join(scheme, setup, rng);
    List<Signed> signed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      signed.add(new Signed("record " + i, scheme.sign("record " + i, member, setup.groupKey(), rng)));
    }
    GroupSetup other = scheme.setup(rng);
    GroupSignature foreign = scheme.sign("record 3", Joins.join(scheme, other, rng), other.groupKey(), rng);
    return new Batch(scheme, setup.groupKey(), signed, foreign);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bbs04", "cpy06"})
  void verifyAll_allValid_passes(String name) throws Exception {
    Batch batch = batchOf(name);
    assertThatCode(() -> BatchVerification.verifyAll(batch.scheme(), batch.groupKey(), batch.signed()))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bbs04", "cpy06"})
  void verifyAll_oneForeignSignature_namesIt(String name) throws Exception {
    Batch batch = batchOf(name);
    List<Signed> signed = new ArrayList<>(batch.signed());
    signed.set(3, new Signed("record 3", batch.foreign()));
    BatchRejectedException rejected = catchThrowableOfType(
        () -> BatchVerification.verifyAll(batch.scheme(), batch.groupKey(), signed), BatchRejectedException.class);
    assertThat(rejected.indices()).containsExactly(3);
    assertThat(rejected.rejected().get(3)).contains("challenge");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bbs04", "cpy06"})
  void verifyAll_messagesSwapped_namesBoth(String name) throws Exception {
    Batch batch = batchOf(name);
    List<Signed> signed = new ArrayList<>(batch.signed());
    signed.set(0, new Signed("record 4", batch.signed().get(0).signature()));
    signed.set(4, new Signed("record 0", batch.signed().get(4).signature()));
    BatchRejectedException rejected = catchThrowableOfType(
        () -> BatchVerification.verifyAll(batch.scheme(), batch.groupKey(), signed), BatchRejectedException.class);
    assertThat(rejected.indices()).containsExactly(0, 4);
  }
}
