package shop;

import java.util.ArrayList;
import java.util.List;

/** Private fields and methods; the fix adds a private and a static helper. */
public class Cart {
    private final List<Integer> items = new ArrayList<>();
    private int discountPercent = 10;

    public void add(int cents) {
        items.add(cents);
    }

    private int sum() {
        int s = 0;
        for (int i : items) {
            s += i;
        }
        return s;
    }

    public int total() {
        return sum();
    }
}
