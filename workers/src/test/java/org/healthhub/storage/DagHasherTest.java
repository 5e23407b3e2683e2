package org.healthhub.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DagHasherTest {

  @Test
  void finish_helloWorld_givesKubosCid() throws IOException {
    assertThat(cidOf("hello world\n".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o");
  }

  @Test
  void finish_empty_givesKubosEmptyFileCid() throws IOException {
    assertThat(cidOf(new byte[0])).isEqualTo("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH");
  }

  @Test
  void finish_oneChunkOver174Leaves_buildsTwoLevels() throws IOException {
    List<byte[]> nodes = new ArrayList<>();
    DagHasher hasher = new DagHasher(nodes::add);
    byte[] chunk = new byte[UnixFsFile.CHUNK_SIZE];
    for (int i = 0; i < UnixFsFile.MAX_LINKS + 1; i++) {
      hasher.update(chunk, 0, chunk.length);
    }
    DagLink root = hasher.finish();

    assertThat(nodes).hasSize(3);
    assertThat(UnixFsFile.children(nodes.get(0))).hasSize(UnixFsFile.MAX_LINKS);
    assertThat(UnixFsFile.children(nodes.get(1))).hasSize(1);
    assertThat(UnixFsFile.children(nodes.get(2))).extracting(DagLink::contentSize)
        .containsExactly(174L * UnixFsFile.CHUNK_SIZE, (long) UnixFsFile.CHUNK_SIZE);
    assertThat(root.contentSize()).isEqualTo(175L * UnixFsFile.CHUNK_SIZE);
  }

  @Test
  void update_splitAnywhere_sameCid() throws IOException {
    byte[] content = TestContent.bytes(3 * UnixFsFile.CHUNK_SIZE + 17, 7);
    DagHasher pieces = DagHasher.cidOnly();
    for (int offset = 0; offset < content.length; offset += 1000) {
      pieces.update(content, offset, Math.min(1000, content.length - offset));
    }
    assertThat(pieces.finish().cid().toString()).isEqualTo(cidOf(content));
  }

  private static String cidOf(byte[] content) throws IOException {
    DagHasher hasher = DagHasher.cidOnly();
    hasher.update(content, 0, content.length);
    return hasher.finish().cid().toString();
  }
}
