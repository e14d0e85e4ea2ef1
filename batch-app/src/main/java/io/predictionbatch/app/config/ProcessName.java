package io.predictionbatch.app.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** How a process names itself where others see its work: {@code host:pid}. */
public final class ProcessName {

    private static final String CURRENT = hostName() + ":" + ProcessHandle.current().pid();

    private ProcessName() {
    }

    public static String current() {
        return CURRENT;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
