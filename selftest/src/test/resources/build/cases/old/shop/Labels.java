package shop;

import java.util.List;
import java.util.stream.Collectors;

/** The fix uses new lambdas (one capturing this), and a method reference to a private method. */
public class Labels {
    private final String suffix;

    public Labels(String suffix) {
        this.suffix = suffix;
    }

    private String decorate(String s) {
        return "[" + s + "]";
    }

    public String format(List<String> names) {
        StringBuilder b = new StringBuilder();
        for (String n : names) {
            b.append(n).append(suffix);
        }
        return b.toString();
    }
}
