package org.healthhub.workers.enrol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import org.healthhub.crypto.MalformedInputException;
import org.healthhub.crypto.record.DecryptionFailedException;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.Cid;
import org.healthhub.storage.InvalidCidException;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.keys.SealedBox;

/**
 * Carries join messages between the parties without putting them in the engine: each message is
 * sealed to its recipient's X25519 key (bound to group, member and message number) and stored in
 * the blob store; the flow passes only the CID.
 */
public final class JoinChannel {

  /** Join messages are a few kilobytes; anything far larger is not one. */
  private static final int MAX_MESSAGE_BYTES = 1 << 20;

  private final BlobStore store;
  private final Keyring keyring;

  public JoinChannel(BlobStore store, Keyring keyring) {
    this.store = store;
    this.keyring = keyring;
  }

  /** Seals message number {@code index} of the join for {@code recipient}; returns its CID. */
  public String send(JoinMessage message, String recipient, String groupId, String memberId, int index)
      throws IOException, GeneralSecurityException {
    byte[] sealed = SealedBox.seal(message.bytes(), keyring.wrappingPublicKey(recipient), context(groupId, memberId, index));
    return store.put(new ByteArrayInputStream(sealed)).cid().toString();
  }

  /**
   * Opens message number {@code index} as {@code recipient}.
   *
   * @throws JoinRejectedException if the CID does not hold a message sealed to the recipient for
   *     this join and position (a business outcome: someone sent the wrong message)
   * @throws org.healthhub.storage.StorageException if the store fails (technical, retried)
   */
  public JoinMessage receive(String cid, String recipient, String groupId, String memberId, int index)
      throws IOException, GeneralSecurityException {
    byte[] sealed;
    try (InputStream in = store.get(Cid.parse(cid))) {
      sealed = in.readNBytes(MAX_MESSAGE_BYTES + 1);
    } catch (InvalidCidException e) {
      throw new JoinRejectedException("join message " + index + " is not a CID: " + e.getMessage());
    }
    if (sealed.length > MAX_MESSAGE_BYTES) {
      throw new JoinRejectedException("join message " + index + " is larger than " + MAX_MESSAGE_BYTES + " bytes");
    }
    try {
      return JoinMessage.of(SealedBox.open(sealed, keyring.keysOf(recipient).wrapping(), context(groupId, memberId, index)));
    } catch (DecryptionFailedException | MalformedInputException e) {
      throw new JoinRejectedException("join message " + index + " was not sealed to " + recipient + " for this join: "
          + e.getMessage());
    }
  }

  private static String context(String groupId, String memberId, int index) {
    return "healthhub/join-message/v1|" + groupId + "|" + memberId + "|" + index;
  }
}
