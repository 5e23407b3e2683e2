package org.healthhub.processes.hygiene;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Every value of every engine table ({@code ACT_*}: runtime, history, identity, byte arrays, ...). */
final class EngineRows {

  @FunctionalInterface
  interface Visitor {
    void visit(String tableColumn, Object value);
  }

  private EngineRows() {}

  static void forEachValue(javax.sql.DataSource engine, Visitor visitor) throws SQLException {
    try (Connection connection = engine.getConnection(); Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet names = statement.executeQuery(
          "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE UPPER(TABLE_NAME) LIKE 'ACT\\_%'")) {
        while (names.next()) {
          tables.add(names.getString(1));
        }
      }
      if (tables.stream().noneMatch(table -> table.equalsIgnoreCase("ACT_GE_BYTEARRAY"))
          || tables.stream().noneMatch(table -> table.toUpperCase().startsWith("ACT_HI_"))) {
        throw new IllegalStateException("not an engine database with history: found only " + tables);
      }
      for (String table : tables) {
        try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData columns = rows.getMetaData();
          while (rows.next()) {
            for (int column = 1; column <= columns.getColumnCount(); column++) {
              visitor.visit(table.toUpperCase() + "." + columns.getColumnName(column).toUpperCase(),
                  readable(rows.getObject(column)));
            }
          }
        }
      }
    }
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
}
