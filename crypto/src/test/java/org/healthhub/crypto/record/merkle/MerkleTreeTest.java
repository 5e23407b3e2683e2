package org.healthhub.crypto.record.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.SecretBytes;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
  private static final SecretBytes SECRET = SecretBytes.random(32);

  @Property(tries = 80)
  void verify_disclosureOfAnySubset_passes(@ForAll @IntRange(min = 1, max = 70) int fields, @ForAll long seed)
      throws Exception {
    MerkleTree tree = tree(fields, seed);
    Disclosure disclosure = tree.disclose(subset(tree, seed));

    assertThatCode(() -> MerkleVerifier.verify(tree.root(), disclosure)).doesNotThrowAnyException();
  }

  @Property(tries = 60)
  void verify_changedValue_throwsProofVerification(@ForAll @IntRange(min = 1, max = 70) int fields, @ForAll long seed)
      throws Exception {
    MerkleTree tree = tree(fields, seed);
    Disclosure disclosure = tree.disclose(subset(tree, seed));
    List<DisclosedField> changed = new ArrayList<>(disclosure.fields());
    DisclosedField first = changed.get(0);
    changed.set(0, new DisclosedField(first.index(), first.path(), "\"forged\"".equals(first.canonicalValue()) ? "1" : "\"forged\"", first.salt()));

    assertThatThrownBy(() -> MerkleVerifier.verify(tree.root(), new Disclosure(disclosure.leafCount(), changed, disclosure.proof())))
        .isInstanceOf(ProofVerificationException.class)
        .hasMessageContaining("root");
  }

  @Property(tries = 60)
  void verify_flippedBitInProof_throwsProofVerification(@ForAll @IntRange(min = 2, max = 70) int fields, @ForAll long seed)
      throws Exception {
    MerkleTree tree = tree(fields, seed);
    Disclosure disclosure = tree.disclose(List.of(tree.paths().get(0)));
    List<byte[]> proof = new ArrayList<>(disclosure.proof());
    Random random = new Random(seed);
    proof.get(random.nextInt(proof.size()))[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));

    assertThatThrownBy(() -> MerkleVerifier.verify(tree.root(), new Disclosure(disclosure.leafCount(), disclosure.fields(), proof)))
        .isInstanceOf(ProofVerificationException.class);
  }

  @Property(tries = 60)
  void verify_reorderedProof_throwsProofVerification(@ForAll @IntRange(min = 3, max = 70) int fields, @ForAll long seed)
      throws Exception {
    MerkleTree tree = tree(fields, seed);
    Disclosure disclosure = tree.disclose(List.of(tree.paths().get(new Random(seed).nextInt(fields))));
    List<byte[]> proof = new ArrayList<>(disclosure.proof());
    Assume.that(proof.size() >= 2);
    Collections.swap(proof, 0, proof.size() - 1);

    assertThatThrownBy(() -> MerkleVerifier.verify(tree.root(), new Disclosure(disclosure.leafCount(), disclosure.fields(), proof)))
        .isInstanceOf(ProofVerificationException.class);
  }

  @Property(tries = 60)
  void verify_saltsSwappedBetweenLeaves_throwsProofVerification(@ForAll @IntRange(min = 2, max = 70) int fields, @ForAll long seed)
      throws Exception {
    MerkleTree tree = tree(fields, seed);
    Random random = new Random(seed);
    int a = random.nextInt(fields - 1);
    int b = a + 1 + random.nextInt(fields - 1 - a);
    Disclosure disclosure = tree.disclose(List.of(tree.paths().get(a), tree.paths().get(b)));
    DisclosedField first = disclosure.fields().get(0);
    DisclosedField second = disclosure.fields().get(1);
    List<DisclosedField> swapped =
        List.of(
            new DisclosedField(first.index(), first.path(), first.canonicalValue(), second.salt()),
            new DisclosedField(second.index(), second.path(), second.canonicalValue(), first.salt()));

    assertThatThrownBy(() -> MerkleVerifier.verify(tree.root(), new Disclosure(disclosure.leafCount(), swapped, disclosure.proof())))
        .isInstanceOf(ProofVerificationException.class);
  }

  @Test
  void verify_extraProofHash_throwsProofVerification() throws Exception {
    MerkleTree tree = tree(20, 1);
    Disclosure disclosure = tree.disclose(List.of(tree.paths().get(3)));
    List<byte[]> proof = new ArrayList<>(disclosure.proof());
    proof.add(new byte[32]);

    assertThatThrownBy(() -> MerkleVerifier.verify(tree.root(), new Disclosure(20, disclosure.fields(), proof)))
        .isInstanceOf(ProofVerificationException.class)
        .hasMessageContaining("left over");
  }

  @Test
  void verify_missingProofHash_throwsProofVerification() throws Exception {
    MerkleTree tree = tree(20, 2);
    Disclosure disclosure = tree.disclose(List.of(tree.paths().get(3)));
    List<byte[]> proof = new ArrayList<>(disclosure.proof());
    proof.remove(proof.size() - 1);

    assertThatThrownBy(() -> MerkleVerifier.verify(tree.root(), new Disclosure(20, disclosure.fields(), proof)))
        .isInstanceOf(ProofVerificationException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void verify_otherLeafCount_throws() throws Exception {
    MerkleTree tree = tree(21, 3);
    Disclosure disclosure = tree.disclose(List.of(tree.paths().get(0), tree.paths().get(20)));

    assertThatThrownBy(() -> MerkleVerifier.verify(tree.root(), new Disclosure(22, disclosure.fields(), disclosure.proof())))
        .isInstanceOf(ProofVerificationException.class);
  }

  @Test
  void verify_fieldMovedToAnotherIndex_throws() throws Exception {
    MerkleTree tree = tree(16, 4);
    Disclosure disclosure = tree.disclose(List.of(tree.paths().get(5)));
    DisclosedField field = disclosure.fields().get(0);
    DisclosedField moved = new DisclosedField(4, field.path(), field.canonicalValue(), field.salt());

    assertThatThrownBy(() -> MerkleVerifier.verify(tree.root(), new Disclosure(16, List.of(moved), disclosure.proof())))
        .isInstanceOf(ProofVerificationException.class);
  }

  @Test
  void verify_fieldsOutOfOrder_throwsMalformed() throws Exception {
    MerkleTree tree = tree(16, 5);
    Disclosure disclosure = tree.disclose(List.of(tree.paths().get(2), tree.paths().get(9)));
    List<DisclosedField> reversed = new ArrayList<>(disclosure.fields());
    Collections.reverse(reversed);

    assertThatThrownBy(() -> MerkleVerifier.verify(tree.root(), new Disclosure(16, reversed, disclosure.proof())))
        .isInstanceOf(MalformedInputException.class);
  }

  @Test
  void verify_nonCanonicalValueOfSameMeaning_throwsMalformed() throws Exception {
    ObjectNode record = JsonNodeFactory.instance.objectNode().put("weight", 70.5).put("gender", "female");
    MerkleTree tree = MerkleTree.build(RecordFields.of(record), SECRET);
    DisclosedField field = tree.disclose(List.of("/weight")).fields().get(0);

    for (String spelling : List.of("70.50", "7.05e1", " 70.5", "70.5 ")) {
      DisclosedField respelled = new DisclosedField(field.index(), field.path(), spelling, field.salt());
      assertThatThrownBy(() -> MerkleVerifier.verify(tree.root(), new Disclosure(2, List.of(respelled), tree.disclose(List.of("/weight")).proof())))
          .as(spelling)
          .isInstanceOf(MalformedInputException.class);
    }
  }

  @Property(tries = 60)
  void verify_valueRespelledWithSameMeaning_throwsMalformed(@ForAll long seed) throws Exception {
    Random random = new Random(seed);
    ObjectNode value = JsonNodeFactory.instance.objectNode()
        .put("unit", "mg/L").put("value", random.nextInt(1000) / 10.0).put("flag", random.nextBoolean());
    ObjectNode record = JsonNodeFactory.instance.objectNode().set("lab", value);
    record.put("code", "CRP");
    MerkleTree tree = MerkleTree.build(RecordFields.of(record), SECRET);
    Disclosure disclosure = tree.disclose(List.of("/code", "/lab/value"));
    String canonical = disclosure.fields().get(1).canonicalValue();
    String respelled = switch (random.nextInt(4)) {
      case 0 -> " " + canonical;
      case 1 -> canonical + "\n";
      case 2 -> canonical.contains(".") ? canonical + "0" : canonical + ".0";
      default -> new java.math.BigDecimal(canonical).scaleByPowerOfTen(-1).toPlainString() + "e1";
    };
    DisclosedField field = disclosure.fields().get(1);
    List<DisclosedField> fields =
        List.of(disclosure.fields().get(0), new DisclosedField(field.index(), field.path(), respelled, field.salt()));

    assertThat(CanonicalJson.parse(respelled).doubleValue()).isEqualTo(CanonicalJson.parse(canonical).doubleValue());
    assertThatThrownBy(() -> MerkleVerifier.verify(tree.root(), new Disclosure(disclosure.leafCount(), fields, disclosure.proof())))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("canonical");
  }

  @Test
  void build_sameMeaningOtherSpelling_sameRoot() throws Exception {
    String a = "{\"b\":[1.0,\"x\"],\"a\":{\"y\":true,\"x\":7E1}}";
    String b = "{ \"a\" : {\"x\":70, \"y\":true}, \"b\":[1, \"\\u0078\"] }";

    assertThat(MerkleTree.build(RecordFields.of(CanonicalJson.parse(a)), SECRET).root())
        .isEqualTo(MerkleTree.build(RecordFields.of(CanonicalJson.parse(b)), SECRET).root());
  }

  @Test
  void build_otherRecordSecret_otherRootAndSalts() throws Exception {
    RecordFields fields = RecordFields.of(CanonicalJson.parse("{\"gender\":\"male\"}"));

    assertThat(MerkleTree.build(fields, SecretBytes.random(32)).root())
        .isNotEqualTo(MerkleTree.build(fields, SecretBytes.random(32)).root());
  }

  @Test
  void build_fixedSecret_pinnedRootAndRfc5869Salt() throws Exception {
    byte[] secret = new byte[32];
    for (int i = 0; i < secret.length; i++) {
      secret[i] = (byte) i;
    }
    String json = "{\"resourceType\":\"Patient\",\"gender\":\"female\",\"birthDate\":\"1971-03-04\","
        + "\"name\":[{\"text\":\"Pinned Name\"}],\"extension\":[]}";

    MerkleTree tree = MerkleTree.build(RecordFields.of(CanonicalJson.parse(json)), SecretBytes.copyOf(secret));

    // Pinned before the salt derivation was restructured; the salt is HKDF-SHA256 (RFC 5869) with an
    // empty salt, checked with Python's hmac: OKM = HMAC(HMAC(0^32, secret), label || "/gender" || 0x01).
    assertThat(java.util.HexFormat.of().formatHex(tree.root()))
        .isEqualTo("44a19b420a7c5ea80d055359bcebd12f1d70e5b172e0cd5cf609be19a5e0876c");
    assertThat(java.util.HexFormat.of().formatHex(tree.disclose(List.of("/gender")).fields().get(0).salt()))
        .isEqualTo("adbb9f3e460d0639ca0c190bcd6f6c941fbf04dc167ff1d36acc8ecc260fb3f7");
  }

  @Test
  void disclose_unknownPath_throws() throws Exception {
    MerkleTree tree = tree(5, 6);

    assertThatThrownBy(() -> tree.disclose(List.of("/nope"))).isInstanceOf(java.util.NoSuchElementException.class);
  }

  @Test
  void hashes_leafAndNodeOverSameBytes_differ() {
    byte[] salt = new byte[32];

    assertThat(MerkleHashing.leaf(salt, "", "")).isNotEqualTo(MerkleHashing.node(salt, new byte[8]));
  }

  static MerkleTree tree(int fields, long seed) throws MalformedInputException {
    Random random = new Random(seed);
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < fields; i++) {
      switch (random.nextInt(3)) {
        case 0 -> record.put("field" + i, random.nextInt(200));
        case 1 -> record.put("field" + i, "value-" + random.nextInt(1000));
        default -> record.put("field" + i, random.nextBoolean());
      }
    }
    return MerkleTree.build(RecordFields.of(record), SECRET);
  }

  private static Set<String> subset(MerkleTree tree, long seed) {
    Random random = new Random(seed ^ 0x5eed);
    Set<String> chosen = new TreeSet<>();
    for (String path : tree.paths()) {
      if (random.nextInt(3) == 0) {
        chosen.add(path);
      }
    }
    if (chosen.isEmpty()) {
      chosen.add(tree.paths().get(random.nextInt(tree.leafCount())));
    }
    return chosen;
  }
}
