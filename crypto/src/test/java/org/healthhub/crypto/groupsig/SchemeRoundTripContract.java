package org.healthhub.crypto.groupsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.healthhub.crypto.groupsig.codec.PythonJson;
import org.healthhub.crypto.mcl.RandomScalars;
import org.junit.jupiter.api.Test;

/**
 * The checks every scheme passes with fresh random keys ({@link RandomScalars#secure()}): setup,
 * a join whose messages travel as JSON text (as between two processes), sign, verify, and the
 * usual rejections. A scheme's test class extends this and adds its own operations.
 */
public abstract class SchemeRoundTripContract {
  private static final ObjectMapper JSON = new ObjectMapper();

  protected final RandomScalars rng = RandomScalars.secure();

  protected abstract GroupSignatureScheme scheme();

  /**
   * A group and one member, joined through re-parsed messages; {@code lastPartial} and
   * {@code lastFromManager} are what the member's last join step received.
   */
  protected record Joined(
      GroupSetup setup, Gml gml, MemberKey member, MemberKey lastPartial, JoinMessage lastFromManager) {}

  protected Joined joinedGroup() throws GeneralSecurityException {
    GroupSetup setup = scheme().setup(rng);
    return join(setup, setup.gml());
  }

  /** Runs the whole join; every message is re-read from its JSON text before the other side sees it. */
  protected Joined join(GroupSetup setup, Gml gml) throws GeneralSecurityException {
    JoinMessage toMember = null;
    MemberKey partial = null;
    for (int step = 0; step < 8; step++) {
      ManagerJoinStep managerStep =
          scheme().joinManager(setup.groupKey(), setup.managerKey(), gml, toMember, rng);
      gml = managerStep.gml();
      JoinMessage fromManager = JoinMessage.fromJson(managerStep.message().toJson());
      MemberKey carried = partial == null ? null : scheme().importMemberKey(partial.toBase64());
      MemberJoinStep memberStep = scheme().joinMember(setup.groupKey(), carried, fromManager, rng);
      partial = memberStep.partialKey();
      if (memberStep.complete()) {
        return new Joined(
            setup, gml, scheme().importMemberKey(partial.toBase64()), carried, fromManager);
      }
      toMember = JoinMessage.fromJson(memberStep.reply().toJson());
    }
    throw new AssertionError("join did not complete");
  }

  protected GroupSignature sign(String message, Joined group) throws GeneralSecurityException {
    return scheme().sign(message, group.member(), group.setup().groupKey(), rng);
  }

  /** Parses the signature's export again, as a receiver would. */
  protected GroupSignature reparsed(GroupSignature signature) throws GeneralSecurityException {
    return scheme().importSignature(signature.toBase64());
  }

  @Test
  void registry_byName_givesThisScheme() {
    assertThat(GroupSignatureSchemes.byName(scheme().descriptor().name())).isInstanceOf(scheme().getClass());
  }

  @Test
  void signVerify_valid() throws Exception {
    Joined group = joinedGroup();
    GroupSignature signature = sign("record 42 ✓", group);
    scheme().verify("record 42 ✓", reparsed(signature), group.setup().groupKey());
  }

  @Test
  void verify_wrongMessage_rejects() throws Exception {
    Joined group = joinedGroup();
    GroupSignature signature = sign("record 42", group);
    assertThatThrownBy(() -> scheme().verify("record 43", signature, group.setup().groupKey()))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void verify_wrongGroup_rejects() throws Exception {
    Joined group = joinedGroup();
    GroupSetup other = scheme().setup(rng);
    GroupSignature signature = sign("record 42", group);
    assertThatThrownBy(() -> scheme().verify("record 42", signature, other.groupKey()))
        .isInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void verify_tamperedSignature_rejects() throws Exception {
    Joined group = joinedGroup();
    GroupSignature signature = sign("record 42", group);
    GroupSignature other = sign("record 43", group);
    GroupSignature spliced = scheme().importSignature(spliceFirstField(signature, other));
    assertThatThrownBy(() -> scheme().verify("record 42", spliced, group.setup().groupKey()))
        .isInstanceOf(InvalidSignatureException.class);
  }

  /** pygroupsig's ps16 and klap20 members store whatever credential arrives; ours check it. */
  @Test
  void joinMember_credentialOfAnotherMember_rejects() throws Exception {
    Joined first = joinedGroup();
    Joined second = join(first.setup(), first.gml());
    assertThatThrownBy(
            () -> scheme().joinMember(
                first.setup().groupKey(), first.lastPartial(), second.lastFromManager(), rng))
        .isInstanceOf(JoinRejectedException.class);
  }

  @Test
  void sign_loneSurrogate_isMalformed() throws Exception {
    Joined group = joinedGroup();
    assertThatThrownBy(() -> sign("bad \ud800 text", group))
        .isInstanceOf(org.healthhub.crypto.MalformedInputException.class);
  }

  @Test
  void memberKey_exportImport_roundTrips() throws Exception {
    Joined group = joinedGroup();
    String exported = group.member().toBase64();
    assertThat(scheme().importMemberKey(exported).toBase64()).isEqualTo(exported);
    String groupKey = group.setup().groupKey().toBase64();
    assertThat(scheme().importGroupKey(groupKey).toBase64()).isEqualTo(groupKey);
    String managerKey = group.setup().managerKey().toBase64();
    assertThat(scheme().importManagerKey(managerKey).toBase64()).isEqualTo(managerKey);
  }

  @Test
  void keys_toString_showNoSecret() throws Exception {
    Joined group = joinedGroup();
    for (Object key : new Object[] {group.member(), group.setup().managerKey()}) {
      String inner = innerJsonOf(key instanceof MemberKey m ? m.toBase64() : ((ManagerKey) key).toBase64(), "key");
      Map<?, ?> fields = JSON.readValue(inner, Map.class);
      for (Object value : fields.values()) {
        assertThat(key.toString()).doesNotContain(String.valueOf(value));
      }
      assertThat(key.toString()).contains("hidden");
    }
  }

  @Test
  void importSignature_keyOfAnotherKind_isMalformed() throws Exception {
    Joined group = joinedGroup();
    assertThatThrownBy(() -> scheme().importSignature(group.setup().groupKey().toBase64()))
        .isInstanceOf(org.healthhub.crypto.MalformedInputException.class);
    assertThatThrownBy(() -> scheme().importMemberKey(group.setup().groupKey().toBase64()))
        .isInstanceOf(org.healthhub.crypto.MalformedInputException.class);
  }

  /** {@code signature} with its first inner field taken from {@code donor}: well formed, not valid. */
  protected static String spliceFirstField(GroupSignature signature, GroupSignature donor)
      throws Exception {
    Map<String, Object> outer = readMap(decode(signature.toBase64()));
    Map<String, Object> inner = readMap(decode((String) outer.get("signature")));
    Map<String, Object> donorInner =
        readMap(decode((String) readMap(decode(donor.toBase64())).get("signature")));
    String first = inner.keySet().iterator().next();
    inner.put(first, donorInner.get(first));
    outer.put("signature", encode(PythonJson.write(inner)));
    return encode(PythonJson.write(outer));
  }

  /** The inner FIELDS JSON of an export ({@code member} = "key" or "signature"). */
  protected static String innerJsonOf(String export, String member) throws Exception {
    return decode((String) readMap(decode(export)).get(member));
  }

  @SuppressWarnings("unchecked")
  protected static Map<String, Object> readMap(String json) throws Exception {
    return JSON.readValue(json, LinkedHashMap.class);
  }

  protected static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII);
  }

  protected static String encode(String json) {
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.US_ASCII));
  }
}
