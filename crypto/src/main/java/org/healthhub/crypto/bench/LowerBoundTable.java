package org.healthhub.crypto.bench;

import java.util.Locale;
import java.util.Map;
import org.healthhub.crypto.bench.PygroupsigOperationCounts.Row;

/**
 * Issue 2/3's "1.5x faster than pygroupsig on the same libmcl", decidable without pygroupsig:
 * pygroupsig's sign or verify costs at least the sum of the library calls it makes (Python only
 * adds), so Σ count × (this library's cost per call) is a lower bound of pygroupsig's time on
 * this library, and bound / ours is a lower bound of our speed-up on it.
 */
final class LowerBoundTable {
  private final Map<LibraryOp, Double> micros;

  LowerBoundTable(Map<LibraryOp, Double> micros) {
    this.micros = micros;
  }

  /** Σ count × cost on this library, in ms. */
  double boundMs(Row row) {
    return row.counts().entrySet().stream().mapToDouble(e -> e.getValue() * micros.get(e.getKey())).sum() / 1e3;
  }

  /** Σ count × native cost (MCL-BUILD.md; 0 where none is published), in ms. */
  static double nativeBoundMs(Row row) {
    return row.counts().entrySet().stream().mapToDouble(e -> e.getValue() * e.getKey().nativeMicros).sum() / 1e3;
  }

  void printCosts() {
    System.out.println("library calls pygroupsig makes, cost per call here (best of batches, us) and native (MCL-BUILD.md):");
    for (LibraryOp op : LibraryOp.values()) {
      System.out.printf(Locale.ROOT, "  %-26s %-42s %9.1f %9s%n", op.label, op.mclFunction, micros.get(op),
          op.nativeMicros > 0 ? String.format(Locale.ROOT, "%.0f", op.nativeMicros) : "-");
    }
  }

  void printCounts() {
    System.out.println("pygroupsig's library calls per operation (read from its source; conservative):");
    for (Row row : PygroupsigOperationCounts.ROWS) {
      StringBuilder counts = new StringBuilder();
      row.counts().forEach((op, n) -> counts.append(n).append(" x ").append(op.label).append(", "));
      System.out.printf(Locale.ROOT, "  %-8s %-6s %s [%s]%n", row.scheme(), row.operation(),
          counts.substring(0, counts.length() - 2), row.reference());
    }
  }

  static void printHeader() {
    System.out.printf(Locale.ROOT, "%-8s %-6s %12s %9s %9s | %14s %14s %8s%n", "scheme", "op",
        "bound here", "ours", "bound/ours", "bound native", "pygroupsig", "check");
  }

  /** One line: the bound here, ours, the ratio (target >= 1.5), and the native-priced sanity check. */
  void printLine(String scheme, String operation, double oursMs, double pygroupsigMs) {
    Row row = PygroupsigOperationCounts.row(scheme, operation);
    double bound = boundMs(row);
    double nativeBound = nativeBoundMs(row);
    System.out.printf(Locale.ROOT, "%-8s %-6s %12.3f %9.3f %9.2fx | %14.3f %14.2f %8s%n", scheme, operation,
        bound, oursMs, bound / oursMs, nativeBound, pygroupsigMs, nativeBound < pygroupsigMs ? "ok" : "BROKEN");
  }
}
