package org.healthhub.crypto.groupsig.gl19;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.groupsig.GroupSignature;
import org.healthhub.crypto.groupsig.GroupSignatureScheme;
import org.healthhub.crypto.groupsig.GroupSignatureSchemes;
import org.healthhub.crypto.groupsig.InvalidSignatureException;
import org.healthhub.crypto.groupsig.JoinMessage;
import org.healthhub.crypto.groupsig.JoinRejectedException;
import org.healthhub.crypto.groupsig.ManagerJoinStep;
import org.healthhub.crypto.groupsig.MemberJoinStep;
import org.healthhub.crypto.groupsig.SchemeRoundTripContract;
import org.healthhub.crypto.groupsig.Transcript;
import org.healthhub.crypto.mcl.G1;
import org.healthhub.crypto.mcl.G2;
import org.junit.jupiter.api.Test;

class Gl19Test extends SchemeRoundTripContract {
  private static final Instant T = Instant.parse("2026-11-24T12:00:00.250Z");

  private Gl19 gl19 = new Gl19(Clock.systemUTC(), new Random(7));

  @Override
  protected GroupSignatureScheme scheme() {
    return gl19;
  }

  @Test
  void registry_offersGl19WithBlindConvertUnblind() {
    assertThat(GroupSignatureSchemes.byName("gl19").descriptor().capabilities())
        .containsExactlyInAnyOrderElementsOf(gl19.descriptor().capabilities())
        .hasSize(3);
  }

  @Test
  void join_stampsExpirationLifetimeAfterTheClock() throws Exception {
    gl19 = new Gl19(Clock.fixed(T, ZoneOffset.UTC));
    Gl19MemberKey member = (Gl19MemberKey) joinedGroup().member();
    assertThat(member.l).isEqualTo(T.getEpochSecond() + Gl19.LIFETIME_SECONDS);
  }

  @Test
  void verify_expiredCredential_rejectsWithReason() throws Exception {
    gl19 = new Gl19(Clock.offset(Clock.systemUTC(), Duration.ofDays(-15)));
    Joined group = joinedGroup();
    GroupSignature signature = sign("record 42", group);
    gl19.verify("record 42", signature, group.setup().groupKey());
    Gl19 today = new Gl19();
    assertThatThrownBy(() -> today.verify("record 42", signature, group.setup().groupKey()))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void joinMember_credentialForAnotherCommitment_isRejected() throws Exception {
    var setup = gl19.setup(rng);
    JoinMessage nonce = gl19.joinManager(setup.groupKey(), setup.managerKey(), setup.gml(), null, rng).message();
    MemberJoinStep first = gl19.joinMember(setup.groupKey(), null, nonce, rng);
    ManagerJoinStep credential =
        gl19.joinManager(setup.groupKey(), setup.managerKey(), setup.gml(), first.reply(), rng);
    JoinMessage tampered = replace(credential.message(), "A", G1.random(rng).toBase64());
    assertThatThrownBy(() -> gl19.joinMember(setup.groupKey(), first.partialKey(), tampered, rng))
        .isInstanceOf(JoinRejectedException.class);
    JoinMessage paddedL = replace(credential.message(), "l", "0" + credential.message().string("l"));
    assertThatThrownBy(() -> gl19.joinMember(setup.groupKey(), first.partialKey(), paddedL, rng))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("canonical");
  }

  @Test
  void joinManager_proofForAnotherNonce_isRejected() throws Exception {
    var setup = gl19.setup(rng);
    JoinMessage nonce = gl19.joinManager(setup.groupKey(), setup.managerKey(), setup.gml(), null, rng).message();
    JoinMessage reply = gl19.joinMember(setup.groupKey(), null, nonce, rng).reply();
    JoinMessage otherNonce = replace(reply, "n", G1.random(rng).toBase64());
    assertThatThrownBy(() -> gl19.joinManager(setup.groupKey(), setup.managerKey(), setup.gml(), otherNonce, rng))
        .isInstanceOf(JoinRejectedException.class);
  }

  @Test
  void sign_partialMemberKey_isMalformed() throws Exception {
    var setup = gl19.setup(rng);
    JoinMessage nonce = gl19.joinManager(setup.groupKey(), setup.managerKey(), setup.gml(), null, rng).message();
    MemberJoinStep first = gl19.joinMember(setup.groupKey(), null, nonce, rng);
    assertThatThrownBy(() -> gl19.sign("m", first.partialKey(), setup.groupKey(), rng))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("partial");
  }

  @Test
  void blindConvertUnblind_sameMemberSharesNym_otherMemberDiffers() throws Exception {
    Joined alice = joinedGroup();
    Joined bob = join(alice.setup(), alice.gml());
    List<String> messages = List.of("alice 1", "alice 2", "bob 1");
    Gl19Blinded first = blind(messages.get(0), alice, null);
    Gl19BlindKey key = Gl19BlindKey.fromBase64(first.key().toBase64());
    List<Gl19BlindSignature> blinded =
        List.of(
            Gl19BlindSignature.fromBase64(first.signature().toBase64()),
            blind(messages.get(1), alice, key).signature(),
            blind(messages.get(2), bob, key).signature());
    List<Gl19BlindSignature> converted = convert(alice, blinded, key);
    Map<String, String> nymByMessage = new HashMap<>();
    for (Gl19BlindSignature c : converted) {
      Gl19BlindSignature received = Gl19BlindSignature.fromBase64(c.toBase64());
      nymByMessage.put(messageOf(received, key, messages), Gl19.unblind(received, key));
    }
    assertThat(nymByMessage.get("alice 1")).isEqualTo(nymByMessage.get("alice 2"));
    assertThat(nymByMessage.get("bob 1")).isNotEqualTo(nymByMessage.get("alice 1"));
  }

  @Test
  void convert_threeInputs_neverFails_andReachesEveryOrder() throws Exception {
    Joined group = joinedGroup();
    List<String> messages = List.of("a", "b", "c");
    Gl19Blinded first = blind("a", group, null);
    List<Gl19BlindSignature> blinded =
        List.of(first.signature(), blind("b", group, first.key()).signature(), blind("c", group, first.key()).signature());
    Set<List<String>> orders = new HashSet<>();
    for (int run = 0; run < 60; run++) {
      List<String> order = new ArrayList<>();
      for (Gl19BlindSignature c : convert(group, blinded, first.key())) {
        order.add(messageOf(c, first.key(), messages));
      }
      orders.add(order);
    }
    assertThat(orders).hasSize(6);
  }

  @Test
  void pygroupsigShuffle_threeInputs_reachesHalfTheOrdersAndRaisesAQuarterOfTheTime() {
    Set<List<String>> orders = new HashSet<>();
    int raised = 0;
    for (int seed = 0; seed < 1000; seed++) {
      List<String> list = new ArrayList<>(List.of("a", "b", "c"));
      try {
        CPythonRandom.pygroupsigShuffle(list, new CPythonRandom(BigInteger.valueOf(seed)));
        orders.add(list);
      } catch (IndexOutOfBoundsException e) {
        raised++;
      }
    }
    assertThat(orders).containsExactlyInAnyOrder(List.of("a", "b", "c"), List.of("b", "a", "c"), List.of("c", "b", "a"));
    assertThat(raised).isBetween(200, 300);
  }

  @Test
  void importGroupKey_identityIpk_isMalformed() throws Exception {
    Gl19GroupKey group = (Gl19GroupKey) gl19.setup(rng).groupKey();
    Gl19GroupKey zeroIpk =
        new Gl19GroupKey(group.g1, group.g2, group.g, group.h, group.h1, group.h2, group.h3,
            G2.zero(), group.cpk, group.epk);
    assertThatThrownBy(() -> gl19.importGroupKey(zeroIpk.toBase64()))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("ipk");
  }

  @Test
  void blindKey_toString_showsNoSecret() throws Exception {
    Gl19BlindKey key = blind("m", joinedGroup(), null).key();
    assertThat(key.toString()).doesNotContain(key.sk.toBase64()).contains("hidden");
    assertThat(Gl19BlindKey.fromBase64(key.toBase64()).publicBase64()).isEqualTo(key.pk.toBase64());
  }

  private Gl19Blinded blind(String message, Joined group, Gl19BlindKey key) throws Exception {
    GroupSignature signature = reparsed(sign(message, group));
    return key == null
        ? gl19.blind(message, signature, group.setup().groupKey(), rng)
        : gl19.blind(message, signature, group.setup().groupKey(), key, rng);
  }

  private List<Gl19BlindSignature> convert(Joined group, List<Gl19BlindSignature> blinded, Gl19BlindKey key)
      throws Exception {
    return gl19.convert(blinded, key.publicBase64(), group.setup().groupKey(), group.setup().managerKey(), rng);
  }

  /** Which message a converted signature carries: {@code c2 − c1·sk = HG1(SHA-256(M))}. */
  private static String messageOf(Gl19BlindSignature converted, Gl19BlindKey key, List<String> candidates)
      throws Exception {
    G1 point = converted.c2.sub(converted.c1.mul(key.sk));
    for (String candidate : candidates) {
      if (G1.hashAndMapTo(Transcript.sha256(Transcript.utf8(candidate))).equals(point)) {
        return candidate;
      }
    }
    throw new AssertionError("no candidate message matches");
  }

  private static JoinMessage replace(JoinMessage message, String key, String value) {
    JoinMessage.Builder builder = JoinMessage.builder();
    message.values().forEach((k, v) -> {
      Object put = k.equals(key) ? value : v;
      if (put instanceof Long number) {
        builder.put(k, number);
      } else {
        builder.put(k, (String) put);
      }
    });
    return builder.build();
  }
}
