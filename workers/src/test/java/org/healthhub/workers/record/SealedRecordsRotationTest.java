package org.healthhub.workers.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import org.healthhub.storage.BlobStore;
import org.healthhub.storage.Cid;
import org.healthhub.storage.EmbeddedBlobStore;
import org.healthhub.workers.keys.Keyring;
import org.healthhub.workers.keys.TestKeyrings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key rotations around stored records: a reader's HPKE key, and a record's data key on revocation. */
class SealedRecordsRotationTest {

  private static final byte[] RECORD = "{\"diagnosis\":\"rotation test 51c2\"}".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  private BlobStore store;
  private Keyring keyring;
  private SealedRecords records;

  @BeforeEach
  void open() throws Exception {
    store = new EmbeddedBlobStore(dir.resolve("blobs"));
    keyring = TestKeyrings.of(dir.resolve("keys"), "patient", "doctor", "doctor2");
    records = new SealedRecords(store, keyring);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void open_patientRotatedHpkeKey_oldRecordReadsAndNewWrapsUseTheNewKey() throws Exception {
    String old = records.seal("r1", RECORD, List.of("patient"));

    keyring.rotateWrappingKey("patient");
    String fresh = records.seal("r2", RECORD, List.of("patient"));

    assertThat(records.open(old, "patient")).isEqualTo(RECORD);
    assertThat(records.envelope(fresh).wraps().get("patient").publicKey()).isEqualTo(keyring.wrappingPublicKey("patient"));
    String shared = records.share(old, "patient", "doctor");
    assertThat(records.open(shared, "doctor")).as("a share of an old record after the rotation").isEqualTo(RECORD);
  }

  @Test
  void open_doctorRotatedHpkeKeyAfterShare_stillReadsTheShare() throws Exception {
    String shared = records.share(records.seal("r1", RECORD, List.of("patient")), "patient", "doctor");

    keyring.rotateWrappingKey("doctor");

    assertThat(records.open(shared, "doctor")).isEqualTo(RECORD);
  }

  @Test
  void rotate_afterRevoke_revokedDoctorsOldWrapDoesNotOpenTheResealedRecord() throws Exception {
    String original = records.seal("r1", RECORD, List.of("patient"));
    String doctorsCopy = records.share(original, "patient", "doctor");
    assertThat(records.open(doctorsCopy, "doctor")).isEqualTo(RECORD);

    String resealed = records.rotate(original, "patient");

    assertThat(records.envelope(resealed).keyVersion()).isEqualTo(2);
    assertThat(records.envelope(resealed).wraps()).containsOnlyKeys("patient");
    assertThat(records.open(resealed, "patient")).isEqualTo(RECORD);
    String graft = records.store(graft(doctorsCopy, resealed));
    assertThatThrownBy(() -> records.open(graft, "doctor"))
        .as("the doctor's old wrap on the resealed ciphertext")
        .isInstanceOf(GeneralSecurityException.class);
    assertThat(records.open(records.share(resealed, "patient", "doctor2"), "doctor2"))
        .as("a doctor whose share stays active gets a wrap of the new key").isEqualTo(RECORD);
  }

  /** The doctor's envelope (with the wrap it once had) in front of another blob's ciphertext. */
  private byte[] graft(String envelopeFrom, String ciphertextFrom) throws Exception {
    byte[][] envelope = split(envelopeFrom);
    byte[][] ciphertext = split(ciphertextFrom);
    ByteArrayOutputStream blob = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(blob)) {
      out.writeInt(envelope[0].length);
      out.write(envelope[0]);
      out.write(ciphertext[1]);
    }
    return blob.toByteArray();
  }

  private byte[][] split(String cid) throws Exception {
    try (InputStream raw = store.get(Cid.parse(cid)); DataInputStream in = new DataInputStream(raw)) {
      byte[] header = in.readNBytes(in.readInt());
      return new byte[][] {header, in.readAllBytes()};
    }
  }
}
