package workbench.harness.cli;

/** java -jar workbench.jar … */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // charts render without a display
        System.exit(WorkbenchCommand.commandLine(System.out, System.err).execute(args));
    }
}
