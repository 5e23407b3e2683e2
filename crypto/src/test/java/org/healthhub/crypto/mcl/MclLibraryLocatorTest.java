package org.healthhub.crypto.mcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MclLibraryLocatorTest {

  @Test
  void locate_propertyNamesMissingFile_throwsNamingTheProperty() {
    String before = System.getProperty(MclLibraryLocator.LIBRARY_PROPERTY);
    System.setProperty(MclLibraryLocator.LIBRARY_PROPERTY, "/nonexistent/libmclbn384_256.so");
    try {
      assertThatThrownBy(MclLibraryLocator::locate)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("/nonexistent/libmclbn384_256.so")
          .hasMessageContaining(MclLibraryLocator.LIBRARY_PROPERTY);
    } finally {
      if (before == null) {
        System.clearProperty(MclLibraryLocator.LIBRARY_PROPERTY);
      } else {
        System.setProperty(MclLibraryLocator.LIBRARY_PROPERTY, before);
      }
    }
  }

  @Test
  void libraryDescription_afterLoading_namesTheSource() {
    Mcl.ensureLoaded();
    assertThat(Mcl.libraryDescription()).containsAnyOf("healthhub.mcl.library", "MCL_LIB_PATH", "bundled");
  }
}
