package workbench.harness.fuzz;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The hang check of a fuzz target. When fuzzing ({@code JAZZER_FUZZ}), libFuzzer's {@code -timeout}
 * does it (a JUnit {@code @Timeout} would time the whole fuzzing run, not one input); when
 * replaying, the input runs on a thread of its own that must finish in time.
 */
final class Hang {
    private static final boolean FUZZING = truthy(System.getenv("JAZZER_FUZZ")) || truthy(System.getProperty("JAZZER_FUZZ"));

    interface Body {
        void run() throws Exception;
    }

    private Hang() {
    }

    static void guard(String what, int seconds, Body body) throws Exception {
        if (FUZZING) {
            body.run();
            return;
        }
        FutureTask<Void> task = new FutureTask<>(() -> {
            body.run();
            return null;
        });
        Thread worker = new Thread(task, "fuzz-replay");
        worker.setDaemon(true);
        worker.start();
        try {
            task.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            String stack = Arrays.stream(worker.getStackTrace()).limit(12).map(f -> "\n\tat " + f).collect(Collectors.joining());
            worker.interrupt();
            throw new AssertionError(what + " hangs: not done after " + seconds + " s" + stack);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception x) {
                throw x;
            }
            if (cause instanceof Error x) {
                throw x;
            }
            throw e;
        }
    }

    private static boolean truthy(String v) {
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"));
    }
}
