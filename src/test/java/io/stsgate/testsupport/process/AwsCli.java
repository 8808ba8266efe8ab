package io.stsgate.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The unmodified AWS CLI v2 ({@code /usr/bin/aws}) and boto3 ({@code /usr/bin/python3}) as child processes, with
 * credentials in the environment and a home, config and credentials file of their own under target/ (nothing of the
 * user's ~/.aws is read or written).
 */
public final class AwsCli {

    static final Path BINARY = Path.of("/usr/bin/aws");
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private final Path home;

    /** What a run printed and how it ended. */
    public record Run(int exitCode, String stdout, String stderr) {
        public String output() {
            return stdout + stderr;
        }
    }

    /** Temporary or long-term credentials for the environment. */
    public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        @Override
        public String toString() {
            return "Credentials[" + accessKeyId + "]";
        }
    }

    /** Path-style addressing: nginx and S3Proxy answer on 127.0.0.1, which has no bucket sub-domains. */
    public AwsCli(Path home) {
        this.home = home;
        try {
            Files.createDirectories(home.resolve(".aws"));
            Files.writeString(home.resolve(".aws").resolve("config"), """
                    [default]
                    region = us-east-1
                    s3 =
                        addressing_style = path
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code aws <args>} with {@code credentials}. */
    public Run aws(Credentials credentials, String... args) {
        var command = new ArrayList<String>();
        command.add(BINARY.toString());
        command.addAll(List.of(args));
        return run(command, credentials, null);
    }

    /** {@code python3 -c <script>} with {@code credentials} in the environment and {@code stdin}. */
    public Run python(Credentials credentials, String script, String stdin) {
        return run(List.of(PYTHON.toString(), "-c", script), credentials, stdin);
    }

    private Run run(List<String> command, Credentials credentials, String stdin) {
        var builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("HOME", home.toAbsolutePath().toString());
        env.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toAbsolutePath().toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toAbsolutePath().toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        if (credentials.sessionToken() != null) {
            env.put("AWS_SESSION_TOKEN", credentials.sessionToken());
        }
        try {
            Path out = Files.createTempFile(home, "out", ".txt");
            Path err = Files.createTempFile(home, "err", ".txt");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within 120 s");
            }
            var run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
