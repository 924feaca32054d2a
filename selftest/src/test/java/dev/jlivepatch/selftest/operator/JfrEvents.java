package dev.jlivepatch.selftest.operator;

import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Prints the jlivepatch events of a flight recording with
 * {@code jdk.jfr.consumer.RecordingFile}, one line each, in the order they
 * were committed (their end time):
 * {@code OUT NAME start=EPOCH_MS duration=MS field=value ...} (newlines in a
 * value as {@code " // "}). Run in a JVM of the recording's JDK.
 */
public final class JfrEvents {

    private JfrEvents() {
    }

    /**
     * @param args the recording file
     * @throws Exception if it cannot be read
     */
    public static void main(String[] args) throws Exception {
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
        events.sort((a, b) -> a.getEndTime().compareTo(b.getEndTime()));
        for (RecordedEvent e : events) {
            String name = e.getEventType().getName();
            if (!name.startsWith("dev.jlivepatch.")) {
                continue;
            }
            StringJoiner line = new StringJoiner(" ", "OUT ", "");
            line.add(name.substring("dev.jlivepatch.".length()));
            line.add("start=" + e.getStartTime().toEpochMilli());
            line.add("duration=" + e.getDuration().toMillis());
            for (ValueDescriptor v : e.getFields()) {
                String f = v.getName();
                if (f.equals("startTime") || f.equals("duration") || f.equals("eventThread")
                        || f.equals("stackTrace")) {
                    continue;
                }
                Object value = e.getValue(f);
                line.add(f + "=" + String.valueOf(value).replace("\n", " // "));
            }
            System.out.println(line);
        }
    }
}
