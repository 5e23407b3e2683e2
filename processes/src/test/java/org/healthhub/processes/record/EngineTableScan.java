package org.healthhub.processes.record;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Scans every runtime, history and byte-array row of an engine's database for a text. */
public final class EngineTableScan {

  private EngineTableScan() {}

  /** Where {@code needle} occurs (table.column), as text or inside a byte array (UTF-8 or UTF-16). */
  public static List<String> find(ProcessEngine engine, String needle) throws SQLException {
    return find(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource(), needle);
  }

  /** Where {@code needle} occurs in the engine's tables behind {@code dataSource}. */
  public static List<String> find(DataSource dataSource, String needle) throws SQLException {
    byte[] utf8 = needle.getBytes(StandardCharsets.UTF_8);
    byte[] utf16 = needle.getBytes(StandardCharsets.UTF_16BE);
    return scan(dataSource, value -> value instanceof byte[] bytes
        ? contains(bytes, utf8) || contains(bytes, utf16)
        : value != null && value.toString().contains(needle));
  }

  /** Where the raw {@code needle} bytes occur inside a byte-array or blob column (a key stored unencoded). */
  public static List<String> findBytes(DataSource dataSource, byte[] needle) throws SQLException {
    byte[] copy = needle.clone();
    return scan(dataSource, value -> value instanceof byte[] bytes && contains(bytes, copy));
  }

  private static List<String> scan(DataSource dataSource, Predicate<Object> holds) throws SQLException {
    List<String> hits = new ArrayList<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet names = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
          + "WHERE TABLE_NAME LIKE 'ACT\\_RU\\_%' OR TABLE_NAME LIKE 'ACT\\_HI\\_%' OR TABLE_NAME = 'ACT_GE_BYTEARRAY'")) {
        while (names.next()) {
          tables.add(names.getString(1));
        }
      }
      if (tables.size() < 20) {
        throw new IllegalStateException("expected the engine's tables, found " + tables);
      }
      for (String table : tables) {
        try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int column = 1; column <= columns; column++) {
              if (holds.test(readable(rows.getObject(column)))) {
                hits.add(table + "." + rows.getMetaData().getColumnName(column));
              }
            }
          }
        }
      }
    }
    return hits;
  }

  private static Object readable(Object value) throws SQLException {
    if (value instanceof java.sql.Blob blob) {
      return blob.getBytes(1, (int) blob.length());
    }
    if (value instanceof java.sql.Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    return value;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
