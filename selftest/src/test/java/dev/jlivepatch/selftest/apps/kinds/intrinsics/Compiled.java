package dev.jlivepatch.selftest.apps.kinds.intrinsics;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/**
 * Whether C2 has compiled a method, read from the code cache as {@code jcmd PID Compiler.codelist}
 * prints it (through the DiagnosticCommand MBean), so that a loop is known to run compiled code,
 * where intrinsics apply, rather than being assumed to.
 */
final class Compiled {
    private Compiled() {
    }

    /**
     * Whether the code cache holds C2 code, in use, for a method.
     *
     * @param method the method as the code list names it: {@code pkg.Class.name(}
     */
    static boolean byC2(String method) {
        String list;
        try {
            list = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerCodelist",
                    new Object[] {null}, new String[] {String[].class.getName()});
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the code cache", e);
        }
        // A line is: compile id, tier, state (0 = in use), method with signature, addresses.
        for (String line : list.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length > 3 && f[1].equals("4") && f[2].equals("0") && f[3].startsWith(method)) {
                return true;
            }
        }
        return false;
    }
}
