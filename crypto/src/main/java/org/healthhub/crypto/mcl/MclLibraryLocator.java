package org.healthhub.crypto.mcl;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Finds the mcl library, in this order:
 *
 * <ol>
 *   <li>system property {@value #LIBRARY_PROPERTY}: absolute path of one {@code .so} exposing
 *       mcl's C API (tests point it at a freshly built bundled library);
 *   <li>environment variable {@value #LIB_PATH_ENV}: a folder holding a native herumi mcl v2
 *       build, {@code libmcl.so} and {@code libmclbn384_256.so}, as pygroupsig loads it;
 *   <li>the bundled library, classpath resource {@value #BUNDLED_RESOURCE}.
 * </ol>
 *
 * The explicit property wins over the ambient environment so that a test run is never silently
 * switched to another build.
 */
final class MclLibraryLocator {
  static final String LIBRARY_PROPERTY = "healthhub.mcl.library";
  static final String LIB_PATH_ENV = "MCL_LIB_PATH";
  static final String BUNDLED_RESOURCE = "linux-x86-64/libmclbn384_256.so";

  private static final int RTLD_NOW = 0x2;
  private static final int RTLD_GLOBAL = 0x100;

  /** The library to bind; {@code dependency} (libmcl.so, or null) is held so it stays mapped. */
  record Located(NativeLibrary library, NativeLibrary dependency, String description) {}

  private MclLibraryLocator() {}

  static Located locate() {
    String explicit = System.getProperty(LIBRARY_PROPERTY);
    if (explicit != null && !explicit.isBlank()) {
      Path path = requireFile(Path.of(explicit), "system property " + LIBRARY_PROPERTY);
      return new Located(open(path), null, "mcl from " + LIBRARY_PROPERTY + "=" + path);
    }
    String folder = System.getenv(LIB_PATH_ENV);
    if (folder != null && !folder.isBlank()) {
      Path core = requireFile(Path.of(folder, "libmcl.so"), LIB_PATH_ENV);
      Path bn = requireFile(Path.of(folder, "libmclbn384_256.so"), LIB_PATH_ENV);
      // libmclbn384_256.so leaves mcl's core symbols to libmcl.so: that one must be global.
      NativeLibrary coreLibrary = open(core);
      return new Located(open(bn), coreLibrary, "native herumi mcl from " + LIB_PATH_ENV + "=" + folder);
    }
    return new Located(open(extractBundled()), null, "bundled mcl (mcl-wasm build) " + BUNDLED_RESOURCE);
  }

  private static NativeLibrary open(Path path) {
    return NativeLibrary.getInstance(
        path.toAbsolutePath().toString(),
        Map.of(Library.OPTION_OPEN_FLAGS, RTLD_NOW | RTLD_GLOBAL));
  }

  private static Path requireFile(Path path, String source) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException("mcl library " + path + " (from " + source + ") does not exist");
    }
    return path;
  }

  private static Path extractBundled() {
    try (InputStream in = MclLibraryLocator.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "no mcl library: set " + LIBRARY_PROPERTY + " or " + LIB_PATH_ENV
                + ", or build the crypto module so that the classpath holds " + BUNDLED_RESOURCE);
      }
      Path file = Files.createTempFile("healthhub-libmclbn384_256-", ".so");
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract " + BUNDLED_RESOURCE, e);
    }
  }
}
