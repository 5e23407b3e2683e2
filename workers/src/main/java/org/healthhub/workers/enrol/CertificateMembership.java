package org.healthhub.workers.enrol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NOT a group signature: a stand-in with the same message pattern as the pygroupsig joins (the
 * manager opens with a nonce, the member proves possession of a fresh Ed25519 key, the manager
 * certifies it, the member checks the certificate), so the enrol flow runs end to end until the
 * group-signature schemes are plugged in behind {@link GroupMembership}. Members are identifiable
 * by their certificate, and every key lives in this object's memory only (lost on restart).
 */
public final class CertificateMembership implements GroupMembership {

  private static final String ALGORITHM = "Ed25519";

  private final SecureRandom random = new SecureRandom();
  private final Map<String, KeyPair> managerKeys = new ConcurrentHashMap<>();
  private final Map<String, byte[]> openNonces = new ConcurrentHashMap<>();
  private final Map<String, KeyPair> memberKeys = new ConcurrentHashMap<>();
  private final Map<String, byte[]> memberCertificates = new ConcurrentHashMap<>();

  @Override
  public JoinTurn managerTurn(String groupId, String memberId, int step, Optional<JoinMessage> incoming)
      throws GeneralSecurityException {
    String join = joinKey(groupId, memberId);
    if (step == 0) {
      return JoinTurn.send(JoinMessage.of(openNonces.computeIfAbsent(join, k -> randomNonce())));
    }
    if (step != 2 || incoming.isEmpty()) {
      throw new IllegalStateException("the manager has no turn at step " + step);
    }
    byte[] nonce = openNonces.get(join);
    if (nonce == null) {
      throw new IllegalStateException("no open join of " + memberId + " to " + groupId + " (manager restarted?)");
    }
    ByteBuffer proof = ByteBuffer.wrap(incoming.get().bytes());
    PublicKey memberKey = readPublicKey(proof);
    byte[] signature = new byte[proof.remaining()];
    proof.get(signature);
    if (!verify(memberKey, transcript(groupId, memberId, nonce), signature)) {
      throw new JoinRejectedException("the member's proof of possession does not verify");
    }
    KeyPair manager = managerKeys.computeIfAbsent(groupId, g -> newKeyPair());
    byte[] certificate = sign(manager.getPrivate(), transcript(groupId, memberId, memberKey.getEncoded()));
    return JoinTurn.admit(JoinMessage.of(certificate), Base64.getEncoder().encodeToString(memberKey.getEncoded()));
  }

  @Override
  public JoinTurn memberTurn(String groupId, String memberId, int step, JoinMessage incoming)
      throws GeneralSecurityException {
    String join = joinKey(groupId, memberId);
    KeyPair member = memberKeys.computeIfAbsent(join, k -> newKeyPair());
    if (step == 1) {
      byte[] key = member.getPublic().getEncoded();
      byte[] signature = sign(member.getPrivate(), transcript(groupId, memberId, incoming.bytes()));
      return JoinTurn.send(JoinMessage.of(ByteBuffer.allocate(2 + key.length + signature.length)
          .putShort((short) key.length).put(key).put(signature).array()));
    }
    if (step != 3) {
      throw new IllegalStateException("the member has no turn at step " + step);
    }
    KeyPair manager = managerKeys.get(groupId);
    if (manager == null
        || !verify(manager.getPublic(), transcript(groupId, memberId, member.getPublic().getEncoded()), incoming.bytes())) {
      throw new JoinRejectedException("the manager's certificate does not verify");
    }
    memberCertificates.put(join, incoming.bytes());
    return JoinTurn.completed();
  }

  /** Whether the member side holds a key certified by the group's manager. */
  public boolean holdsMemberKey(String groupId, String memberId) {
    return memberCertificates.containsKey(joinKey(groupId, memberId));
  }

  private static PublicKey readPublicKey(ByteBuffer proof) throws JoinRejectedException {
    try {
      byte[] encoded = new byte[proof.getShort()];
      proof.get(encoded);
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new JoinRejectedException("the member's proof is malformed: " + e.getMessage());
    }
  }

  private static byte[] sign(PrivateKey key, byte[] message) throws GeneralSecurityException {
    Signature signer = Signature.getInstance(ALGORITHM);
    signer.initSign(key);
    signer.update(message);
    return signer.sign();
  }

  private static boolean verify(PublicKey key, byte[] message, byte[] signature) throws GeneralSecurityException {
    Signature verifier = Signature.getInstance(ALGORITHM);
    verifier.initVerify(key);
    verifier.update(message);
    try {
      return verifier.verify(signature);
    } catch (java.security.SignatureException e) {
      return false;
    }
  }

  private static byte[] transcript(String groupId, String memberId, byte[] payload) {
    byte[] group = groupId.getBytes(StandardCharsets.UTF_8);
    byte[] member = memberId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(8 + group.length + member.length + payload.length)
        .putInt(group.length).put(group).putInt(member.length).put(member).put(payload).array();
  }

  private byte[] randomNonce() {
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    return nonce;
  }

  private static KeyPair newKeyPair() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Java 17 always provides Ed25519", e);
    }
  }

  private static String joinKey(String groupId, String memberId) {
    return groupId.length() + ":" + groupId + "/" + memberId;
  }
}
