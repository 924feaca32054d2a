package dev.jlivepatch.selftest.apps.kinds.old;

import static dev.jlivepatch.selftest.apps.Steps.show;

import dev.jlivepatch.selftest.apps.Ctl;
import dev.jlivepatch.selftest.apps.Steps;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code versions} prints the class-file versions of Old49 and Old50 without loading them;
 * {@code call49} and {@code call50} call them (Old49 is first used after the patch is enabled);
 * {@code recursive} calls their recursive methods.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Steps.run(args, Map.of("versions", Main::versions, "call49", () -> {
            Old49 o = new Old49();
            show("49 init", () -> Old49.INIT);
            show("49 static", Old49::tag);
            show("49 add", () -> o.add(1, 2L));
            show("49 synchronized", o::locked);
            show("49 throws", () -> o.parse("x"));
        }, "call50", () -> {
            Old50 o = new Old50();
            show("50 init", () -> Old50.INIT);
            show("50 static", Old50::tag);
            show("50 add", () -> o.add(1, 2L));
            show("50 synchronized", o::locked);
            show("50 throws", () -> o.parse("x"));
        }, "recursive", () -> {
            show("49 recursive", () -> new Old49().depth(3));
            show("50 recursive", () -> new Old50().depth(3));
        }));
    }

    static void versions() {
        for (String name : new String[] {"Old49", "Old50"}) {
            try (InputStream in = Main.class.getResourceAsStream(name + ".class")) {
                byte[] head = in.readNBytes(8);
                Ctl.out(name + " class file version " + (((head[6] & 0xff) << 8) | (head[7] & 0xff)));
            } catch (IOException e) {
                Ctl.out(name + ": " + e);
            }
        }
    }
}
