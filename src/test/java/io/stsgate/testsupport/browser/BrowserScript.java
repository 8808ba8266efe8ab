package io.stsgate.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs one Playwright script of {@code src/test/browser} with node: {@code node SCRIPT URL input.json}. The script
 * prints one JSON object on stdout; its stderr goes to a file under {@code target/} for diagnosis.
 */
public final class BrowserScript {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    private BrowserScript() {
    }

    /**
     * @param script the file name under {@code src/test/browser}
     * @param url the URL the script starts from
     * @param input written to {@code input.json} for the script
     * @param work a directory under {@code target/} for the input and the stderr log
     */
    public static JsonNode run(String script, String url, Map<String, String> input, Path work) throws Exception {
        Files.createDirectories(work);
        Path inputFile = work.resolve("input.json");
        Path stderr = work.resolve("stderr.txt");
        Files.writeString(inputFile, JSON.writeValueAsString(input));
        String node = BrowserProject.node().map(Path::toString).orElse("node");
        Process process = new ProcessBuilder(node, BrowserProject.directory().resolve(script).toString(), url,
                inputFile.toString())
                .directory(BrowserProject.directory().toFile())
                .redirectError(stderr.toFile())
                .start();
        process.getOutputStream().close();
        byte[] stdout;
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError(script + " did not finish in " + TIMEOUT_SECONDS + " s; see " + stderr);
            }
            stdout = process.getInputStream().readAllBytes();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as("%s exit status; stderr: %s", script,
                Files.exists(stderr) ? Files.readString(stderr) : "").isZero();
        return JSON.readTree(new String(stdout, StandardCharsets.UTF_8));
    }
}
