package io.stsgate.runtime;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.stsgate.directory.DirectoryFileException;
import io.stsgate.directory.DirectoryFileLoader;

class DemoValuesTest {

    @Test
    void refuseDemoValuesWhenTheDemoDirectoryThenRefused() throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream(DirectorySource.DEMO_RESOURCE)) {
            var demo = DirectoryFileLoader.load("demo", in);
            assertThatThrownBy(() -> DirectorySource.refuseDemoValues(demo))
                    .isInstanceOf(DirectoryFileException.class)
                    .hasMessageContaining("published demo value");
        }
    }

    @Test
    void refuseDemoValuesWhenOnlyTheDemoSeedIsUsedThenRefused() {
        var directory = DirectoryFileLoader.load("t.yaml", new ByteArrayInputStream("""
                accounts:
                  - id: "333333333333"
                    users:
                      - name: bob
                        mfaDevices:
                          - name: bob
                            seed: JBSWY3DPEHPK3PXP
                """.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> DirectorySource.refuseDemoValues(directory)).hasMessageContaining("demo seed");
    }

    @Test
    void refuseDemoValuesWhenOwnValuesThenAccepted() {
        var directory = DirectoryFileLoader.load("t.yaml", new ByteArrayInputStream("""
                accounts:
                  - id: "333333333333"
                    users:
                      - name: bob
                        accessKeys:
                          - id: AKIA2345678901234567
                            secret: 0123456789abcdefghijABCDEFGHIJ0123456789
                """.getBytes(StandardCharsets.UTF_8)));
        assertThatCode(() -> DirectorySource.refuseDemoValues(directory)).doesNotThrowAnyException();
    }
}
