package org.healthhub.processes.record;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Looks for a record's data key in the engine's tables and in log text, raw and in the encodings
 * code would print it with.
 */
public final class DataKeyScan {

  /**
   * Base64 of a key embedded in a longer value only matches up to the last whole 3-byte group, and
   * the padding never matches there: 40 characters cover 30 of the 32 bytes.
   */
  private static final int BASE64_PREFIX = 40;

  private DataKeyScan() {}

  /** Where {@code dataKey} occurs, as "engine TABLE.COLUMN (encoding)" and "log (encoding)". */
  public static List<String> find(DataSource engine, String log, byte[] dataKey) throws SQLException {
    List<String> places = new ArrayList<>();
    EngineTableScan.findBytes(engine, dataKey).forEach(column -> places.add("engine " + column + " (raw)"));
    for (Map.Entry<String, String> encoded : encodings(dataKey).entrySet()) {
      EngineTableScan.find(engine, encoded.getValue())
          .forEach(column -> places.add("engine " + column + " (" + encoded.getKey() + ")"));
      if (log.contains(encoded.getValue())) {
        places.add("log (" + encoded.getKey() + ")");
      }
    }
    return places;
  }

  private static Map<String, String> encodings(byte[] key) {
    Map<String, String> encodings = new LinkedHashMap<>();
    encodings.put("hex", HexFormat.of().formatHex(key));
    encodings.put("HEX", HexFormat.of().withUpperCase().formatHex(key));
    encodings.put("base64", Base64.getEncoder().encodeToString(key).substring(0, BASE64_PREFIX));
    encodings.put("base64url", Base64.getUrlEncoder().encodeToString(key).substring(0, BASE64_PREFIX));
    encodings.put("byte list", Arrays.toString(key));
    return encodings;
  }
}
