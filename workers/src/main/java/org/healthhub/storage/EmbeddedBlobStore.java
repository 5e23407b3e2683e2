package org.healthhub.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * A {@link BlobStore} in files under a data directory, naming blobs by the CIDs Kubo would give.
 * A blob is written to {@code tmp/}, synced, then renamed into {@code blobs/}: after a crash a
 * blob is either whole or absent, and leftovers in {@code tmp/} are removed at the next open.
 * Every read is checked against the CID ({@link VerifiedBlobStream}). A held blob is pinned;
 * {@link #unpin} deletes it at once.
 */
public final class EmbeddedBlobStore implements BlobStore {
  private static final int COPY_BUFFER = 64 * 1024;

  private final Path blobs;
  private final Path tmp;

  /**
   * Opens (creating if needed) the store under {@code dataDirectory}.
   *
   * @throws StorageException if the directory cannot be created or cleaned
   */
  public EmbeddedBlobStore(Path dataDirectory) throws StorageException {
    this.blobs = dataDirectory.resolve("blobs");
    this.tmp = dataDirectory.resolve("tmp");
    try {
      Files.createDirectories(blobs);
      Files.createDirectories(tmp);
      try (Stream<Path> leftovers = Files.list(tmp)) {
        leftovers.forEach(EmbeddedBlobStore::deleteLeftover);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new StorageException("cannot open the blob store in " + dataDirectory, e);
    }
  }

  @Override
  public StoredBlob put(InputStream content) throws StorageException {
    Path contentFile = null;
    Path nodesFile = null;
    try {
      contentFile = Files.createTempFile(tmp, "put-", ".blob");
      nodesFile = Files.createTempFile(tmp, "put-", ".nodes");
      Cid cid;
      long size;
      try (FileChannel out = FileChannel.open(contentFile, StandardOpenOption.WRITE);
          FileChannel nodes = FileChannel.open(nodesFile, StandardOpenOption.WRITE,
              StandardOpenOption.READ)) {
        DagHasher hasher = new DagHasher(block -> BlobFile.writeNodeRecord(nodes, block));
        byte[] buffer = new byte[COPY_BUFFER];
        for (int read; (read = content.read(buffer)) >= 0; ) {
          hasher.update(buffer, 0, read);
          ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
          while (bytes.hasRemaining()) {
            out.write(bytes);
          }
        }
        cid = hasher.finish().cid();
        size = hasher.contentSize();
        nodes.transferTo(0, nodes.size(), out);
        BlobFile.writeFooter(out, size);
        out.force(true);
      }
      Path target = blobFile(cid);
      Files.createDirectories(target.getParent());
      Files.move(contentFile, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory(target.getParent());
      return new StoredBlob(cid, size);
    } catch (IOException e) {
      throw new StorageException("cannot store a blob in " + blobs + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(contentFile);
      deleteQuietly(nodesFile);
    }
  }

  @Override
  public InputStream get(Cid cid) throws StorageException {
    return readBlob(cid, file -> VerifiedBlobStream.open(file, cid));
  }

  @Override
  public long size(Cid cid) throws StorageException {
    return readBlob(cid, file -> {
      try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
        return BlobFile.readNodesOffset(in, "blob " + cid);
      }
    });
  }

  @Override
  public boolean exists(Cid cid) {
    return Files.isRegularFile(blobFile(cid));
  }

  @Override
  public void pin(Cid cid) throws StorageException {
    if (!exists(cid)) {
      throw new BlobNotFoundException(cid);
    }
  }

  @Override
  public void unpin(Cid cid) throws StorageException {
    try {
      Files.deleteIfExists(blobFile(cid));
    } catch (IOException e) {
      throw new StorageException("cannot delete blob " + cid + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {}

  private interface BlobRead<T> {
    T from(Path blobFile) throws IOException;
  }

  private <T> T readBlob(Cid cid, BlobRead<T> read) throws StorageException {
    try {
      return read.from(blobFile(cid));
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(cid);
    } catch (StorageException e) {
      throw e;
    } catch (IOException e) {
      throw new StorageException("cannot read blob " + cid + ": " + e.getMessage(), e);
    }
  }

  private Path blobFile(Cid cid) {
    String name = cid.toString();
    // Shard like Kubo's flatfs (next-to-last/2) so no directory grows huge.
    return blobs.resolve(name.substring(name.length() - 3, name.length() - 1)).resolve(name);
  }

  private static void syncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static void deleteLeftover(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // The next open of the store removes what is left in tmp/.
    }
  }
}
