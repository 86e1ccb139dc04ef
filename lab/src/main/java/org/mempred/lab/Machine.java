package org.mempred.lab;

/** One line describing the machine a measurement ran on: OS, architecture, processors, JVM. */
public final class Machine {
    private Machine() {}

    /** This machine, e.g. {@code "Linux 6.1 amd64, 2 processors, OpenJDK 64-Bit Server VM 25+36, max heap 1024 MiB"}. */
    public static String describe() {
        Runtime runtime = Runtime.getRuntime();
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", " + runtime.availableProcessors() + " processors, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", max heap " + runtime.maxMemory() / (1024 * 1024) + " MiB";
    }
}
