package org.healthhub.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.healthhub.storage.ContentAssertions.assertStreamsGeneratedContent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBlobStoreTest {
  private static final Cid UNKNOWN = Cid.parse("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5p");

  @TempDir Path dataDir;

  @Test
  void get_afterPut_returnsTheSameBytes() throws IOException {
    try (EmbeddedBlobStore store = new EmbeddedBlobStore(dataDir)) {
      long size = 3L * UnixFsFile.CHUNK_SIZE + 5;
      StoredBlob blob = store.put(new TestContent(size, 1));

      assertThat(blob.size()).isEqualTo(size);
      assertThat(store.size(blob.cid())).isEqualTo(size);
      assertStreamsGeneratedContent(store.get(blob.cid()), size, 1);
    }
  }

  @Test
  void get_afterReopen_findsTheBlobInTheSameDirectory() throws IOException {
    Cid cid;
    try (EmbeddedBlobStore store = new EmbeddedBlobStore(dataDir)) {
      cid = store.put(new TestContent(1000, 2)).cid();
    }
    try (EmbeddedBlobStore reopened = new EmbeddedBlobStore(dataDir)) {
      assertStreamsGeneratedContent(reopened.get(cid), 1000, 2);
    }
  }

  @Test
  void get_unknownCid_throwsNotFound() throws IOException {
    try (EmbeddedBlobStore store = new EmbeddedBlobStore(dataDir)) {
      assertThatThrownBy(() -> store.get(UNKNOWN)).isInstanceOf(BlobNotFoundException.class)
          .hasMessageContaining(UNKNOWN.toString());
      assertThatThrownBy(() -> store.size(UNKNOWN)).isInstanceOf(BlobNotFoundException.class);
      assertThatThrownBy(() -> store.pin(UNKNOWN)).isInstanceOf(BlobNotFoundException.class);
      assertThat(store.exists(UNKNOWN)).isFalse();
    }
  }

  @Test
  void unpin_heldBlob_removesIt() throws IOException {
    try (EmbeddedBlobStore store = new EmbeddedBlobStore(dataDir)) {
      Cid cid = store.put(new TestContent(10, 3)).cid();
      store.pin(cid);
      assertThat(store.exists(cid)).isTrue();

      store.unpin(cid);
      store.unpin(cid);

      assertThat(store.exists(cid)).isFalse();
      assertThatThrownBy(() -> store.get(cid)).isInstanceOf(BlobNotFoundException.class);
    }
  }

  @Test
  void get_oneFlippedByteInTheLastChunk_failsBeforeReturningThatChunk() throws IOException {
    try (EmbeddedBlobStore store = new EmbeddedBlobStore(dataDir)) {
      long size = 2L * UnixFsFile.CHUNK_SIZE + 100;
      Cid cid = store.put(new TestContent(size, 4)).cid();
      flipByte(blobFile(), size - 1);

      ByteArrayOutputStream returned = new ByteArrayOutputStream();
      assertThatThrownBy(() -> {
        try (InputStream in = store.get(cid)) {
          in.transferTo(returned);
        }
      }).isInstanceOf(BlobCorruptedException.class).hasMessageContaining("offset " + 2L * UnixFsFile.CHUNK_SIZE);
      assertThat(returned.size()).isEqualTo(2 * UnixFsFile.CHUNK_SIZE);
    }
  }

  @Test
  void get_flippedByteInSingleChunkBlob_returnsNoByte() throws IOException {
    try (EmbeddedBlobStore store = new EmbeddedBlobStore(dataDir)) {
      Cid cid = store.put(new TestContent(500, 5)).cid();
      flipByte(blobFile(), 0);

      try (InputStream in = store.get(cid)) {
        assertThatThrownBy(in::read).isInstanceOf(BlobCorruptedException.class);
      }
    }
  }

  @Test
  void get_damagedInternalNode_throwsCorrupted() throws IOException {
    try (EmbeddedBlobStore store = new EmbeddedBlobStore(dataDir)) {
      long size = 2L * UnixFsFile.CHUNK_SIZE;
      Cid cid = store.put(new TestContent(size, 6)).cid();
      flipByte(blobFile(), size + 10);

      assertThatThrownBy(() -> store.get(cid).readAllBytes()).isInstanceOf(BlobCorruptedException.class);
    }
  }

  @Test
  void get_truncatedFile_throwsCorrupted() throws IOException {
    try (EmbeddedBlobStore store = new EmbeddedBlobStore(dataDir)) {
      Cid cid = store.put(new TestContent(3L * UnixFsFile.CHUNK_SIZE, 7)).cid();
      Path file = blobFile();
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
        raf.setLength(raf.length() / 2);
      }

      assertThatThrownBy(() -> store.get(cid).readAllBytes()).isInstanceOf(BlobCorruptedException.class)
          .hasMessageContaining("footer");
    }
  }

  @Test
  void get_blobFileRenamedToAnotherCid_throwsCorrupted() throws IOException {
    try (EmbeddedBlobStore store = new EmbeddedBlobStore(dataDir)) {
      Cid real = store.put(new TestContent(100, 8)).cid();
      Cid other = store.put(new TestContent(100, 9)).cid();
      Files.copy(blobFileOf(real), blobFileOf(other), StandardCopyOption.REPLACE_EXISTING);

      assertThatThrownBy(() -> store.get(other).readAllBytes()).isInstanceOf(BlobCorruptedException.class);
    }
  }

  @Test
  void open_leftoverFromCrashedPut_isRemovedAndInvisible() throws IOException {
    Path tmp = Files.createDirectories(dataDir.resolve("tmp"));
    Files.write(tmp.resolve("put-123.blob"), new byte[] {1, 2, 3});

    try (EmbeddedBlobStore store = new EmbeddedBlobStore(dataDir)) {
      try (Stream<Path> left = Files.list(tmp)) {
        assertThat(left).isEmpty();
      }
      assertThat(store.exists(UNKNOWN)).isFalse();
    }
  }

  @Test
  void put_failingSource_leavesNoBlobAndNoTemporaryFile() throws IOException {
    try (EmbeddedBlobStore store = new EmbeddedBlobStore(dataDir)) {
      InputStream failing = new SequenceInputStream(new TestContent(300_000, 10), new InputStream() {
        @Override
        public int read() throws IOException {
          throw new IOException("source broke");
        }
      });

      assertThatThrownBy(() -> store.put(failing)).isInstanceOf(StorageException.class)
          .hasMessageContaining("source broke");
      try (Stream<Path> files = Files.walk(dataDir)) {
        assertThat(files.filter(Files::isRegularFile)).isEmpty();
      }
    }
  }

  private Path blobFile() throws IOException {
    try (Stream<Path> files = Files.walk(dataDir.resolve("blobs"))) {
      return files.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
  }

  private Path blobFileOf(Cid cid) throws IOException {
    try (Stream<Path> files = Files.walk(dataDir.resolve("blobs"))) {
      return files.filter(p -> p.getFileName().toString().equals(cid.toString())).findFirst().orElseThrow();
    }
  }

  private static void flipByte(Path file, long offset) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      int b = raf.read();
      raf.seek(offset);
      raf.write(b ^ 0x01);
    }
  }
}
