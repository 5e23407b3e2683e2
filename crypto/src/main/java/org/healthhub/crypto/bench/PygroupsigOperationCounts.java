package org.healthhub.crypto.bench;

import static org.healthhub.crypto.bench.LibraryOp.FR_HASH;
import static org.healthhub.crypto.bench.LibraryOp.FR_INV;
import static org.healthhub.crypto.bench.LibraryOp.G1_ADD;
import static org.healthhub.crypto.bench.LibraryOp.G1_HASH;
import static org.healthhub.crypto.bench.LibraryOp.G1_MUL;
import static org.healthhub.crypto.bench.LibraryOp.G1_SERIALIZE;
import static org.healthhub.crypto.bench.LibraryOp.G2_ADD;
import static org.healthhub.crypto.bench.LibraryOp.G2_MUL;
import static org.healthhub.crypto.bench.LibraryOp.G2_SERIALIZE;
import static org.healthhub.crypto.bench.LibraryOp.GT_DIV;
import static org.healthhub.crypto.bench.LibraryOp.GT_INV;
import static org.healthhub.crypto.bench.LibraryOp.GT_MUL;
import static org.healthhub.crypto.bench.LibraryOp.GT_POW;
import static org.healthhub.crypto.bench.LibraryOp.GT_POW_VEC3;
import static org.healthhub.crypto.bench.LibraryOp.GT_SERIALIZE;
import static org.healthhub.crypto.bench.LibraryOp.PAIRING;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The mcl calls pygroupsig's sign and verify make, counted by reading its source (repository
 * Aaron1924/healthcare-data-sharing, {@code pygroupsig/schemes/*.py} and {@code
 * pygroupsig/utils/spk.py}; cpy06 at commit e24ce774). Counted conservatively, so that the sum of
 * their costs is a lower bound of pygroupsig's time on any library:
 *
 * <ul>
 *   <li>only calls that certainly happen on the success path;
 *   <li>not counted: importing the signature in verify and exporting it in sign ({@code from_b64},
 *       {@code to_b64}: ours is timed without them too), the G1/G2 deserialization inside every
 *       {@code set_object} (a square root each), Fr arithmetic and draws, neg, isZero, isEqual;
 *   <li>a serialization is counted only for a freshly computed (projective) point, where mcl
 *       normalizes it (a field inversion); points that were decoded or passed through {@code
 *       set_object} are already affine, and a hash-to-G1 output is left out (unsure).
 * </ul>
 */
final class PygroupsigOperationCounts {
  /** One scheme operation: where it is in pygroupsig and how often it calls each library op. */
  record Row(String scheme, String operation, String reference, Map<LibraryOp, Integer> counts) {}

  private PygroupsigOperationCounts() {}

  static final List<Row> ROWS = List.of(
      new Row("bbs04", "sign", "schemes/bbs04.py BBS04.sign",
          counts(G1_MUL, 9, G1_ADD, 3, GT_POW, 4, GT_MUL, 3, G1_SERIALIZE, 7, GT_SERIALIZE, 1, FR_HASH, 1)),
      new Row("bbs04", "verify", "schemes/bbs04.py BBS04.verify",
          counts(G1_MUL, 8, G1_ADD, 4, G2_MUL, 2, G2_ADD, 1, PAIRING, 1, GT_POW, 3, GT_INV, 1, GT_MUL, 3,
              G1_SERIALIZE, 4, GT_SERIALIZE, 1, FR_HASH, 1)),
      new Row("cpy06", "sign", "schemes/cpy06.py Group.sign",
          counts(G1_MUL, 9, G1_ADD, 3, G2_MUL, 1, PAIRING, 2, GT_POW, 3, GT_POW_VEC3, 1, GT_MUL, 1,
              G1_SERIALIZE, 7, G2_SERIALIZE, 1, GT_SERIALIZE, 7, FR_HASH, 1)),
      new Row("cpy06", "verify", "schemes/cpy06.py Group.verify",
          counts(G1_MUL, 8, G1_ADD, 4, PAIRING, 3, GT_POW, 4, GT_POW_VEC3, 1, GT_INV, 1, GT_MUL, 3, GT_DIV, 1,
              G1_SERIALIZE, 4, GT_SERIALIZE, 6, FR_HASH, 1)),
      new Row("ps16", "sign", "schemes/ps16.py sign",
          counts(G1_MUL, 2, PAIRING, 1, GT_POW, 1, G1_SERIALIZE, 2, GT_SERIALIZE, 1, FR_HASH, 1)),
      new Row("ps16", "verify", "schemes/ps16.py verify",
          counts(G1_MUL, 1, PAIRING, 3, GT_MUL, 2, GT_POW, 1, GT_INV, 1, GT_SERIALIZE, 1, FR_HASH, 1)),
      new Row("klap20", "sign", "schemes/klap20.py sign + utils/spk.py discrete_log_sign",
          counts(G1_MUL, 4, G1_SERIALIZE, 4, FR_HASH, 1)),
      new Row("klap20", "verify", "schemes/klap20.py verify + utils/spk.py discrete_log_verify",
          counts(G1_MUL, 2, G1_ADD, 1, G1_SERIALIZE, 1, FR_HASH, 1, PAIRING, 3, GT_MUL, 1)),
      new Row("gl19", "sign", "schemes/gl19.py sign + utils/spk.py general_representation_sign",
          counts(G1_MUL, 21, G1_ADD, 14, G1_SERIALIZE, 15, FR_INV, 1, FR_HASH, 1)),
      new Row("gl19", "verify", "schemes/gl19.py verify + utils/spk.py general_representation_verify",
          counts(G1_MUL, 18, G1_ADD, 13, G1_SERIALIZE, 8, FR_HASH, 2)),
      new Row("dl21", "sign", "schemes/dl21.py _common_sign + utils/spk.py general_representation_sign",
          counts(G1_HASH, 1, G1_MUL, 11, G1_ADD, 8, G1_SERIALIZE, 8, FR_INV, 1, FR_HASH, 1)),
      new Row("dl21", "verify", "schemes/dl21.py verify + utils/spk.py general_representation_verify",
          counts(PAIRING, 2, G1_HASH, 1, G1_MUL, 9, G1_ADD, 7, G1_SERIALIZE, 4, FR_HASH, 1)),
      // dl21seq adds only HMAC-SHA256 (Python's hmac, no mcl) to dl21's sign; verify is dl21's.
      new Row("dl21seq", "sign", "schemes/dl21seq.py sign -> dl21.py _common_sign",
          counts(G1_HASH, 1, G1_MUL, 11, G1_ADD, 8, G1_SERIALIZE, 8, FR_INV, 1, FR_HASH, 1)),
      new Row("dl21seq", "verify", "schemes/dl21seq.py verify -> dl21.py verify",
          counts(PAIRING, 2, G1_HASH, 1, G1_MUL, 9, G1_ADD, 7, G1_SERIALIZE, 4, FR_HASH, 1)));

  static Row row(String scheme, String operation) {
    return ROWS.stream()
        .filter(r -> r.scheme().equals(scheme) && r.operation().equals(operation))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no count for " + scheme + " " + operation));
  }

  private static Map<LibraryOp, Integer> counts(Object... opAndCount) {
    Map<LibraryOp, Integer> counts = new EnumMap<>(LibraryOp.class);
    for (int i = 0; i < opAndCount.length; i += 2) {
      counts.put((LibraryOp) opAndCount[i], (Integer) opAndCount[i + 1]);
    }
    return counts;
  }
}
