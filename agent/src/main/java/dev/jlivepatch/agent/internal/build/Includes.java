package dev.jlivepatch.agent.internal.build;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code --include} patterns: what of the new build the patch takes. A
 * pattern is {@code CLASS} or {@code CLASS#METHOD}, with binary class names
 * ({@code com.example.Cart}, {@code com.example.Cart$Line}); {@code *}
 * matches within a name segment, {@code **} across segments. A class pattern
 * takes the class with its nested classes and every change in them; a method
 * pattern takes the changed method of that name (every overload), with the
 * lambdas it creates, and nothing else of the class. No pattern takes
 * everything.
 */
final class Includes {
    private final List<String> patterns;
    private final List<Pattern> classes = new ArrayList<>();
    private final List<Pattern> methodClasses = new ArrayList<>();
    private final List<Pattern> methods = new ArrayList<>();

    Includes(List<String> patterns) throws BuildException {
        this.patterns = List.copyOf(patterns);
        for (String p : patterns) {
            int hash = p.indexOf('#');
            String cls = hash >= 0 ? p.substring(0, hash) : p;
            String method = hash >= 0 ? p.substring(hash + 1) : null;
            if (cls.isEmpty() || !cls.matches("[\\w.$*]+") || cls.contains("..")
                    || (method != null && !method.matches("[\\w$*<>]+"))) {
                throw new BuildException("--include '" + p + "' is not CLASS or CLASS#METHOD (a binary class name,"
                        + " '*' within a name, '**' across packages)");
            }
            if (method == null) {
                classes.add(glob(cls));
            } else {
                methodClasses.add(glob(cls));
                methods.add(glob(method));
            }
        }
    }

    boolean all() {
        return patterns.isEmpty();
    }

    List<String> patterns() {
        return patterns;
    }

    /** Whether every change of the class (internal name) is taken: a class pattern names it or its outer class. */
    boolean wholeClass(String internalName) {
        if (all()) {
            return true;
        }
        String name = Names.type(internalName);
        for (Pattern c : classes) {
            for (String n = name; ; n = n.substring(0, n.lastIndexOf('$'))) {
                if (c.matcher(n).matches()) {
                    return true;
                }
                if (n.lastIndexOf('$') <= 0) {
                    break;
                }
            }
        }
        return false;
    }

    /** Whether a change of this method (its name, of the class given as internal name) is taken. */
    boolean method(String internalName, String methodName) {
        if (wholeClass(internalName)) {
            return true;
        }
        String name = Names.type(internalName);
        for (int k = 0; k < methods.size(); k++) {
            if (methodClasses.get(k).matcher(name).matches() && methods.get(k).matcher(methodName).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^.]*");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
